// Builds a mobile (002) order in code, validates it, and prints it the way the API expects it,
// as JSON and as XML.
//
//   build/native/examples/print_order
#include <cstdint>
#include <iostream>
#include <string_view>
#include <vector>

#include "orderkit/codec.hpp"
#include "orderkit/mobile/models.hpp"

namespace {

using namespace orderkit;

/// One new subscription that keeps the customer's number (ported from another operator), billed
/// to a new address.
mobile::OrderCreationRequest make_order() {
  mobile::Address address;
  address.Street = "Storgata";
  address.HouseNumber = "12";
  address.Floor = "3";
  address.ZipCode = "0155";
  address.City = "Oslo";
  address.Country = "NO";
  address.ContactEmail = "kari.nordmann@example.com";

  mobile::AdditionalAddress billing;
  billing.CustomerType = 1;  // private customer
  billing.Firstname = "Kari";
  billing.Lastname = "Nordmann";
  billing.Address = address;

  mobile::OrderDetail subscription;
  subscription.NumberPorting = true;  // keep the number the customer has today...
  subscription.PhoneNumber = "4791234567";
  subscription.DonorOperatorCode = "TELIA";  // ...moving it from this operator
  subscription.DonorContractTypePrepaid = false;
  subscription.IccId = "8947080012345678901";
  subscription.SimTypeId = 1;
  subscription.CustomerId = 1042;
  subscription.Date = DateTime::parse("2026-05-04T09:30:00+02:00").value();
  subscription.PackageProvisioningCode = 310;
  subscription.PricePlanProvisioningCode = 4020;
  subscription.ProductProvisioningCodes = std::vector<std::int32_t>{501, 502};
  subscription.SubscriptionTypeId = 2;
  subscription.SalesCode = "WEB";

  mobile::OrderItem item;
  item.CategoryId = 1;
  item.VoluntaryTopupAmount = Decimal::parse("149.50").value();  // exact, scale kept: 149.50
  item.OrderDetail = subscription;

  mobile::OrderCreationRequest order;
  order.OrderDetails = std::vector<mobile::OrderItem>{item};
  order.PaymentId = 7;
  order.OrderPaymentDescription = "Mobile subscription, number ported";
  order.NewBillingAddress = billing;
  return order;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    const bool help = argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h");
    (help ? std::cout : std::cerr) << "Usage: print_order\n"
                                      "Builds a mobile (002) order, validates it and prints it as JSON and XML.\n";
    return help ? 0 : 2;
  }

  const mobile::OrderCreationRequest order = make_order();

  // The rules of the API's help page; every failure comes with its field path.
  if (const std::vector<FieldError> errors = validate(order); !errors.empty()) {
    std::cerr << to_string(errors) << '\n';
    return 1;
  }

  std::cout << "JSON (POST api/orders, Content-Type: application/json):\n" << to_json(order) << "\n\n";
  std::cout << "XML (POST api/orders, Content-Type: application/xml):\n" << to_xml(order) << '\n';
  return 0;
}
