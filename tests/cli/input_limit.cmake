# Input larger than the tool's 64 MiB cap is refused with a clear message (exit 1), from a file
# and from stdin, instead of being read into memory.
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

string(REPEAT " " 1048576 mebibyte)
set(big "${WORK_DIR}/big.json")
file(WRITE "${big}" "")
foreach(i RANGE 64)  # 65 MiB of whitespace
  file(APPEND "${big}" "${mebibyte}")
endforeach()

run_orderkit(EXIT 1 ARGS validate --api mobile --model OrderCreationRequest "${big}")
check_matches("${ERR}" "^orderkit: .*big\\.json is larger than 64 MiB" "a big file is refused")
run_orderkit(EXIT 1 STDIN "${big}" ARGS validate --api mobile --model OrderCreationRequest)
check_matches("${ERR}" "^orderkit: stdin is larger than 64 MiB" "big stdin is refused")
file(REMOVE "${big}")

check_done()
