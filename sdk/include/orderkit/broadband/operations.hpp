#pragma once
// 000 POST api/orders as pure functions (JSON only: the page documents no XML).
#include <string_view>

#include "orderkit/broadband/models.hpp"
#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit::broadband {

inline constexpr const char* kCreateOrderMethod = "POST";
inline constexpr const char* kCreateOrderPath = "api/orders";

/// Builds the request that creates the broadband order as JSON. Fails with "unsupported_format"
/// when options.format is XML, and with a ValidationError when validation is on and fails.
/// Request id and idempotency key as for mobile::build_create_orders_request.
Outcome<HttpRequest> build_create_order_request(const OrderNew& order, const ClientOptions& options,
                                                const CallOptions& call = {});

/// Reads the answer: the OrderNew the server stored, an ApiError, or a ResponseDecodeError.
ApiResult<OrderNew> parse_create_order_response(const HttpResponse& response, std::string_view request_id);

}  // namespace orderkit::broadband
