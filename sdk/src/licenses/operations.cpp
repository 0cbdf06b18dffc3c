#include "orderkit/licenses/operations.hpp"

#include "client/operation.hpp"

namespace orderkit::licenses {

Outcome<HttpRequest> build_submit_order_request(const OrderRequest& order, const ClientOptions& options,
                                                const CallOptions& call) {
  CallOptions c = client::complete(call, options, kSubmitOrderMethod);
  if (options.validate_before_send) {
    if (auto errors = validate(order); !errors.empty()) return client::validation_failed(std::move(errors), c);
  }
  std::string body = options.format == Format::xml ? to_xml(order, Layout::compact) : to_json(order, Layout::compact);
  return client::make_request(kSubmitOrderMethod, kSubmitOrderPath, options, c, std::move(body));
}

ApiResult<ValidationResult> parse_submit_order_response(const HttpResponse& response, std::string_view request_id) {
  return client::read_response<ValidationResult>(response, request_id);
}

}  // namespace orderkit::licenses
