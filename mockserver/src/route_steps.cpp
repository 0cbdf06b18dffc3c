// The steps that answer paths other than the documented endpoints: preflights, the admin routes,
// the checkout page's files and ASP.NET's 404.
#include <algorithm>
#include <charconv>
#include <variant>

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

// The host name of a Host header or of an Origin's authority ("[::1]:8080" -> "::1",
// "LocalHost.:80" -> "localhost").
std::string host_name(std::string_view authority) {
  std::string_view h = authority;
  if (!h.empty() && h.front() == '[') {
    const std::size_t close = h.find(']');
    h = close == std::string_view::npos ? h.substr(1) : h.substr(1, close - 1);
  } else if (const std::size_t colon = h.find(':');
             colon != std::string_view::npos && h.find(':', colon + 1) == std::string_view::npos) {
    h = h.substr(0, colon);  // one colon: a port (more than one: a bare IPv6 address)
  }
  std::string out = lower(h);
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

// The port of a Host header or of an Origin's authority, or `fallback` where it names none.
std::string_view authority_port(std::string_view authority, std::string_view fallback) {
  std::size_t colon = std::string_view::npos;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':')
      colon = close + 1;
  } else if (const std::size_t c = authority.find(':');
             c != std::string_view::npos && authority.find(':', c + 1) == std::string_view::npos) {
    colon = c;
  }
  return colon == std::string_view::npos || colon + 1 == authority.size() ? fallback : authority.substr(colon + 1);
}

bool allowed_host(const MockOptions& o, std::string_view authority) {
  const std::string name = host_name(authority);
  if (name == "localhost" || name == "127.0.0.1" || name == "::1") return true;
  for (const std::string& allowed : o.allowed_hosts)
    if (!allowed.empty() && host_name(allowed) == name) return true;
  return false;
}

// The admin routes are for test code on this machine, never for web pages: a Host that is not a
// name of this server is a page that rebound its DNS name to it, and an Origin of another host or
// port is a page of that origin (its request runs even though, without CORS, it cannot read the
// answer: a POST /__admin/reset from it would still reset the mock).
std::optional<MockResponse> refuse_foreign_admin(const MockOptions& o, const MockRequest& req) {
  const std::string host = req.header("Host");
  if (!host.empty() && !allowed_host(o, host))
    return message(403,
                   "The admin routes answer requests for localhost, 127.0.0.1, [::1], the bound address and "
                   "--allowed-host names only, not for Host '" +
                       host + "'.");
  // A page of this server's own origin may use them (a page served by --static); a page of another
  // port of this machine is another site (a dev server, anything a browser has open) and may not.
  const std::string origin = req.header("Origin");
  if (!origin.empty()) {
    const std::size_t scheme = origin.find("://");
    const std::string_view authority =
        scheme == std::string::npos ? std::string_view() : std::string_view(origin).substr(scheme + 3);
    const std::string_view default_port = origin.compare(0, scheme, "https") == 0 ? "443" : "80";
    if (scheme == std::string::npos || !allowed_host(o, authority) ||
        (!host.empty() && authority_port(authority, default_port) != authority_port(host, default_port)))
      return message(403, "The admin routes are not for web pages of other origins: requests from Origin '" + origin +
                              "' are refused.");
  }
  return std::nullopt;
}

// ?since=SEQ&limit=N of GET /__admin/requests: a reader that polls takes only what is new.
std::variant<JournalPage, MockResponse> journal_page(const MockRequest& req) {
  JournalPage page;
  for (const auto& [name, value] : parse_query(req.query)) {
    if (name != "since" && name != "limit") continue;
    unsigned long long n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size())
      return message(400, "The query parameter '" + name + "' must be a whole number, not '" + value + "'.");
    if (name == "since") page.since = n;
    else page.limit = static_cast<std::size_t>(std::min<unsigned long long>(n, page.limit));
  }
  return page;
}

MockResponse no_content() {
  MockResponse r;
  r.status = 204;
  return r;
}

// /__admin/stubs and /__admin/stubs/{id}.
MockResponse answer_stubs_admin(RequestContext& c) {
  const MockRequest& req = c.request;
  const bool get = req.method == "GET" || req.method == "HEAD";
  const std::string& id = c.route.id;
  if (id.empty()) {
    if (get) return json_response(200, c.state.stubs_json());
    if (req.method == "POST") {
      StubsAdded added = c.state.add_stubs(req.body);
      if (!added.ok()) return message(400, "The stubs were refused: " + added.error);
      return json_response(201, std::move(added.json));
    }
    if (req.method == "DELETE") {
      c.state.remove_stubs();
      return no_content();
    }
  } else {
    if (get) {
      std::string stub = c.state.stub_json(id);
      if (stub.empty()) return message(404, "No stub has the id '" + id + "'.");
      return json_response(200, std::move(stub));
    }
    if (req.method == "DELETE") {
      if (!c.state.remove_stub(id)) return message(404, "No stub has the id '" + id + "'.");
      return no_content();
    }
  }
  return method_not_allowed(req.method, allowed_methods(c.route));
}

}  // namespace

StepResult answer_preflight(RequestContext& c) {
  if (c.request.method != "OPTIONS") return std::nullopt;
  // Preflight (or a plain OPTIONS): the methods of this path and the headers the SDK sends.
  MockResponse r;
  r.status = 204;
  const std::string allow = c.route.kind == Route::Kind::none ? "GET, HEAD, OPTIONS" : allowed_methods(c.route);
  r.headers.emplace("Allow", allow);
  // No CORS for the admin routes: pages have no business there.
  if (!c.mock.options.cors_origin.empty() && !is_admin(c.route)) {
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
  if (is_admin(c.route)) {
    if (auto refused = refuse_foreign_admin(c.mock.options, req)) return refused;
  }
  switch (c.route.kind) {
    case Route::Kind::none:
    case Route::Kind::api: return std::nullopt;
    case Route::Kind::admin_requests:
      if (get) {
        auto page = journal_page(req);
        if (auto* refused = std::get_if<MockResponse>(&page)) return std::move(*refused);
        return json_response(200, c.mock.journal.to_json(std::get<JournalPage>(page)));
      }
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
    case Route::Kind::admin_stubs: return answer_stubs_admin(c);
    case Route::Kind::admin_scenarios_reset:
      if (req.method == "POST") {
        c.state.reset_scenarios();
        return no_content();
      }
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
