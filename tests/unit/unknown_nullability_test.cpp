// Members whose nullability the pages cannot tell (docs/models.md, "Nullability"): OrderKit reads
// null for them, but leaves them out when unset instead of sending null, since a server whose type
// is a plain value type refuses null for the whole document and keeps the default for a missing
// member (the .NET oracle's null_for_a_plain_date_is_refused and left_out_plain_date_is_accepted).
#include <boost/test/unit_test.hpp>

#include <string>

#include "fixtures.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;

namespace {
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

BOOST_AUTO_TEST_SUITE(unknown_nullability)

BOOST_AUTO_TEST_CASE(unset_stop_date_is_left_out_and_null_is_still_read) {
  auto order = documented_sample<broadband::OrderNew>(Role::request);
  BOOST_TEST(contains(to_json(order), "\"StopDate\": \"2026-04-09T14:21:11.4460179+02:00\""));
  order.StopDate.reset();
  std::string json = to_json(order, Layout::compact);
  BOOST_TEST(!contains(json, "StopDate"), json);
  BOOST_TEST(contains(json, "\"StartDate\":\"2026-04-09T14:21:11.4460179+02:00\",\"CurrentOperator\""), json);

  auto read = from_json<broadband::OrderNew>(R"({"StopDate":null,"AccessId":"7a320186-cd4f-4cf0-8ced-754e90e1d009"})");
  BOOST_REQUIRE(read.ok());
  BOOST_TEST(!read.value().StopDate.has_value());
  auto back = from_json<broadband::OrderNew>(json);
  BOOST_REQUIRE(back.ok());
  BOOST_TEST(!back.value().StopDate.has_value());
}

BOOST_AUTO_TEST_CASE(unset_order_group_guid_is_left_out_of_json_and_datacontract_xml) {
  auto request = documented_sample<mobile::OrderCreationRequest>();
  BOOST_REQUIRE(request.OrderDetails.has_value());
  for (auto& item : *request.OrderDetails) item.OrderDetail->OrderGroupGuid.reset();
  std::string json = to_json(request);
  std::string xml = to_xml(request);
  BOOST_TEST(!contains(json, "OrderGroupGuid"));
  BOOST_TEST(!contains(xml, "OrderGroupGuid"));
  // The neighbours are untouched: InitialBalance is followed by PackageProvisioningCode.
  BOOST_TEST(contains(xml, "<InitialBalance xmlns=\"\">1</InitialBalance>\n        <PackageProvisioningCode"), xml);

  auto from_xml_value = from_xml<mobile::OrderCreationRequest>(xml);
  BOOST_REQUIRE(from_xml_value.ok());
  BOOST_TEST(!(*from_xml_value.value().OrderDetails)[0].OrderDetail->OrderGroupGuid.has_value());

  // A nil from a server is still read as unset.
  std::string with_nil = test::fixture("mobile/OrderCreationRequest.request.xml").text;
  const std::string guid = "<OrderGroupGuid xmlns=\"\">a7d160f7-c91a-4511-a413-a9748adfaadf</OrderGroupGuid>";
  with_nil.replace(with_nil.find(guid), guid.size(), "<OrderGroupGuid i:nil=\"true\" xmlns=\"\" />");
  auto nil_read = from_xml<mobile::OrderCreationRequest>(with_nil);
  BOOST_REQUIRE(nil_read.ok());
  BOOST_TEST(!(*nil_read.value().OrderDetails)[0].OrderDetail->OrderGroupGuid.has_value());
}

BOOST_AUTO_TEST_CASE(unset_account_id_is_left_out) {
  auto order = documented_sample<licenses::OrderRequest>();
  order.AccountId.reset();
  std::string json = to_json(order, Layout::compact);
  BOOST_TEST(!contains(json, "AccountId"), json);
  const std::string tail = "\"Source\":\"sample string 15\"}";
  BOOST_TEST(json.substr(json.size() - tail.size()) == tail, json);
  auto read = from_json<licenses::OrderRequest>(R"({"AccountId":null})");
  BOOST_REQUIRE(read.ok());
  BOOST_TEST(!read.value().AccountId.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
