// The steps between a documented endpoint's route and the endpoint itself: the checks ASP.NET
// makes before an action runs, then the integrator tools (delay, idempotency, faults).
#include <algorithm>
#include <chrono>
#include <mutex>

#include "answers.hpp"
#include "errors.hpp"
#include "pipeline.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

// A delay asked for by header is capped so that one request cannot hold a worker for long.
constexpr std::uint64_t kMaxDelayMs = 60000;

// The documented response media type chosen for this request (ASP.NET's DefaultContentNegotiator:
// Accept first; when nothing in Accept matches, the request's own content type; then the first
// formatter, JSON).
std::size_t choose_response_type(const MockRequest& req, const std::optional<MediaType>& request_type,
                                 const Endpoint& e) {
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

struct Fault {
  int status = 0;
  std::string reason;
};

// Faults asked for by header (X-Mock-Status, X-Mock-Fail-Times with its key) or by the command
// line. A malformed fault header is the caller's mistake: 400 naming the header.
std::optional<MockResponse> decide_fault(MockState::Impl& s, const RequestContext& c, Fault& fault) {
  const MockRequest& req = c.request;
  std::uint64_t value = 0;
  int status = 0;
  if (const std::string h = req.header("X-Mock-Status"); !h.empty()) {
    // 1xx is not a final answer: a status line of one followed by a body would desynchronise the
    // connection, so it is refused rather than sent.
    if (!parse_uint(h, 599, value) || value < 200)
      return message(400, "X-Mock-Status must be a final HTTP status code (200-599), not '" + h + "'.");
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
    // This request's own number (check_method), not the counter now: concurrent requests that
    // were counted meanwhile must not change this one's verdict.
    const std::uint64_t n = c.api_request;
    const unsigned every = s.options.fault_every ? s.options.fault_every : 1;
    if (n % every == 0) {
      fault.status = s.options.fault_status;
      fault.reason = "--fault-status " + std::to_string(s.options.fault_status);
    }
  }
  return std::nullopt;
}

}  // namespace

StepResult check_method(RequestContext& c) {
  const Endpoint& e = c.endpoint();
  c.entry.api = e.api->id;
  if (c.request.method != e.method && !(c.request.method == "HEAD" && e.method == "GET"))
    return method_not_allowed(c.request.method, allowed_methods(c.route));
  // From here on it counts as an API request (what --fault-every counts).
  c.api_request = c.mock.api_requests.fetch_add(1) + 1;
  return std::nullopt;
}

StepResult negotiate_formats(RequestContext& c) {
  const Endpoint& e = c.endpoint();
  c.content_type_header = c.request.header("Content-Type");
  c.content_type = parse_media_type(c.content_type_header);
  c.response_type = choose_response_type(c.request, c.content_type, e);
  c.response_format = *body_format_of(e.response_types[c.response_type]);
  c.error_format = c.response_format == BodyFormat::xml ? BodyFormat::xml : BodyFormat::json;
  return std::nullopt;
}

StepResult check_body_media_type(RequestContext& c) {
  const Endpoint& e = c.endpoint();
  if (e.request_types.empty()) return std::nullopt;
  // The body's media type must be one the page documents for this endpoint.
  const std::string& header = c.content_type_header;
  if (header.empty() && c.request.body.empty()) {
    c.entry.has_body_model = true;
    std::vector<FieldError> errors = {{"", "required", "A non-empty request body is required."}};
    MockResponse r = message(400, kInvalidRequest, c.error_format);
    r.body = model_state_body(errors, e.param, c.error_format);
    c.entry.errors.push_back({model_state_key(e.param, ""), errors[0].message});
    return r;
  }
  const std::optional<MediaType> ct = header.empty() ? parse_media_type("application/octet-stream") : c.content_type;
  const std::string shown = ct ? ct->type : header;
  bool supported = false;
  for (const std::string& t : e.request_types) supported = supported || (ct && t == ct->type);
  if (ct && !ct->charset.empty() && ct->charset != "utf-8" && ct->charset != "utf8" && ct->charset != "us-ascii")
    supported = false;
  if (!supported) {
    std::string documented;
    for (const std::string& t : e.request_types) documented += (documented.empty() ? "" : ", ") + t;
    return message(415, "The request entity's media type '" + shown + "' is not supported for this resource.",
                   c.error_format,
                   {{"ExceptionMessage", "No MediaTypeFormatter is available to read an object of type '" +
                                             std::string(e.request_model) + "' from content with media type '" + shown +
                                             "'. Documented: " + documented + " (charset utf-8)."},
                    {"ExceptionType", "System.Net.Http.UnsupportedMediaTypeException"}});
  }
  c.request_format = *body_format_of(ct->type);
  return std::nullopt;
}

StepResult apply_delay(RequestContext& c) {
  // Global and per request.
  std::uint64_t delay_ms = static_cast<std::uint64_t>(c.mock.options.delay.count());
  if (const std::string h = c.request.header("X-Mock-Delay-Ms"); !h.empty()) {
    std::uint64_t v = 0;
    if (!parse_uint(h, kMaxDelayMs, v))
      return message(400, "X-Mock-Delay-Ms must be a whole number of milliseconds (0-60000), not '" + h + "'.");
    delay_ms += v;
  }
  wait_unless_stopping(c, delay_ms);
  return std::nullopt;
}

void wait_unless_stopping(RequestContext& c, std::uint64_t delay_ms) {
  // Capped at the request timeout, the time the server gives a whole request, so that a delay
  // cannot hold a worker longer than a slow client may; and cut short when the server stops.
  const auto cap = static_cast<std::uint64_t>(std::max<std::int64_t>(0, c.mock.options.request_timeout.count()));
  delay_ms = std::min({delay_ms, kMaxDelayMs, cap});
  if (delay_ms) {
    std::unique_lock<std::mutex> lock(c.mock.stop_mutex);
    c.mock.stop_signal.wait_for(lock, std::chrono::milliseconds(delay_ms), [&] { return c.mock.stopping; });
  }
}

StepResult replay_idempotent(RequestContext& c) {
  // A key seen before answers the stored response (same request) or 422. The request's
  // fingerprint hashes the whole body, so it is computed only when there is a key.
  const MockRequest& req = c.request;
  c.idempotency_key = req.header("Idempotency-Key");
  if (c.idempotency_key.empty()) return std::nullopt;
  c.fingerprint = fnv1a(req.body, fnv1a(req.method + " " + lower(req.path) + "?" + req.query));
  auto hit = c.mock.idempotency.find(c.idempotency_key, c.fingerprint);
  if (!hit) return std::nullopt;
  if (!hit->same_request)
    return message(422,
                   "Idempotency-Key '" + c.idempotency_key +
                       "' was already used with a different request; use a new key for a new request.",
                   c.error_format);
  MockResponse r = std::move(hit->response);
  r.headers.erase("Idempotency-Replayed");
  r.headers.emplace("Idempotency-Replayed", "true");
  return r;
}

StepResult inject_fault(RequestContext& c) {
  Fault fault;
  if (auto bad = decide_fault(c.mock, c, fault)) return bad;
  if (fault.status >= 400) {
    MockResponse r = message(fault.status, "Simulated fault (" + fault.reason + ").", c.error_format);
    if (fault.status == 503 || fault.status == 429) r.headers.emplace("Retry-After", "1");
    return r;
  }
  c.fault_status = fault.status;
  return std::nullopt;
}

}  // namespace orderkit::mock
