// Integrator tools: request journal, faults on demand, idempotency, request ids, health (CORS:
// cors_test.cpp).
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "support.hpp"

using mock_test::fixture;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(tools)

BOOST_AUTO_TEST_CASE(the_journal_records_requests_with_their_outcome) {
  mock_test::Server server;
  httplib::Client client = server.client();
  client.Post("/mobile/api/orders?x=1", {{"X-Request-Id", "req-1"}},
              fixture("mobile/OrderCreationRequest.request.json"), "application/json");
  client.Post("/mobile/api/orders", R"({"PaymentId":"one"})", "application/json");
  auto r = client.Get("/__admin/requests");
  BOOST_REQUIRE(r);
  const json journal = json::parse(r->body);
  const json& requests = journal.at("requests");
  BOOST_REQUIRE(requests.size() == 2u);
  BOOST_TEST(requests[0].at("method") == "POST");
  BOOST_TEST(requests[0].at("path") == "/mobile/api/orders");
  BOOST_TEST(requests[0].at("query") == "x=1");
  BOOST_TEST(requests[0].at("requestId") == "req-1");
  BOOST_TEST(requests[0].at("headers").at("Content-Type") == "application/json");
  BOOST_TEST(requests[0].at("decoded") == true);
  BOOST_TEST(requests[0].at("status") == 200);
  BOOST_TEST(requests[1].at("decoded") == false);
  BOOST_TEST(requests[1].at("status") == 400);
  BOOST_TEST(requests[1].at("errors").at(0).at("field") == "order.PaymentId");
  BOOST_TEST(requests[1].at("body") == R"({"PaymentId":"one"})");

  auto cleared = client.Delete("/__admin/requests");
  BOOST_REQUIRE(cleared);
  BOOST_TEST(cleared->status == 204);
  BOOST_TEST(json::parse(client.Get("/__admin/requests")->body).at("requests").empty());
}

BOOST_AUTO_TEST_CASE(the_journal_keeps_the_last_n_and_caps_bodies) {
  orderkit::mock::MockOptions options;
  options.journal_size = 3;
  options.journal_body_bytes = 10;
  mock_test::Server server(options);
  httplib::Client client = server.client();
  for (int i = 0; i < 5; ++i)
    client.Post("/licenses/api/order/data", "{\"Action\":\"" + std::to_string(i) + "\"}", "application/json");
  const json journal = json::parse(client.Get("/__admin/requests")->body);
  const json& requests = journal.at("requests");
  BOOST_REQUIRE(requests.size() == 3u);
  BOOST_TEST(requests[0].at("body") == "{\"Action\":");
  BOOST_TEST(requests[0].at("bodyTruncated") == true);
  BOOST_TEST(requests[0].at("bodyBytes") == 14);
  BOOST_TEST(journal.at("total") == 5);
}

BOOST_AUTO_TEST_CASE(the_journal_lists_the_kept_requests_oldest_first) {
  orderkit::mock::MockOptions options;
  options.journal_size = 2;
  mock_test::Server server(options);
  httplib::Client client = server.client();
  for (const char* path : {"/a", "/b", "/c", "/d", "/e"}) client.Get(path);
  const json requests = json::parse(client.Get("/__admin/requests")->body).at("requests");
  BOOST_REQUIRE(requests.size() == 2u);
  BOOST_TEST(requests[0].at("path") == "/d");
  BOOST_TEST(requests[1].at("path") == "/e");
}

BOOST_AUTO_TEST_CASE(x_mock_status_answers_that_status) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/mobile/api/orders", {{"X-Mock-Status", "503"}},
                       fixture("mobile/OrderCreationRequest.request.json"), "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 503);
  BOOST_TEST(r->get_header_value("Retry-After") == "1");
  BOOST_TEST(json::parse(r->body).at("Message").get<std::string>().find("Simulated fault") == 0);
  auto bad = client.Post("/mobile/api/orders", {{"X-Mock-Status", "teapot"}}, "{}", "application/json");
  BOOST_REQUIRE(bad);
  BOOST_TEST(bad->status == 400);
}

BOOST_AUTO_TEST_CASE(x_mock_fail_times_fails_the_next_n_requests_with_that_key) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("licenses/OrderRequest.request.json");
  const httplib::Headers fail2 = {{"X-Mock-Fail-Times", "2"}};
  BOOST_TEST(client.Post("/licenses/api/order/data", fail2, body, "application/json")->status == 503);
  // Another body is another key.
  BOOST_TEST(client.Post("/licenses/api/order/data", fail2, "{}", "application/json")->status == 503);
  BOOST_TEST(client.Post("/licenses/api/order/data", fail2, body, "application/json")->status == 503);
  BOOST_TEST(client.Post("/licenses/api/order/data", fail2, body, "application/json")->status == 200);
  BOOST_TEST(client.Post("/licenses/api/order/data", fail2, body, "application/json")->status == 200);

  // An explicit key and status.
  const httplib::Headers keyed = {{"X-Mock-Fail-Times", "1"}, {"X-Mock-Fail-Key", "k"}, {"X-Mock-Status", "429"}};
  BOOST_TEST(client.Post("/licenses/api/order/data", keyed, body, "application/json")->status == 429);
  BOOST_TEST(client.Post("/licenses/api/order/data", keyed, "{}", "application/json")->status == 200);
}

