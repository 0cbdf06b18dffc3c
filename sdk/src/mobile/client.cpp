#include "orderkit/mobile/client.hpp"

namespace orderkit::mobile {

Client::Client(ClientOptions options, std::shared_ptr<Transport> transport)
    : pipeline_(std::move(options), std::move(transport)) {}

ApiResult<std::vector<OrderDetailResult>> Client::try_create_orders(const OrderCreationRequest& order,
                                                                    const CallOptions& call) const {
  const ClientOptions& options = pipeline_.options();
  return pipeline_.call<std::vector<OrderDetailResult>>(
      [&](const CallOptions& c) { return build_create_orders_request(order, options, c); },
      parse_create_orders_response, call);
}

Response<std::vector<OrderDetailResult>> Client::create_orders(const OrderCreationRequest& order,
                                                               const CallOptions& call) const {
  return try_create_orders(order, call).value();
}

}  // namespace orderkit::mobile
