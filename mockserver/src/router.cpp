#include "router.hpp"

#include <vector>

#include "text.hpp"

namespace orderkit::mock {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  for (std::string_view s : split(path, '/'))
    if (!s.empty()) out.push_back(s);
  return out;
}

// Matches a route template ("v1/CustomerContracts/{id}/Orders") segment by segment.
bool match_template(const std::vector<std::string_view>& path, std::string_view templ, std::string& id) {
  const std::vector<std::string_view> t = segments(templ);
  if (t.size() != path.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].size() > 2 && t[i].front() == '{' && t[i].back() == '}') {
      id = std::string(path[i]);
    } else if (!iequals(t[i], path[i])) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string served_path(const Endpoint& endpoint, std::string_view api) {
  return (api.empty() ? base_path(endpoint) : std::string()) + "/" + std::string(endpoint.route);
}

Route match_route(std::string_view path, std::string_view api) {
  Route r;
  const std::vector<std::string_view> parts = segments(path);
  if (parts.size() == 2 && iequals(parts[0], "__admin")) {
    if (iequals(parts[1], "requests")) r.kind = Route::Kind::admin_requests;
    else if (iequals(parts[1], "health")) r.kind = Route::Kind::admin_health;
    else if (iequals(parts[1], "openapi.json")) r.kind = Route::Kind::admin_openapi;
    else if (iequals(parts[1], "reset")) r.kind = Route::Kind::admin_reset;
    return r;
  }
  for (const Endpoint& e : endpoints()) {
    if (!api.empty() && api != e.api->id) continue;
    if (match_template(parts, served_path(e, api), r.id)) {
      r.kind = Route::Kind::api;
      r.endpoint = &e;
      return r;
    }
  }
  return r;
}

std::string allowed_methods(const Route& route) {
  switch (route.kind) {
    case Route::Kind::api: return std::string(route.endpoint->method) + ", OPTIONS";
    case Route::Kind::admin_requests: return "GET, HEAD, DELETE, OPTIONS";
    case Route::Kind::admin_reset: return "POST, OPTIONS";
    case Route::Kind::admin_health:
    case Route::Kind::admin_openapi: return "GET, HEAD, OPTIONS";
    case Route::Kind::none: break;
  }
  return "GET, HEAD, OPTIONS";
}

}  // namespace orderkit::mock
