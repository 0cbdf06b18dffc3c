# Shared checks for the command-line tool's tests. Each test is a CMake script, run by ctest as
#   cmake -DORDERKIT=<tool> -DFIXTURES=<tests/fixtures> -DWORK_DIR=<scratch dir> -P <test>.cmake
# so the tests need no shell. A failed check is reported and the script goes on, so one run
# lists every failure; check_done() turns them into a failing exit status.
cmake_minimum_required(VERSION 3.21)

foreach(_var IN ITEMS ORDERKIT FIXTURES WORK_DIR)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "${_var} is not set (see tests/cli/check.cmake)")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/empty" "")
set_property(GLOBAL PROPERTY check_failures 0)

function(check_fail what)
  message(SEND_ERROR "FAILED: ${what}")
  get_property(_n GLOBAL PROPERTY check_failures)
  math(EXPR _n "${_n} + 1")
  set_property(GLOBAL PROPERTY check_failures ${_n})
endfunction()

# run_orderkit(EXIT <status> [STDIN <file>] ARGS <arg>...)
# Runs the tool (stdin: <file>, or empty) and checks its exit status. Sets OUT and ERR in the
# caller's scope, and LAST_COMMAND for messages.
function(run_orderkit)
  cmake_parse_arguments(RUN "" "EXIT;STDIN" "ARGS" ${ARGN})
  if(NOT DEFINED RUN_STDIN)
    set(RUN_STDIN "${WORK_DIR}/empty")
  endif()
  execute_process(COMMAND "${ORDERKIT}" ${RUN_ARGS}
    INPUT_FILE "${RUN_STDIN}"
    OUTPUT_VARIABLE _out
    ERROR_VARIABLE _err
    RESULT_VARIABLE _status)
  string(JOIN " " _command orderkit ${RUN_ARGS})
  if(NOT _status STREQUAL "${RUN_EXIT}")
    check_fail("'${_command}' exited with '${_status}', expected ${RUN_EXIT}\nstdout:\n${_out}\nstderr:\n${_err}")
  endif()
  set(OUT "${_out}" PARENT_SCOPE)
  set(ERR "${_err}" PARENT_SCOPE)
  set(LAST_COMMAND "${_command}" PARENT_SCOPE)
endfunction()

# check_equal(<actual> <expected> <what>): byte for byte.
function(check_equal actual expected what)
  if(NOT actual STREQUAL expected)
    check_fail("${what}\n--- got:\n${actual}\n--- expected:\n${expected}")
  endif()
endfunction()

# check_matches(<text> <regex> <what>)
function(check_matches text regex what)
  if(NOT text MATCHES "${regex}")
    check_fail("${what}: no match for /${regex}/ in:\n${text}")
  endif()
endfunction()

# check_not_matches(<text> <regex> <what>)
function(check_not_matches text regex what)
  if(text MATCHES "${regex}")
    check_fail("${what}: unexpected match for /${regex}/ in:\n${text}")
  endif()
endfunction()

# normalize_space(<var> <text>): drops whitespace between JSON/XML tokens, as the golden tests
# compare the pages' samples (some pages show them unindented or on one line).
function(normalize_space var text)
  string(REGEX REPLACE "([][{},:>])[ \t\r\n]+" "\\1" text "${text}")
  string(REGEX REPLACE "[ \t\r\n]+([][{}<])" "\\1" text "${text}")
  string(STRIP "${text}" text)
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

# read_fixture(<var> <api>/<file>)
function(read_fixture var name)
  file(READ "${FIXTURES}/${name}" _text)
  set(${var} "${_text}" PARENT_SCOPE)
endfunction()

function(check_done)
  get_property(_n GLOBAL PROPERTY check_failures)
  if(_n GREATER 0)
    message(FATAL_ERROR "${_n} check(s) failed")
  endif()
endfunction()
