# Package test: install an OrderKit build tree into a scratch prefix, then configure, build and
# run tests/consumer against it with find_package(orderkit). Run by ctest as
#   cmake -DORDERKIT_BUILD_DIR=... -DCONSUMER_SOURCE_DIR=... -DWORK_DIR=... [-DCONFIG=...]
#         [-DGENERATOR=...] [-DCXX_COMPILER=...] [-DCXX_FLAGS=...] [-DEXPECTED_VERSION=...]
#         -P cmake/ConsumerTest.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS ORDERKIT_BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "ConsumerTest.cmake: -D${var}=... is required")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(run step)
  message(STATUS "consumer test: ${step}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "consumer test: ${step} failed (${rc}):\n${out}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

set(config_args "")
if(CONFIG)
  list(APPEND config_args --config "${CONFIG}")
endif()
run("install ${ORDERKIT_BUILD_DIR} into ${prefix}"
    "${CMAKE_COMMAND}" --install "${ORDERKIT_BUILD_DIR}" --prefix "${prefix}" ${config_args})

# The export must not mention build-tree helpers or the libraries only the tests use.
file(GLOB_RECURSE target_files "${prefix}/*/orderkitTargets*.cmake")
if(NOT target_files)
  message(FATAL_ERROR "consumer test: no orderkitTargets*.cmake installed under ${prefix}")
endif()
foreach(f IN LISTS target_files)
  file(READ "${f}" content)
  foreach(bad IN ITEMS dep_json dep_tinyxml2 dep_boost_test orderkit_warnings nlohmann tinyxml2)
    string(FIND "${content}" "${bad}" pos)
    if(NOT pos EQUAL -1)
      message(FATAL_ERROR "consumer test: ${f} mentions '${bad}' (private dependency leaked)")
    endif()
  endforeach()
endforeach()

set(configure_args -S "${CONSUMER_SOURCE_DIR}" -B "${consumer_build}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(GENERATOR)
  list(APPEND configure_args -G "${GENERATOR}")
endif()
if(CXX_COMPILER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(CXX_FLAGS)
  list(APPEND configure_args "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
endif()
if(CONFIG)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
run("configure consumer" "${CMAKE_COMMAND}" ${configure_args})
run("build consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" ${config_args})

find_program(consumer_exe NAMES consumer PATHS "${consumer_build}" "${consumer_build}/${CONFIG}"
             NO_DEFAULT_PATH NO_CACHE REQUIRED)
run("run consumer" "${consumer_exe}")
string(STRIP "${last_output}" last_output)
message(STATUS "consumer test: consumer printed '${last_output}'")
if(EXPECTED_VERSION AND NOT last_output STREQUAL "orderkit ${EXPECTED_VERSION}")
  message(FATAL_ERROR "consumer test: expected 'orderkit ${EXPECTED_VERSION}', got '${last_output}'")
endif()
message(STATUS "consumer test: passed")
