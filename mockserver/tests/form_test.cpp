// application/x-www-form-urlencoded bodies (listed by the pages of 000, 002 and 003) bind to the
// model by key, jQuery or MVC style, and are decoded and validated like JSON.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "form.hpp"
#include "support.hpp"

using nlohmann::json;

namespace {
orderkit::mock::MockOptions echo() {
  orderkit::mock::MockOptions o;
  o.mode = orderkit::mock::Mode::echo;
  return o;
}
constexpr const char* kForm = "application/x-www-form-urlencoded";
}  // namespace

BOOST_AUTO_TEST_SUITE(form_bodies)

BOOST_AUTO_TEST_CASE(keys_in_jquery_and_mvc_style_have_one_canonical_form) {
  using orderkit::mock::canonical_form_key;
  BOOST_TEST(canonical_form_key("Customer[Firstname]") == "customer.firstname");
  BOOST_TEST(canonical_form_key("Customer.Firstname") == "customer.firstname");
  BOOST_TEST(canonical_form_key("OrderDetails[1][OrderDetail][SimTypeId]") == "orderdetails[1].orderdetail.simtypeid");
  BOOST_TEST(canonical_form_key("OrderDetails[1].OrderDetail.SimTypeId") == "orderdetails[1].orderdetail.simtypeid");
  BOOST_TEST(canonical_form_key("Codes[]") == "codes");
}

BOOST_AUTO_TEST_CASE(a_broadband_form_binds_nested_fields) {
  mock_test::Server server(echo());
  auto r = server.client().Post(
      "/broadband/api/orders",
      "AccessId=7a320186-cd4f-4cf0-8ced-754e90e1d009&productid=adadf5af-8a09-4cac-8dfb-787c2303e3e5"
      "&StartDate=2026-04-09T14%3A21%3A11%2B02%3A00&Customer%5BFirstname%5D=Ada+L&Customer.IsCompany=TRUE",
      kForm);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json order = json::parse(r->body);
  BOOST_TEST(order.at("ProductId") == "adadf5af-8a09-4cac-8dfb-787c2303e3e5");
  BOOST_TEST(order.at("StartDate") == "2026-04-09T14:21:11+02:00");
  BOOST_TEST(order.at("Customer").at("Firstname") == "Ada L");
  BOOST_TEST(order.at("Customer").at("IsCompany") == true);
}

BOOST_AUTO_TEST_CASE(a_mobile_form_binds_collections) {
  mock_test::Server server(echo());
  auto r = server.client().Post("/mobile/api/orders",
                                "OrderDetails[0][CategoryId]=5&OrderDetails[0][OrderDetail][PhoneNumber]=4790000001"
                                "&OrderDetails[0][OrderDetail][ProductProvisioningCodes][]=1"
                                "&OrderDetails[0][OrderDetail][ProductProvisioningCodes][]=2"
                                "&OrderDetails[1].CategoryId=6&PaymentId=3",
                                kForm);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  const json results = json::parse(r->body);
  BOOST_REQUIRE(results.size() == 2u);
  BOOST_TEST(results[0].at("Order").at("CategoryId") == 5);
  BOOST_TEST(results[0].at("Order").at("PhoneNumber") == "4790000001");
  BOOST_TEST(results[1].at("Order").at("CategoryId") == 6);
}

BOOST_AUTO_TEST_CASE(a_wrong_form_value_names_its_field) {
  mock_test::Server server;
  auto r = server.client().Post("/mobile/api/orders", "PaymentId=abc&OrderDetails[0][OrderDetail][SimTypeId]=x", kForm);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 400);
  const json state = json::parse(r->body).at("ModelState");
  BOOST_TEST(state.contains("order.PaymentId"));
  BOOST_TEST(state.contains("order.OrderDetails[0].OrderDetail.SimTypeId"));
}

BOOST_AUTO_TEST_CASE(contracts_takes_no_body_so_no_form_either) {
  mock_test::Server server;
  // 001's parameters are in the URI; a body is ignored, whatever its type.
  auto r = server.client().Post("/contracts/v1/CustomerContracts/3/Orders", "id=abc", kForm);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
