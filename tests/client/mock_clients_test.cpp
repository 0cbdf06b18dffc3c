// The four clients over HttplibTransport against the mock server started in this process:
// every API in both formats, ModelState errors, retries on X-Mock-Fail-Times with one
// idempotency key, no retry of a keyless POST, timeouts, refused connections and an answer that
// is not the documented shape.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "client_test_support.hpp"
#include "mock_server.hpp"
#include "orderkit/broadband/client.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/client.hpp"
#include "orderkit/licenses/client.hpp"
#include "orderkit/mobile/client.hpp"
#include "orderkit/transport/httplib_transport.hpp"
#include "servers.hpp"

using namespace orderkit;
using namespace std::chrono_literals;
using orderkit::test::Mock;

namespace {

ClientOptions options_for(const std::string& base_url, Format format = Format::json,
                          std::shared_ptr<std::vector<std::chrono::milliseconds>> slept = nullptr) {
  ClientOptions options = test::quiet_options(base_url, std::move(slept));
  options.format = format;
  options.timeouts.read = 10s;
  return options;
}

std::shared_ptr<Transport> transport() { return make_httplib_transport(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(mock_clients)

BOOST_AUTO_TEST_CASE(broadband_order_round_trips_as_json) {
  Mock server;
  broadband::Client client(options_for(server.url("broadband")), transport());
  auto order = documented_sample<broadband::OrderNew>();
  auto response = client.create_order(order);
  BOOST_TEST(response.status == 200);
  BOOST_TEST(response.value.AccessId.to_string() == order.AccessId.to_string());
  BOOST_TEST(Guid::parse(response.request_id).has_value());
  BOOST_TEST(*find_header(response.headers, "X-Request-Id") == response.request_id);
}

BOOST_AUTO_TEST_CASE(contracts_order_is_generated_in_json_and_xml_with_and_without_a_period) {
  Mock server;
  for (Format format : {Format::json, Format::xml}) {
    BOOST_TEST_CONTEXT(to_string(format)) {
      contracts::Client client(options_for(server.url("contracts"), format), transport());
      auto next = client.generate_order(42);
      BOOST_REQUIRE(next.value.has_value());
      BOOST_TEST(next.value->OrderCode->rfind("CC42-", 0) == 0u);
      auto period = contracts::Period{*DateTime::parse("2026-03-01T00:00:00+01:00"), *DateTime::parse("2026-03-31")};
      auto march = client.generate_order(7, period);
      BOOST_REQUIRE(march.value.has_value());
      BOOST_TEST(march.value->Date.text() == "2026-03-01T00:00:00+01:00");
      auto type = find_header(march.headers, "Content-Type");
      BOOST_REQUIRE(type);
      BOOST_TEST(type->find(format == Format::xml ? "xml" : "json") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(mobile_orders_are_created_in_json_and_xml_with_per_item_results) {
  Mock server;
  for (Format format : {Format::json, Format::xml}) {
    BOOST_TEST_CONTEXT(to_string(format)) {
      mobile::Client client(options_for(server.url("mobile"), format), transport());
      auto results = client.create_orders(documented_sample<mobile::OrderCreationRequest>());
      BOOST_REQUIRE(results.value.size() == 2u);
      for (const auto& item : results.value) {
        BOOST_TEST(item.Success);
        BOOST_TEST(!item.ErrorMessage.has_value());
        BOOST_REQUIRE(item.Order.has_value());
        BOOST_TEST(*item.Order->PhoneNumber == "sample string 7");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(licenses_order_is_submitted_in_json_and_xml) {
  Mock server;
  for (Format format : {Format::json, Format::xml}) {
    BOOST_TEST_CONTEXT(to_string(format)) {
      licenses::Client client(options_for(server.url("licenses"), format), transport());
      auto verdict = client.submit_order(documented_sample<licenses::OrderRequest>());
      BOOST_TEST(verdict.status == 200);
      BOOST_TEST(verdict.value.IsValid());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_400_carries_message_and_model_state_in_json_and_xml) {
  Mock server;
  contracts::GenerateOrderQuery half;  // only one end of the period: the server refuses it
  half.id = 3;
  half.from = DateTime::parse("2026-01-01");
  for (Format format : {Format::json, Format::xml}) {
    BOOST_TEST_CONTEXT(to_string(format)) {
      auto options = options_for(server.url("contracts"), format);
      options.validate_before_send = false;
      contracts::Client client(options, transport());
      CallOptions call;
      call.request_id = "bad-period";
      auto result = client.try_generate_order(half, call);
      BOOST_REQUIRE(!result.ok());
      const ClientError& e = result.error();
      BOOST_TEST(e.kind == ErrorKind::api);
      BOOST_TEST(e.status == 400);
      BOOST_TEST(e.server_message == "The request is invalid.");
      BOOST_TEST(e.request_id == "bad-period");
      BOOST_TEST(e.attempts == 1);
      BOOST_REQUIRE(!e.model_state.empty());
      BOOST_TEST(e.model_state[0].first.find("till") != std::string::npos);
      BOOST_TEST(!e.body.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(x_mock_fail_times_is_retried_with_one_idempotency_key_and_request_id) {
  Mock server;
  auto slept = std::make_shared<std::vector<std::chrono::milliseconds>>();
  mobile::Client client(options_for(server.url("mobile"), Format::json, slept), transport());
  CallOptions call;
  call.headers = {{"X-Mock-Fail-Times", "2"}};
  auto results = client.create_orders(documented_sample<mobile::OrderCreationRequest>(), call);
  BOOST_TEST(results.attempts == 3);
  BOOST_TEST(results.value.size() == 2u);
  BOOST_REQUIRE(slept->size() == 2u);
  BOOST_TEST((*slept)[0].count() == 1000);  // the mock's Retry-After: 1

  auto journal = server.journal();
  BOOST_REQUIRE(journal.size() == 3u);
  std::vector<int> statuses;
  for (const auto& entry : journal) {
    statuses.push_back(entry.at("status").get<int>());
    const auto& headers = entry.at("headers");
    auto key = headers.find("Idempotency-Key");
    BOOST_REQUIRE(key != headers.end());
    BOOST_TEST(key->get<std::string>() == journal[0].at("headers").at("Idempotency-Key").get<std::string>());
    BOOST_TEST(headers.at("X-Request-Id").get<std::string>() == results.request_id);
  }
  BOOST_TEST(statuses == (std::vector<int>{503, 503, 200}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_default_idempotency_key_is_sent_as_given_so_the_mock_replays_the_second_submit) {
  Mock server;
  auto options = options_for(server.url("licenses"));
  options.default_headers = {{"Idempotency-Key", "caller-key-1"}};
  licenses::Client client(options, transport());
  auto order = documented_sample<licenses::OrderRequest>();
  auto first = client.submit_order(order);
  auto second = client.submit_order(order);
  BOOST_TEST(find_header(first.headers, "Idempotency-Replayed") == nullptr);
  const std::string* replayed = find_header(second.headers, "Idempotency-Replayed");
  BOOST_REQUIRE(replayed);
  BOOST_TEST(*replayed == "true");
  for (const auto& entry : server.journal()) {
    BOOST_TEST(entry.at("headers").at("Idempotency-Key").get<std::string>() == "caller-key-1");
  }
}

BOOST_AUTO_TEST_CASE(a_post_without_idempotency_key_is_not_retried) {
  Mock server;
  auto options = options_for(server.url("licenses"));
  options.retry.add_idempotency_key = false;
  licenses::Client client(options, transport());
  CallOptions call;
  call.headers = {{"X-Mock-Fail-Times", "1"}};
  auto result = client.try_submit_order(documented_sample<licenses::OrderRequest>(), call);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().status == 503);
  BOOST_TEST(result.error().attempts == 1);
  BOOST_TEST(server.journal().size() == 1u);
  call.headers = {{"X-Mock-Status", "503"}};
  BOOST_CHECK_THROW(client.submit_order(documented_sample<licenses::OrderRequest>(), call), ApiError);
  BOOST_TEST(server.journal().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_response_slower_than_the_read_timeout_is_a_timeout_error) {
  Mock server;
  auto options = options_for(server.url("licenses"));
  options.timeouts.read = 200ms;
  options.retry.max_attempts = 1;
  licenses::Client client(options, transport());
  CallOptions call;
  call.headers = {{"X-Mock-Delay-Ms", "1500"}};
  auto result = client.try_submit_order(documented_sample<licenses::OrderRequest>(), call);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().kind == ErrorKind::transport);
  BOOST_TEST(result.error().code == "timeout");
  BOOST_CHECK_THROW(client.submit_order(documented_sample<licenses::OrderRequest>(), call), TransportError);
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_retried_then_reported) {
  auto slept = std::make_shared<std::vector<std::chrono::milliseconds>>();
  auto options =
      options_for("http://127.0.0.1:" + std::to_string(test::closed_port()) + "/mobile", Format::json, slept);
  options.retry.add_idempotency_key = false;  // safe anyway: the request never reached a server
  mobile::Client client(options, transport());
  auto result = client.try_create_orders(documented_sample<mobile::OrderCreationRequest>());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().code == "connect_failed");
  BOOST_TEST(result.error().transport == TransportErrorCode::connect);
  BOOST_TEST(result.error().attempts == 3);
  BOOST_TEST(slept->size() == 2u);
}

BOOST_AUTO_TEST_CASE(an_answer_that_is_not_the_documented_shape_is_a_decode_error_with_a_path) {
  Mock server;
  // The mobile API answers a collection where the broadband client expects one OrderNew.
  broadband::Client client(options_for(server.url("mobile")), transport());
  auto result = client.try_create_order(documented_sample<broadband::OrderNew>());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().kind == ErrorKind::decode);
  BOOST_TEST(result.error().status == 200);
  BOOST_REQUIRE(!result.error().field_errors.empty());
  BOOST_TEST(!result.error().body.empty());
}

BOOST_AUTO_TEST_SUITE_END()
