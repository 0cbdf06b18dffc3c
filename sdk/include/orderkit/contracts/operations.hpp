#pragma once
// 001 POST v1/CustomerContracts/{id}/Orders?from={from}&till={till} as pure functions. The
// request has no body; the answer is an OrderBase or null ("no order generated").
#include <cstdint>
#include <optional>
#include <string_view>

#include "orderkit/contracts/models.hpp"
#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit::contracts {

inline constexpr const char* kGenerateOrderMethod = "POST";
/// The path template; {id} is the contract id, from/till go in the query when given.
inline constexpr const char* kGenerateOrderPath = "v1/CustomerContracts/{id}/Orders";

/// The order period: both ends, or (as std::nullopt) neither.
struct Period {
  DateTime from;
  DateTime till;
};

/// The query for a contract and an optional period.
GenerateOrderQuery make_query(std::int32_t id, const std::optional<Period>& period = std::nullopt);

/// Builds the request: the id in the path, from and till percent-encoded in the query exactly as
/// their text (left out when null), Accept per options.format, no body. Fails with a
/// ValidationError when validation is on and only one of from/till is given.
Outcome<HttpRequest> build_generate_order_request(const GenerateOrderQuery& query, const ClientOptions& options,
                                                  const CallOptions& call = {});

/// Reads the answer: the generated order, or std::nullopt when the server answered null (JSON
/// `null`, an xsi:nil root, or an empty body / 204); ApiError; ResponseDecodeError.
ApiResult<std::optional<OrderBase>> parse_generate_order_response(const HttpResponse& response,
                                                                  std::string_view request_id);

}  // namespace orderkit::contracts
