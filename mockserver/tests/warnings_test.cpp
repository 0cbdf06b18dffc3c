// Where the real server drops data without an error, the mock drops it too and says so: an
// X-Mock-Warning header on the answer and the journal entry's "warnings", each naming the member's
// ModelState key. DataContractSerializer (002's XML) reads members only in contract order, so a
// member after a later-ordered one is lost (the .NET oracle's findings).
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support.hpp"

using nlohmann::json;

namespace {

const std::string kControllersNs = "http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers";

orderkit::mock::MockRequest mobile_xml(const std::string& members) {
  orderkit::mock::MockRequest r;
  r.method = "POST";
  r.path = "/mobile/api/orders";
  r.headers.emplace("Content-Type", "application/xml");
  r.body = "<OrdersController.OrderCreationRequest xmlns=\"" + kControllersNs + "\">" + members +
           "</OrdersController.OrderCreationRequest>";
  return r;
}

std::vector<std::string> warnings(const orderkit::mock::MockResponse& r) {
  std::vector<std::string> out;
  auto range = r.headers.equal_range("X-Mock-Warning");
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mock_warnings)

BOOST_AUTO_TEST_CASE(a_datacontract_member_out_of_order_is_dropped_and_named) {
  orderkit::mock::MockState state;
  const orderkit::mock::MockResponse r =
      state.handle(mobile_xml("<PaymentId>5</PaymentId><OrderPaymentDescription>late</OrderPaymentDescription>"));
  BOOST_TEST(r.status == 200, r.body);
  const std::vector<std::string> said = warnings(r);
  BOOST_TEST_REQUIRE(said.size() == 1u);
  BOOST_TEST(said[0].rfind("order.OrderPaymentDescription: dropped: it comes after <PaymentId>", 0) == 0u, said[0]);

  const json entry = json::parse(state.journal_json()).at("requests").at(0);
  BOOST_TEST(entry.at("decoded") == true);
  BOOST_TEST_REQUIRE(entry.at("warnings").size() == 1u);
  BOOST_TEST(entry.at("warnings").at(0).at("field") == "order.OrderPaymentDescription");
  BOOST_TEST(entry.at("warnings").at(0).at("message").get<std::string>().find("contract order") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_dropped_value_is_not_used_and_an_invalid_body_still_names_it) {
  orderkit::mock::MockOptions options;
  options.mode = orderkit::mock::Mode::echo;
  orderkit::mock::MockState state(options);
  // CategoryId after VoluntaryTopupAmount inside an item: the item's CategoryId stays 0.
  const orderkit::mock::MockResponse r =
      state.handle(mobile_xml("<OrderDetails><OrdersController.OrderItem><VoluntaryTopupAmount>2</VoluntaryTopupAmount>"
                              "<CategoryId>7</CategoryId></OrdersController.OrderItem></OrderDetails>"));
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(r.body.find("<CategoryId>7</CategoryId>") == std::string::npos, r.body);
  BOOST_TEST(warnings(r).size() == 1u);
  BOOST_TEST(warnings(r).at(0).rfind("order.OrderDetails[0].CategoryId: dropped", 0) == 0u);

  // A body refused for another reason still says what the server would have dropped.
  const orderkit::mock::MockResponse bad =
      state.handle(mobile_xml("<PaymentId>x</PaymentId><OrderPaymentDescription>late</OrderPaymentDescription>"));
  BOOST_TEST(bad.status == 400);
  BOOST_TEST(warnings(bad).size() == 1u);
}

BOOST_AUTO_TEST_CASE(members_in_order_and_other_apis_give_no_warning) {
  orderkit::mock::MockState state;
  const orderkit::mock::MockResponse r =
      state.handle(mobile_xml("<OrderPaymentDescription>d</OrderPaymentDescription><PaymentId>5</PaymentId>"));
  BOOST_TEST(r.status == 200, r.body);
  BOOST_TEST(warnings(r).empty());
  // XmlSerializer (003) reads members in any order.
  orderkit::mock::MockRequest licenses;
  licenses.method = "POST";
  licenses.path = "/licenses/api/order/data";
  licenses.headers.emplace("Content-Type", "application/xml");
  licenses.body = "<OrderRequest><Quantity>1</Quantity><Action>x</Action></OrderRequest>";
  const orderkit::mock::MockResponse l = state.handle(licenses);
  BOOST_TEST(l.status == 200, l.body);
  BOOST_TEST(warnings(l).empty());
  // The parsed journal is kept in a variable: a range-for over a member of a temporary would
  // iterate freed memory.
  const json journal = json::parse(state.journal_json());
  for (const json& entry : journal.at("requests")) BOOST_TEST(entry.at("warnings").empty());
}

BOOST_AUTO_TEST_SUITE_END()
