// The request pipeline: route, CORS, method, content type, Accept, faults, idempotency, the
// endpoint itself, then the journal. Pure apart from the state's stores and an optional delay.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include "apis.hpp"
#include "cors.hpp"
#include "errors.hpp"
#include "media.hpp"
#include "orderkit/mock/help.hpp"
#include "openapi.hpp"
#include "router.hpp"
#include "state.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

// A delay asked for by header is capped so that one request cannot hold a worker for long.
constexpr std::uint64_t kMaxDelayMs = 60000;

std::string content_type(std::string_view media_type) { return std::string(media_type) + "; charset=utf-8"; }

Response message(int status, std::string_view text, Wire wire = Wire::json,
                 const std::vector<std::pair<std::string, std::string>>& extra = {}) {
  Response r;
  r.status = status;
  r.body = error_body(text, wire, extra);
  r.headers.emplace("Content-Type", content_type(wire == Wire::xml ? "application/xml" : "application/json"));
  return r;
}

Response json_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.emplace("Content-Type", content_type("application/json"));
  return r;
}

// The documented response media type chosen for this request (ASP.NET's DefaultContentNegotiator:
// Accept first; when nothing in Accept matches, the request's own content type; then the first
// formatter, JSON).
std::size_t choose_response_type(const Request& req, const std::optional<MediaType>& request_type, const Endpoint& e) {
  const std::string accept = req.header("Accept");
  if (!trim(accept).empty()) {
    if (auto chosen = negotiate(parse_accept(accept), e.response_types)) return *chosen;
  }
  if (request_type) {
    for (std::size_t i = 0; i < e.response_types.size(); ++i)
      if (e.response_types[i] == request_type->type) return i;
  }
  return 0;
}

std::string not_found_message(const Request& req) {
  const std::string host = req.header("Host");
  std::string uri = "http://" + (host.empty() ? std::string("localhost") : host) + req.path;
  if (!req.query.empty()) uri += "?" + req.query;
  return "No HTTP resource was found that matches the request URI '" + uri + "'.";
}

struct Fault {
  int status = 0;
  std::string reason;
};

// Faults asked for by header (X-Mock-Status, X-Mock-Fail-Times with its key) or by the command
// line. A malformed fault header is the caller's mistake: 400 naming the header.
std::optional<Response> faults(MockState::Impl& s, const Request& req, Fault& fault) {
  std::uint64_t value = 0;
  int status = 0;
  if (const std::string h = req.header("X-Mock-Status"); !h.empty()) {
    if (!parse_uint(h, 599, value) || value < 100)
      return message(400, "X-Mock-Status must be an HTTP status code (100-599), not '" + h + "'.");
    status = static_cast<int>(value);
  }
  if (const std::string h = req.header("X-Mock-Fail-Times"); !h.empty()) {
    if (!parse_uint(h, 1000000, value))
      return message(400, "X-Mock-Fail-Times must be a whole number of requests (0-1000000), not '" + h + "'.");
    // The key: X-Mock-Fail-Key when given, else method, path (case-folded) and a hash of the body.
    std::string key = req.header("X-Mock-Fail-Key");
    if (key.empty()) key = req.method + " " + lower(req.path) + " " + std::to_string(fnv1a(req.body));
    if (s.fail_counters.should_fail(key, value)) {
      fault.status = status ? status : 503;
      fault.reason = "X-Mock-Fail-Times: " + h;
    }
    return std::nullopt;
  }
  if (status) {
    fault.status = status;
    fault.reason = "X-Mock-Status: " + std::to_string(status);
    return std::nullopt;
  }
  if (s.options.fault_status) {
    const std::uint64_t n = s.api_requests.load();
    const unsigned every = s.options.fault_every ? s.options.fault_every : 1;
    if (n % every == 0) {
      fault.status = s.options.fault_status;
      fault.reason = "--fault-status " + std::to_string(s.options.fault_status);
    }
  }
  return std::nullopt;
}

