#pragma once
// CORS, so that a browser page can call the mock from another origin: the headers of every answer
// (including the server's own errors and cut-off requests) and of a preflight.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

/// The headers every answer carries: Access-Control-Allow-Origin, Access-Control-Expose-Headers
/// and, for an origin other than "*", Vary: Origin. None when CORS is off (cors_origin "").
std::vector<std::pair<std::string, std::string>> cors_headers(const MockOptions& options);

/// Access-Control-Allow-Headers of a preflight: the headers the SDK sends, and the header names a
/// page asks for in Access-Control-Request-Headers (its own API-key header, say). Only
/// well-formed header names are repeated.
std::string allowed_request_headers(std::string_view requested);

}  // namespace orderkit::mock
