# orderkit sample: every documented sample in tests/fixtures, as the tool prints it.
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

# Fixtures are named <api>/<Model>.<request|response>.<json|xml|html>.
file(GLOB fixtures RELATIVE "${FIXTURES}" "${FIXTURES}/*/*.*.*")
list(LENGTH fixtures count)
if(count LESS 10)
  check_fail("expected the documented samples in ${FIXTURES}, found ${count}")
endif()
foreach(fixture IN LISTS fixtures)
  if(NOT fixture MATCHES "^([a-z]+)/([A-Za-z]+(\\[\\])?)\\.(request|response)\\.(json|xml|html)$")
    check_fail("unexpected fixture name ${fixture}")
    continue()
  endif()
  set(api "${CMAKE_MATCH_1}")
  set(model "${CMAKE_MATCH_2}")
  set(format "${CMAKE_MATCH_5}")
  set(role_flag "")
  if(CMAKE_MATCH_4 STREQUAL "response")
    set(role_flag --response)
  endif()
  run_orderkit(EXIT 0 ARGS sample --api ${api} --model ${model} --format ${format} ${role_flag})
  read_fixture(expected "${fixture}")
  if(api STREQUAL "mobile")
    # 002's samples are the servers' own output: same bytes, indentation included.
    check_equal("${OUT}" "${expected}" "'${LAST_COMMAND}' prints ${fixture} exactly")
  else()
    # The other pages show their samples unindented or on one line.
    normalize_space(got "${OUT}")
    normalize_space(expected "${expected}")
    check_equal("${got}" "${expected}" "'${LAST_COMMAND}' prints ${fixture}")
  endif()
endforeach()

# --compact JSON is the pages' text/html form.
read_fixture(html "mobile/OrderCreationRequest.request.html")
run_orderkit(EXIT 0 ARGS sample --api mobile --model OrderCreationRequest --format json --compact)
check_equal("${OUT}" "${html}" "compact JSON equals the text/html sample")

# The request sample is the default; 000's response sample has other GUIDs and dates.
run_orderkit(EXIT 0 ARGS sample --api broadband --model OrderNew)
set(request "${OUT}")
run_orderkit(EXIT 0 ARGS sample --api broadband --model OrderNew --format json --response)
if(request STREQUAL OUT)
  check_fail("000's request and response samples should differ")
endif()

check_done()
