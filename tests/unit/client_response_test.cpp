// Parsing responses: every documented response sample in JSON and XML, the ASP.NET error shape
// (Message, ModelState) in both formats, shapes that are not documented, and 001's null order.
#include <boost/test/unit_test.hpp>

#include <string>

#include "client_test_support.hpp"
#include "orderkit/broadband/operations.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/operations.hpp"
#include "orderkit/licenses/operations.hpp"
#include "orderkit/mobile/operations.hpp"
#include "orderkit/testing/fake_transport.hpp"

using namespace orderkit;
using orderkit::testing::make_response;

namespace {
constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kXml = "application/xml; charset=utf-8";
constexpr const char* kId = "req-1";
}  // namespace

BOOST_AUTO_TEST_SUITE(client_response)

BOOST_AUTO_TEST_CASE(mobile_results_are_read_from_every_documented_format) {
  for (auto [file, type] : {std::pair{"mobile/OrderDetailResult[].response.json", kJson},
                            std::pair{"mobile/OrderDetailResult[].response.xml", kXml},
                            std::pair{"mobile/OrderDetailResult[].response.html", "text/html"}}) {
    BOOST_TEST_CONTEXT(file) {
      auto result = mobile::parse_create_orders_response(make_response(200, test::read_fixture(file), type), kId);
      BOOST_REQUIRE(result.ok());
      BOOST_TEST(result.value().value.size() == 2u);
      BOOST_TEST(result.value().value[0].Success == true);
      BOOST_TEST(*result.value().value[0].ErrorMessage == "sample string 2");
      BOOST_TEST(result.value().value[1].Order->Id == 4);
      BOOST_TEST(result.value().status == 200);
      BOOST_TEST(result.value().request_id == kId);
    }
  }
}

BOOST_AUTO_TEST_CASE(broadband_order_is_read_from_the_documented_json) {
  auto body = test::read_fixture("broadband/OrderNew.response.json");
  auto result = broadband::parse_create_order_response(make_response(200, body, kJson), kId);
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().value.AccessId.to_string() == "9c802615-aee5-42b8-9d2e-b09e57bb100c");
  BOOST_TEST(*result.value().value.Customer->City == "sample string 14");
}

BOOST_AUTO_TEST_CASE(broadband_xml_answer_is_a_decode_error_since_the_page_documents_json_only) {
  auto result = broadband::parse_create_order_response(make_response(200, "<OrderNew/>", kXml), kId);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().kind == ErrorKind::decode);
}

BOOST_AUTO_TEST_CASE(contracts_order_is_read_from_json_and_xml) {
  for (auto [file, type] :
       {std::pair{"contracts/OrderBase.response.json", kJson}, std::pair{"contracts/OrderBase.response.xml", kXml}}) {
    BOOST_TEST_CONTEXT(file) {
      auto result = contracts::parse_generate_order_response(make_response(200, test::read_fixture(file), type), kId);
      BOOST_REQUIRE(result.ok());
      BOOST_REQUIRE(result.value().value.has_value());
      BOOST_TEST(*result.value().value->OrderCode == "sample string 2");
      BOOST_TEST(result.value().value->OrderTotalExVat.to_string() == (std::string(type) == kJson ? "6.0" : "6"));
    }
  }
}

BOOST_AUTO_TEST_CASE(contracts_null_answer_means_no_order) {
  const char* nil_xml = R"(<OrderBase xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true" />)";
  for (auto response : {make_response(200, "null", kJson), make_response(200, " null\n", kJson),
                        make_response(200, nil_xml, kXml), make_response(204, "", "")}) {
    auto result = contracts::parse_generate_order_response(response, kId);
    BOOST_REQUIRE(result.ok());
    BOOST_TEST(!result.value().value.has_value());
  }
}

BOOST_AUTO_TEST_CASE(licenses_validation_result_is_read_from_json_and_xml) {
  for (auto [file, type] : {std::pair{"licenses/ValidationResult.response.json", kJson},
                            std::pair{"licenses/ValidationResult.response.xml", kXml}}) {
    BOOST_TEST_CONTEXT(file) {
      auto result = licenses::parse_submit_order_response(make_response(200, test::read_fixture(file), type), kId);
      BOOST_REQUIRE(result.ok());
      BOOST_TEST(result.value().value.IsValid());
    }
  }
  auto invalid = licenses::parse_submit_order_response(
      make_response(200, R"({"errors":[{"propertyName":"Ean","errorMessage":"bad","severity":0}]})", kJson), kId);
  BOOST_REQUIRE(invalid.ok());
  BOOST_TEST(!invalid.value().value.IsValid());
  BOOST_TEST(*invalid.value().value.Errors[0].PropertyName == "Ean");
}

