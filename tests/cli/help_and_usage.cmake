# --help and --version, and every kind of usage error: exit status 2 with a message on stderr.
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

run_orderkit(EXIT 0 ARGS --help)
check_matches("${OUT}" "Usage: orderkit" "--help shows the usage")
set(help "${OUT}")
foreach(command IN ITEMS models sample convert validate)
  check_matches("${help}" "\n  ${command} " "--help lists ${command}")
  run_orderkit(EXIT 0 ARGS ${command} --help)
  check_matches("${OUT}" "Usage: orderkit ${command}" "${command} --help shows its usage")
  check_matches("${OUT}" "--api" "${command} --help documents --api")
  check_equal("${ERR}" "" "${command} --help writes nothing to stderr")
endforeach()
foreach(command IN ITEMS convert validate)
  run_orderkit(EXIT 0 ARGS ${command} --help)
  check_matches("${OUT}" "\n +FILE +The document to read; - or none for stdin" "${command} --help documents the FILE|- argument")
endforeach()

run_orderkit(EXIT 0 ARGS --version)
check_equal("${OUT}" "orderkit ${EXPECTED_VERSION}\n" "--version prints the library version")

# usage_error(<regex> <arg>...): the tool exits 2, explains on stderr, writes nothing to stdout.
function(usage_error regex)
  run_orderkit(EXIT 2 ARGS ${ARGN})
  check_matches("${ERR}" "${regex}" "'${LAST_COMMAND}' explains the usage error")
  check_equal("${OUT}" "" "'${LAST_COMMAND}' writes nothing to stdout")
endfunction()

usage_error("a command is required: models, sample, convert, validate, submit")
usage_error("not expected: frobnicate" frobnicate)
usage_error("--bogus" models --bogus)
usage_error("--api: nowhere not in" models --api nowhere)
usage_error("--model needs --api" models --model OrderItem)
usage_error("--model is required" sample --api mobile)
usage_error("--api: nowhere not in" sample --api nowhere --model OrderNew)
usage_error("the mobile API has no model 'Nope'; its models are Address, .*OrderCreationRequest"
  sample --api mobile --model Nope)
usage_error("--format: yaml not in" sample --api mobile --model OrderCreationRequest --format yaml)
usage_error("--format xml: the broadband API documents JSON only"
  sample --api broadband --model OrderNew --format xml)
usage_error("GenerateOrderQuery travels in the request URI"
  sample --api contracts --model GenerateOrderQuery --format xml)
usage_error("--to is required" convert --api mobile --model OrderItem --from json)
usage_error("--to xml: the broadband API documents JSON only"
  convert --api broadband --model OrderNew --from json --to xml)
usage_error("--from xml: the broadband API documents JSON only"
  convert --api broadband --model OrderNew --from xml --to json)
usage_error("not expected" convert --api mobile --model OrderItem --from json --to json a b)
usage_error("--format xml: the broadband API documents JSON only"
  validate --api broadband --model OrderNew --format xml)
usage_error("--format: csv not in" validate --api licenses --model OrderRequest[] --format csv)

check_done()
