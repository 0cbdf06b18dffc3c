// The sans-IO operations for JavaScript: build an API call's HttpRequest, read its HttpResponse,
// and the retry decision, all the native clients' own pure functions. The JS wrapper
// (wasm/js/client.mjs) does the I/O with fetch, so the module links no socket code and the
// request bytes, headers, error reading and retry rules are the native ones.
//
// Shapes crossing the boundary (plain objects):
//   options   { baseUrl, format: 'json'|'xml', headers: [[name, value]], validate, retry: {...} }
//   call      { requestId, idempotencyKey, headers: [[name, value]] }
//   request   { method, url, headers: [[name, value]], body }
//   response  { status, reason, headers: [[name, value]], body }
//   request   ... and resendSafe: whether the core's retry rule lets it be sent again
// Results: { value, status, requestId } or { error: ClientError as an object } (result.hpp).
#include <emscripten/bind.h>

#include <chrono>
#include <string>
#include <vector>

#include "js_value.hpp"
#include "orderkit/broadband/operations.hpp"
#include "orderkit/contracts/operations.hpp"
#include "orderkit/core/retry.hpp"
#include "orderkit/internal/client_errors.hpp"
#include "orderkit/licenses/operations.hpp"
#include "orderkit/mobile/operations.hpp"
#include "result.hpp"

