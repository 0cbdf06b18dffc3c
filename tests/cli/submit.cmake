# orderkit submit without a server: --help, usage errors (exit 2), unreadable or invalid input and
# a refused connection (exit 1). The calls that reach the mock server are in
# tests/client/cli_and_examples_test.cpp.
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

run_orderkit(EXIT 0 ARGS submit --help)
check_matches("${OUT}" "Usage: orderkit submit" "submit --help shows its usage")
foreach(option IN ITEMS --api --base-url --format --header --retries --id --from --till)
  check_matches("${OUT}" "${option}" "submit --help documents ${option}")
endforeach()

function(usage_error regex)
  run_orderkit(EXIT 2 ARGS ${ARGN})
  check_matches("${ERR}" "${regex}" "'${LAST_COMMAND}' explains the usage error")
  check_equal("${OUT}" "" "'${LAST_COMMAND}' writes nothing to stdout")
endfunction()

set(url http://127.0.0.1:9/x)
usage_error("--base-url is required" submit --api mobile)
usage_error("--api is required" submit --base-url ${url})
usage_error("--id is required for the contracts API" submit --api contracts --base-url ${url})
usage_error("belong to the contracts API" submit --api mobile --base-url ${url} --id 3)
usage_error("--from and --till go together" submit --api contracts --base-url ${url} --id 3 --from 2026-01-01)
usage_error("--till: 'soon' is not a date" submit --api contracts --base-url ${url} --id 3 --from 2026-01-01 --till soon)
usage_error("--format xml: the broadband API documents JSON only" submit --api broadband --base-url ${url} --format xml)
usage_error("--header: expected NAME:VALUE" submit --api mobile --base-url ${url} --header nocolon)
usage_error("--retries must be 0 or more" submit --api mobile --base-url ${url} --retries -1)

# Input that is not an order: exit 1 with the path, nothing sent.
file(WRITE "${WORK_DIR}/bad.json" "{\"PaymentId\": \"one\"}")
run_orderkit(EXIT 1 ARGS submit --api mobile --base-url ${url} "${WORK_DIR}/bad.json")
check_matches("${ERR}" "PaymentId: " "an invalid order names the field")
run_orderkit(EXIT 1 ARGS submit --api mobile --base-url ${url} "${WORK_DIR}/missing.json")
check_matches("${ERR}" "cannot open" "a missing file is reported")

check_done()
