// CORS, so that a browser page can call every route: a preflight allowing the route's method and
// the SDK's headers, and Access-Control-Allow-Origin with the exposed headers on every answer
// (successes, the pipeline's errors and the server's own), on every API route in both layouts
// (all APIs under base paths; one API with --api). Not on the admin endpoints (peers_test.cpp).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "support.hpp"

using mock_test::fixture;

namespace {

constexpr const char* kOrigin = "http://localhost:3000";

struct Route {
  std::string path;
  std::string method;
  std::string body;  // posted as application/json when not empty
  int status;        // of the real request
};

// The API routes of a layout: all four under their base paths (api ""), or one at its documented
// path. 001 with its id and query.
std::vector<Route> api_routes(const std::string& api) {
  auto path = [&](const char* id, const char* route) { return (api.empty() ? "/" + std::string(id) : "") + route; };
  std::vector<Route> out;
  if (api.empty() || api == "broadband")
    out.push_back({path("broadband", "/api/orders"), "POST", fixture("broadband/OrderNew.request.json"), 200});
  if (api.empty() || api == "contracts")
    out.push_back(
        {path("contracts", "/v1/CustomerContracts/42/Orders?from=2026-01-01&till=2026-01-31"), "POST", "", 200});
  if (api.empty() || api == "mobile")
    out.push_back({path("mobile", "/api/orders"), "POST", fixture("mobile/OrderCreationRequest.request.json"), 200});
  if (api.empty() || api == "licenses")
    out.push_back({path("licenses", "/api/order/data"), "POST", fixture("licenses/OrderRequest.request.json"), 200});
  return out;
}

const std::vector<Route> kAdminRoutes = {
    {"/__admin/requests", "GET", "", 200}, {"/__admin/requests", "DELETE", "", 204},
    {"/__admin/health", "GET", "", 200},   {"/__admin/openapi.json", "GET", "", 200},
    {"/__admin/reset", "POST", "", 204},
};

// Whether a comma-separated header value lists `item` (case-insensitively, as header names are).
bool lists(const std::string& list, std::string_view item) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    std::string_view entry(list.data() + start, end - start);
    while (!entry.empty() && entry.front() == ' ') entry.remove_prefix(1);
    while (!entry.empty() && entry.back() == ' ') entry.remove_suffix(1);
    if (entry.size() == item.size() && std::equal(entry.begin(), entry.end(), item.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        }))
      return true;
    start = end + 1;
  }
  return false;
}

// The preflight a browser sends before a cross-origin request with the SDK's headers.
void check_preflight(httplib::Client& client, const Route& route, const std::string& origin = "*") {
  BOOST_TEST_CONTEXT("OPTIONS " << route.path << " for " << route.method) {
    auto r = client.Options(route.path.c_str(),
                            {{"Origin", kOrigin},
                             {"Access-Control-Request-Method", route.method},
                             {"Access-Control-Request-Headers", "content-type,accept,idempotency-key,x-request-id"}});
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == 204);
    BOOST_TEST(r->get_header_value("Access-Control-Allow-Origin") == origin);
    BOOST_TEST(lists(r->get_header_value("Access-Control-Allow-Methods"), route.method));
    const std::string allowed = r->get_header_value("Access-Control-Allow-Headers");
    for (const char* h : {"Content-Type", "Accept", "Idempotency-Key", "X-Request-Id"})
      BOOST_TEST(lists(allowed, h), h);
    BOOST_TEST(!r->get_header_value("Access-Control-Max-Age").empty());
  }
}

// The request itself, from a page on another origin: its answer must be readable.
void check_answer(httplib::Client& client, const Route& route) {
  BOOST_TEST_CONTEXT(route.method << " " << route.path) {
    const httplib::Headers origin = {{"Origin", kOrigin}};
    const httplib::Result r = route.method == "GET"      ? client.Get(route.path.c_str(), origin)
                              : route.method == "DELETE" ? client.Delete(route.path.c_str(), origin)
                              : route.body.empty()
                                  ? client.Post(route.path.c_str(), origin)
                                  : client.Post(route.path.c_str(), origin, route.body, "application/json");
    BOOST_REQUIRE(r);
    BOOST_TEST(r->status == route.status);
    BOOST_TEST(r->get_header_value("Access-Control-Allow-Origin") == "*");
    BOOST_TEST(lists(r->get_header_value("Access-Control-Expose-Headers"), "X-Request-Id"));
  }
}

// Every route of a layout (the admin endpoints have no CORS: peers_test.cpp).
void check_layout(const std::string& api) {
  orderkit::mock::MockOptions options;
  options.api = api;
  mock_test::Server server(options);
  httplib::Client client = server.client();
  for (const Route& route : api_routes(api)) {
    check_preflight(client, route);
    check_answer(client, route);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cors)

BOOST_AUTO_TEST_CASE(every_route_answers_preflight_and_cors_with_all_apis_served) { check_layout(""); }

BOOST_AUTO_TEST_CASE(every_route_answers_preflight_and_cors_with_one_api_served) {
  for (const char* api : {"broadband", "contracts", "mobile", "licenses"}) {
    BOOST_TEST_CONTEXT("--api " << api) { check_layout(api); }
  }
}

BOOST_AUTO_TEST_CASE(routes_in_other_case_and_with_a_trailing_slash_answer_preflight) {
  mock_test::Server server;
  httplib::Client client = server.client();
  for (const char* path : {"/MOBILE/Api/Orders", "/mobile/api/orders/",
                           "/Contracts/V1/customercontracts/7/ORDERS?FROM=2026-01-01&till=2026-01-31"})
    check_preflight(client, {path, "POST", "", 200});
}

BOOST_AUTO_TEST_CASE(preflight_allows_the_sdk_headers_and_those_the_page_asks_for) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Options("/mobile/api/orders",
                          {{"Origin", kOrigin},
                           {"Access-Control-Request-Method", "POST"},
                           // A page may name its own API-key header and add headers of its own.
                           {"Access-Control-Request-Headers", "content-type, x-partner-key, x-trace"}});
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 204);
  BOOST_TEST(r->get_header_value("Access-Control-Allow-Methods") == "POST, OPTIONS");
  const std::string allowed = r->get_header_value("Access-Control-Allow-Headers");
  for (const char* h :
       {"Content-Type", "Accept", "Authorization", "X-Request-Id", "Idempotency-Key", "X-Api-Key", "X-Mock-Status",
        "X-Mock-Delay-Ms", "X-Mock-Fail-Times", "X-Mock-Fail-Key", "x-partner-key", "x-trace"})
    BOOST_TEST(lists(allowed, h), h);
}

