# orderkit convert: JSON <-> XML from a file or stdin, compact output, decode errors with paths.
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

set(mobile --api mobile --model OrderCreationRequest)
read_fixture(json "mobile/OrderCreationRequest.request.json")
read_fixture(xml "mobile/OrderCreationRequest.request.xml")
read_fixture(html "mobile/OrderCreationRequest.request.html")

# JSON -> XML -> JSON from files and stdin ("-" and no file) gives back the page's JSON sample.
run_orderkit(EXIT 0 ARGS convert ${mobile} --from json --to xml "${FIXTURES}/mobile/OrderCreationRequest.request.json")
# A Decimal keeps its scale, as .NET's does: JSON's 2.0 stays 2.0 in XML, where the page's XML
# sample (generated from the integer 2) shows 2.
string(REPLACE "<VoluntaryTopupAmount>2<" "<VoluntaryTopupAmount>2.0<" xml_from_json "${xml}")
check_equal("${OUT}" "${xml_from_json}" "JSON file -> XML is the page's XML sample, scale kept")
file(WRITE "${WORK_DIR}/order.xml" "${OUT}")
run_orderkit(EXIT 0 STDIN "${WORK_DIR}/order.xml" ARGS convert ${mobile} --from xml --to json -)
check_equal("${OUT}" "${json}" "XML on stdin (-) -> JSON round-trips to the page's JSON sample")
run_orderkit(EXIT 0 STDIN "${WORK_DIR}/order.xml" ARGS convert ${mobile} --from xml --to json)
check_equal("${OUT}" "${json}" "XML on stdin (no file) -> JSON round-trips")

# The page's XML sample -> JSON is the page's JSON sample (Newtonsoft writes decimal 2 as 2.0).
run_orderkit(EXIT 0 ARGS convert ${mobile} --from xml --to json "${FIXTURES}/mobile/OrderCreationRequest.request.xml")
check_equal("${OUT}" "${json}" "the XML sample converts to the JSON sample")
run_orderkit(EXIT 0 STDIN "${FIXTURES}/mobile/OrderCreationRequest.request.json"
  ARGS convert ${mobile} --from json --to json --compact)
check_equal("${OUT}" "${html}" "--compact JSON is the page's text/html sample")

# A collection, and an XmlSerializer page (001) shown unindented on the page.
read_fixture(results_json "mobile/OrderDetailResult[].response.json")
run_orderkit(EXIT 0 ARGS convert --api mobile --model OrderDetailResult[] --from xml --to json
  "${FIXTURES}/mobile/OrderDetailResult[].response.xml")
check_equal("${OUT}" "${results_json}" "a collection converts XML -> JSON")
read_fixture(base_xml "contracts/OrderBase.response.xml")
run_orderkit(EXIT 0 ARGS convert --api contracts --model OrderBase --from xml --to xml
  "${FIXTURES}/contracts/OrderBase.response.xml")
normalize_space(got "${OUT}")
normalize_space(expected "${base_xml}")
check_equal("${got}" "${expected}" "001's XML sample converts to itself")

# Invalid input: exit 1, every error with its path on stderr, nothing on stdout.
string(REPLACE "\"SimTypeId\": 8," "\"SimTypeId\": \"nine\"," bad "${json}")
if(bad STREQUAL json)
  check_fail("the test could not alter SimTypeId in the JSON sample")
endif()
file(WRITE "${WORK_DIR}/bad.json" "${bad}")
run_orderkit(EXIT 1 ARGS convert ${mobile} --from json --to xml "${WORK_DIR}/bad.json")
check_matches("${ERR}" "^OrderDetails\\[0\\]\\.OrderDetail\\.SimTypeId: expected integer, got \"nine\"\n"
  "a wrong type is reported with its path")
check_equal("${OUT}" "" "nothing is written for invalid input")

file(WRITE "${WORK_DIR}/truncated.xml" "<OrdersController.OrderCreationRequest xmlns=\"nope\">")
run_orderkit(EXIT 1 ARGS convert ${mobile} --from xml --to json "${WORK_DIR}/truncated.xml")
check_matches("${ERR}" "." "malformed XML is reported")
check_equal("${OUT}" "" "nothing is written for malformed XML")

run_orderkit(EXIT 1 ARGS convert ${mobile} --from json --to xml "${WORK_DIR}/no-such-file.json")
check_matches("${ERR}" "^orderkit: cannot open .*no-such-file\\.json: " "a missing file is exit 1 with the reason")

check_done()
