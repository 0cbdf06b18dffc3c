// The contract proxy's step: where answer_endpoint would answer, a request for an API with an
// upstream is checked, forwarded, and answered with the upstream's answer (or a 502 naming why
// not). The steps before it still apply: the mock's 405/415, delays, X-Mock-* faults. The mock
// keeps no idempotent answers of forwarded requests, so replay_idempotent never answers for them:
// the Idempotency-Key goes upstream, and the real server's replay is what the client sees.
#include "answers.hpp"
#include "pipeline.hpp"
#include "proxy.hpp"
#include "proxy_contract.hpp"
#include "proxy_record.hpp"
#include "request_log.hpp"

namespace orderkit::mock {

namespace {

// The 502 for an exchange that produced no answer, naming the upstream and the limit it hit.
MockResponse no_answer(const RequestContext& c, const Proxy& proxy, const Upstream& upstream,
                       const TransportFailure& failure, std::string& described) {
  const std::string url = upstream.url();
  switch (failure.code) {
    case TransportErrorCode::connect:
      described = "The upstream server " + url + " could not be reached: " + failure.message + ".";
      break;
    case TransportErrorCode::timeout:
      described = "The upstream server " + url + " did not answer within " + std::to_string(proxy.timeout().count()) +
                  " ms (--proxy-timeout-ms).";
      break;
    case TransportErrorCode::tls:
      described = "The TLS connection to the upstream server " + url + " failed: " + failure.message + ".";
      break;
    case TransportErrorCode::connection:
      described = failure.message.find("size limit") != std::string::npos
                      ? "The upstream server " + url + " answered with a body larger than " +
                            std::to_string(c.mock.options.proxy.max_answer_bytes) + " bytes (--proxy-max-answer-bytes)."
                      : "The connection to the upstream server " + url + " broke: " + failure.message + ".";
      break;
    default: described = "The upstream server " + url + " could not be asked: " + failure.message + "."; break;
  }
  return message(502, described, c.error_format, {{"UpstreamError", to_string(failure.code)}});
}

}  // namespace

StepResult forward_to_upstream(RequestContext& c) {
  const Proxy* proxy = c.mock.proxy.get();
  const Upstream* upstream = proxy ? proxy->upstream_for(c.endpoint()) : nullptr;
  if (!upstream) return std::nullopt;

  std::vector<Violation> violations = check_request(c);
  const bool request_refused = !violations.empty();
  const std::string target = forwarded_target(c.request, c.endpoint(), c.mock.options.api);
  ProxyRecord& record = c.entry.proxy.emplace();
  record.url = upstream->url() + target;
  LogNote& note = log_note();

  TransportResult result = proxy->forward(*upstream, target, c.request);
  if (!result.ok()) {
    MockResponse r = no_answer(c, *proxy, *upstream, result.failure(), record.failure);
    note.upstream_failure = record.failure;
    note.violations = violations;
    record.violations = std::move(violations);
    return r;
  }

  const HttpResponse& answer = result.response();
  record.status = answer.status;
  for (Violation& v : check_answer(c, answer, request_refused)) violations.push_back(std::move(v));
  if (Recorder* recorder = proxy->recorder())
    record.recorded = recorder->record(c.endpoint(), c.request, answer, record.record_error);
  note.violations = violations;
  record.violations = violations;

  if (c.mock.options.proxy.strict && !violations.empty())
    return contract_broken(c, upstream->url(), answer.status, violations);
  MockResponse r = passed_on(answer);
  if (c.fault_status) {
    // X-Mock-Status below 400, as answer_endpoint applies it: the answer with that status, and
    // without a body for 204 and 304.
    r.status = c.fault_status;
    if (r.status == 204 || r.status == 304) {
      r.body.clear();
      r.headers.erase("Content-Type");
    }
  }
  return r;
}

}  // namespace orderkit::mock
