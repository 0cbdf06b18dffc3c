// Every endpoint x documented request format x documented response format answers the
// documented sample, with the negotiated Content-Type.
#include <boost/test/unit_test.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

using mock_test::fixture;
using mock_test::tokens;

namespace {

struct Format {
  std::string media_type;
  std::string fixture;  // file under tests/fixtures
};

// Posts every request format, asking for every response format; checks status, Content-Type and
// the body token by token against the page's sample.
void check_matrix(const std::string& path, const std::vector<Format>& requests, const std::vector<Format>& responses) {
  mock_test::Server server;
  httplib::Client client = server.client();
  for (const Format& req : requests) {
    const std::string body = req.fixture.empty() ? "" : fixture(req.fixture);
    for (const Format& res : responses) {
      BOOST_TEST_CONTEXT(path << " " << req.media_type << " -> " << res.media_type) {
        httplib::Headers headers = {{"Accept", res.media_type}};
        auto r = req.media_type.empty() ? client.Post(path.c_str(), headers)
                                        : client.Post(path.c_str(), headers, body, req.media_type.c_str());
        BOOST_REQUIRE(r);
        BOOST_TEST(r->status == 200);
        BOOST_TEST(r->get_header_value("Content-Type") == res.media_type + "; charset=utf-8");
        BOOST_TEST(tokens(r->body) == tokens(fixture(res.fixture)));
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(serving)

BOOST_AUTO_TEST_CASE(broadband_answers_the_documented_sample_in_every_format) {
  const std::vector<Format> json = {{"application/json", "broadband/OrderNew.request.json"},
                                    {"text/json", "broadband/OrderNew.request.json"}};
  check_matrix(
      "/broadband/api/orders", json,
      {{"application/json", "broadband/OrderNew.response.json"}, {"text/json", "broadband/OrderNew.response.json"}});
}

BOOST_AUTO_TEST_CASE(contracts_answers_the_documented_sample_in_every_format) {
  check_matrix("/contracts/v1/CustomerContracts/42/Orders", {{"", ""}},
               {{"application/json", "contracts/OrderBase.response.json"},
                {"text/json", "contracts/OrderBase.response.json"},
                {"application/xml", "contracts/OrderBase.response.xml"},
                {"text/xml", "contracts/OrderBase.response.xml"}});
}

BOOST_AUTO_TEST_CASE(mobile_answers_the_documented_sample_in_every_format) {
  const std::string req = "mobile/OrderCreationRequest.request.";
  const std::string res = "mobile/OrderDetailResult[].response.";
  check_matrix("/mobile/api/orders",
               {{"application/json", req + "json"},
                {"text/json", req + "json"},
                {"text/html", req + "html"},
                {"application/xml", req + "xml"},
                {"text/xml", req + "xml"}},
               {{"application/json", res + "json"},
                {"text/json", res + "json"},
                {"text/html", res + "html"},
                {"application/xml", res + "xml"},
                {"text/xml", res + "xml"}});
}

BOOST_AUTO_TEST_CASE(licenses_answers_the_documented_sample_in_every_format) {
  const std::string req = "licenses/OrderRequest.request.";
  const std::string res = "licenses/ValidationResult.response.";
  check_matrix("/licenses/api/order/data",
               {{"application/json", req + "json"},
                {"text/json", req + "json"},
                {"application/xml", req + "xml"},
                {"text/xml", req + "xml"}},
               {{"application/json", res + "json"},
                {"text/json", res + "json"},
                {"application/xml", res + "xml"},
                {"text/xml", res + "xml"}});
}

BOOST_AUTO_TEST_CASE(routes_match_case_insensitively_and_ignore_a_trailing_slash) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("mobile/OrderCreationRequest.request.json");
  for (const char* path : {"/MOBILE/Api/Orders", "/mobile/api/orders/", "/Contracts/V1/customercontracts/7/ORDERS"}) {
    BOOST_TEST_CONTEXT(path) {
      auto r = client.Post(path, body, "application/json");
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 200);
    }
  }
}

BOOST_AUTO_TEST_CASE(json_is_the_answer_without_accept_or_for_any_type) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("licenses/OrderRequest.request.json");
  for (const char* accept : {"", "*/*", "application/*", "text/plain, */*;q=0.1", "image/png"}) {
    BOOST_TEST_CONTEXT("Accept: " << accept) {
      httplib::Headers headers;
      if (*accept) headers.emplace("Accept", accept);
      auto r = client.Post("/licenses/api/order/data", headers, body, "application/json");
      BOOST_REQUIRE(r);
      BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    }
  }
}

BOOST_AUTO_TEST_CASE(accept_q_values_and_wildcards_choose_among_documented_formats) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("mobile/OrderCreationRequest.request.json");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"application/json;q=0.5, application/xml", "application/xml"},
      {"text/*", "text/json"},
      {"text/xml;q=0.9, */*;q=0.8", "text/xml"},
      // A browser's Accept: text/html first (002 documents it), else XML before */*.
      {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"},
      {"application/xml;q=0, */*", "application/json"},
  };
  for (const auto& [accept, expected] : cases) {
    BOOST_TEST_CONTEXT("Accept: " << accept) {
      auto r = client.Post("/mobile/api/orders", {{"Accept", accept}}, body, "application/json");
      BOOST_REQUIRE(r);
      BOOST_TEST(r->get_header_value("Content-Type") == expected + "; charset=utf-8");
    }
  }
  // A browser asking 001 gets XML, as from an ASP.NET Web API server.
  auto r = client.Post("/contracts/v1/CustomerContracts/1/Orders",
                       httplib::Headers{{"Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}});
  BOOST_REQUIRE(r);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/xml; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(an_unmatched_accept_falls_back_to_the_request_format) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/licenses/api/order/data", {{"Accept", "image/png"}},
                       fixture("licenses/OrderRequest.request.xml"), "application/xml");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/xml; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(one_api_is_served_at_its_documented_path) {
  orderkit::mock::MockOptions options;
  options.api = "mobile";
  mock_test::Server server(options);
  httplib::Client client = server.client();
  const std::string body = fixture("mobile/OrderCreationRequest.request.json");
  auto r = client.Post("/api/orders", body, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(tokens(r->body) == tokens(fixture("mobile/OrderDetailResult[].response.json")));
  auto other = client.Post("/mobile/api/orders", body, "application/json");
  BOOST_REQUIRE(other);
  BOOST_TEST(other->status == 404);
  auto licenses = client.Post("/api/order/data", body, "application/json");
  BOOST_REQUIRE(licenses);
  BOOST_TEST(licenses->status == 404);
}

BOOST_AUTO_TEST_CASE(charset_utf8_in_the_request_content_type_is_accepted) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/broadband/api/orders", fixture("broadband/OrderNew.request.json"),
                       "application/json; charset=utf-8");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
