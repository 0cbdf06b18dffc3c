// Generates a contract's (001) order for January 2026 and tells when there was none to generate.
//
//   contracts_client [BASE_URL] [CONTRACT_ID]   (default http://127.0.0.1:8080/contracts, 42)
#include <iostream>
#include <string>

#include "orderkit/contracts/client.hpp"
#include "orderkit/transport/httplib_transport.hpp"

int main(int argc, char** argv) {
  using namespace orderkit;
  if (argc > 3 || (argc == 2 && std::string(argv[1]) == "--help")) {
    std::cout << "Usage: contracts_client [BASE_URL] [CONTRACT_ID]\n";
    return argc > 3 ? 2 : 0;
  }
  ClientOptions options;
  options.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080/contracts";
  options.retry.max_attempts = 5;  // retries 429/502/503/504 and connection failures
  contracts::Client client(options, make_httplib_transport());

  const int id = argc > 2 ? std::stoi(argv[2]) : 42;
  const contracts::Period january{*DateTime::parse("2026-01-01"), *DateTime::parse("2026-01-31")};
  auto result = client.try_generate_order(contracts::make_query(id, january));
  if (!result.ok()) {
    std::cerr << to_string(result.error()) << '\n';
    return 1;
  }
  const auto& order = result.value().value;
  if (!order) {
    std::cout << "no order generated for contract " << id << '\n';
  } else {
    std::cout << "order " << order->OrderCode.value_or("?") << " dated " << order->Date.text() << ", total "
              << order->OrderTotalExVat.to_string() << " ex VAT\n";
  }
  return 0;
}