// What Web API 2 really writes (the .NET oracle's validation_failure_keys_are_backing_fields and
// attempted_value_may_be_an_object): the [Serializable] ValidationFailure keyed by backing fields,
// AttemptedValue of .NET type object. A number there used to fail the whole 200 answer.
BOOST_AUTO_TEST_CASE(licenses_validation_result_is_read_as_web_api_2_writes_it) {
  const char* body =
      R"({"errors":[{"<PropertyName>k__BackingField":"Quantity","<ErrorMessage>k__BackingField":"m",)"
      R"("<AttemptedValue>k__BackingField":0,"<CustomState>k__BackingField":null,"<Severity>k__BackingField":1,)"
      R"("<ErrorCode>k__BackingField":null},{"<PropertyName>k__BackingField":"Owner","<ErrorMessage>k__BackingField":"m",)"
      R"("<AttemptedValue>k__BackingField":{"Street":null,"City":"O\"slo","Codes":[1,2.50,true,{}]},)"
      R"("<CustomState>k__BackingField":null,"<Severity>k__BackingField":0,"<ErrorCode>k__BackingField":null},)"
      R"({"<PropertyName>k__BackingField":"Ean","<AttemptedValue>k__BackingField":false},)"
      R"({"<PropertyName>k__BackingField":"Grade","<AttemptedValue>k__BackingField":null}]})";
  auto result = licenses::parse_submit_order_response(make_response(200, body, kJson), kId);
  BOOST_REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : to_string(result.error())));
  const auto& errors = result.value().value.Errors;
  BOOST_REQUIRE(errors.size() == 4u);
  BOOST_TEST(*errors[0].PropertyName == "Quantity");
  BOOST_TEST(*errors[0].ErrorMessage == "m");
  BOOST_TEST(*errors[0].AttemptedValue == "0");
  BOOST_TEST(errors[0].Severity == 1);
  BOOST_TEST(!errors[0].ErrorCode.has_value());
  BOOST_TEST(*errors[1].AttemptedValue == R"({"Street":null,"City":"O\"slo","Codes":[1,2.50,true,{}]})");
  BOOST_TEST(*errors[2].AttemptedValue == "false");
  BOOST_TEST(!errors[3].AttemptedValue.has_value());
}

