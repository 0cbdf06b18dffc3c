# orderkit models: every API with its models, collection forms and formats; field tables.
include("${CMAKE_CURRENT_LIST_DIR}/check.cmake")

run_orderkit(EXIT 0 ARGS models)
foreach(api IN ITEMS broadband contracts mobile licenses)
  check_matches("${OUT}" "(^|\n)${api}  [0-9][0-9][0-9] " "models lists the ${api} API with its title")
endforeach()
check_matches("${OUT}" "\n  OrderNew, OrderNew\\[\\] +json\n" "broadband's OrderNew is JSON only")
check_matches("${OUT}" "\n  OrderBase, OrderBase\\[\\] +json, xml\n" "contracts' OrderBase has JSON and XML")
check_matches("${OUT}" "\n  OrderDetailResult, OrderDetailResult\\[\\] +json, xml\n" "mobile lists OrderDetailResult[]")
check_matches("${OUT}" "\n  ValidationResult, ValidationResult\\[\\] +json, xml\n" "licenses lists ValidationResult")
check_matches("${OUT}" "\n  GenerateOrderQuery, GenerateOrderQuery\\[\\] +json \\(sent in the request URI\\)\n"
  "contracts' query is marked as URI parameters")
check_not_matches("${OUT}" "FIELD" "models without --fields shows no fields")

run_orderkit(EXIT 0 ARGS models --api mobile --model OrderItem)
check_matches("${OUT}" "^OrderItem \\(mobile API; json, xml\\)\n" "the field table names its model")
check_matches("${OUT}" "\n +FIELD +TYPE +NULLABLE +REQUIRED +NOTES\n" "the field table has a header")
check_matches("${OUT}" "\n +CategoryId +integer +no +no\n" "OrderItem.CategoryId is a required-by-type integer")
check_matches("${OUT}" "\n +VoluntaryTopupAmount +decimal number +no +no\n" "VoluntaryTopupAmount is a decimal")
check_matches("${OUT}" "\n +OrderDetail +OrderDetail +yes +no\n" "OrderDetail is a nullable nested model")

run_orderkit(EXIT 0 ARGS models --api contracts --fields)
check_matches("${OUT}" "\n +OrderCode +string +yes +yes +max length 50\n" "OrderCode is required, at most 50 characters")
check_matches("${OUT}" "\n +Type +OrderTypeEnum +no +no +JSON only\n" "Type is on the JSON wire only")
check_not_matches("${OUT}" "mobile" "models --api contracts lists only that API")

run_orderkit(EXIT 0 ARGS models --api licenses --model ValidationFailure[])
check_matches("${OUT}" "^ValidationFailure\\[\\] \\(licenses API" "a collection's fields are its item's fields")

check_done()
