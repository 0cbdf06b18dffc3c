// XML as each API's .NET serializer writes it: DataContract nil and namespaces (002),
// XmlSerializer nil and omission (001, 003), and the members only JSON carries.
#include <boost/test/unit_test.hpp>

#include <string>

#include "fixtures.hpp"
#include "model_check.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;
using test::errors_text;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

template <class T>
T xml_round_trip(const T& value) {
  auto back = from_xml<T>(to_xml(value));
  BOOST_TEST_REQUIRE(back.ok(), errors_text(back.errors()));
  return back.value();
}

template <class T>
T json_round_trip(const T& value) {
  auto back = from_json<T>(to_json(value));
  BOOST_TEST_REQUIRE(back.ok(), errors_text(back.errors()));
  return back.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xml)

BOOST_AUTO_TEST_CASE(data_contract_writes_null_as_nil_with_the_member_namespace) {
  auto request = documented_sample<mobile::OrderCreationRequest>();
  request.OrderDetails->at(0).OrderDetail->CreatedBy.reset();
  request.OrderDetails->at(0).OrderDetail->BankInformationId.reset();
  request.OrderDetails->at(0).OrderDetail->ProductProvisioningCodes.reset();
  request.NewShippingAddress.reset();
  request.OrderPaymentDescription.reset();
  std::string xml = to_xml(request);
  BOOST_TEST(contains(xml, "\n        <CreatedBy i:nil=\"true\" xmlns=\"\" />\n"));
  BOOST_TEST(contains(xml, "<BankInformationId i:nil=\"true\" xmlns=\"\" />"));
  // As DataContractSerializer writes it: the Arrays prefix is declared on a nil collection too.
  BOOST_TEST(
      contains(xml,
               "<ProductProvisioningCodes xmlns:d5p1=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" "
               "i:nil=\"true\" xmlns=\"\" />"),
      xml);
  // Members of the controller types are in the default namespace already.
  BOOST_TEST(contains(xml, "\n  <NewShippingAddress i:nil=\"true\" />\n"));
  BOOST_TEST(contains(xml, "<OrderPaymentDescription i:nil=\"true\" />"));
  BOOST_TEST(test::same_model(xml_round_trip(request), request));
}

BOOST_AUTO_TEST_CASE(data_contract_distinguishes_null_and_empty_collections) {
  mobile::OrderCreationRequest request;
  std::string null_list = to_xml(request, Layout::compact);
  BOOST_TEST(contains(null_list, "<OrderDetails i:nil=\"true\" />"));
  BOOST_TEST(!xml_round_trip(request).OrderDetails.has_value());

  request.OrderDetails.emplace();
  std::string empty_list = to_xml(request, Layout::compact);
  BOOST_TEST(contains(empty_list, "<OrderDetails />"));
  auto back = xml_round_trip(request);
  BOOST_TEST_REQUIRE(back.OrderDetails.has_value());
  BOOST_TEST(back.OrderDetails->empty());

  mobile::OrderDetail detail;
  detail.ProductProvisioningCodes.emplace();
  mobile::OrderItem item;
  item.OrderDetail = detail;
  std::string empty_ints = to_xml(item, Layout::compact);
  BOOST_TEST(
      contains(empty_ints,
               "<ProductProvisioningCodes xmlns:d3p1=\"http://schemas.microsoft.com/2003/10/Serialization/Arrays\" "
               "xmlns=\"\" />"),
      empty_ints);
  BOOST_TEST(test::same_model(xml_round_trip(item), item));
}

BOOST_AUTO_TEST_CASE(data_contract_collection_of_results_round_trips_with_empty_and_null_members) {
  std::vector<mobile::OrderDetailResult> results(2);
  results[0].Success = false;
  results[0].ErrorMessage = "no stock";
  results[1].Success = true;
  results[1].Order.emplace();
  results[1].Order->SubscriptionId = 77;
  std::string xml = to_xml(results, Layout::compact);
  BOOST_TEST(contains(xml,
                      "<OrdersController.OrderDetailResult><ErrorMessage>no stock</ErrorMessage>"
                      "<Order i:nil=\"true\" /><Success>false</Success></OrdersController.OrderDetailResult>"),
             xml);
  BOOST_TEST(contains(xml, "<PhoneNumber i:nil=\"true\" xmlns=\"\" />"));
  BOOST_TEST((xml_round_trip(results) == results));

  std::vector<mobile::OrderDetailResult> none;
  BOOST_TEST(to_xml(none) ==
             "<ArrayOfOrdersController.OrderDetailResult xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\" "
             "xmlns=\"http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers\" />");
  BOOST_TEST(xml_round_trip(none).empty());
}

