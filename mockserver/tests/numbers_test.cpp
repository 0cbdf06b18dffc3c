// Numbers from a URI or a form body bind by value, as ASP.NET binds them: text such as "007" or
// "-.5" is never pasted into the JSON the SDK decodes.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "support.hpp"

using nlohmann::json;

BOOST_AUTO_TEST_SUITE(uri_and_form_numbers)

BOOST_AUTO_TEST_CASE(uri_and_form_numbers_bind_by_value_not_as_pasted_text) {
  orderkit::mock::MockOptions options;
  options.mode = orderkit::mock::Mode::echo;
  orderkit::mock::MockState state(options);

  // ASP.NET binds the contract id 007 to 7.
  orderkit::mock::MockRequest contract;
  contract.method = "POST";
  contract.path = "/contracts/v1/CustomerContracts/007/Orders";
  contract.query = "from=2026-01-01&till=2026-01-31";
  const orderkit::mock::MockResponse order = state.handle(contract);
  BOOST_TEST(order.status == 200, order.body);
  if (order.status == 200)
    BOOST_TEST(json::parse(order.body).at("OrderCode").get<std::string>().rfind("CC7-", 0) == 0u);

  auto form = [&](const std::string& body) {
    orderkit::mock::MockRequest r;
    r.method = "POST";
    r.path = "/mobile/api/orders";
    r.headers.emplace("Content-Type", "application/x-www-form-urlencoded");
    r.body = body;
    return state.handle(r);
  };
  const orderkit::mock::MockResponse zeros = form("PaymentId=007&OrderDetails[0][CategoryId]=05");
  BOOST_TEST(zeros.status == 200, zeros.body);
  if (zeros.status == 200) BOOST_TEST(json::parse(zeros.body).at(0).at("Order").at("CategoryId") == 5);

  // Decimals the parser reads but JSON does not: bound, or refused under the field's own key,
  // never "malformed JSON" under the parameter.
  for (const char* amount : {"-.5", "05", "1.e5", "007.50"}) {
    const orderkit::mock::MockResponse r = form(std::string("PaymentId=1&OrderDetails[0][CategoryId]=5&") +
                                                "OrderDetails[0][VoluntaryTopupAmount]=" + amount);
    BOOST_TEST_CONTEXT("VoluntaryTopupAmount=" << amount) {
      BOOST_TEST((r.status == 200 || r.status == 400), r.body);
      if (r.status == 400) {
        const json state_errors = json::parse(r.body).at("ModelState");
        BOOST_TEST(state_errors.contains("order.OrderDetails[0].VoluntaryTopupAmount"), r.body);
        BOOST_TEST(!state_errors.contains("order"), r.body);
        BOOST_TEST(!state_errors.contains(""), r.body);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