BOOST_AUTO_TEST_CASE(global_faults_fail_every_nth_api_request) {
  orderkit::mock::MockOptions options;
  options.fault_status = 500;
  options.fault_every = 2;
  mock_test::Server server(options);
  httplib::Client client = server.client();
  const std::string body = fixture("licenses/OrderRequest.request.json");
  BOOST_TEST(client.Post("/licenses/api/order/data", body, "application/json")->status == 200);
  BOOST_TEST(client.Post("/licenses/api/order/data", body, "application/json")->status == 500);
  BOOST_TEST(client.Post("/licenses/api/order/data", body, "application/json")->status == 200);
  BOOST_TEST(client.Get("/__admin/health")->status == 200);  // admin paths never fail
}

BOOST_AUTO_TEST_CASE(x_mock_delay_ms_is_accepted_and_checked) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("licenses/OrderRequest.request.json");
  BOOST_TEST(client.Post("/licenses/api/order/data", {{"X-Mock-Delay-Ms", "1"}}, body, "application/json")->status ==
             200);
  BOOST_TEST(
      client.Post("/licenses/api/order/data", {{"X-Mock-Delay-Ms", "999999"}}, body, "application/json")->status ==
      400);
}

BOOST_AUTO_TEST_CASE(an_idempotency_key_replays_the_stored_response) {
  orderkit::mock::MockOptions options;
  options.mode = orderkit::mock::Mode::echo;  // fresh ids show whether the order was created again
  mock_test::Server server(options);
  httplib::Client client = server.client();
  const std::string body = fixture("mobile/OrderCreationRequest.request.json");
  auto first = client.Post("/mobile/api/orders", {{"Idempotency-Key", "abc"}}, body, "application/json");
  auto again = client.Post("/mobile/api/orders", {{"Idempotency-Key", "abc"}}, body, "application/json");
  auto other = client.Post("/mobile/api/orders", body, "application/json");
  BOOST_REQUIRE(first);
  BOOST_REQUIRE(again);
  BOOST_REQUIRE(other);
  BOOST_TEST(again->status == 200);
  BOOST_TEST(again->body == first->body);
  BOOST_TEST(again->get_header_value("Idempotency-Replayed") == "true");
  BOOST_TEST(other->body != first->body);

  auto conflict = client.Post("/mobile/api/orders", {{"Idempotency-Key", "abc"}}, "{}", "application/json");
  BOOST_REQUIRE(conflict);
  BOOST_TEST(conflict->status == 422);
  BOOST_TEST(json::parse(conflict->body).at("Message").get<std::string>().find("abc") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_fault_is_not_stored_under_the_idempotency_key) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("licenses/OrderRequest.request.json");
  const httplib::Headers h = {{"Idempotency-Key", "retry-me"}, {"X-Mock-Fail-Times", "1"}};
  BOOST_TEST(client.Post("/licenses/api/order/data", h, body, "application/json")->status == 503);
  BOOST_TEST(client.Post("/licenses/api/order/data", h, body, "application/json")->status == 200);
  auto replay = client.Post("/licenses/api/order/data", h, body, "application/json");
  BOOST_TEST(replay->status == 200);
  BOOST_TEST(replay->get_header_value("Idempotency-Replayed") == "true");
}

BOOST_AUTO_TEST_CASE(x_request_id_is_echoed_or_generated) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto given = client.Get("/nowhere", {{"X-Request-Id", "trace-42"}});
  BOOST_REQUIRE(given);
  BOOST_TEST(given->get_header_value("X-Request-Id") == "trace-42");
  auto a = client.Get("/nowhere");
  auto b = client.Get("/nowhere");
  BOOST_TEST(!a->get_header_value("X-Request-Id").empty());
  BOOST_TEST(a->get_header_value("X-Request-Id") != b->get_header_value("X-Request-Id"));
}

BOOST_AUTO_TEST_CASE(an_x_request_id_with_control_characters_is_not_echoed) {
  // It would go into a response header as it is.
  orderkit::mock::MockState state;
  orderkit::mock::MockRequest request;
  request.method = "GET";
  request.path = "/__admin/health";
  request.headers.emplace("X-Request-Id", "abc\rSet-Cookie: x=1");
  const std::string id = state.handle(request).header("X-Request-Id");
  BOOST_TEST(!id.empty());
  BOOST_TEST(id.find('\r') == std::string::npos);
  BOOST_TEST(id.find("abc") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(health_lists_the_served_apis) {
  mock_test::Server server;
  auto r = server.client().Get("/__admin/health");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json health = json::parse(r->body);
  BOOST_TEST(health.at("status") == "ok");
  BOOST_TEST(health.at("apis").size() == 4u);
  BOOST_TEST(health.at("apis").at(1).at("path") == "/contracts/v1/CustomerContracts/{id}/Orders");
}

BOOST_AUTO_TEST_CASE(reset_forgets_journal_counters_and_keys) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("licenses/OrderRequest.request.json");
  const httplib::Headers h = {{"X-Mock-Fail-Times", "1"}};
  BOOST_TEST(client.Post("/licenses/api/order/data", h, body, "application/json")->status == 503);
  BOOST_TEST(client.Post("/__admin/reset")->status == 204);
  BOOST_TEST(client.Post("/licenses/api/order/data", h, body, "application/json")->status == 503);
}

BOOST_AUTO_TEST_CASE(openapi_json_describes_the_served_paths) {
  orderkit::mock::MockOptions options;
  options.api = "contracts";
  mock_test::Server server(options);
  auto r = server.client().Get("/__admin/openapi.json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json doc = json::parse(r->body);
  BOOST_TEST(doc.at("openapi") == "3.0.3");
  BOOST_TEST(doc.at("paths").contains("/v1/CustomerContracts/{id}/Orders"));
  const json& order = doc.at("components").at("schemas").at("contracts.OrderBase");
  BOOST_TEST(order.at("properties").at("OrderCode").at("maxLength") == 50);
  BOOST_TEST(order.at("required").size() > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
