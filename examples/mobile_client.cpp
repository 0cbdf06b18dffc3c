// Creates a mobile (002) order for one new subscription and prints each item's outcome.
//
//   mobile_client [BASE_URL]        (default http://127.0.0.1:8080/mobile, the mock server)
#include <iostream>
#include <string>

#include "orderkit/mobile/client.hpp"
#include "orderkit/transport/httplib_transport.hpp"

int main(int argc, char** argv) {
  using namespace orderkit;
  if (argc > 2 || (argc == 2 && std::string(argv[1]) == "--help")) {
    std::cout << "Usage: mobile_client [BASE_URL]\n";
    return argc > 2 ? 2 : 0;
  }
  ClientOptions options;
  options.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080/mobile";
  options.format = Format::xml;  // the mobile API also takes and answers JSON
  mobile::Client client(options, make_httplib_transport());

  mobile::OrderDetail detail;
  detail.PhoneNumber = "+4799999999";
  detail.SimTypeId = 1;
  detail.SubscriptionTypeId = 16;
  mobile::OrderItem item;
  item.CategoryId = 1;
  item.OrderDetail = detail;
  mobile::OrderCreationRequest order;
  order.OrderDetails = {{item}};
  order.PaymentId = 1;

  auto result = client.try_create_orders(order);
  if (!result.ok()) {
    std::cerr << to_string(result.error()) << "\nrequest id: " << result.error().request_id << '\n';
    return 1;
  }
  for (const auto& outcome : result.value().value) {
    if (outcome.Success && outcome.Order) {
      std::cout << "order " << outcome.Order->Id << " created for " << outcome.Order->PhoneNumber.value_or("?") << '\n';
    } else {
      std::cout << "item failed: " << outcome.ErrorMessage.value_or("(no message)") << '\n';
    }
  }
  return 0;
}
