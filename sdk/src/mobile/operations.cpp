#include "orderkit/mobile/operations.hpp"

#include "client/operation.hpp"

namespace orderkit::mobile {

Outcome<HttpRequest> build_create_orders_request(const OrderCreationRequest& order, const ClientOptions& options,
                                                 const CallOptions& call) {
  CallOptions c = client::complete(call, options, kCreateOrdersMethod);
  if (options.validate_before_send) {
    if (auto errors = validate(order); !errors.empty()) return client::validation_failed(std::move(errors), c);
  }
  std::string body = options.format == Format::xml ? to_xml(order, Layout::compact) : to_json(order, Layout::compact);
  return client::make_request(kCreateOrdersMethod, kCreateOrdersPath, options, c, std::move(body));
}

ApiResult<std::vector<OrderDetailResult>> parse_create_orders_response(const HttpResponse& response,
                                                                       std::string_view request_id) {
  return client::read_response<std::vector<OrderDetailResult>>(response, request_id);
}

}  // namespace orderkit::mobile
