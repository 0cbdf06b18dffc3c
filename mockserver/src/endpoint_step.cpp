// The last step of an API request: the documented endpoint answers, as its ASP.NET action would
// (its result, or 400 with the ModelState of a body that failed binding or validation).
#include "answers.hpp"
#include "errors.hpp"
#include "pipeline.hpp"
#include "text.hpp"

namespace orderkit::mock {

StepResult answer_endpoint(RequestContext& c) {
  const Endpoint& e = c.endpoint();
  EndpointCall call;
  call.mode = c.mock.options.mode;
  call.request_format = c.request_format;
  call.body = c.request.body;
  call.response_format = c.response_format;
  call.path_id = c.route.id;
  call.query = parse_query(c.request.query);
  call.next_id = &c.mock.next_id;
  call.decoded = &c.body;
  EndpointOutcome outcome = e.handle(call);
  c.body = DecodedBody{};  // what the endpoint did not take is not needed any more

  MockResponse r;
  if (!e.request_types.empty()) c.entry.has_body_model = true;
  c.entry.decoded = outcome.decoded;
  // What the real server would have lost without a word: the mock loses it too, and says so.
  for (const FieldError& d : outcome.dropped) {
    std::string key = model_state_key(e.param, d.path);
    r.headers.emplace("X-Mock-Warning", key + ": " + d.message);
    c.entry.warnings.push_back({std::move(key), d.message});
  }
  if (!outcome.model_errors.empty()) {
    for (const FieldError& fe : outcome.model_errors)
      c.entry.errors.push_back({model_state_key(e.param, fe.path), fe.message});
    r.status = 400;
    r.body = model_state_body(outcome.model_errors, e.param, c.error_format);
    r.headers.emplace("Content-Type",
                      content_type(c.error_format == BodyFormat::xml ? "application/xml" : "application/json"));
  } else {
    r.status = outcome.status;
    r.body = std::move(outcome.body);
    r.headers.emplace("Content-Type", content_type(e.response_types[c.response_type]));
  }
  if (c.fault_status) {
    // X-Mock-Status below 400: the normal answer, with that status; 204 and 304 have no body
    // (RFC 9110 15.3.5, 15.4.5), or a keep-alive client would read it as the next response.
    r.status = c.fault_status;
    if (r.status == 204 || r.status == 304) {
      r.body.clear();
      r.headers.erase("Content-Type");
    }
  }
  // Kept for replay_idempotent; a server error is not, so that a retry with the key gets a fresh answer.
  if (!c.idempotency_key.empty() && r.status < 500) c.mock.idempotency.store(c.idempotency_key, c.fingerprint, r);
  return r;
}

}  // namespace orderkit::mock
