#pragma once
// 003 POST api/order/data as pure functions, JSON or XML.
#include <string_view>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"
#include "orderkit/licenses/models.hpp"

namespace orderkit::licenses {

inline constexpr const char* kSubmitOrderMethod = "POST";
inline constexpr const char* kSubmitOrderPath = "api/order/data";

/// Builds the request that submits the license order (JSON or XML per options.format).
/// Request id, idempotency key and validation as for mobile::build_create_orders_request.
Outcome<HttpRequest> build_submit_order_request(const OrderRequest& order, const ClientOptions& options,
                                                const CallOptions& call = {});

/// Reads the answer: the server's ValidationResult (IsValid, Errors) on 2xx; a non-2xx answer is
/// an ApiError whose ModelState also carries a FluentValidation body's failures.
ApiResult<ValidationResult> parse_submit_order_response(const HttpResponse& response, std::string_view request_id);

}  // namespace orderkit::licenses
