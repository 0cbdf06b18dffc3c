# Checks that the C++ sources follow .clang-format (run by the orderkit_format test):
#   cmake -DCLANG_FORMAT=clang-format-14 -DSOURCE_DIR=<root> -P cmake/FormatCheck.cmake
# The formatter's version is pinned because two versions of clang-format disagree on details.
foreach(_var CLANG_FORMAT SOURCE_DIR)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "FormatCheck: -D${_var}= is required")
  endif()
endforeach()

set(_files "")
foreach(_dir bindings examples mockserver sdk tests wasm)
  file(GLOB_RECURSE _found LIST_DIRECTORIES false "${SOURCE_DIR}/${_dir}/*.cpp" "${SOURCE_DIR}/${_dir}/*.hpp"
       "${SOURCE_DIR}/${_dir}/*.h")
  list(APPEND _files ${_found})
endforeach()
# Test data and anything a build or npm put inside the tree are not sources.
list(FILTER _files EXCLUDE REGEX "/(fixtures|node_modules|build[^/]*)/")
list(LENGTH _files _count)
if(_count EQUAL 0)
  message(FATAL_ERROR "FormatCheck: no sources found under ${SOURCE_DIR}")
endif()

execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror --style=file ${_files}
                RESULT_VARIABLE _rc ERROR_VARIABLE _err OUTPUT_QUIET)
if(NOT _rc EQUAL 0)
  string(REGEX MATCHALL "[^\n]*:[0-9]+:[0-9]+: error: code should be clang-formatted" _lines "${_err}")
  set(_bad "")
  foreach(_line IN LISTS _lines)
    string(REGEX REPLACE ":[0-9]+:[0-9]+: error:.*" "" _file "${_line}")
    list(APPEND _bad "${_file}")
  endforeach()
  list(REMOVE_DUPLICATES _bad)
  string(REPLACE ";" "\n  " _bad "${_bad}")
  message(FATAL_ERROR "FormatCheck: files that differ from .clang-format (fix with clang-format -i FILE):\n  ${_bad}\n${_err}")
endif()
message(STATUS "FormatCheck: ${_count} files follow .clang-format")
