#pragma once
// 002 POST api/orders as pure functions: the HTTP request for an order, and the typed reading of
// the server's answer. No I/O; the native client and the WebAssembly package both use these.
#include <string_view>
#include <vector>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"
#include "orderkit/mobile/models.hpp"

namespace orderkit::mobile {

/// The documented method and path (relative to ClientOptions::base_url).
inline constexpr const char* kCreateOrdersMethod = "POST";
inline constexpr const char* kCreateOrdersPath = "api/orders";

/// Builds the request that creates the orders: the body in options.format (JSON or XML), Accept,
/// Content-Type, User-Agent, auth, default and per-call headers, X-Request-Id and, when given or
/// when retries are on, Idempotency-Key. Fails with a ValidationError when
/// options.validate_before_send and the order breaks the page's rules. Pure once `call` has a
/// request id (and an idempotency key, or retries are off); an empty one is filled with a GUID.
Outcome<HttpRequest> build_create_orders_request(const OrderCreationRequest& order, const ClientOptions& options,
                                                 const CallOptions& call = {});

/// Reads the answer: on 2xx the collection of OrderDetailResult (JSON or XML by Content-Type),
/// one per posted item with its own Success/ErrorMessage; otherwise an ApiError with ModelState;
/// a 2xx body of another shape is a ResponseDecodeError naming the path.
ApiResult<std::vector<OrderDetailResult>> parse_create_orders_response(const HttpResponse& response,
                                                                       std::string_view request_id);

}  // namespace orderkit::mobile
