// Hostile and careless peers: requests for invalid HTTP, global faults under concurrency, web
// pages reaching for the admin routes, delays that would outlive the server.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"

using mock_test::fixture;
using nlohmann::json;

namespace {

const std::string kLicensesPath = "/licenses/api/order/data";

orderkit::mock::MockRequest licenses_request() {
  orderkit::mock::MockRequest r;
  r.method = "POST";
  r.path = kLicensesPath;
  r.headers.emplace("Content-Type", "application/json");
  r.body = fixture("licenses/OrderRequest.request.json");
  return r;
}

std::string raw_post(const std::string& path, const std::string& headers, const std::string& body) {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// The value of a header in a raw response head ("" when absent).
std::string raw_header(const std::string& response, const std::string& name) {
  const std::size_t end = response.find("\r\n\r\n");
  const std::size_t at = response.find("\r\n" + name + ": ");
  if (at == std::string::npos || at > end) return {};
  const std::size_t value = at + 4 + name.size();
  return response.substr(value, response.find("\r\n", value) - value);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_peers)

BOOST_AUTO_TEST_CASE(x_mock_status_1xx_is_refused_naming_the_header) {
  orderkit::mock::MockState state;
  for (const char* status : {"100", "101", "103", "199"}) {
    orderkit::mock::MockRequest r = licenses_request();
    r.headers.emplace("X-Mock-Status", status);
    const orderkit::mock::MockResponse answer = state.handle(r);
    BOOST_TEST_CONTEXT("X-Mock-Status: " << status) {
      BOOST_TEST(answer.status == 400);
      BOOST_TEST(answer.body.find("X-Mock-Status") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(x_mock_status_204_and_304_send_no_body_and_keep_the_connection_in_step) {
  mock_test::Server server;
  const std::string body = fixture("licenses/OrderRequest.request.json");
  for (const char* status : {"204", "304"}) {
    BOOST_TEST_CONTEXT("X-Mock-Status: " << status) {
      mock_test::RawClient client(server.port());
      // Both requests at once: a body after the 204 would be read as the start of the next answer.
      BOOST_REQUIRE(client.send(raw_post(kLicensesPath, std::string("X-Mock-Status: ") + status + "\r\n", body) +
                                raw_post(kLicensesPath, "", body)));
      const std::string first = client.read_response();
      BOOST_TEST(mock_test::raw_status(first) == std::stoi(status));
      BOOST_TEST(mock_test::raw_body(first).empty());
      const std::string length = raw_header(first, "Content-Length");
      BOOST_TEST((length.empty() || length == "0"), "Content-Length: " << length);
      BOOST_TEST(raw_header(first, "Content-Type").empty());
      const std::string second = client.read_response();
      BOOST_TEST(mock_test::raw_status(second) == 200);
      BOOST_TEST(json::parse(mock_test::raw_body(second)).is_object());
    }
  }
}

BOOST_AUTO_TEST_CASE(fault_every_decides_each_request_once_under_concurrency) {
  // Eight requests delayed together: each counted on arrival, so exactly every second one fails,
  // however their delays and fault checks interleave.
  orderkit::mock::MockOptions options;
  options.fault_status = 503;
  options.fault_every = 2;
  options.delay = std::chrono::milliseconds(300);
  orderkit::mock::MockState state(options);
  std::vector<std::future<int>> answers;
  for (int i = 0; i < 8; ++i)
    answers.push_back(std::async(std::launch::async, [&state] { return state.handle(licenses_request()).status; }));
  int failed = 0, served = 0;
  for (auto& a : answers) {
    const int status = a.get();
    failed += status == 503;
    served += status == 200;
  }
  BOOST_TEST(failed == 4);
  BOOST_TEST(served == 4);
}

BOOST_AUTO_TEST_CASE(admin_routes_send_no_cors_and_refuse_pages_of_other_origins) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const httplib::Headers page = {{"Origin", "https://evil.example"}};

  auto read = client.Get("/__admin/requests", page);
  BOOST_REQUIRE(read);
  BOOST_TEST(read->status == 403);
  BOOST_TEST(read->get_header_value("Access-Control-Allow-Origin").empty());
  auto reset = client.Post("/__admin/reset", page, "", "text/plain");
  BOOST_REQUIRE(reset);
  BOOST_TEST(reset->status == 403);
  auto preflight =
      client.Options("/__admin/reset", {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  BOOST_REQUIRE(preflight);
  BOOST_TEST(preflight->get_header_value("Access-Control-Allow-Origin").empty());
  BOOST_TEST(preflight->get_header_value("Access-Control-Allow-Methods").empty());

  // Test code (no Origin) reads it, without CORS headers; the APIs keep theirs.
  auto own = client.Get("/__admin/health");
  BOOST_REQUIRE(own);
  BOOST_TEST(own->status == 200);
  BOOST_TEST(own->get_header_value("Access-Control-Allow-Origin").empty());
  auto api =
      client.Post(kLicensesPath.c_str(), page, fixture("licenses/OrderRequest.request.json"), "application/json");
  BOOST_REQUIRE(api);
  BOOST_TEST(api->get_header_value("Access-Control-Allow-Origin") == "*");
}

BOOST_AUTO_TEST_CASE(admin_routes_refuse_pages_of_another_port_of_this_machine) {
  orderkit::mock::MockOptions options;
  options.allowed_hosts = {"mock.test"};
  mock_test::Server server(options);
  httplib::Client client = server.client();
  const std::string port = std::to_string(server.port());
  const std::string other = std::to_string(server.port() == 3000 ? 3001 : 3000);
  // A shop's dev server, or any page a browser has open on this machine: another origin.
  for (const std::string& origin : std::vector<std::string>{"http://localhost:" + other, "http://127.0.0.1:" + other,
                                                            "http://[::1]:" + other, "http://localhost"}) {
    auto reset = client.Post("/__admin/reset", {{"Origin", origin}}, "", "text/plain");
    BOOST_REQUIRE(reset);
    BOOST_TEST(reset->status == 403, "Origin: " << origin);
    BOOST_TEST(reset->body.find(origin) != std::string::npos);
  }
  // The mock's own origin (a page it serves with --static), under any of its names.
  for (const std::string& origin :
       std::vector<std::string>{"http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port}) {
    auto health = client.Get("/__admin/health", {{"Origin", origin}});
    BOOST_REQUIRE(health);
    BOOST_TEST(health->status == 200, "Origin: " << origin);
  }
  // Behind a TLS proxy: Host without a port, Origin https: both the scheme's default port.
  auto proxied = client.Get("/__admin/health", {{"Host", "mock.test"}, {"Origin", "https://mock.test"}});
  BOOST_REQUIRE(proxied);
  BOOST_TEST(proxied->status == 200);
  auto other_port = client.Get("/__admin/health", {{"Host", "mock.test"}, {"Origin", "https://mock.test:8443"}});
  BOOST_REQUIRE(other_port);
  BOOST_TEST(other_port->status == 403);
}

BOOST_AUTO_TEST_CASE(admin_routes_refuse_a_rebound_host_name) {
  orderkit::mock::MockOptions options;
  options.allowed_hosts = {"mock.test"};
  mock_test::Server server(options);
  httplib::Client client = server.client();
  const std::string port = std::to_string(server.port());
  for (const std::string& host : std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
                                                          "LOCALHOST", "mock.test:" + port}) {
    auto r = client.Get("/__admin/health", {{"Host", host}});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 200, "Host: " << host);
  }
  for (const std::string& host :
       std::vector<std::string>{"attacker.example:" + port, "127.0.0.1.attacker.example", "localhost.evil"}) {
    auto r = client.Get("/__admin/requests", {{"Host", host}});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 403, "Host: " << host);
    BOOST_TEST(r->body.find("Host") != std::string::npos);
  }
  // Only the admin routes: the APIs answer any Host, as ASP.NET does.
  auto api = client.Post(kLicensesPath.c_str(), {{"Host", "attacker.example"}},
                         fixture("licenses/OrderRequest.request.json"), "application/json");
  BOOST_REQUIRE(api);
  BOOST_TEST(api->status == 200);
}

BOOST_AUTO_TEST_CASE(the_journal_redacts_credentials_unless_asked_to_keep_them) {
  const std::vector<std::pair<std::string, std::string>> secrets = {{"Authorization", "Bearer SECRET"},
                                                                    {"Cookie", "session=SECRET"},
                                                                    {"Proxy-Authorization", "Basic SECRET"},
                                                                    {"X-Api-Key", "SECRET"},
                                                                    {"X-Partner-ApiKey", "SECRET"}};
  for (const bool keep : {false, true}) {
    orderkit::mock::MockOptions options;
    options.journal_secrets = keep;
    orderkit::mock::MockState state(options);
    orderkit::mock::MockRequest r = licenses_request();
    for (const auto& [name, value] : secrets) r.headers.emplace(name, value);
    state.handle(r);
    const json headers = json::parse(state.journal_json()).at("requests").at(0).at("headers");
    BOOST_TEST_CONTEXT("journal_secrets " << keep) {
      for (const auto& [name, value] : secrets)
        BOOST_TEST(headers.at(name).get<std::string>() == (keep ? value : "[redacted]"), name);
      BOOST_TEST(headers.at("Content-Type") == "application/json");
    }
  }
}

BOOST_AUTO_TEST_CASE(a_delay_is_capped_by_the_request_timeout) {
  orderkit::mock::MockOptions options;
  options.request_timeout = std::chrono::milliseconds(100);
  orderkit::mock::MockState state(options);
  orderkit::mock::MockRequest r = licenses_request();
  r.headers.emplace("X-Mock-Delay-Ms", "60000");
  auto answer = std::async(std::launch::async, [&] { return state.handle(r).status; });
  // A generous deadline, far below the 60 s asked for.
  BOOST_REQUIRE(answer.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  BOOST_TEST(answer.get() == 200);
}

BOOST_AUTO_TEST_CASE(a_delay_in_flight_is_cut_short_when_the_server_stops) {
  orderkit::mock::MockOptions options;
  options.request_timeout = std::chrono::minutes(10);
  orderkit::mock::MockState state(options);
  orderkit::mock::MockRequest r = licenses_request();
  r.headers.emplace("X-Mock-Delay-Ms", "60000");
  auto answer = std::async(std::launch::async, [&] { return state.handle(r).status; });
  // Whether the request is already waiting or not yet there, it does not wait out its delay.
  state.shut_down();
  BOOST_REQUIRE(answer.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
  BOOST_TEST(answer.get() == 200);
}

BOOST_AUTO_TEST_SUITE_END()
