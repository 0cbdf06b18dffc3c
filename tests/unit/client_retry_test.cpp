// The retry policy as a pure function, and the client loop that follows it over a fake transport.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "client_test_support.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/client.hpp"
#include "orderkit/core/retry.hpp"
#include "orderkit/licenses/client.hpp"
#include "orderkit/mobile/client.hpp"
#include "orderkit/testing/fake_transport.hpp"

using namespace orderkit;
using namespace std::chrono_literals;
using orderkit::testing::FakeTransport;
using orderkit::testing::make_response;
using orderkit::testing::refused;

namespace {

const auto kNow = std::chrono::system_clock::from_time_t(1445412480);  // Wed, 21 Oct 2015 07:28:00 GMT

AttemptInfo attempt(int n, int status, bool safe = true) {
  AttemptInfo info;
  info.attempt = n;
  info.status = status;
  info.resend_safe = safe;
  return info;
}

std::string header(const HttpRequest& request, const char* name) {
  const std::string* value = find_header(request.headers, name);
  return value ? *value : std::string("<none>");
}

std::string results_json() {
  return to_json(documented_sample<std::vector<mobile::OrderDetailResult>>(Role::response));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_retry)

BOOST_AUTO_TEST_CASE(retries_the_documented_statuses_and_connection_failures_only) {
  RetryPolicy policy;
  for (int status : {429, 502, 503, 504}) BOOST_TEST(next_retry(policy, attempt(1, status), 0, kNow).retry);
  for (int status : {400, 401, 404, 409, 500}) BOOST_TEST(!next_retry(policy, attempt(1, status), 0, kNow).retry);
  BOOST_TEST(next_retry(policy, attempt(1, 0), 0, kNow).retry);
  policy.retry_connection_failures = false;
  BOOST_TEST(!next_retry(policy, attempt(1, 0), 0, kNow).retry);
}

BOOST_AUTO_TEST_CASE(stops_after_max_attempts) {
  RetryPolicy policy;
  policy.max_attempts = 3;
  BOOST_TEST(next_retry(policy, attempt(2, 503), 0, kNow).retry);
  BOOST_TEST(!next_retry(policy, attempt(3, 503), 0, kNow).retry);
}

BOOST_AUTO_TEST_CASE(a_post_without_key_is_retried_only_when_it_never_reached_the_server) {
  RetryPolicy policy;
  AttemptInfo info = attempt(1, 503, /*safe=*/false);
  BOOST_TEST(!next_retry(policy, info, 0, kNow).retry);
  info.status = 0;  // transport failure after the request went out
  BOOST_TEST(!next_retry(policy, info, 0, kNow).retry);
  info.reached_server = false;  // connection refused
  BOOST_TEST(next_retry(policy, info, 0, kNow).retry);
}

BOOST_AUTO_TEST_CASE(backoff_doubles_up_to_the_maximum) {
  RetryPolicy policy;
  policy.base_delay = 100ms;
  policy.max_delay = 1000ms;
  BOOST_TEST(backoff_delay(policy, 1, 0).count() == 100);
  BOOST_TEST(backoff_delay(policy, 2, 0).count() == 200);
  BOOST_TEST(backoff_delay(policy, 3, 0).count() == 400);
  BOOST_TEST(backoff_delay(policy, 5, 0).count() == 1000);
  BOOST_TEST(backoff_delay(policy, 60, 0).count() == 1000);
}

BOOST_AUTO_TEST_CASE(jitter_stays_within_its_bounds) {
  RetryPolicy policy;
  policy.base_delay = 1000ms;
  policy.jitter = 0.25;
  for (double r : {0.0, 0.1, 0.5, 0.999999}) {
    auto d = backoff_delay(policy, 1, r).count();
    BOOST_TEST(d <= 1000);
    BOOST_TEST(d >= 750);
  }
  BOOST_TEST(backoff_delay(policy, 1, 0.5).count() == 875);
  policy.jitter = 0;
  BOOST_TEST(backoff_delay(policy, 1, 0.9).count() == 1000);
}

BOOST_AUTO_TEST_CASE(retry_after_in_seconds_and_as_http_date_sets_the_delay) {
  RetryPolicy policy;
  AttemptInfo info = attempt(1, 429);
  info.retry_after = "3";
  BOOST_TEST(next_retry(policy, info, 0, kNow).delay.count() == 3000);
  info.retry_after = "Wed, 21 Oct 2015 07:28:05 GMT";
  BOOST_TEST(next_retry(policy, info, 0, kNow).delay.count() == 5000);
  info.retry_after = "Wednesday, 21-Oct-15 07:28:02 GMT";
  BOOST_TEST(next_retry(policy, info, 0, kNow).delay.count() == 2000);
  info.retry_after = "Wed Oct 21 07:28:01 2015";
  BOOST_TEST(next_retry(policy, info, 0, kNow).delay.count() == 1000);
  info.retry_after = "Wed, 21 Oct 2015 07:00:00 GMT";  // in the past
  BOOST_TEST(next_retry(policy, info, 0, kNow).delay.count() == 0);
  info.retry_after = "soon";  // unreadable: ordinary backoff
  BOOST_TEST(next_retry(policy, info, 0, kNow).delay.count() == policy.base_delay.count());
}

BOOST_AUTO_TEST_CASE(a_retry_after_beyond_the_maximum_ends_the_call) {
  RetryPolicy policy;
  policy.max_retry_after = 10s;
  AttemptInfo info = attempt(1, 503);
  info.retry_after = "3600";
  BOOST_TEST(!next_retry(policy, info, 0, kNow).retry);
}

BOOST_AUTO_TEST_CASE(a_retry_after_date_in_the_far_future_ends_the_call_instead_of_overflowing) {
  RetryPolicy policy;
  AttemptInfo info = attempt(1, 503);
  for (const char* date :
       {"Wed, 21 Oct 999999999 07:28:05 GMT", "Wed Oct 21 07:28:01 999999999", "Fri, 31 Dec 9999 23:59:59 GMT"}) {
    BOOST_TEST_CONTEXT(date) {
      info.retry_after = date;
      auto decision = next_retry(policy, info, 0, kNow);
      BOOST_TEST(!decision.retry);
      BOOST_TEST(decision.reason.find("exceeds the policy's maximum") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(client_retries_a_503_with_the_same_idempotency_key_and_request_id) {
  auto transport = std::make_shared<FakeTransport>();
  transport->then(make_response(503, "", "", {{"Retry-After", "1"}}))
      .then(make_response(502, ""))
      .then(make_response(200, results_json()));
  auto slept = std::make_shared<std::vector<std::chrono::milliseconds>>();
  mobile::Client client(test::quiet_options("http://h/mobile", slept), transport);
  auto result = client.try_create_orders(documented_sample<mobile::OrderCreationRequest>());
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().attempts == 3);
  auto requests = transport->requests();
  BOOST_REQUIRE(requests.size() == 3u);
  BOOST_TEST(header(requests[0], "Idempotency-Key") != "<none>");
  for (const auto& r : requests) {
    BOOST_TEST(header(r, "Idempotency-Key") == header(requests[0], "Idempotency-Key"));
    BOOST_TEST(header(r, "X-Request-Id") == result.value().request_id);
    BOOST_TEST(r.body == requests[0].body);
  }
  BOOST_REQUIRE(slept->size() == 2u);
  BOOST_TEST((*slept)[0].count() == 1000);  // Retry-After
  BOOST_TEST((*slept)[1].count() == 400);   // 200ms * 2^1, no jitter (random = 0)
}

BOOST_AUTO_TEST_CASE(client_keeps_a_caller_supplied_idempotency_key_across_retries) {
  auto transport = std::make_shared<FakeTransport>();
  transport->then(make_response(429, "")).then(make_response(200, results_json()));
  mobile::Client client(test::quiet_options("http://h"), transport);
  CallOptions call;
  call.idempotency_key = "my-key";
  call.request_id = "my-request";
  auto response = client.create_orders(documented_sample<mobile::OrderCreationRequest>(), call);
  BOOST_TEST(response.request_id == "my-request");
  for (const auto& r : transport->requests()) BOOST_TEST(header(r, "Idempotency-Key") == "my-key");
  BOOST_TEST(transport->requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(client_does_not_retry_a_post_without_idempotency_key) {
  auto transport = std::make_shared<FakeTransport>();
  transport->then(make_response(503, R"({"Message":"busy"})"))
      .then(TransportFailure{TransportErrorCode::connection, "connection reset", true});
  auto options = test::quiet_options("http://h");
  options.retry.add_idempotency_key = false;
  BOOST_REQUIRE(options.retry.enabled());
  mobile::Client client(options, transport);
  auto result = client.try_create_orders(documented_sample<mobile::OrderCreationRequest>());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().status == 503);
  BOOST_TEST(result.error().server_message == "busy");
  BOOST_TEST(result.error().attempts == 1);
  BOOST_TEST(header(transport->requests()[0], "Idempotency-Key") == "<none>");

  // A broken connection after sending is not retried either.
  auto broken = client.try_create_orders(documented_sample<mobile::OrderCreationRequest>());
  BOOST_REQUIRE(!broken.ok());
  BOOST_TEST(broken.error().code == "connection_lost");
  BOOST_TEST(transport->requests().size() == 2u);
}

BOOST_AUTO_TEST_CASE(client_retries_a_refused_connection_even_for_a_keyless_post) {
  auto transport = std::make_shared<FakeTransport>();
  transport->then(refused()).then(make_response(200, R"({"errors":[]})"));
  auto options = test::quiet_options("http://h");
  options.retry.add_idempotency_key = false;
  licenses::Client client(options, transport);
  auto result = client.try_submit_order(documented_sample<licenses::OrderRequest>());
  BOOST_REQUIRE(result.ok());
  BOOST_TEST(result.value().attempts == 2);
  BOOST_TEST(header(transport->requests()[1], "Idempotency-Key") == "<none>");
}

BOOST_AUTO_TEST_CASE(client_reports_a_transport_error_after_the_last_attempt) {
  auto transport = std::make_shared<FakeTransport>();
  for (int i = 0; i < 3; ++i) transport->then(TransportFailure{TransportErrorCode::timeout, "read timed out", true});
  licenses::Client client(test::quiet_options("http://h"), transport);
  CallOptions call;
  call.request_id = "rid";
  auto result = client.try_submit_order(documented_sample<licenses::OrderRequest>(), call);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().kind == ErrorKind::transport);
  BOOST_TEST(result.error().code == "timeout");
  BOOST_TEST(result.error().request_id == "rid");
  BOOST_TEST(result.error().attempts == 3);
  BOOST_CHECK_THROW(client.submit_order(documented_sample<licenses::OrderRequest>()), TransportError);
}

BOOST_AUTO_TEST_CASE(client_passes_timeouts_to_the_transport_and_logs_every_step) {
  auto transport = std::make_shared<FakeTransport>();
  transport->then(make_response(503, "")).then(make_response(200, R"({"errors":[]})"));
  auto options = test::quiet_options("http://h");
  options.timeouts.read = 1234ms;
  std::vector<LogEvent> events;
  options.logger = [&](const LogEvent& e) { events.push_back(e); };
  licenses::Client client(options, transport);
  BOOST_REQUIRE(client.try_submit_order(documented_sample<licenses::OrderRequest>()).ok());
  BOOST_TEST(transport->send_options()[0].timeouts.read.count() == 1234);
  std::vector<LogEvent::Kind> kinds;
  for (const auto& e : events) kinds.push_back(e.kind);
  std::vector<LogEvent::Kind> expected{LogEvent::Kind::sending, LogEvent::Kind::received, LogEvent::Kind::retrying,
                                       LogEvent::Kind::sending, LogEvent::Kind::received};
  BOOST_TEST(kinds == expected, boost::test_tools::per_element());
  BOOST_TEST(events[1].status == 503);
  BOOST_TEST(events[2].url == "http://h/api/order/data");
}

BOOST_AUTO_TEST_CASE(a_validation_failure_sends_nothing) {
  auto transport = std::make_shared<FakeTransport>();
  contracts::Client client(test::quiet_options("http://h"), transport);
  contracts::GenerateOrderQuery query;
  query.till = DateTime::parse("2026-01-01");
  BOOST_CHECK_THROW(client.generate_order(query), ValidationError);
  BOOST_TEST(transport->requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()
