// Building requests: method, URL, headers, body per format, query encoding, validation.
#include <boost/test/unit_test.hpp>

#include <string>

#include "client_test_support.hpp"
#include "orderkit/broadband/operations.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/operations.hpp"
#include "orderkit/licenses/operations.hpp"
#include "orderkit/mobile/operations.hpp"
#include "orderkit/registry.hpp"  // shares Format with the clients
#include "orderkit/version.hpp"

using namespace orderkit;

namespace {

std::string header(const HttpRequest& request, const char* name) {
  const std::string* value = find_header(request.headers, name);
  return value ? *value : std::string("<none>");
}

CallOptions fixed_ids() {
  CallOptions call;
  call.request_id = "11111111-2222-4333-8444-555555555555";
  return call;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_request)

BOOST_AUTO_TEST_CASE(mobile_order_is_posted_as_json_to_api_orders_with_the_common_headers) {
  auto options = test::quiet_options("http://127.0.0.1:8080/mobile/");
  options.retry.max_attempts = 1;
  auto order = documented_sample<mobile::OrderCreationRequest>();
  auto request = mobile::build_create_orders_request(order, options, fixed_ids()).value();
  BOOST_TEST(request.method == "POST");
  BOOST_TEST(request.url == "http://127.0.0.1:8080/mobile/api/orders");
  BOOST_TEST(header(request, "accept") == "application/json");
  BOOST_TEST(header(request, "Content-Type") == "application/json; charset=utf-8");
  BOOST_TEST(header(request, "User-Agent") == std::string("orderkit-cpp/") + version);
  BOOST_TEST(header(request, "X-Request-Id") == "11111111-2222-4333-8444-555555555555");
  BOOST_TEST(header(request, "Idempotency-Key") == "<none>");  // retries off, none given
  BOOST_TEST((from_json<mobile::OrderCreationRequest>(request.body).value() == order));
}

BOOST_AUTO_TEST_CASE(mobile_order_is_posted_as_xml_when_the_format_is_xml) {
  auto options = test::quiet_options("http://h/mobile");
  options.format = Format::xml;
  auto order = documented_sample<mobile::OrderCreationRequest>();
  auto request = mobile::build_create_orders_request(order, options, fixed_ids()).value();
  BOOST_TEST(header(request, "Accept") == "application/xml");
  BOOST_TEST(header(request, "Content-Type") == "application/xml; charset=utf-8");
  BOOST_TEST((from_xml<mobile::OrderCreationRequest>(request.body).value() == order));
}

BOOST_AUTO_TEST_CASE(licenses_order_is_posted_to_api_order_data_in_either_format) {
  auto order = documented_sample<licenses::OrderRequest>();
  for (Format format : {Format::json, Format::xml}) {
    auto options = test::quiet_options("http://h/licenses");
    options.format = format;
    auto request = licenses::build_submit_order_request(order, options, fixed_ids()).value();
    BOOST_TEST(request.url == "http://h/licenses/api/order/data");
    BOOST_TEST(header(request, "Content-Type") == content_type(format));
  }
}

BOOST_AUTO_TEST_CASE(broadband_refuses_xml_because_its_page_documents_json_only) {
  auto options = test::quiet_options("http://h/broadband");
  options.format = Format::xml;
  auto built = broadband::build_create_order_request(documented_sample<broadband::OrderNew>(), options, fixed_ids());
  BOOST_REQUIRE(!built.ok());
  BOOST_TEST(built.error().code == "unsupported_format");
  BOOST_TEST(built.error().request_id == "11111111-2222-4333-8444-555555555555");
  BOOST_CHECK_THROW(built.value(), ValidationError);
}

BOOST_AUTO_TEST_CASE(contracts_query_puts_the_id_in_the_path_and_encodes_the_dates_exactly) {
  auto options = test::quiet_options("http://h/contracts");
  auto period = contracts::Period{*DateTime::parse("2026-01-01T00:00:00+01:00"), *DateTime::parse("2026-01-31")};
  auto request =
      contracts::build_generate_order_request(contracts::make_query(42, period), options, fixed_ids()).value();
  BOOST_TEST(request.method == "POST");
  BOOST_TEST(
      request.url ==
      "http://h/contracts/v1/CustomerContracts/42/Orders?from=2026-01-01T00%3A00%3A00%2B01%3A00&till=2026-01-31");
  BOOST_TEST(request.body.empty());
  BOOST_TEST(header(request, "Content-Type") == "<none>");
}

BOOST_AUTO_TEST_CASE(contracts_query_without_a_period_has_no_query_string) {
  auto request =
      contracts::build_generate_order_request(contracts::make_query(7), test::quiet_options("http://h"), fixed_ids())
          .value();
  BOOST_TEST(request.url == "http://h/v1/CustomerContracts/7/Orders");
}

BOOST_AUTO_TEST_CASE(contracts_query_with_only_one_end_of_the_period_is_refused_before_sending) {
  contracts::GenerateOrderQuery query;
  query.id = 1;
  query.from = DateTime::parse("2026-01-01");
  auto built = contracts::build_generate_order_request(query, test::quiet_options("http://h"), fixed_ids());
  BOOST_REQUIRE(!built.ok());
  BOOST_TEST(built.error().kind == ErrorKind::validation);
  BOOST_REQUIRE(built.error().field_errors.size() == 1u);
  BOOST_TEST(built.error().field_errors[0].path == "till");
}

BOOST_AUTO_TEST_CASE(validation_can_be_turned_off) {
  contracts::GenerateOrderQuery query;
  query.from = DateTime::parse("2026-01-01");
  auto options = test::quiet_options("http://h");
  options.validate_before_send = false;
  BOOST_TEST(contracts::build_generate_order_request(query, options, fixed_ids()).ok());
}

BOOST_AUTO_TEST_CASE(auth_schemes_become_the_documented_headers) {
  auto order = documented_sample<licenses::OrderRequest>();
  auto options = test::quiet_options("http://h");
  options.auth = BasicAuth{"Aladdin", "open sesame"};
  BOOST_TEST(header(licenses::build_submit_order_request(order, options, fixed_ids()).value(), "Authorization") ==
             "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  options.auth = BearerAuth{"t0k"};
  BOOST_TEST(header(licenses::build_submit_order_request(order, options, fixed_ids()).value(), "Authorization") ==
             "Bearer t0k");
  options.auth = ApiKeyAuth{"X-Key", "k1"};
  auto request = licenses::build_submit_order_request(order, options, fixed_ids()).value();
  BOOST_TEST(header(request, "X-Key") == "k1");
  BOOST_TEST(header(request, "Authorization") == "<none>");
}

BOOST_AUTO_TEST_CASE(call_headers_override_default_headers_and_accept_can_be_overridden) {
  auto options = test::quiet_options("http://h");
  options.default_headers = {{"X-Tenant", "a"}, {"X-Other", "o"}};
  options.accept = "text/json";
  CallOptions call = fixed_ids();
  call.headers = {{"x-tenant", "b"}};
  auto request =
      licenses::build_submit_order_request(documented_sample<licenses::OrderRequest>(), options, call).value();
  BOOST_TEST(header(request, "X-Tenant") == "b");
  BOOST_TEST(header(request, "X-Other") == "o");
  BOOST_TEST(header(request, "Accept") == "text/json");
}

BOOST_AUTO_TEST_CASE(a_fresh_request_id_and_idempotency_key_are_generated_when_retries_are_on) {
  auto options = test::quiet_options("http://h");
  BOOST_REQUIRE(options.retry.enabled());
  auto order = documented_sample<licenses::OrderRequest>();
  auto a = licenses::build_submit_order_request(order, options).value();
  auto b = licenses::build_submit_order_request(order, options).value();
  BOOST_TEST(Guid::parse(header(a, "X-Request-Id")).has_value());
  BOOST_TEST(Guid::parse(header(a, "Idempotency-Key")).has_value());
  BOOST_TEST(header(a, "X-Request-Id") != header(b, "X-Request-Id"));
  BOOST_TEST(header(a, "Idempotency-Key") != header(b, "Idempotency-Key"));
  const std::string id = header(a, "X-Request-Id");
  BOOST_REQUIRE(id.size() == 36u);
  BOOST_TEST(id[14] == '4');                                                   // version 4
  BOOST_TEST(std::string("89ab").find(id[19]) != std::string::npos);           // RFC 4122 variant
  BOOST_TEST(id.find_first_not_of("0123456789abcdef-") == std::string::npos);  // lower case
}

BOOST_AUTO_TEST_CASE(a_caller_supplied_idempotency_key_is_sent_even_without_retries) {
  auto options = test::quiet_options("http://h");
  options.retry.max_attempts = 1;
  CallOptions call = fixed_ids();
  call.idempotency_key = "order-123";
  auto request =
      licenses::build_submit_order_request(documented_sample<licenses::OrderRequest>(), options, call).value();
  BOOST_TEST(header(request, "Idempotency-Key") == "order-123");
}

BOOST_AUTO_TEST_CASE(an_idempotency_key_among_the_default_headers_is_sent_as_given) {
  auto options = test::quiet_options("http://h");
  BOOST_REQUIRE(options.retry.enabled());
  options.default_headers = {{"idempotency-key", "order-7"}, {"X-Request-Id", "req-7"}};
  auto order = documented_sample<licenses::OrderRequest>();
  auto a = licenses::build_submit_order_request(order, options).value();
  auto b = licenses::build_submit_order_request(order, options).value();
  BOOST_TEST(header(a, "Idempotency-Key") == "order-7");
  BOOST_TEST(header(b, "Idempotency-Key") == "order-7");
  BOOST_TEST(header(a, "X-Request-Id") == "req-7");
  CallOptions call;
  call.headers = {{"Idempotency-Key", "per-call"}};  // a call's header still wins
  BOOST_TEST(header(licenses::build_submit_order_request(order, options, call).value(), "Idempotency-Key") ==
             "per-call");
}

BOOST_AUTO_TEST_SUITE_END()
