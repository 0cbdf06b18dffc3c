// Errors as ASP.NET Web API gives them: 400 with ModelState naming every failing field, 415, 413,
// 404, 405 with Allow; malformed HTTP gets a 400, never a 5xx or a dropped connection.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "support.hpp"

using mock_test::fixture;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(an_invalid_body_names_every_failing_field_in_model_state) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/mobile/api/orders",
                       R"({"OrderDetails":[{"CategoryId":1},{"OrderDetail":{"SimTypeId":"eight"}}],"PaymentId":true})",
                       "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 400);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
  const json body = json::parse(r->body);
  BOOST_TEST(body.at("Message") == "The request is invalid.");
  const json& state = body.at("ModelState");
  BOOST_TEST(state.contains("order.OrderDetails[1].OrderDetail.SimTypeId"));
  BOOST_TEST(state.contains("order.PaymentId"));
  BOOST_TEST(state.at("order.PaymentId").is_array());
}

BOOST_AUTO_TEST_CASE(model_state_is_xml_when_xml_was_asked) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/licenses/api/order/data", {{"Accept", "application/xml"}},
                       "<OrderRequest><Quantity>many</Quantity></OrderRequest>", "application/xml");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 400);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/xml; charset=utf-8");
  BOOST_TEST(r->body.rfind("<Error><Message>The request is invalid.</Message><ModelState><order.Quantity>", 0) == 0);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_a_400_on_the_parameter) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/broadband/api/orders", "{\"AccessId\": ", "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 400);
  BOOST_TEST(json::parse(r->body).at("ModelState").contains("order"));
}

BOOST_AUTO_TEST_CASE(an_empty_body_is_a_400) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/broadband/api/orders");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 400);
  BOOST_TEST(json::parse(r->body).at("ModelState").contains("order"));
}

BOOST_AUTO_TEST_CASE(undocumented_content_types_are_415) {
  mock_test::Server server;
  httplib::Client client = server.client();
  const std::string body = fixture("broadband/OrderNew.request.json");
  // 000 documents JSON only; charsets other than UTF-8 are not read.
  for (const auto& [path, type] :
       std::vector<std::pair<std::string, std::string>>{{"/broadband/api/orders", "text/plain"},
                                                        {"/broadband/api/orders", "application/xml"},
                                                        {"/licenses/api/order/data", "text/html"},
                                                        {"/mobile/api/orders", "application/json; charset=utf-16"},
                                                        {"/mobile/api/orders", "nonsense"}}) {
    BOOST_TEST_CONTEXT(path << " " << type) {
      auto r = client.Post(path.c_str(), body, type.c_str());
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 415);
      BOOST_TEST(json::parse(r->body).at("Message").get<std::string>().find("is not supported") != std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(bodies_over_the_limit_are_413_with_or_without_content_length) {
  orderkit::mock::MockOptions options;
  options.max_body_bytes = 3000;
  mock_test::Server server(options);
  const std::string big(5000, ' ');
  httplib::Client client = server.client();
  auto r = client.Post("/broadband/api/orders", big, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 413);
  // Chunked: no Content-Length for the server to check up front.
  const std::string chunked =
      "POST /broadband/api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
      std::string("1388\r\n") + std::string(5000, ' ') + "\r\n0\r\n\r\n";
  BOOST_TEST(mock_test::raw_status(mock_test::raw_exchange(server.port(), chunked)) == 413);
  // And the connection is still usable afterwards.
  auto after = client.Post("/broadband/api/orders", fixture("broadband/OrderNew.request.json"), "application/json");
  BOOST_REQUIRE(after);
  BOOST_TEST(after->status == 200);
}

BOOST_AUTO_TEST_CASE(unknown_paths_are_404_in_asp_net_words) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Get("/nothing/here");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 404);
  BOOST_TEST(json::parse(r->body).at("Message").get<std::string>().find("No HTTP resource was found") == 0);
}

BOOST_AUTO_TEST_CASE(a_wrong_method_is_405_with_allow) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Get("/mobile/api/orders");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 405);
  BOOST_TEST(r->get_header_value("Allow") == "POST, OPTIONS");
  auto put = client.Put("/licenses/api/order/data", "{}", "application/json");
  BOOST_REQUIRE(put);
  BOOST_TEST(put->status == 405);
  const std::string trace = "TRACE /mobile/api/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
  BOOST_TEST(mock_test::raw_status(mock_test::raw_exchange(server.port(), trace)) == 405);
}

BOOST_AUTO_TEST_CASE(contracts_id_must_be_an_integer) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto r = client.Post("/contracts/v1/CustomerContracts/abc/Orders");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 400);
  BOOST_TEST(json::parse(r->body).at("ModelState").contains("id"));
}

BOOST_AUTO_TEST_CASE(contracts_from_and_till_come_together_or_not_at_all) {
  mock_test::Server server;
  httplib::Client client = server.client();
  auto one = client.Post("/contracts/v1/CustomerContracts/5/Orders?from=2026-01-01");
  BOOST_REQUIRE(one);
  BOOST_TEST(one->status == 400);
  const json state = json::parse(one->body).at("ModelState");
  BOOST_REQUIRE(state.contains("till"));
  BOOST_TEST(state.at("till").at(0).get<std::string>().find("both") != std::string::npos);

  auto both = client.Post("/contracts/v1/CustomerContracts/5/Orders?FROM=2026-01-01&till=2026-01-31");
  BOOST_REQUIRE(both);
  BOOST_TEST(both->status == 200);
  auto bad_date = client.Post("/contracts/v1/CustomerContracts/5/Orders?from=yesterday&till=2026-01-31");
  BOOST_REQUIRE(bad_date);
  BOOST_TEST(bad_date->status == 400);
  BOOST_TEST(json::parse(bad_date->body).at("ModelState").contains("from"));
}

BOOST_AUTO_TEST_CASE(malformed_http_gets_a_400_not_a_dropped_connection) {
  mock_test::Server server;
  for (const std::string& bytes : {std::string("GARBAGE\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
                                   std::string("POST /mobile/api/orders HTTP/1.1\r\nContent-Length: abc\r\n\r\n"),
                                   std::string("BREW /pot HTTP/1.1\r\nHost: localhost\r\n\r\n")}) {
    BOOST_TEST_CONTEXT(bytes) {
      const std::string response = mock_test::raw_exchange(server.port(), bytes);
      BOOST_TEST(mock_test::raw_status(response) == 400);
    }
  }
  // The server is still serving.
  auto r = server.client().Get("/__admin/health");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