BOOST_AUTO_TEST_CASE(a_400_with_json_model_state_becomes_an_api_error_with_every_entry) {
  const char* body =
      R"({"Message":"The request is invalid.","ModelState":{"order.OrderDetails[0].CategoryId":["Required.","Must be positive."],"order.PaymentId":["Bad."]}})";
  auto response = make_response(400, body, kJson);
  auto result = mobile::parse_create_orders_response(response, kId);
  BOOST_REQUIRE(!result.ok());
  const ClientError& e = result.error();
  BOOST_TEST(e.kind == ErrorKind::api);
  BOOST_TEST(e.code == "api_error");
  BOOST_TEST(e.status == 400);
  BOOST_TEST(e.reason == "Bad Request");
  BOOST_TEST(e.server_message == "The request is invalid.");
  BOOST_TEST(e.body == body);
  BOOST_TEST(e.request_id == kId);
  BOOST_REQUIRE(e.model_state.size() == 2u);
  BOOST_TEST(e.model_state[0].first == "order.OrderDetails[0].CategoryId");
  BOOST_TEST(e.model_state[0].second.size() == 2u);
  BOOST_TEST(e.model_state[1].second[0] == "Bad.");
  BOOST_TEST(e.message == "400 Bad Request: The request is invalid.");
  BOOST_CHECK_THROW(result.value(), ApiError);
  try {
    result.value();
  } catch (const ApiError& error) {
    BOOST_TEST(error.status() == 400);
    BOOST_TEST(std::string(error.what()).find("order.PaymentId: Bad.") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_json_error_body_keeps_the_servers_order_and_its_values_text) {
  // Keys in the order the server wrote them; a value that is not a string as compact JSON, its
  // numbers as written; member names matched without regard to case.
  const char* body = R"({"message":"Bad.","modelState":{"z":["first"],"a":{"n":2.50,"s":"x\ty"},"m":[true,null]}})";
  auto result = mobile::parse_create_orders_response(make_response(400, body, kJson), kId);
  BOOST_REQUIRE(!result.ok());
  const ClientError& e = result.error();
  BOOST_TEST(e.server_message == "Bad.");
  BOOST_REQUIRE(e.model_state.size() == 3u);
  BOOST_TEST(e.model_state[0].first == "z");
  BOOST_TEST(e.model_state[1].first == "a");
  BOOST_TEST(e.model_state[1].second[0] == R"({"n":2.50,"s":"x\ty"})");
  BOOST_TEST(e.model_state[2].second.size() == 2u);
  BOOST_TEST(e.model_state[2].second[0] == "true");
  BOOST_TEST(e.model_state[2].second[1] == "null");
}

BOOST_AUTO_TEST_CASE(a_malformed_error_body_is_kept_raw) {
  for (const char* body : {R"({"Message":"a",})", R"({"Message":"a")", "<Error><Message>a</Error>"}) {
    auto result = mobile::parse_create_orders_response(make_response(400, body, ""), kId);
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(result.error().server_message.empty(), body);
    BOOST_TEST(result.error().body == body);
  }
}

BOOST_AUTO_TEST_CASE(a_400_with_xml_model_state_becomes_an_api_error_with_decoded_keys) {
  const char* body =
      "<Error><Message>The request is invalid.</Message><ModelState>"
      "<order.OrderCode>The OrderCode field is required.</order.OrderCode>"
      "<order.OrderDetails_x005B_0_x005D_.CategoryId>Bad.</order.OrderDetails_x005B_0_x005D_.CategoryId>"
      "<order.OrderCode>Too long.</order.OrderCode>"
      "</ModelState></Error>";
  auto result = licenses::parse_submit_order_response(make_response(400, body, kXml), kId);
  BOOST_REQUIRE(!result.ok());
  const ClientError& e = result.error();
  BOOST_TEST(e.server_message == "The request is invalid.");
  BOOST_REQUIRE(e.model_state.size() == 2u);
  BOOST_TEST(e.model_state[0].first == "order.OrderCode");
  BOOST_TEST(e.model_state[0].second.size() == 2u);
  BOOST_TEST(e.model_state[1].first == "order.OrderDetails[0].CategoryId");
}

BOOST_AUTO_TEST_CASE(a_fluent_validation_body_on_an_error_status_fills_model_state) {
  auto result = licenses::parse_submit_order_response(
      make_response(422, R"({"isValid":false,"errors":[{"propertyName":"Quantity","errorMessage":"must be > 0"}]})",
                    kJson),
      kId);
  BOOST_REQUIRE(!result.ok());
  BOOST_REQUIRE(result.error().model_state.size() == 1u);
  BOOST_TEST(result.error().model_state[0].first == "Quantity");
  BOOST_TEST(result.error().model_state[0].second[0] == "must be > 0");
}

BOOST_AUTO_TEST_CASE(an_error_body_that_is_not_json_or_xml_is_kept_raw) {
  auto result = mobile::parse_create_orders_response(make_response(500, "boom", "text/plain"), kId);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().body == "boom");
  BOOST_TEST(result.error().server_message.empty());
  BOOST_TEST(result.error().message == "500 Internal Server Error");
}

BOOST_AUTO_TEST_CASE(a_hostile_error_body_nested_beyond_the_limit_is_kept_raw_without_recursing) {
  // Once a SIGSEGV: the message was printed with nlohmann's recursive dump().
  const std::string deep = "{\"Message\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  auto result = mobile::parse_create_orders_response(make_response(400, deep, "application/json"), kId);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().status == 400);
  BOOST_TEST(result.error().server_message.empty());
  BOOST_TEST(result.error().body.size() == deep.size());
  // Nesting a real body may have is still read.
  const std::string nested = "{\"Message\":" + std::string(10, '[') + "1" + std::string(10, ']') + "}";
  auto ok = mobile::parse_create_orders_response(make_response(400, nested, "application/json"), kId);
  BOOST_TEST(ok.error().server_message == "[[[[[[[[[[1]]]]]]]]]]");
  std::string xml = "<Error><Message>";
  for (int i = 0; i < 50'000; ++i) xml += "<a>";
  auto x = mobile::parse_create_orders_response(make_response(400, xml, "application/xml"), kId);
  BOOST_TEST(x.error().status == 400);
}

BOOST_AUTO_TEST_CASE(a_success_body_of_another_shape_is_a_decode_error_naming_the_path) {
  auto result =
      mobile::parse_create_orders_response(make_response(200, R"([{"Success":true},{"Success":"yes"}])", kJson), kId);
  BOOST_REQUIRE(!result.ok());
  const ClientError& e = result.error();
  BOOST_TEST(e.kind == ErrorKind::decode);
  BOOST_TEST(e.code == "decode_failed");
  BOOST_TEST(e.status == 200);
  BOOST_REQUIRE(!e.field_errors.empty());
  BOOST_TEST(e.field_errors[0].path == "[1].Success");
  BOOST_CHECK_THROW(result.value(), ResponseDecodeError);
}

BOOST_AUTO_TEST_CASE(a_success_body_that_is_not_json_at_all_is_a_decode_error) {
  auto result = broadband::parse_create_order_response(make_response(200, "{\"AccessId\": ", kJson), kId);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().kind == ErrorKind::decode);
}

BOOST_AUTO_TEST_SUITE_END()