Response api_request(MockState::Impl& s, const Request& req, const Route& route, JournalEntry& entry) {
  const Endpoint& e = *route.endpoint;
  entry.api = e.api->id;
  if (req.method != e.method && !(req.method == "HEAD" && e.method == "GET")) {
    Response r = message(405, "The requested resource does not support http method '" + req.method + "'.");
    r.headers.emplace("Allow", allowed_methods(route));
    return r;
  }
  s.api_requests.fetch_add(1);

  const std::string content_type_header = req.header("Content-Type");
  const std::optional<MediaType> request_type = parse_media_type(content_type_header);
  const std::size_t response_index = choose_response_type(req, request_type, e);
  const std::string& response_type = e.response_types[response_index];
  const Wire response_wire = *wire_of(response_type);
  const Wire error_wire = response_wire == Wire::xml ? Wire::xml : Wire::json;

  // The body's media type must be one the page documents for this endpoint.
  Wire request_wire = Wire::json;
  if (!e.request_types.empty()) {
    const std::string& header = content_type_header;
    if (header.empty() && req.body.empty()) {
      entry.has_body_model = true;
      std::vector<FieldError> errors = {{"", "required", "A non-empty request body is required."}};
      Response r = message(400, kInvalidRequest, error_wire);
      r.body = model_state_body(errors, e.param, error_wire);
      entry.errors.push_back({model_state_key(e.param, ""), errors[0].message});
      return r;
    }
    const std::optional<MediaType> ct = header.empty() ? parse_media_type("application/octet-stream") : request_type;
    const std::string shown = ct ? ct->type : header;
    bool supported = false;
    for (const std::string& t : e.request_types) supported = supported || (ct && t == ct->type);
    if (ct && !ct->charset.empty() && ct->charset != "utf-8" && ct->charset != "utf8" && ct->charset != "us-ascii")
      supported = false;
    if (!supported) {
      std::string documented;
      for (const std::string& t : e.request_types) documented += (documented.empty() ? "" : ", ") + t;
      return message(415, "The request entity's media type '" + shown + "' is not supported for this resource.",
                     error_wire,
                     {{"ExceptionMessage", "No MediaTypeFormatter is available to read an object of type '" +
                                               std::string(e.request_model) + "' from content with media type '" +
                                               shown + "'. Documented: " + documented + " (charset utf-8)."},
                      {"ExceptionType", "System.Net.Http.UnsupportedMediaTypeException"}});
    }
    request_wire = *wire_of(ct->type);
  }

  // Delay (global and per request), then faults.
  std::uint64_t delay_ms = static_cast<std::uint64_t>(s.options.delay.count());
  if (const std::string h = req.header("X-Mock-Delay-Ms"); !h.empty()) {
    std::uint64_t v = 0;
    if (!parse_uint(h, kMaxDelayMs, v))
      return message(400, "X-Mock-Delay-Ms must be a whole number of milliseconds (0-60000), not '" + h + "'.");
    delay_ms += v;
  }
  if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(delay_ms, kMaxDelayMs)));

  // Idempotency: a key seen before answers the stored response (same request) or 422. The
  // request's fingerprint hashes the whole body, so it is computed only when there is a key.
  const std::string idempotency_key = req.header("Idempotency-Key");
  const std::uint64_t fingerprint =
      idempotency_key.empty() ? 0 : fnv1a(req.body, fnv1a(req.method + " " + lower(req.path) + "?" + req.query));
  if (!idempotency_key.empty()) {
    if (auto hit = s.idempotency.find(idempotency_key, fingerprint)) {
      if (!hit->same_request)
        return message(422, "Idempotency-Key '" + idempotency_key +
                                "' was already used with a different request; use a new key for a new request.",
                       error_wire);
      Response r = hit->response;
      r.headers.erase("Idempotency-Replayed");
      r.headers.emplace("Idempotency-Replayed", "true");
      return r;
    }
  }

  Fault fault;
  if (auto bad = faults(s, req, fault)) return *bad;
  if (fault.status >= 400) {
    Response r = message(fault.status, "Simulated fault (" + fault.reason + ").", error_wire);
    if (fault.status == 503 || fault.status == 429) r.headers.emplace("Retry-After", "1");
    return r;
  }

  Call call;
  call.mode = s.options.mode;
  call.request_wire = request_wire;
  call.body = req.body;
  call.response_wire = response_wire;
  call.path_id = route.id;
  call.query = parse_query(req.query);
  call.next_id = &s.next_id;
  Outcome outcome = e.handle(call);

  Response r;
  if (!e.request_types.empty()) entry.has_body_model = true;
  entry.decoded = outcome.decoded;
  if (!outcome.model_errors.empty()) {
    for (const FieldError& fe : outcome.model_errors)
      entry.errors.push_back({model_state_key(e.param, fe.path), fe.message});
    r.status = 400;
    r.body = model_state_body(outcome.model_errors, e.param, error_wire);
    r.headers.emplace("Content-Type", content_type(error_wire == Wire::xml ? "application/xml" : "application/json"));
  } else {
    r.status = outcome.status;
    r.body = std::move(outcome.body);
    r.headers.emplace("Content-Type", content_type(response_type));
  }
  if (fault.status) r.status = fault.status;  // X-Mock-Status below 400: the normal answer, that status
  if (!idempotency_key.empty() && r.status < 500) s.idempotency.store(idempotency_key, fingerprint, r);
  return r;
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

