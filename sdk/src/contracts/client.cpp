#include "orderkit/contracts/client.hpp"

namespace orderkit::contracts {

Client::Client(ClientOptions options, std::shared_ptr<Transport> transport)
    : pipeline_(std::move(options), std::move(transport)) {}

ApiResult<std::optional<OrderBase>> Client::try_generate_order(const GenerateOrderQuery& query,
                                                               const CallOptions& call) const {
  const ClientOptions& options = pipeline_.options();
  return pipeline_.call<std::optional<OrderBase>>(
      [&](const CallOptions& c) { return build_generate_order_request(query, options, c); },
      parse_generate_order_response, call);
}

Response<std::optional<OrderBase>> Client::generate_order(const GenerateOrderQuery& query,
                                                          const CallOptions& call) const {
  return try_generate_order(query, call).value();
}

Response<std::optional<OrderBase>> Client::generate_order(std::int32_t id, const std::optional<Period>& period,
                                                          const CallOptions& call) const {
  return generate_order(make_query(id, period), call);
}

}  // namespace orderkit::contracts
