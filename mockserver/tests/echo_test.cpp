// --mode echo answers what a real server would for the posted request.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

#include "support.hpp"

using mock_test::fixture;
using mock_test::tokens;
using nlohmann::json;

namespace {
orderkit::mock::MockOptions echo() {
  orderkit::mock::MockOptions o;
  o.mode = orderkit::mock::Mode::echo;
  return o;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(echo_mode)

BOOST_AUTO_TEST_CASE(broadband_returns_the_posted_order) {
  mock_test::Server server(echo());
  const std::string body = fixture("broadband/OrderNew.request.json");
  auto r = server.client().Post("/broadband/api/orders", body, "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(tokens(r->body) == tokens(body));
}

BOOST_AUTO_TEST_CASE(mobile_returns_one_result_per_item_with_its_values_and_a_fresh_id) {
  mock_test::Server server(echo());
  json order = json::parse(fixture("mobile/OrderCreationRequest.request.json"));
  order["OrderDetails"][0]["CategoryId"] = 31;
  order["OrderDetails"][0]["OrderDetail"]["PhoneNumber"] = "+4790000001";
  order["OrderDetails"][0]["OrderDetail"]["SalesCode"] = "S-1";
  order["OrderDetails"][1]["CategoryId"] = 32;
  order["OrderDetails"][1]["OrderDetail"]["PhoneNumber"] = "+4790000002";
  order["OrderDetails"][1]["OrderDetail"]["SalesCode"] = "S-2";
  order["OrderDetails"].push_back(order["OrderDetails"][1]);
  order["OrderDetails"][2]["OrderDetail"]["PhoneNumber"] = "+4790000003";
  auto r = server.client().Post("/mobile/api/orders", order.dump(), "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json results = json::parse(r->body);
  BOOST_REQUIRE(results.size() == 3u);
  std::set<int> ids;
  for (std::size_t i = 0; i < 3; ++i) {
    const json& o = results[i].at("Order");
    BOOST_TEST(results[i].at("Success") == true);
    BOOST_TEST(o.at("PhoneNumber") == order["OrderDetails"][i]["OrderDetail"]["PhoneNumber"]);
    BOOST_TEST(o.at("SalesCode") == order["OrderDetails"][i]["OrderDetail"]["SalesCode"]);
    BOOST_TEST(o.at("CategoryId") == order["OrderDetails"][i]["CategoryId"]);
    ids.insert(o.at("Id").get<int>());
  }
  BOOST_TEST(ids.size() == 3u);
}

BOOST_AUTO_TEST_CASE(mobile_answers_xml_items_in_xml) {
  mock_test::Server server(echo());
  auto r = server.client().Post("/mobile/api/orders", {{"Accept", "text/xml"}},
                                fixture("mobile/OrderCreationRequest.request.xml"), "text/xml");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(r->body.find("<PhoneNumber xmlns=\"\">sample string 7</PhoneNumber>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(licenses_returns_the_validators_verdict) {
  mock_test::Server server(echo());
  auto r = server.client().Post("/licenses/api/order/data", fixture("licenses/OrderRequest.request.json"),
                                "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(json::parse(r->body).at("errors").empty());
}

BOOST_AUTO_TEST_CASE(contracts_returns_an_order_for_the_contract_and_period) {
  mock_test::Server server(echo());
  httplib::Client client = server.client();
  auto r = client.Post("/contracts/v1/CustomerContracts/77/Orders?from=2026-03-01&till=2026-03-31");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json order = json::parse(r->body);
  BOOST_TEST(order.at("Date") == "2026-03-01");
  BOOST_TEST(order.at("OrderCode").get<std::string>().find("77") != std::string::npos);

  // No period: the next scheduled one, which starts on the first of a month.
  auto next = client.Post("/contracts/v1/CustomerContracts/77/Orders");
  BOOST_REQUIRE(next);
  BOOST_TEST(next->status == 200);
  const std::string date = json::parse(next->body).at("Date");
  BOOST_TEST(date.substr(7) == "-01T00:00:00");
}

BOOST_AUTO_TEST_SUITE_END()
