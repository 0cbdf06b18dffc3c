// Builds (and is not run by the package test) a mobile client over the installed native
// transport: proves orderkit::transport_httplib and its dependencies come with find_package.
#include <iostream>

#include <orderkit/codec.hpp>
#include <orderkit/mobile/client.hpp>
#include <orderkit/transport/httplib_transport.hpp>

int main(int argc, char** argv) {
  orderkit::ClientOptions options;
  options.base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080/mobile";
  orderkit::mobile::Client client(options, orderkit::make_httplib_transport());
  auto result = client.try_create_orders(orderkit::documented_sample<orderkit::mobile::OrderCreationRequest>());
  std::cout << (result.ok() ? "ok" : to_string(result.error())) << '\n';
  return result.ok() ? 0 : 1;
}
