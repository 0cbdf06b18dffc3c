# examples/print_order: exits 0 and prints one order as JSON and as XML; both parts decode and
# validate with the orderkit tool, carry the exact amount, and say the same thing.
#   cmake -DEXAMPLE=<print_order> [-DORDERKIT=<orderkit>] -DWORK_DIR=<dir> -P print_order.cmake
cmake_minimum_required(VERSION 3.21)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/empty" "")

execute_process(COMMAND "${EXAMPLE}" INPUT_FILE "${WORK_DIR}/empty"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status STREQUAL "0" OR NOT err STREQUAL "")
  message(FATAL_ERROR "print_order exited with '${status}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT out MATCHES "^JSON \\([^\n]*\\):\n(.*)\n\nXML \\([^\n]*\\):\n(.*)$")
  message(FATAL_ERROR "print_order's output is not 'JSON (...):' then 'XML (...):':\n${out}")
endif()
set(json "${CMAKE_MATCH_1}")
set(xml "${CMAKE_MATCH_2}")
file(WRITE "${WORK_DIR}/order.json" "${json}")
file(WRITE "${WORK_DIR}/order.xml" "${xml}")

if(NOT json MATCHES "\"VoluntaryTopupAmount\": 149\\.50,")
  message(FATAL_ERROR "the JSON lost the exact amount 149.50:\n${json}")
endif()
if(NOT xml MATCHES "<VoluntaryTopupAmount>149\\.50</VoluntaryTopupAmount>")
  message(FATAL_ERROR "the XML lost the exact amount 149.50:\n${xml}")
endif()
execute_process(COMMAND "${EXAMPLE}" --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status STREQUAL "0" OR NOT help MATCHES "^Usage: print_order")
  message(FATAL_ERROR "print_order --help exited with '${status}':\n${help}")
endif()
execute_process(COMMAND "${EXAMPLE}" --bogus OUTPUT_QUIET ERROR_QUIET RESULT_VARIABLE status)
if(NOT status STREQUAL "2")
  message(FATAL_ERROR "print_order --bogus exited with '${status}', expected 2")
endif()

if(NOT ORDERKIT)
  message(STATUS "orderkit tool not built: decoding not checked")
  return()
endif()
set(model --api mobile --model OrderCreationRequest)
foreach(format IN ITEMS json xml)
  execute_process(COMMAND "${ORDERKIT}" validate ${model} --format ${format} -
    INPUT_FILE "${WORK_DIR}/order.${format}"
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  if(NOT status STREQUAL "0" OR NOT out STREQUAL "valid\n")
    message(FATAL_ERROR "orderkit validate --format ${format} of print_order's output: '${status}'\n${out}${err}")
  endif()
endforeach()
# The two parts are the same order: the JSON converted to XML is the example's XML.
execute_process(COMMAND "${ORDERKIT}" convert ${model} --from json --to xml "${WORK_DIR}/order.json"
  OUTPUT_VARIABLE converted ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status STREQUAL "0" OR NOT converted STREQUAL xml)
  message(FATAL_ERROR "print_order's JSON converted to XML ('${status}'):\n${converted}${err}\nexpected:\n${xml}")
endif()