BOOST_AUTO_TEST_CASE(xml_serializer_writes_null_nullable_value_as_xsi_nil_and_omits_null_strings) {
  auto order = documented_sample<contracts::OrderBase>(Role::response);
  order.MainStatusId.reset();
  order.ChangeTimestamp.reset();
  order.CurrencyCode.reset();
  std::string xml = to_xml(order);
  BOOST_TEST(contains(xml, "\n  <MainStatusId xsi:nil=\"true\" />\n"));
  BOOST_TEST(contains(xml, "<ChangeTimestamp xsi:nil=\"true\" />"));
  BOOST_TEST(!contains(xml, "CurrencyCode"));
  BOOST_TEST(test::same_model(xml_round_trip(order), order));
}

BOOST_AUTO_TEST_CASE(xml_serializer_omits_null_objects_and_writes_empty_strings_as_empty_elements) {
  auto order = documented_sample<licenses::OrderRequest>();
  order.Owner.reset();
  order.Agreement->ContactName.reset();
  order.Ean = "";
  std::string xml = to_xml(order, Layout::compact);
  BOOST_TEST(!contains(xml, "<Owner"));
  BOOST_TEST(!contains(xml, "ContactName"));
  BOOST_TEST(contains(xml, "<Ean />"));
  auto back = xml_round_trip(order);
  BOOST_TEST(!back.Owner.has_value());
  BOOST_TEST(back.Ean.value() == "");
}

BOOST_AUTO_TEST_CASE(contracts_type_is_in_json_but_not_in_xml) {
  auto order = documented_sample<contracts::OrderBase>(Role::response);
  order.Type = static_cast<contracts::OrderTypeEnum>(3);
  BOOST_TEST(contains(to_json(order), "\"Type\": 3,"));
  BOOST_TEST(static_cast<int>(json_round_trip(order).Type) == 3);
  std::string xml = to_xml(order);
  BOOST_TEST(!contains(xml, "<Type"));
  BOOST_TEST(static_cast<int>(xml_round_trip(order).Type) == 0);

  // A <Type> element in XML is not a member: it is ignored like any unknown element.
  std::string with_type = test::fixture("contracts/OrderBase.response.xml").text;
  with_type.insert(with_type.find("<OrderTypeId>"), "<Type>5</Type>");
  auto decoded = from_xml<contracts::OrderBase>(with_type);
  BOOST_TEST_REQUIRE(decoded.ok(), errors_text(decoded.errors()));
  BOOST_TEST(static_cast<int>(decoded.value().Type) == 0);
}

BOOST_AUTO_TEST_CASE(licenses_source_and_account_id_are_in_json_but_not_in_xml) {
  auto order = documented_sample<licenses::OrderRequest>();
  std::string json = to_json(order);
  BOOST_TEST(contains(json, "\"Source\": \"sample string 15\""));
  BOOST_TEST(contains(json, "\"AccountId\": \"2c8a5def-2cfe-40f9-8927-aa539835aaee\""));
  std::string xml = to_xml(order);
  BOOST_TEST(!contains(xml, "Source"));
  BOOST_TEST(!contains(xml, "AccountId"));
  BOOST_TEST(!xml_round_trip(order).AccountId.has_value());

  // The server's AccountId may be a plain Guid: unset, it is left out (meta::omit_when_unset).
  order.AccountId.reset();
  BOOST_TEST(!contains(to_json(order), "AccountId"));
}

