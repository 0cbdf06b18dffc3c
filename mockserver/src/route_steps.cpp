// The steps that answer paths other than the documented endpoints: preflights, the admin routes,
// the checkout page's files and ASP.NET's 404.
#include "answers.hpp"
#include "cors.hpp"
#include "orderkit/mock/help.hpp"
#include "pipeline.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

std::string not_found_message(const MockRequest& req) {
  const std::string host = req.header("Host");
  std::string uri = "http://" + (host.empty() ? std::string("localhost") : host) + req.path;
  if (!req.query.empty()) uri += "?" + req.query;
  return "No HTTP resource was found that matches the request URI '" + uri + "'.";
}

std::string health_json(const MockState::Impl& s) {
  std::string apis;
  for (const Endpoint& e : endpoints()) {
    if (!s.options.api.empty() && s.options.api != e.api->id) continue;
    apis += std::string(apis.empty() ? "" : ",") + "{\"api\":\"" + e.api->id + "\",\"method\":\"" +
            std::string(e.method) + "\",\"path\":\"" + json_escape(served_path(e, s.options.api)) + "\"}";
  }
  return "{\"status\":\"ok\",\"mode\":\"" + std::string(s.options.mode == Mode::echo ? "echo" : "sample") +
         "\",\"apis\":[" + apis + "]}";
}

MockResponse no_content() {
  MockResponse r;
  r.status = 204;
  return r;
}

}  // namespace

StepResult answer_preflight(RequestContext& c) {
  if (c.request.method != "OPTIONS") return std::nullopt;
  // Preflight (or a plain OPTIONS): the methods of this path and the headers the SDK sends.
  MockResponse r;
  r.status = 204;
  const std::string allow = c.route.kind == Route::Kind::none ? "GET, HEAD, OPTIONS" : allowed_methods(c.route);
  r.headers.emplace("Allow", allow);
  if (!c.mock.options.cors_origin.empty()) {
    r.headers.emplace("Access-Control-Allow-Methods", allow);
    r.headers.emplace("Access-Control-Allow-Headers",
                      allowed_request_headers(c.request.header("Access-Control-Request-Headers")));
    r.headers.emplace("Access-Control-Max-Age", "600");
  }
  return r;
}

StepResult answer_admin(RequestContext& c) {
  const MockRequest& req = c.request;
  const bool get = req.method == "GET" || req.method == "HEAD";
  switch (c.route.kind) {
    case Route::Kind::none:
    case Route::Kind::api: return std::nullopt;
    case Route::Kind::admin_requests:
      if (get) return json_response(200, c.mock.journal.to_json());
      if (req.method == "DELETE") {
        c.state.clear_journal();
        return no_content();
      }
      break;
    case Route::Kind::admin_reset:
      if (req.method == "POST") {
        c.state.reset();
        return no_content();
      }
      break;
    case Route::Kind::admin_health:
      if (get) return json_response(200, health_json(c.mock));
      break;
    case Route::Kind::admin_openapi:
      if (get) return json_response(200, c.mock.openapi);
      break;
  }
  return method_not_allowed(req.method, allowed_methods(c.route));
}

StepResult answer_other_paths(RequestContext& c) {
  if (c.route.kind == Route::Kind::api) return std::nullopt;
  const MockRequest& req = c.request;
  const bool get = req.method == "GET" || req.method == "HEAD";
  // The help pages come before the page's files, as in ASP.NET's route table.
  if (auto page = get ? help_page(req.path, req.query, c.mock.options.api) : std::nullopt) {
    MockResponse r;
    r.status = page->status;
    r.body = req.method == "HEAD" ? std::string() : std::move(page->html);
    r.headers.emplace("Content-Type", content_type("text/html"));
    return r;
  }
  if (get && c.mock.static_files.enabled()) {
    if (auto file = c.mock.static_files.serve(req.path, req.method == "HEAD")) return std::move(*file);
  }
  return message(404, not_found_message(req));
}

}  // namespace orderkit::mock
