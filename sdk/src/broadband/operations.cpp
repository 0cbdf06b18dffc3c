#include "orderkit/broadband/operations.hpp"

#include "client/operation.hpp"

namespace orderkit::broadband {

Outcome<HttpRequest> build_create_order_request(const OrderNew& order, const ClientOptions& options,
                                                const CallOptions& call) {
  CallOptions c = client::complete(call, options, kCreateOrderMethod);
  if (options.format != Format::json) {
    return client::unsupported_format("the broadband API (000) documents JSON only", c);
  }
  if (options.validate_before_send) {
    if (auto errors = validate(order); !errors.empty()) return client::validation_failed(std::move(errors), c);
  }
  return client::make_request(kCreateOrderMethod, kCreateOrderPath, options, c, to_json(order, Layout::compact));
}

ApiResult<OrderNew> parse_create_order_response(const HttpResponse& response, std::string_view request_id) {
  return client::read_response<OrderNew>(response, request_id);
}

}  // namespace orderkit::broadband
