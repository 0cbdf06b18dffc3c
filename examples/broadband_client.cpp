// Creates a broadband (000) access order and prints what the server stored. Errors arrive as
// exceptions here; see mobile_client.cpp for the non-throwing style.
//
//   broadband_client [BASE_URL]     (default http://127.0.0.1:8080/broadband, the mock server)
#include <iostream>
#include <string>

#include "orderkit/broadband/client.hpp"
#include "orderkit/transport/httplib_transport.hpp"

int main(int argc, char** argv) {
  using namespace orderkit;
  if (argc > 2 || (argc == 2 && std::string(argv[1]) == "--help")) {
    std::cout << "Usage: broadband_client [BASE_URL]\n";
    return argc > 2 ? 2 : 0;
  }
  ClientOptions options;
  options.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080/broadband";
  options.auth = BearerAuth{"example-token"};
  broadband::Client client(options, make_httplib_transport());

  broadband::OrderNew order;
  order.AccessId = *Guid::parse("7a320186-cd4f-4cf0-8ced-754e90e1d009");
  order.ProductId = *Guid::parse("adadf5af-8a09-4cac-8dfb-787c2303e3e5");
  order.StartDate = *DateTime::parse("2026-05-01T00:00:00+02:00");
  broadband::Customer customer;
  customer.Firstname = "Kari";
  customer.Lastname = "Nordmann";
  customer.City = "Oslo";
  order.Customer = customer;

  try {
    auto created = client.create_order(order);
    std::cout << "order for access " << created.value.AccessId.to_string() << " starting "
              << created.value.StartDate.text() << " (request id " << created.request_id << ")\n";
    return 0;
  } catch (const ApiError& e) {
    std::cerr << "the server refused the order: " << e.what() << '\n';
  } catch (const ClientException& e) {
    std::cerr << "the order was not sent or not answered: " << e.what() << '\n';
  }
  return 1;
}
