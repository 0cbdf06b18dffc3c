// Submits a license (003) order and prints the server's validation verdict.
//
//   licenses_client [BASE_URL]      (default http://127.0.0.1:8080/licenses, the mock server)
#include <iostream>
#include <string>

#include "orderkit/licenses/client.hpp"
#include "orderkit/transport/httplib_transport.hpp"

int main(int argc, char** argv) {
  using namespace orderkit;
  if (argc > 2 || (argc == 2 && std::string(argv[1]) == "--help")) {
    std::cout << "Usage: licenses_client [BASE_URL]\n";
    return argc > 2 ? 2 : 0;
  }
  ClientOptions options;
  options.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080/licenses";
  options.auth = ApiKeyAuth{"X-Api-Key", "example-key"};
  licenses::Client client(options, make_httplib_transport());

  licenses::OrderRequest order;
  order.Action = "Create";
  order.Ean = "7090000000001";
  order.Quantity = 25;
  order.LicenseType = "School";
  order.OrderRef = "PO-2026-0042";

  auto result = client.try_submit_order(order);
  if (!result.ok()) {
    std::cerr << to_string(result.error()) << '\n';
    return 1;
  }
  const licenses::ValidationResult& verdict = result.value().value;
  std::cout << (verdict.IsValid() ? "license order accepted" : "license order rejected") << '\n';
  for (const auto& failure : verdict.Errors) {
    std::cout << "  " << failure.PropertyName.value_or("") << ": " << failure.ErrorMessage.value_or("") << '\n';
  }
  return verdict.IsValid() ? 0 : 1;
}
