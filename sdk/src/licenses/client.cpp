#include "orderkit/licenses/client.hpp"

namespace orderkit::licenses {

Client::Client(ClientOptions options, std::shared_ptr<Transport> transport)
    : pipeline_(std::move(options), std::move(transport)) {}

ApiResult<ValidationResult> Client::try_submit_order(const OrderRequest& order, const CallOptions& call) const {
  const ClientOptions& options = pipeline_.options();
  return pipeline_.call<ValidationResult>(
      [&](const CallOptions& c) { return build_submit_order_request(order, options, c); }, parse_submit_order_response,
      call);
}

Response<ValidationResult> Client::submit_order(const OrderRequest& order, const CallOptions& call) const {
  return try_submit_order(order, call).value();
}

}  // namespace orderkit::licenses
