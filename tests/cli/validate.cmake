# orderkit validate: "valid" on stdout, or every failure as "path: message" on stderr (exit 1).
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

run_orderkit(EXIT 0 ARGS validate --api mobile --model OrderCreationRequest --format xml
  "${FIXTURES}/mobile/OrderCreationRequest.request.xml")
check_equal("${OUT}" "valid\n" "the mobile XML sample is valid")
check_equal("${ERR}" "" "a valid document writes nothing to stderr")

run_orderkit(EXIT 0 STDIN "${FIXTURES}/licenses/OrderRequest.request.json"
  ARGS validate --api licenses --model OrderRequest)
check_equal("${OUT}" "valid\n" "JSON on stdin is the default")

# 001's rules: OrderCode at most 50 characters. "Id must be 0" is an insert rule and OrderBase is
# a response (the page's sample has Id 1): Id 5 is not reported.
run_orderkit(EXIT 0 ARGS validate --api contracts --model OrderBase --format json "${FIXTURES}/contracts/OrderBase.response.json")
check_equal("${OUT}" "valid\n" "the page's own response sample is valid")
read_fixture(order "contracts/OrderBase.response.json")
string(REPEAT "x" 51 code51)
string(REPLACE "\"sample string 2\"" "\"${code51}\"" order "${order}")
string(REPLACE "\"Id\": 1," "\"Id\": 5," order "${order}")
file(WRITE "${WORK_DIR}/order-base.json" "${order}")
run_orderkit(EXIT 1 ARGS validate --api contracts --model OrderBase --format json "${WORK_DIR}/order-base.json")
check_matches("${ERR}" "(^|\n)OrderCode: [^\n]*50[^\n]*\n" "the too-long OrderCode is reported with its path")
string(FIND "${ERR}" "Id:" id_reported)
check_equal("${id_reported}" "-1" "a response's non-zero Id is not an insert failure")
check_equal("${OUT}" "" "an invalid document prints no \"valid\"")

# The same through XML and stdin.
run_orderkit(EXIT 0 STDIN "${WORK_DIR}/order-base.json"
  ARGS convert --api contracts --model OrderBase --from json --to xml)
file(WRITE "${WORK_DIR}/order-base.xml" "${OUT}")
run_orderkit(EXIT 1 STDIN "${WORK_DIR}/order-base.xml" ARGS validate --api contracts --model OrderBase --format xml -)
check_matches("${ERR}" "(^|\n)OrderCode: [^\n]*\n" "XML from stdin: OrderCode reported")
string(FIND "${ERR}" "Id:" id_reported)
check_equal("${id_reported}" "-1" "XML from stdin: Id not reported")

# A decode error names the path inside a collection.
read_fixture(results "mobile/OrderDetailResult[].response.json")
string(REGEX REPLACE "\"Success\": true" "\"Success\": \"yes\"" results "${results}")
file(WRITE "${WORK_DIR}/results.json" "${results}")
run_orderkit(EXIT 1 ARGS validate --api mobile --model OrderDetailResult[] --format json "${WORK_DIR}/results.json")
check_matches("${ERR}" "^\\[0\\]\\.Success: " "a collection item's error names its index")

file(WRITE "${WORK_DIR}/not-json.txt" "this is not an order")
run_orderkit(EXIT 1 ARGS validate --api mobile --model OrderCreationRequest "${WORK_DIR}/not-json.txt")
check_matches("${ERR}" "." "malformed JSON is reported")

# Input that cannot be read is invalid input (1), not a usage error.
run_orderkit(EXIT 1 ARGS validate --api mobile --model OrderCreationRequest "${WORK_DIR}/missing.json")
check_matches("${ERR}" "^orderkit: cannot open .*missing\\.json: " "a missing file is reported")
run_orderkit(EXIT 1 ARGS validate --api mobile --model OrderCreationRequest "${WORK_DIR}")
check_matches("${ERR}" "^orderkit: cannot (open|read) " "a directory is reported")

check_done()
