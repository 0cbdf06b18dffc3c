#include "orderkit/broadband/client.hpp"

namespace orderkit::broadband {

Client::Client(ClientOptions options, std::shared_ptr<Transport> transport)
    : pipeline_(std::move(options), std::move(transport)) {}

ApiResult<OrderNew> Client::try_create_order(const OrderNew& order, const CallOptions& call) const {
  const ClientOptions& options = pipeline_.options();
  return pipeline_.call<OrderNew>([&](const CallOptions& c) { return build_create_order_request(order, options, c); },
                                  parse_create_order_response, call);
}

Response<OrderNew> Client::create_order(const OrderNew& order, const CallOptions& call) const {
  return try_create_order(order, call).value();
}

}  // namespace orderkit::broadband