namespace orderkit::bindings {
namespace {

using std::chrono::milliseconds;

// ---- reading the plain objects ---------------------------------------------------------------

std::string string_or(const val& v, const char* key, std::string fallback = "") {
  val x = v[key];
  return x.isString() ? x.as<std::string>() : fallback;
}
double number_or(const val& v, const char* key, double fallback) {
  val x = v[key];
  return x.isNumber() ? x.as<double>() : fallback;
}
bool bool_or(const val& v, const char* key, bool fallback) {
  val x = v[key];
  return x.isTrue() ? true : x.isFalse() ? false : fallback;
}

Headers headers_from(const val& v) {
  Headers out;
  if (!v.isArray()) return out;
  const unsigned n = v["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i) {
    val pair = v[i];
    if (pair.isArray() && pair[0].isString() && pair[1].isString()) {
      out.emplace_back(pair[0].as<std::string>(), pair[1].as<std::string>());
    }
  }
  return out;
}

val headers_to(const Headers& headers) {
  val out = val::array();
  for (std::size_t i = 0; i < headers.size(); ++i) {
    val pair = val::array();
    pair.set(0, val(headers[i].first));
    pair.set(1, val(headers[i].second));
    out.set(i, pair);
  }
  return out;
}

RetryPolicy retry_from(const val& v) {
  RetryPolicy p;
  if (v.isUndefined() || v.isNull()) return p;
  p.max_attempts = static_cast<int>(number_or(v, "maxAttempts", p.max_attempts));
  p.base_delay = milliseconds(static_cast<long long>(number_or(v, "baseDelayMs", p.base_delay.count())));
  p.max_delay = milliseconds(static_cast<long long>(number_or(v, "maxDelayMs", p.max_delay.count())));
  p.jitter = number_or(v, "jitter", p.jitter);
  val statuses = v["retryStatuses"];
  if (statuses.isArray()) {
    p.retry_statuses.clear();
    const unsigned n = statuses["length"].as<unsigned>();
    for (unsigned i = 0; i < n; ++i) {
      if (statuses[i].isNumber()) p.retry_statuses.push_back(statuses[i].as<int>());
    }
  }
  p.retry_connection_failures = bool_or(v, "retryConnectionFailures", p.retry_connection_failures);
  p.honour_retry_after = bool_or(v, "honourRetryAfter", p.honour_retry_after);
  p.max_retry_after = milliseconds(static_cast<long long>(number_or(v, "maxRetryAfterMs", p.max_retry_after.count())));
  p.add_idempotency_key = bool_or(v, "addIdempotencyKey", p.add_idempotency_key);
  return p;
}

ClientOptions options_from(const val& v) {
  ClientOptions o;
  o.base_url = string_or(v, "baseUrl");
  o.format = string_or(v, "format", "json") == "xml" ? Format::xml : Format::json;
  o.accept = string_or(v, "accept");
  o.default_headers = headers_from(v["headers"]);
  // The browser sends its own User-Agent (a custom one would only cost a CORS preflight).
  o.user_agent = string_or(v, "userAgent");
  o.validate_before_send = bool_or(v, "validate", true);
  o.retry = retry_from(v["retry"]);
  return o;
}

CallOptions call_from(const val& v) {
  CallOptions c;
  if (v.isUndefined() || v.isNull()) return c;
  c.request_id = string_or(v, "requestId");
  c.idempotency_key = string_or(v, "idempotencyKey");
  c.headers = headers_from(v["headers"]);
  return c;
}

HttpResponse response_from(const val& v) {
  HttpResponse r;
  r.status = static_cast<int>(number_or(v, "status", 0));
  r.reason = string_or(v, "reason");
  r.headers = headers_from(v["headers"]);
  r.body = string_or(v, "body");
  return r;
}

// ---- writing results -------------------------------------------------------------------------

/// A validation error for input that is not even the model's shape (a wrong type at a path).
val misfit(std::vector<FieldError> errors, const CallOptions& call) {
  return failed(
      errors::not_sent("validation_failed", "the input does not fit the model", call.request_id, std::move(errors)));
}

/// The request, and whether it may be sent again after it may have reached the server (an
/// idempotent method, or an Idempotency-Key): the same rule the native client loop uses.
val request_result(Outcome<HttpRequest>& built) {
  if (!built.ok()) return failed(built.error());
  const HttpRequest& r = built.value();
  val req = val::object();
  req.set("method", val(r.method));
  req.set("url", val(r.url));
  req.set("headers", headers_to(r.headers));
  req.set("body", val(r.body));
  req.set("resendSafe",
          val(is_idempotent_method(r.method) || find_header(r.headers, kIdempotencyKeyHeader) != nullptr));
  return ok(req);
}

template <class T>
val response_result(const ApiResult<T>& parsed) {
  if (!parsed.ok()) return failed(parsed.error());
  val out = ok(to_js(parsed.value().value));
  out.set("status", val(parsed.value().status));
  out.set("requestId", val(parsed.value().request_id));
  return out;
}

val retry_to_js(const RetryPolicy& p) {
  val out = val::object();
  out.set("maxAttempts", val(p.max_attempts));
  out.set("baseDelayMs", val(static_cast<double>(p.base_delay.count())));
  out.set("maxDelayMs", val(static_cast<double>(p.max_delay.count())));
  out.set("jitter", val(p.jitter));
  out.set("retryStatuses", val::array(p.retry_statuses));
  out.set("retryConnectionFailures", val(p.retry_connection_failures));
  out.set("honourRetryAfter", val(p.honour_retry_after));
  out.set("maxRetryAfterMs", val(static_cast<double>(p.max_retry_after.count())));
  out.set("addIdempotencyKey", val(p.add_idempotency_key));
  return out;
}

// ---- the operations --------------------------------------------------------------------------

template <class In, Outcome<HttpRequest> (*Build)(const In&, const ClientOptions&, const CallOptions&)>
val build(val input, val options, val call) {
  return guarded([&] {
    CallOptions c = call_from(call);
    Result<In> in = read_js<In>(input);
    if (!in) return misfit(in.errors(), c);
    Outcome<HttpRequest> built = Build(in.value(), options_from(options), c);
    return request_result(built);
  });
}

template <class T, ApiResult<T> (*Parse)(const HttpResponse&, std::string_view)>
val parse(val response, std::string request_id) {
  return guarded([&] { return response_result(Parse(response_from(response), request_id)); });
}

/// The native retry rule after an attempt: { value: { retry, delayMs, reason } }.
val retry_decision(val policy, val attempt, double random01, double now_ms) {
  return guarded([&] {
    AttemptInfo info;
    info.attempt = static_cast<int>(number_or(attempt, "attempt", 1));
    info.status = static_cast<int>(number_or(attempt, "status", 0));
    info.retry_after = string_or(attempt, "retryAfter");
    info.reached_server = bool_or(attempt, "reachedServer", true);
    info.resend_safe = bool_or(attempt, "resendSafe", false);
    const auto now = std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(milliseconds(static_cast<long long>(now_ms))));
    RetryDecision d = next_retry(retry_from(policy), info, random01, now);
    val out = val::object();
    out.set("retry", val(d.retry));
    out.set("delayMs", val(static_cast<double>(d.delay.count())));
    out.set("reason", val(d.reason));
    return ok(out);
  });
}

/// The client's retry policy: the native defaults with the caller's settings over them.
val retry_policy(val given) {
  return guarded([&] { return ok(retry_to_js(retry_from(given))); });
}

}  // namespace

EMSCRIPTEN_BINDINGS(orderkit_operations) {
  using emscripten::function;
  function("mobileBuildCreateOrders", &build<mobile::OrderCreationRequest, &mobile::build_create_orders_request>);
  function("mobileParseCreateOrders",
           &parse<std::vector<mobile::OrderDetailResult>, &mobile::parse_create_orders_response>);
  function("broadbandBuildCreateOrder", &build<broadband::OrderNew, &broadband::build_create_order_request>);
  function("broadbandParseCreateOrder", &parse<broadband::OrderNew, &broadband::parse_create_order_response>);
  function("contractsBuildGenerateOrder",
           &build<contracts::GenerateOrderQuery, &contracts::build_generate_order_request>);
  function("contractsParseGenerateOrder",
           &parse<std::optional<contracts::OrderBase>, &contracts::parse_generate_order_response>);
  function("licensesBuildSubmitOrder", &build<licenses::OrderRequest, &licenses::build_submit_order_request>);
  function("licensesParseSubmitOrder", &parse<licenses::ValidationResult, &licenses::parse_submit_order_response>);
  function("retryDecision", &retry_decision);
  function("retryPolicy", &retry_policy);
}

}  // namespace orderkit::bindings
