#pragma once
// Maps a request path to what answers it. Paths match case-insensitively and ignore a trailing
// slash, as ASP.NET's routes do.
#include <string>
#include <string_view>

#include "apis.hpp"

namespace orderkit::mock {

struct Route {
  enum class Kind : std::uint8_t {
    none,
    api,
    admin_requests,
    admin_health,
    admin_openapi,
    admin_reset,
    admin_stubs,            // /__admin/stubs, and /__admin/stubs/{id} (the id in `id`)
    admin_scenarios_reset,  // /__admin/scenarios/reset
  };
  Kind kind = Kind::none;
  const Endpoint* endpoint = nullptr;
  std::string id;  // the {id} segment (of 001's route, or of /__admin/stubs/{id})
};

/// Finds the route for `path`; `api` is MockOptions::api ("" serves all four under base paths).
Route match_route(std::string_view path, std::string_view api);

/// The path an endpoint is served at ("/mobile/api/orders", or "/api/orders" for --api mobile).
std::string served_path(const Endpoint& endpoint, std::string_view api);

/// The methods a route answers, for 405's Allow header.
std::string allowed_methods(const Route& route);

}  // namespace orderkit::mock
