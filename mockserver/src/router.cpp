#include "router.hpp"

#include <algorithm>

#include "text.hpp"

namespace orderkit::mock {

namespace {

// Walks the non-empty segments of a path ("/a//b/" -> "a", "b") without allocating: routes are
// matched on every request.
class Segments {
 public:
  explicit Segments(std::string_view path) : path_(path) {}
  bool next(std::string_view& segment) {
    while (pos_ < path_.size() && path_[pos_] == '/') ++pos_;
    if (pos_ >= path_.size()) return false;
    const std::size_t end = std::min(path_.find('/', pos_), path_.size());
    segment = path_.substr(pos_, end - pos_);
    pos_ = end;
    return true;
  }

 private:
  std::string_view path_;
  std::size_t pos_ = 0;
};

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// Matches `path` against a base segment ("mobile", or "" for none) and a route template
// ("v1/CustomerContracts/{id}/Orders") segment by segment; `id` receives the {id} segment.
bool match_template(std::string_view path, std::string_view base, std::string_view route, std::string_view& id) {
  Segments p(path), t(route);
  std::string_view ps, ts;
  if (!base.empty() && !(p.next(ps) && iequals(ps, base))) return false;
  while (t.next(ts)) {
    if (!p.next(ps)) return false;
    if (is_parameter(ts)) id = ps;
    else if (!iequals(ts, ps)) return false;
  }
  return !p.next(ps);
}

}  // namespace

std::string served_path(const Endpoint& endpoint, std::string_view api) {
  return (api.empty() ? base_path(endpoint) : std::string()) + "/" + std::string(endpoint.route);
}

Route match_route(std::string_view path, std::string_view api) {
  Route r;
  Segments parts(path);
  std::string_view first, second;
  if (parts.next(first) && iequals(first, "__admin") && parts.next(second)) {
    std::string_view third, more;
    const bool has_third = parts.next(third);
    if (has_third && parts.next(more)) return r;
    if (!has_third) {
      if (iequals(second, "requests")) r.kind = Route::Kind::admin_requests;
      else if (iequals(second, "health")) r.kind = Route::Kind::admin_health;
      else if (iequals(second, "openapi.json")) r.kind = Route::Kind::admin_openapi;
      else if (iequals(second, "reset")) r.kind = Route::Kind::admin_reset;
      else if (iequals(second, "stubs")) r.kind = Route::Kind::admin_stubs;
    } else if (iequals(second, "stubs")) {
      r.kind = Route::Kind::admin_stubs;
      r.id = std::string(third);
    } else if (iequals(second, "scenarios") && iequals(third, "reset")) {
      r.kind = Route::Kind::admin_scenarios_reset;
    }
    return r;
  }
  for (const Endpoint& e : endpoints()) {
    if (!api.empty() && api != e.api->id) continue;
    std::string_view id;
    // All four APIs: each under its base path, "/" + the API's id (base_path()).
    if (match_template(path, api.empty() ? std::string_view(e.api->id) : std::string_view(), e.route, id)) {
      r.kind = Route::Kind::api;
      r.endpoint = &e;
      r.id = std::string(id);
      return r;
    }
  }
  return r;
}

std::string allowed_methods(const Route& route) {
  switch (route.kind) {
    case Route::Kind::api: return std::string(route.endpoint->method) + ", OPTIONS";
    case Route::Kind::admin_requests: return "GET, HEAD, DELETE, OPTIONS";
    case Route::Kind::admin_reset:
    case Route::Kind::admin_scenarios_reset: return "POST, OPTIONS";
    case Route::Kind::admin_stubs:
      return route.id.empty() ? "GET, HEAD, POST, DELETE, OPTIONS" : "GET, HEAD, DELETE, OPTIONS";
    case Route::Kind::admin_health:
    case Route::Kind::admin_openapi: return "GET, HEAD, OPTIONS";
    case Route::Kind::none: break;
  }
  return "GET, HEAD, OPTIONS";
}

}  // namespace orderkit::mock