BOOST_AUTO_TEST_CASE(preflight_never_echoes_what_is_not_a_header_name) {
  mock_test::Server server;
  auto r =
      server.client().Options("/mobile/api/orders", {{"Origin", kOrigin},
                                                     {"Access-Control-Request-Method", "POST"},
                                                     {"Access-Control-Request-Headers", "x-ok, bad header, x(y)"}});
  BOOST_REQUIRE(r);
  const std::string allowed = r->get_header_value("Access-Control-Allow-Headers");
  BOOST_TEST(lists(allowed, "x-ok"));
  BOOST_TEST(allowed.find("bad header") == std::string::npos);
  BOOST_TEST(allowed.find("x(y)") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(errors_carry_cors_too) {
  orderkit::mock::MockOptions options;
  options.max_body_bytes = 3000;
  mock_test::Server server(options);
  httplib::Client client = server.client();
  const httplib::Headers origin = {{"Origin", kOrigin}};
  auto check = [](const char* what, const httplib::Result& r, int status) {
    BOOST_TEST_CONTEXT(what) {
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == status);
      BOOST_TEST(r->get_header_value("Access-Control-Allow-Origin") == "*");
      BOOST_TEST(lists(r->get_header_value("Access-Control-Expose-Headers"), "X-Request-Id"));
    }
  };
  check("invalid body", client.Post("/licenses/api/order/data", origin, "{\"Quantity\":\"many\"}", "application/json"),
        400);
  check("unknown path", client.Get("/nowhere", origin), 404);
  check("wrong method", client.Get("/mobile/api/orders", origin), 405);
  check("body too large", client.Post("/mobile/api/orders", origin, std::string(5000, ' '), "application/json"), 413);
  check("unsupported type", client.Post("/mobile/api/orders", origin, "x", "text/plain"), 415);
  check("fault",
        client.Post("/licenses/api/order/data", {{"Origin", kOrigin}, {"X-Mock-Status", "503"}}, "{}",
                    "application/json"),
        503);
  // Ranges are ignored; only a Range header cpp-httplib cannot parse is refused.
  check("malformed range", client.Get("/__admin/health", {{"Origin", kOrigin}, {"Range", "bytes=x"}}), 416);
  // The server's own errors: malformed HTTP (cpp-httplib's error handler), a cut-off request.
  for (const std::string& bytes :
       {std::string("GET / HTTP/9.9\r\nOrigin: x\r\n\r\n"), "GET / HTTP/1.1\r\nX: " + std::string(70000, 'x')}) {
    const std::string response = mock_test::raw_exchange(server.port(), bytes);
    BOOST_TEST_CONTEXT(response.substr(0, response.find('\r'))) {
      BOOST_TEST(mock_test::raw_status(response) >= 400);
      BOOST_TEST(response.find("\r\nAccess-Control-Allow-Origin: *\r\n") != std::string::npos);
      BOOST_TEST(response.find("\r\nAccess-Control-Expose-Headers: ") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_configured_origin_is_answered_with_vary_on_preflight_and_answers) {
  orderkit::mock::MockOptions options;
  options.cors_origin = "http://shop.example";
  mock_test::Server server(options);
  httplib::Client client = server.client();
  check_preflight(client, {"/licenses/api/order/data", "POST", "", 200}, "http://shop.example");
  auto preflight = client.Options("/licenses/api/order/data",
                                  {{"Origin", "http://shop.example"}, {"Access-Control-Request-Method", "POST"}});
  BOOST_REQUIRE(preflight);
  BOOST_TEST(lists(preflight->get_header_value("Vary"), "Origin"));
  auto r = client.Post("/licenses/api/order/data", fixture("licenses/OrderRequest.request.json"), "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->get_header_value("Access-Control-Allow-Origin") == "http://shop.example");
  BOOST_TEST(lists(r->get_header_value("Vary"), "Origin"));
}

BOOST_AUTO_TEST_CASE(cors_can_be_turned_off) {
  orderkit::mock::MockOptions options;
  options.cors_origin = "";
  mock_test::Server server(options);
  httplib::Client client = server.client();
  auto preflight =
      client.Options("/mobile/api/orders", {{"Origin", kOrigin}, {"Access-Control-Request-Method", "POST"}});
  BOOST_REQUIRE(preflight);
  BOOST_TEST(preflight->status == 204);
  BOOST_TEST(preflight->get_header_value("Allow") == "POST, OPTIONS");
  BOOST_TEST(!preflight->has_header("Access-Control-Allow-Origin"));
  BOOST_TEST(!preflight->has_header("Access-Control-Allow-Methods"));
  auto r = client.Get("/__admin/health", {{"Origin", kOrigin}});
  BOOST_REQUIRE(r);
  BOOST_TEST(!r->has_header("Access-Control-Allow-Origin"));
}

BOOST_AUTO_TEST_SUITE_END()