Response admin_request(MockState& state, MockState::Impl& s, const Request& req, const Route& route) {
  const bool get = req.method == "GET" || req.method == "HEAD";
  switch (route.kind) {
    case Route::Kind::admin_requests:
      if (get) return json_response(200, s.journal.to_json());
      if (req.method == "DELETE") {
        state.clear_journal();
        Response r;
        r.status = 204;
        return r;
      }
      break;
    case Route::Kind::admin_reset:
      if (req.method == "POST") {
        state.reset();
        Response r;
        r.status = 204;
        return r;
      }
      break;
    case Route::Kind::admin_health:
      if (get) return json_response(200, health_json(s));
      break;
    case Route::Kind::admin_openapi:
      if (get) return json_response(200, s.openapi);
      break;
    default: break;
  }
  Response r = message(405, "The requested resource does not support http method '" + req.method + "'.");
  r.headers.emplace("Allow", allowed_methods(route));
  return r;
}

void add_cors(const MockOptions& o, Response& r) {
  for (auto& [name, value] : cors_headers(o)) {
    r.headers.erase(name);
    r.headers.emplace(std::move(name), std::move(value));
  }
}

// Records a request in the journal, taking the parts of `owned` (the same request, when the
// caller gave it up) instead of copying them.
void journal_request(MockState::Impl& s, const Request& req, Request* owned, JournalEntry& entry,
                     std::string request_id, int status) {
  entry.time = std::chrono::system_clock::now();
  entry.request_id = std::move(request_id);
  entry.status = status;
  entry.body_bytes = req.body.size();
  // A text body cut short is cut between characters, so that it stays text.
  const std::size_t keep = utf8_boundary(req.body, s.journal.body_bytes());
  if (!owned) {
    entry.method = req.method;
    entry.path = req.path;
    entry.query = req.query;
    entry.headers.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers) entry.headers.emplace_back(name, value);
    entry.body = req.body.substr(0, keep);
  } else {
    entry.method = std::move(owned->method);
    entry.path = std::move(owned->path);
    entry.query = std::move(owned->query);
    entry.headers.reserve(owned->headers.size());
    while (!owned->headers.empty()) {
      auto node = owned->headers.extract(owned->headers.begin());
      entry.headers.emplace_back(std::move(node.key()), std::move(node.mapped()));
    }
    // A body over the journal's cap is copied in part: moved, it would keep its whole buffer.
    if (owned->body.size() <= keep) entry.body = std::move(owned->body);
    else entry.body = owned->body.substr(0, keep);
  }
  s.journal.add(std::move(entry));
}

Response answer(MockState& state, MockState::Impl& s, const Request& req, Request* owned) {
  // The client's id is echoed in a response header: only when it is short, printable text.
  std::string request_id = req.header("X-Request-Id");
  if (request_id.empty() || request_id.size() > 200 || !printable(request_id)) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%08x-%llu", s.instance,
                  static_cast<unsigned long long>(s.request_ids.fetch_add(1) + 1));
    request_id = buf;
  }

  const Route route = match_route(req.path, s.options.api);
  JournalEntry entry;
  Response r;
  try {
    if (req.method == "OPTIONS") {
      // Preflight (or a plain OPTIONS): the methods of this path and the headers the SDK sends.
      r.status = 204;
      const std::string allow = route.kind == Route::Kind::none ? "GET, HEAD, OPTIONS" : allowed_methods(route);
      r.headers.emplace("Allow", allow);
      if (!s.options.cors_origin.empty()) {
        r.headers.emplace("Access-Control-Allow-Methods", allow);
        r.headers.emplace("Access-Control-Allow-Headers",
                          allowed_request_headers(req.header("Access-Control-Request-Headers")));
        r.headers.emplace("Access-Control-Max-Age", "600");
      }
    } else if (route.kind == Route::Kind::api) {
      r = api_request(s, req, route, entry);
    } else if (route.kind != Route::Kind::none) {
      r = admin_request(state, s, req, route);
    } else if (auto page = req.method == "GET" || req.method == "HEAD" ? help_page(req.path, req.query, s.options.api)
                                                                       : std::nullopt) {
      r.status = page->status;
      r.body = req.method == "HEAD" ? std::string() : std::move(page->html);
      r.headers.emplace("Content-Type", content_type("text/html"));
    } else if ((req.method == "GET" || req.method == "HEAD") && s.static_files.enabled()) {
      if (auto file = s.static_files.serve(req.path, req.method == "HEAD")) r = std::move(*file);
      else r = message(404, not_found_message(req));
    } else {
      r = message(404, not_found_message(req));
    }
  } catch (const std::exception& ex) {
    // A bug, not bad input: say so rather than drop the connection.
    r = message(500, std::string("The mock server failed: ") + ex.what());
  }

  add_cors(s.options, r);
  r.headers.erase("X-Request-Id");
  r.headers.emplace("X-Request-Id", request_id);

  const bool admin = route.kind != Route::Kind::none && route.kind != Route::Kind::api;
  if (!admin && req.method != "OPTIONS") journal_request(s, req, owned, entry, std::move(request_id), r.status);
  return r;
}

}  // namespace

Response MockState::handle(const Request& request) { return answer(*this, *impl_, request, nullptr); }

Response MockState::handle(Request&& request) { return answer(*this, *impl_, request, &request); }

}  // namespace orderkit::mock
