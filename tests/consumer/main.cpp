// Uses only what find_package(orderkit) provides: the orderkit::sdk target and its headers.
#include <cstring>
#include <iostream>

#include <orderkit/version.hpp>

int main() {
  std::cout << "orderkit " << orderkit::version << '\n';
  // Header and linked library must agree.
  return std::strcmp(orderkit::version, orderkit::version_string()) == 0 ? 0 : 1;
}
