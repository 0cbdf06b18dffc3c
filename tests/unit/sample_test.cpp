// The sample generator: rebuilt from the field lists, each documented sample equals the page's.
#include <boost/test/unit_test.hpp>

#include <string>

#include "fixtures.hpp"
#include "model_check.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;
using orderkit::test::Fixture;

BOOST_AUTO_TEST_SUITE(samples)

BOOST_AUTO_TEST_CASE(generated_sample_equals_every_page_sample) {
  for (const Fixture& f : test::fixtures()) {
    BOOST_TEST_CONTEXT(f.name()) {
      std::string compact = f.entry->sample(f.format, Layout::compact, f.role);
      BOOST_TEST(compact == test::normalize(f.text, f.format));
      if (f.exact_whitespace()) {
        Layout layout = f.ext == "html" ? Layout::compact : Layout::indented;
        BOOST_TEST(f.entry->sample(f.format, layout, f.role) == test::without_final_newline(f.text));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(broadband_request_and_response_samples_have_their_own_guids_and_dates) {
  auto request = documented_sample<broadband::OrderNew>(Role::request);
  auto response = documented_sample<broadband::OrderNew>(Role::response);
  BOOST_TEST(request.AccessId.to_string() == "7a320186-cd4f-4cf0-8ced-754e90e1d009");
  BOOST_TEST(request.ProductId.to_string() == "adadf5af-8a09-4cac-8dfb-787c2303e3e5");
  BOOST_TEST(request.StartDate.text() == "2026-04-09T14:21:11.4460179+02:00");
  BOOST_TEST(response.AccessId.to_string() == "9c802615-aee5-42b8-9d2e-b09e57bb100c");
  BOOST_TEST(response.ProductId.to_string() == "8c5df485-c28d-4793-a7a7-e7373709b433");
  BOOST_TEST(response.StartDate.text() == "2026-04-09T14:21:11.6648045+02:00");
  BOOST_TEST(response.StopDate->text() == "2026-04-09T14:21:11.6648045+02:00");
  // Everything else is counted the same way on both sides.
  BOOST_TEST(request.CurrentOperator.value() == "sample string 4");
  BOOST_TEST(test::same_model(request.Customer.value(), response.Customer.value()));
  BOOST_TEST(request.Customer->IsCompany == true);
  BOOST_TEST(request.Customer->CompanyName.value() == "sample string 3");  // IsCompany took 2
  BOOST_TEST(request.Customer->InvoiceCity.value() == "sample string 22");
}

BOOST_AUTO_TEST_CASE(contracts_get_only_type_keeps_its_default_and_takes_no_number) {
  auto order = documented_sample<contracts::OrderBase>(Role::response);
  BOOST_TEST(order.Id == 1);
  BOOST_TEST(order.OrderCode.value() == "sample string 2");
  BOOST_TEST(static_cast<int>(order.Type) == 0);
  BOOST_TEST(order.OrderTypeId == 3);  // Type took no number
  BOOST_TEST(order.OrderTotalIncVat.to_string() == "5");
  BOOST_TEST(order.Deleted == true);
  // Nullable<int> members take a fresh counter.
  BOOST_TEST(order.MainStatusId.value() == 1);
  BOOST_TEST(order.AffiliateId.value() == 1);
  BOOST_TEST(order.ChangeTimestamp->text() == "2026-01-11T16:16:24.5248029+01:00");
}

BOOST_AUTO_TEST_CASE(mobile_collection_items_are_the_same_object) {
  auto request = documented_sample<mobile::OrderCreationRequest>(Role::request);
  BOOST_TEST_REQUIRE(request.OrderDetails.has_value());
  BOOST_TEST_REQUIRE(request.OrderDetails->size() == 2u);
  BOOST_TEST(test::same_model(request.OrderDetails->at(0), request.OrderDetails->at(1)));
  const mobile::OrderDetail& detail = request.OrderDetails->at(0).OrderDetail.value();
  BOOST_TEST(detail.SimTypeId == 8);
  BOOST_TEST(detail.DonorContractTypePrepaid.value() == true);  // Nullable<bool>: fresh counter
  BOOST_TEST(detail.BankInformationId.value() == 1);
  BOOST_TEST(detail.PackageProvisioningCode == 13);
  BOOST_TEST(detail.ProductProvisioningCodes.value() == (std::vector<std::int32_t>{1, 2}));
  BOOST_TEST(detail.OrderGroupGuid->to_string() == "a7d160f7-c91a-4511-a413-a9748adfaadf");
  // Both addresses are one AdditionalAddress object met twice.
  BOOST_TEST(test::same_model(request.NewBillingAddress.value(), request.NewShippingAddress.value()));
  BOOST_TEST(request.NewBillingAddress->CustomerType == 2);  // Address took no number

  auto results = documented_sample<std::vector<mobile::OrderDetailResult>>(Role::response);
  BOOST_TEST_REQUIRE(results.size() == 2u);
  BOOST_TEST(test::same_model(results[0], results[1]));
  BOOST_TEST(results[0].Order->CreatedDate.text() == "2025-04-28T00:58:52.729561+02:00");
  BOOST_TEST(results[0].Order->SubscriptionId.value() == 1);
}

BOOST_AUTO_TEST_CASE(licenses_contact_request_is_shared_by_owner_and_order) {
  auto order = documented_sample<licenses::OrderRequest>(Role::request);
  BOOST_TEST_REQUIRE(order.Owner.has_value());
  BOOST_TEST(test::same_model(order.Owner->Contact.value(), order.Contact.value()));
  BOOST_TEST(order.Contact->Email.value() == "sample string 1");
  BOOST_TEST(order.Quantity == 6);
  BOOST_TEST(order.Source.value() == "sample string 15");
  BOOST_TEST(order.AccountId->to_string() == "2c8a5def-2cfe-40f9-8927-aa539835aaee");
  BOOST_TEST(order.Agreement->TotalAmount.to_string() == "8");

  auto result = documented_sample<licenses::ValidationResult>(Role::response);
  BOOST_TEST(result.Errors.empty());  // get-only: not generated
  BOOST_TEST(result.IsValid());
}

BOOST_AUTO_TEST_CASE(every_model_sample_round_trips_in_every_documented_format) {
  int checked = 0;
  for (const ModelEntry& e : models()) {
    for (Role role : {Role::request, Role::response}) {
      for (Format format : {Format::json, Format::xml}) {
        if (format == Format::xml && !e.has_xml()) continue;
        for (Layout layout : {Layout::indented, Layout::compact}) {
          BOOST_TEST_CONTEXT(e.api->id << "/" << e.name() << (format == Format::xml ? " xml" : " json")
                                       << (layout == Layout::compact ? " compact" : " indented")) {
            std::string sample = e.sample(format, layout, role);
            Result<std::string> again = e.convert(sample, format, format, layout);
            BOOST_TEST_REQUIRE(again.ok(), to_string(again.errors()));
            BOOST_TEST(again.value() == sample);
            ++checked;
          }
        }
      }
    }
  }
  BOOST_TEST(checked > 100);
}

BOOST_AUTO_TEST_CASE(nested_model_samples_count_their_own_properties_from_one) {
  auto address = documented_sample<mobile::Address>();
  BOOST_TEST(address.ApartmentNumber.value() == "sample string 1");
  BOOST_TEST(address.ZipCode.value() == "sample string 19");
  auto customer = documented_sample<broadband::Customer>();
  BOOST_TEST(customer.ClientCustomerNumber.value() == "sample string 1");
  auto agreement = documented_sample<licenses::Agreement>();
  BOOST_TEST(agreement.LineDiscountAmount.to_string() == "15");
}

BOOST_AUTO_TEST_SUITE_END()