BOOST_AUTO_TEST_CASE(validation_result_json_is_camel_case) {
  licenses::ValidationResult valid;
  BOOST_TEST(to_json(valid, Layout::compact) == "{\"errors\":[]}");
  BOOST_TEST(to_json(valid) == "{\n  \"errors\": []\n}");
  BOOST_TEST(to_xml(valid) ==
             test::without_final_newline(test::fixture("licenses/ValidationResult.response.xml").text));

  licenses::ValidationResult invalid;
  licenses::ValidationFailure failure;
  failure.PropertyName = "Ean";
  failure.ErrorMessage = "'Ean' must not be empty.";
  failure.ErrorCode = "NotEmptyValidator";
  failure.Severity = 0;
  invalid.Errors = {failure, failure};
  invalid.Errors[1].PropertyName = "Owner.Address.ZipCode";
  invalid.Errors[1].AttemptedValue = "12";
  BOOST_TEST(!invalid.IsValid());
  BOOST_TEST(
      to_json(invalid, Layout::compact) ==
      "{\"errors\":[{\"propertyName\":\"Ean\",\"errorMessage\":\"'Ean' must not be empty.\",\"attemptedValue\":null,"
      "\"errorCode\":\"NotEmptyValidator\",\"severity\":0},{\"propertyName\":\"Owner.Address.ZipCode\","
      "\"errorMessage\":\"'Ean' must not be empty.\",\"attemptedValue\":\"12\",\"errorCode\":\"NotEmptyValidator\","
      "\"severity\":0}]}");
  BOOST_TEST(test::same_model(json_round_trip(invalid), invalid));

  // XmlSerializer skips the get-only IList Errors (the .NET oracle's
  // validation_result_xml_has_no_errors): the XML of a failed result is the empty root.
  BOOST_TEST(to_xml(invalid) == to_xml(valid));
  BOOST_TEST(to_xml(invalid, Layout::compact).find("Errors") == std::string::npos);
  BOOST_TEST(xml_round_trip(invalid).Errors.empty());
}

// As the real serializers write an empty string (found by the .NET oracle's differential test).
BOOST_AUTO_TEST_CASE(an_empty_string_is_an_end_tag_under_datacontract_and_empty_under_xmlserializer) {
  auto request = documented_sample<mobile::OrderCreationRequest>();
  request.OrderPaymentDescription = "";
  std::string dc = to_xml(request);
  BOOST_TEST(contains(dc, "\n  <OrderPaymentDescription></OrderPaymentDescription>\n"), dc);
  BOOST_TEST(*xml_round_trip(request).OrderPaymentDescription == "");

  auto order = documented_sample<licenses::OrderRequest>();
  order.Action = "";
  std::string xs = to_xml(order);
  BOOST_TEST(contains(xs, "\n  <Action />\n"), xs);
  BOOST_TEST(*xml_round_trip(order).Action == "");
}

BOOST_AUTO_TEST_CASE(xml_serializer_roots_declare_xsi_and_xsd_in_the_pages_order) {
  std::string contracts_xml = to_xml(documented_sample<contracts::OrderBase>(Role::response), Layout::compact);
  BOOST_TEST(contracts_xml.rfind("<OrderBase xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                                 "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
                                 0) == 0u);
  std::string licenses_xml = to_xml(documented_sample<licenses::OrderRequest>(), Layout::compact);
  BOOST_TEST(licenses_xml.rfind("<OrderRequest xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                                "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">",
                                0) == 0u);
}

BOOST_AUTO_TEST_CASE(data_contract_orders_base_class_members_first_then_alphabetically) {
  std::string xml = to_xml(documented_sample<mobile::OrderCreationRequest>(), Layout::compact);
  auto at = [&](const char* tag) { return xml.find(tag); };
  // OrderDetail: base-class members (BankInformationId..WholeSalesPartnerId) before its own.
  BOOST_TEST(at("<WholeSalesPartnerId") < at("<DonorAccountNumber"));
  BOOST_TEST(at("<BankInformationId") < at("<CreatedBy"));
  // The root: alphabetical, not declaration order.
  BOOST_TEST(at("<NewBillingAddress>") < at("<OrderDetails>"));
  BOOST_TEST(at("<OrderPaymentDescription>") < at("<PaymentId>"));
}

BOOST_AUTO_TEST_SUITE_END()
