// Each API's response parsing in the clients: any body, as a success and as an error, labelled
// JSON, XML or nothing, gives a value or a ClientError and never crashes, recurses without bound
// or throws. The seeds are the fixtures' documents; error bodies come from mutation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "orderkit/broadband/operations.hpp"
#include "orderkit/contracts/operations.hpp"
#include "orderkit/licenses/operations.hpp"
#include "orderkit/mobile/operations.hpp"

using namespace orderkit;

namespace {

template <class T>
void check(const ApiResult<T>& result, const HttpResponse& response) {
  if (result.ok()) {
    ORDERKIT_FUZZ_CHECK(response.status >= 200 && response.status < 300, response.body, "a value from an error status");
    return;
  }
  const ClientError& error = result.error();
  ORDERKIT_FUZZ_CHECK(!error.message.empty(), response.body, "an error without a message");
  ORDERKIT_FUZZ_CHECK(error.body == response.body, response.body, error.body);
  (void)to_string(error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  HttpResponse response;
  response.body.assign(reinterpret_cast<const char*>(data), size);
  for (int status : {200, 400, 503}) {
    for (const char* type : {"application/json; charset=utf-8", "application/xml; charset=utf-8", ""}) {
      response.status = status;
      response.headers.clear();
      if (*type) response.headers.emplace_back("Content-Type", type);
      if (status == 503) response.headers.emplace_back("Retry-After", std::string(response.body, 0, 64));
      check(broadband::parse_create_order_response(response, "id"), response);
      check(contracts::parse_generate_order_response(response, "id"), response);
      check(mobile::parse_create_orders_response(response, "id"), response);
      check(licenses::parse_submit_order_response(response, "id"), response);
    }
  }
  return 0;
}
