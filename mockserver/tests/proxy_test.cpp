// The contract proxy: API requests forwarded to a "real" server (a second mock in this process, or
// a small server that breaks the contract on purpose), both directions checked against the field
// lists, violations in the journal and the log, --proxy-strict's 502, bounded forwarding (down,
// slow, too large, TLS, no redirects) and --record's stub files.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "proxy_support.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using mock_test::fixture;
using nlohmann::json;
using orderkit::mock::MockOptions;
using namespace proxy_test;

namespace {

const std::string kMobileOrder = fixture("mobile/OrderCreationRequest.request.json");

MockOptions proxy_to(std::vector<std::string> upstreams, LogLines* log = nullptr) {
  MockOptions o;
  o.proxy.upstreams = std::move(upstreams);
  if (log) {
    o.log = orderkit::mock::LogFormat::json;
    o.log_sink = log->sink();
  }
  return o;
}

json journal(mock_test::Server& server) { return json::parse(server.state().journal_json()).at("requests"); }

/// The last journal entry's violations as "side path: message" lines.
std::vector<std::string> violations(mock_test::Server& server) {
  std::vector<std::string> out;
  const json entries = journal(server);
  for (const json& v : entries.back().at("violations"))
    out.push_back(v.at("side").get<std::string>() + " " + v.at("path").get<std::string>() + ": " +
                  v.at("message").get<std::string>());
  return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(proxy)

BOOST_AUTO_TEST_CASE(a_clean_exchange_passes_through_unchanged) {
  mock_test::Server upstream;  // all four APIs, sample mode
  LogLines log;
  mock_test::Server proxy(proxy_to({"mobile=" + url_of(upstream.port()) + "/mobile"}, &log));
  auto direct =
      upstream.client().Post("/mobile/api/orders", {{"Accept", "application/xml"}}, kMobileOrder, "application/json");
  auto r = proxy.client().Post("/mobile/api/orders", {{"Accept", "application/xml"}, {"X-Request-Id", "abc-1"}},
                               kMobileOrder, "application/json");
  BOOST_REQUIRE(direct);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(r->body == direct->body);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/xml; charset=utf-8");
  BOOST_TEST(r->get_header_value("X-Request-Id") == "abc-1");

  // The upstream saw the documented path under its prefix, and the client's own headers.
  const json seen = journal(upstream).back();
  BOOST_TEST(seen.at("path") == "/mobile/api/orders");
  BOOST_TEST(seen.at("headers").at("X-Request-Id") == "abc-1");
  BOOST_TEST(seen.at("headers").at("Accept") == "application/xml");
  BOOST_TEST(seen.at("body") == kMobileOrder);

  const json entry = journal(proxy).back();
  BOOST_TEST(entry.at("status") == 200);
  BOOST_TEST(entry.at("decoded") == true);
  BOOST_TEST(entry.at("proxy").at("url") == url_of(upstream.port()) + "/mobile/api/orders");
  BOOST_TEST(entry.at("proxy").at("status") == 200);
  BOOST_TEST(entry.at("proxy").at("failure").is_null());
  BOOST_TEST(entry.at("violations").empty());
  BOOST_TEST(json::parse(log.line(1)).at("status") == 200);
  BOOST_TEST(!json::parse(log.line(1)).contains("violations"));
}

BOOST_AUTO_TEST_CASE(apis_without_an_upstream_are_answered_by_the_mock) {
  FakeUpstream never({});
  mock_test::Server proxy(proxy_to({"licenses=" + never.url()}));
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(never.requests() == 0);
  BOOST_TEST(!journal(proxy).back().contains("proxy"));
}

BOOST_AUTO_TEST_CASE(paths_map_to_the_upstream_url_plus_the_documented_path) {
  mock_test::Server upstream;
  // --api: the mock serves contracts at its documented path; the upstream's URL has a prefix.
  MockOptions one = proxy_to({url_of(upstream.port()) + "/contracts/"});
  one.api = "contracts";
  mock_test::Server proxy(one);
  auto r = proxy.client().Post("/V1/customercontracts/42/Orders?from=2026-01-01&till=2026-01-31", "", "text/plain");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json seen = journal(upstream).back();
  // The client's spelling goes on (routes match case-insensitively), the query as it came.
  BOOST_TEST(seen.at("path") == "/contracts/V1/customercontracts/42/Orders");
  BOOST_TEST(seen.at("query") == "from=2026-01-01&till=2026-01-31");

  // All APIs: each API's base path is replaced by its upstream's URL.
  mock_test::Server all(proxy_to({"contracts=" + url_of(upstream.port()) + "/contracts"}));
  BOOST_REQUIRE(all.client().Post("/contracts/v1/CustomerContracts/7/Orders", "", "text/plain"));
  BOOST_TEST(journal(upstream).back().at("path") == "/contracts/v1/CustomerContracts/7/Orders");
  BOOST_TEST(journal(all).back().at("proxy").at("url") ==
             url_of(upstream.port()) + "/contracts/v1/CustomerContracts/7/Orders");
}

BOOST_AUTO_TEST_CASE(a_request_that_breaks_the_contract_is_forwarded_and_its_violations_journaled) {
  mock_test::Server upstream;
  LogLines log;
  mock_test::Server proxy(proxy_to({url_of(upstream.port()) + "/mobile"}, &log));
  const std::string bad =
      R"({"OrderDetails":[{"CategoryId":1},{"OrderDetail":{"SimTypeId":"eight"}}],"PaymentId":true})";
  auto r = proxy.client().Post("/mobile/api/orders", bad, "application/json");
  BOOST_REQUIRE(r);
  // The real server's answer: its 400 (which is the documented error shape, so no response violation).
  BOOST_TEST(r->status == 400);
  BOOST_TEST(json::parse(r->body).at("ModelState").contains("order.PaymentId"));
  const json entry = journal(proxy).back();
  BOOST_TEST(entry.at("decoded") == false);
  // The same keys as the mock's own 400 names, in its errors and in the violations.
  const std::vector<std::string> found = violations(proxy);
  BOOST_TEST(any_contains(found, "request order.OrderDetails[1].OrderDetail.SimTypeId: "));
  BOOST_TEST(any_contains(found, "request order.PaymentId: "));
  BOOST_TEST(!any_contains(found, "response "));
  BOOST_TEST(entry.at("errors").size() == entry.at("violations").size());
  BOOST_TEST(entry.at("errors")[0].at("field") == entry.at("violations")[0].at("path"));
  const json line = json::parse(log.line(1));
  BOOST_TEST(line.at("violations").size() == entry.at("violations").size());
  BOOST_TEST(line.at("violations")[0].at("side") == "request");
}

BOOST_AUTO_TEST_CASE(a_wrong_body_is_a_response_violation_naming_the_field) {
  // The documented answer with a string where the model has an integer.
  std::string body = fixture("mobile/OrderDetailResult[].response.json");
  body.replace(body.find("\"Id\": 4"), 7, "\"Id\": \"four\"");
  FakeUpstream wrong({200, "application/json; charset=utf-8", body, {}});
  LogLines log;
  mock_test::Server proxy(proxy_to({wrong.url()}, &log));
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  // Passed on as it came.
  BOOST_TEST(r->status == 200);
  BOOST_TEST(r->body == body);
  BOOST_TEST(wrong.last_path() == "/api/orders");
  const std::vector<std::string> found = violations(proxy);
  BOOST_REQUIRE(found.size() == 1u);
  BOOST_TEST(found[0].rfind("response [0].Order.Id: OrderDetailResult[]: ", 0) == 0);
  BOOST_TEST(journal(proxy).back().at("proxy").at("status") == 200);
  const json line = json::parse(log.line(1));
  BOOST_TEST(line.at("violations")[0].at("path") == "[0].Order.Id");
}

BOOST_AUTO_TEST_CASE(an_undocumented_status_or_content_type_is_a_response_violation) {
  FakeUpstream text({201, "text/plain", "created", {}});
  mock_test::Server proxy(proxy_to({text.url()}));
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 201);
  BOOST_TEST(r->body == "created");
  BOOST_TEST(r->get_header_value("Content-Type") == "text/plain");
  const std::vector<std::string> found = violations(proxy);
  BOOST_TEST(any_contains(found, "status 201 is not documented"));
  BOOST_TEST(any_contains(found, "Content-Type 'text/plain' is not a documented response media type"));

  // JSON where the request's Accept negotiates XML.
  FakeUpstream json_only(
      {200, "application/json; charset=utf-8", fixture("mobile/OrderDetailResult[].response.json"), {}});
  mock_test::Server proxy2(proxy_to({json_only.url()}));
  BOOST_REQUIRE(proxy2.client().Post("/mobile/api/orders", {{"Accept", "text/xml"}}, kMobileOrder, "application/json"));
  BOOST_TEST(violations(proxy2) == (std::vector<std::string>{"response : Content-Type 'application/json' where the "
                                                             "request negotiates 'text/xml' (Accept: 'text/xml')"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_error_answer_must_have_asp_net_error_shape) {
  FakeUpstream garbage({500, "text/html", "<html><body>Server Error in '/' Application.</body></html>", {}});
  mock_test::Server proxy(proxy_to({garbage.url()}));
  auto r = proxy.client().Post("/broadband/api/orders", fixture("broadband/OrderNew.request.json"), "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 500);
  BOOST_TEST(
      any_contains(violations(proxy), "the 500 answer's body (Content-Type 'text/html') is not ASP.NET's error shape"));

  // ASP.NET's HttpError is fine, in JSON or XML, and so is an empty error body.
  FakeUpstream http_error({503, "application/json", R"({"Message":"Down for maintenance."})", {}});
  mock_test::Server proxy2(proxy_to({http_error.url()}));
  BOOST_REQUIRE(
      proxy2.client().Post("/broadband/api/orders", fixture("broadband/OrderNew.request.json"), "application/json"));
  BOOST_TEST(violations(proxy2).empty());
  FakeUpstream empty({401, "", "", {}});
  mock_test::Server proxy3(proxy_to({empty.url()}));
  BOOST_REQUIRE(
      proxy3.client().Post("/broadband/api/orders", fixture("broadband/OrderNew.request.json"), "application/json"));
  BOOST_TEST(violations(proxy3).empty());
}

BOOST_AUTO_TEST_CASE(a_2xx_to_a_request_that_breaks_the_rules_is_a_response_violation_too) {
  FakeUpstream lenient({200, "application/json", fixture("mobile/OrderDetailResult[].response.json"), {}});
  mock_test::Server proxy(proxy_to({lenient.url()}));
  BOOST_REQUIRE(proxy.client().Post("/mobile/api/orders", R"({"PaymentId":true})", "application/json"));
  const std::vector<std::string> found = violations(proxy);
  BOOST_TEST(any_contains(found, "request order.PaymentId: "));
  BOOST_TEST(any_contains(found, "response : answered 200 to a request that breaks the documented rules"));
}

BOOST_AUTO_TEST_CASE(strict_turns_an_answer_with_violations_into_a_502_naming_them) {
  std::string body = fixture("mobile/OrderDetailResult[].response.json");
  body.replace(body.find("\"Id\": 4"), 7, "\"Id\": \"four\"");
  FakeUpstream wrong({200, "application/json; charset=utf-8", body, {}});
  MockOptions o = proxy_to({wrong.url()});
  o.proxy.strict = true;
  mock_test::Server proxy(o);
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 502);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
  const json answer = json::parse(r->body);
  BOOST_TEST(answer.at("Message").get<std::string>().find("breaks the documented contract: response [0].Order.Id") !=
             std::string::npos);
  BOOST_TEST(answer.at("UpstreamStatus") == 200);
  BOOST_TEST(answer.at("Violations")[0].at("Side") == "response");
  BOOST_TEST(answer.at("Violations")[0].at("Path") == "[0].Order.Id");
  BOOST_TEST(journal(proxy).back().at("status") == 502);
  BOOST_TEST(journal(proxy).back().at("proxy").at("status") == 200);

  // In the negotiated format: XML for a client that takes XML.
  auto xml =
      proxy.client().Post("/mobile/api/orders", {{"Accept", "application/xml"}}, kMobileOrder, "application/json");
  BOOST_REQUIRE(xml);
  BOOST_TEST(xml->status == 502);
  BOOST_TEST(xml->body.find("<Violation><Side>response</Side><Path>[0].Order.Id</Path>") != std::string::npos);

  // A clean exchange passes as it came; a request that breaks the rules is named too, though
  // the real server's 400 is right.
  mock_test::Server upstream;
  MockOptions clean = proxy_to({url_of(upstream.port()) + "/mobile"});
  clean.proxy.strict = true;
  mock_test::Server proxy2(clean);
  auto ok = proxy2.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(ok);
  BOOST_TEST(ok->status == 200);
  auto refused = proxy2.client().Post("/mobile/api/orders", R"({"PaymentId":true})", "application/json");
  BOOST_REQUIRE(refused);
  BOOST_TEST(refused->status == 502);
  const json named = json::parse(refused->body);
  BOOST_TEST(named.at("UpstreamStatus") == 400);
  BOOST_TEST(named.at("Violations").size() == 1u);
  BOOST_TEST(named.at("Violations")[0].at("Side") == "request");
  BOOST_TEST(named.at("Violations")[0].at("Path") == "order.PaymentId");
}

BOOST_AUTO_TEST_CASE(an_upstream_that_is_down_is_a_502_naming_it) {
  const std::string down = url_of(closed_port());
  LogLines log;
  mock_test::Server proxy(proxy_to({down}, &log));
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 502);
  const json answer = json::parse(r->body);
  BOOST_TEST(
      answer.at("Message").get<std::string>().rfind("The upstream server " + down + " could not be reached", 0) == 0);
  BOOST_TEST(answer.at("UpstreamError") == "connect");
  const json entry = journal(proxy).back();
  BOOST_TEST(entry.at("proxy").at("status").is_null());
  BOOST_TEST(entry.at("proxy").at("failure") == answer.at("Message"));
  BOOST_TEST(json::parse(log.line(1)).at("upstreamFailure") == answer.at("Message"));
}

BOOST_AUTO_TEST_CASE(the_text_log_names_violations_and_upstream_failures) {
  std::string body = fixture("mobile/OrderDetailResult[].response.json");
  body.replace(body.find("\"Id\": 4"), 7, "\"Id\": \"four\"");
  FakeUpstream wrong({200, "application/json; charset=utf-8", body, {}});
  LogLines log;
  MockOptions o = proxy_to({"mobile=" + wrong.url(), "licenses=" + url_of(closed_port())}, &log);
  o.log = orderkit::mock::LogFormat::text;
  mock_test::Server proxy(o);
  BOOST_REQUIRE(proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json"));
  const std::string first = log.line(1);
  BOOST_TEST(first.find(" 200 ") != std::string::npos);
  BOOST_TEST(first.find(" violation: response [0].Order.Id OrderDetailResult[]: ") != std::string::npos, first);
  BOOST_REQUIRE(proxy.client().Post("/licenses/api/order/data", fixture("licenses/OrderRequest.request.json"),
                                    "application/json"));
  const std::string second = log.line(2);
  BOOST_TEST(second.find(" 502 ") != std::string::npos);
  BOOST_TEST(second.find(" upstream-failure: The upstream server http://127.0.0.1:") != std::string::npos, second);
  BOOST_TEST(second.find("violation") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_slow_upstream_is_a_502_after_the_proxy_timeout) {
  FakeUpstream slow({200, "application/json", fixture("mobile/OrderDetailResult[].response.json"), {}});
  slow.hold();
  MockOptions o = proxy_to({slow.url()});
  o.proxy.timeout = std::chrono::milliseconds(200);
  mock_test::Server proxy(o);
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  slow.release();
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 502);
  const json answer = json::parse(r->body);
  BOOST_TEST(answer.at("UpstreamError") == "timeout");
  BOOST_TEST(answer.at("Message") ==
             "The upstream server " + slow.url() + " did not answer within 200 ms (--proxy-timeout-ms).");
}

BOOST_AUTO_TEST_CASE(an_answer_over_the_size_cap_is_a_502) {
  FakeUpstream large({200, "application/json", std::string(5000, ' ') + "[]", {}});
  MockOptions o = proxy_to({large.url()});
  o.proxy.max_answer_bytes = 4096;
  mock_test::Server proxy(o);
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 502);
  BOOST_TEST(json::parse(r->body).at("Message") ==
             "The upstream server " + large.url() +
                 " answered with a body larger than 4096 bytes (--proxy-max-answer-bytes).");
}

BOOST_AUTO_TEST_CASE(a_tls_failure_is_a_502_naming_it) {
  // An https:// URL to a server that speaks plain HTTP: the handshake fails.
  FakeUpstream plain({200, "application/json", "[]", {}});
  const std::string https = "https://127.0.0.1:" + plain.url().substr(plain.url().rfind(':') + 1);
  mock_test::Server proxy(proxy_to({https}));
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 502);
  const json answer = json::parse(r->body);
  BOOST_TEST(answer.at("UpstreamError") == "tls");
  BOOST_TEST(answer.at("Message").get<std::string>().rfind(
                 "The TLS connection to the upstream server " + https + " failed", 0) == 0);
}

BOOST_AUTO_TEST_CASE(a_redirect_is_passed_on_not_followed) {
  FakeUpstream moved({302, "text/plain", "", {{"Location", "/elsewhere"}, {"X-Upstream", "yes"}}});
  mock_test::Server proxy(proxy_to({moved.url()}));
  auto r = proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 302);
  BOOST_TEST(r->get_header_value("Location") == "/elsewhere");
  BOOST_TEST(r->get_header_value("X-Upstream") == "yes");
  BOOST_TEST(moved.requests() == 1);
  BOOST_TEST(any_contains(violations(proxy), "status 302 is not documented"));
}

BOOST_AUTO_TEST_CASE(faults_still_apply_and_mock_headers_stay_with_the_mock) {
  mock_test::Server upstream;
  mock_test::Server proxy(proxy_to({url_of(upstream.port()) + "/mobile"}));
  auto fault = proxy.client().Post("/mobile/api/orders", {{"X-Mock-Status", "503"}}, kMobileOrder, "application/json");
  BOOST_REQUIRE(fault);
  BOOST_TEST(fault->status == 503);
  BOOST_TEST(journal(upstream).empty());  // not forwarded

  auto r = proxy.client().Post("/mobile/api/orders", {{"X-Mock-Delay-Ms", "0"}, {"X-Partner", "p1"}}, kMobileOrder,
                               "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json headers = journal(upstream).back().at("headers");
  BOOST_TEST(!headers.contains("X-Mock-Delay-Ms"));
  BOOST_TEST(headers.at("X-Partner") == "p1");

  // The mock's own checks before the endpoint answer as they always do: nothing forwarded.
  auto not_allowed = proxy.client().Get("/mobile/api/orders");
  BOOST_REQUIRE(not_allowed);
  BOOST_TEST(not_allowed->status == 405);
  BOOST_TEST(journal(upstream).size() == 1u);
}

BOOST_AUTO_TEST_CASE(hop_by_hop_headers_are_not_forwarded) {
  FakeUpstream fake({200, "application/json", fixture("mobile/OrderDetailResult[].response.json"), {}});
  mock_test::Server proxy(proxy_to({fake.url()}));
  mock_test::RawClient client(proxy.port());
  BOOST_REQUIRE(
      client.send("POST /mobile/api/orders HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive, X-Hop\r\n"
                  "X-Hop: 1\r\nX-End-To-End: 2\r\nContent-Type: application/json\r\nContent-Length: " +
                  std::to_string(kMobileOrder.size()) + "\r\n\r\n" + kMobileOrder));
  BOOST_TEST(mock_test::raw_status(client.read_response()) == 200);
  BOOST_TEST(!fake.last_request_had("X-Hop"));
  BOOST_TEST(fake.last_request_had("X-End-To-End"));
}

BOOST_AUTO_TEST_CASE(idempotency_keys_go_to_the_upstream_which_replays) {
  mock_test::Server upstream;
  mock_test::Server proxy(proxy_to({url_of(upstream.port()) + "/mobile"}));
  auto first = proxy.client().Post("/mobile/api/orders", {{"Idempotency-Key", "k1"}}, kMobileOrder, "application/json");
  auto second =
      proxy.client().Post("/mobile/api/orders", {{"Idempotency-Key", "k1"}}, kMobileOrder, "application/json");
  BOOST_REQUIRE(first);
  BOOST_REQUIRE(second);
  // Both reached the upstream; its replay is what the client sees.
  BOOST_TEST(journal(upstream).size() == 2u);
  BOOST_TEST(second->get_header_value("Idempotency-Replayed") == "true");
  BOOST_TEST(second->body == first->body);
}

BOOST_AUTO_TEST_CASE(malformed_upstreams_are_refused_naming_the_entry) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"ftp://x"}, "--proxy 'ftp://x': not an http:// or https:// URL"},
      {{"http://"}, "the URL has no host"},
      {{"http://h:99999"}, "the port is not 1-65535"},
      {{"http://h/x?y=1"}, "the URL may not have a query or fragment"},
      {{"http://u:p@h"}, "the URL may not carry a user name"},
      {{"shop=http://h"}, "'shop' is not an API"},
      {{"http://a", "http://b"}, "a second URL for every API"},
      {{"mobile=http://a", "mobile=http://b"}, "a second URL for the mobile API"},
  };
  for (const auto& [specs, expected] : cases) {
    BOOST_TEST_CONTEXT(specs.back()) {
      try {
        orderkit::mock::MockState state(proxy_to(specs));
        BOOST_ERROR("accepted");
      } catch (const std::invalid_argument& e) {
        BOOST_TEST(std::string(e.what()).find(expected) != std::string::npos, e.what());
      }
    }
  }
  MockOptions one = proxy_to({"licenses=http://h"});
  one.api = "mobile";
  BOOST_CHECK_THROW(orderkit::mock::MockState state(one), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(record_writes_each_exchange_as_a_stub_file) {
  TempDir dir;
  mock_test::Server upstream;  // sample mode
  MockOptions o = proxy_to(
      {"mobile=" + url_of(upstream.port()) + "/mobile", "contracts=" + url_of(upstream.port()) + "/contracts"});
  o.proxy.record_dir = (dir.path / "rec").string();  // created
  mock_test::Server proxy(o);
  BOOST_REQUIRE(proxy.client().Post("/mobile/elsewhere", "", "text/plain"));  // 404, not an API: not recorded
  for (int i = 0; i < 3; ++i)
    BOOST_REQUIRE(proxy.client().Post("/mobile/api/orders", kMobileOrder, "application/json"));
  BOOST_REQUIRE(proxy.client().Post("/contracts/v1/CustomerContracts/3/Orders?from=2026-01-01&till=2026-01-31", "",
                                    "text/plain"));

  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path / "rec")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  BOOST_REQUIRE(names.size() == 4u);  // no temporary files left
  BOOST_TEST(names[0].find("-000001-mobile-POST-api-orders.json") != std::string::npos);
  BOOST_TEST(names[3].find("-000004-contracts-POST-v1-CustomerContracts-id-Orders.json") != std::string::npos);
  const json entry = journal(proxy).back();
  BOOST_TEST(entry.at("proxy").at("recorded") == names[3]);

  auto read = [&](const std::string& name) {
    std::ifstream in(dir.path / "rec" / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return json::parse(s.str());
  };
  // One stub per file, in the stubs format: the request as the client sent it, the answer.
  const json contracts = read(names[3]);
  BOOST_REQUIRE(contracts.at("stubs").size() == 1u);
  const json& stub = contracts.at("stubs")[0];
  BOOST_TEST(stub.at("id").get<std::string>().rfind("rec-", 0) == 0);
  BOOST_TEST(stub.at("request") == json::parse(R"({"method": "POST", "path": "/contracts/v1/CustomerContracts/3/Orders",
      "query": {"from": {"equalTo": "2026-01-01"}, "till": {"equalTo": "2026-01-31"}}})"));
  BOOST_TEST(stub.at("response").at("status") == 200);
  BOOST_TEST(stub.at("response").at("contentType") == "application/json; charset=utf-8");
  BOOST_TEST(json::parse(stub.at("response").at("rawBody").get<std::string>()) ==
             json::parse(fixture("contracts/OrderBase.response.json")));
  BOOST_TEST(!stub.at("response").at("headers").contains("Content-Type"));
  BOOST_TEST(!stub.contains("scenario"));  // answered once

  // The same request three times: a scenario that replays the answers in order, the last one
  // staying.
  const json s1 = read(names[0]).at("stubs")[0], s2 = read(names[1]).at("stubs")[0], s3 = read(names[2]).at("stubs")[0];
  BOOST_TEST(s1.at("scenario") == s2.at("scenario"));
  BOOST_TEST(s2.at("scenario") == s3.at("scenario"));
  BOOST_TEST(s1.at("requiredState") == "Started");
  BOOST_TEST(s1.at("newState") == "2");
  BOOST_TEST(s2.at("requiredState") == "2");
  BOOST_TEST(s2.at("newState") == "3");
  BOOST_TEST(s3.at("requiredState") == "3");
  BOOST_TEST(!s3.contains("newState"));
  BOOST_TEST(s1.at("request") == json::parse(R"({"method": "POST", "path": "/mobile/api/orders"})"));
  BOOST_TEST(s1.at("id") != s2.at("id"));
}

BOOST_AUTO_TEST_CASE(record_keeps_bytes_as_base64_and_stops_at_its_budget) {
  TempDir dir;
  FakeUpstream binary({500, "application/octet-stream", std::string("\xff\xfe\x00oops", 7), {{"X-Upstream", "yes"}}});
  MockOptions o = proxy_to({binary.url()});
  o.proxy.record_dir = dir.path.string();
  o.proxy.record_max_files = 2;
  mock_test::Server proxy(o);
  for (int i = 0; i < 3; ++i)
    BOOST_REQUIRE(proxy.client().Post("/licenses/api/order/data", fixture("licenses/OrderRequest.request.json"),
                                      "application/json"));
  const std::vector<std::string> names = dir.files();
  BOOST_REQUIRE(names.size() == 2u);
  const json response = dir.read(names[0]).at("stubs")[0].at("response");
  BOOST_TEST(response.at("status") == 500);
  BOOST_TEST(response.at("base64Body") == "//4Ab29wcw==");
  BOOST_TEST(!response.contains("rawBody"));
  BOOST_TEST(response.at("headers").at("X-Upstream") == "yes");
  const json last = journal(proxy).back().at("proxy");
  BOOST_TEST(last.at("recorded").is_null());
  BOOST_TEST(last.at("recordError") == "the recording is full (--record-max-files 2)");
}

BOOST_AUTO_TEST_SUITE_END()
