// The mock's request path: the steps in their order, then what every answer gets (CORS, the
// request id, the journal). MockState::handle() is this file.
#include "pipeline.hpp"

#include <chrono>
#include <cstdio>
#include <iterator>

#include "answers.hpp"
#include "cors.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

// The steps, in the order a request meets them. The first that answers ends the list.
//
// Paths that are not a documented endpoint are answered first, so that nothing meant for the
// APIs (delays, faults) ever reaches them:
//   1. answer_preflight       OPTIONS, on any path: a browser sends it before the real request,
//                             without the page's headers, so no later check may refuse it.
//   2. answer_admin           /__admin/*: the integrator's tools are never delayed or faulted.
//   3. answer_other_paths     the checkout page's files (--static), else ASP.NET's 404.
// From here on the route is a documented endpoint, and the checks run in ASP.NET's order, so
// that a request wrong in two ways gets the status the real server gives:
//   4. check_method           405 with Allow; past it the request counts for --fault-every.
//   5. negotiate_formats      never answers: the response format (Accept, then Content-Type),
//                             which every later error answer is written in.
//   6. check_body_media_type  400 for a missing body, 415 for an undocumented media type.
// Then the integrator tools, which act on requests the real server would accept:
//   7. apply_delay            first, so that a replayed, stubbed or faulted answer is delayed too.
//   8. answer_stub            the stubs programmed from outside (POST /__admin/stubs, --stubs):
//                             the most specific instruction, so before the documented behaviour;
//                             a request no stub matches passes on unchanged (its body, if a stub
//                             decoded it, is not decoded again).
//   9. replay_idempotent      a repeated Idempotency-Key answers as the first time (or 422),
//                             before faults: a stored answer does not fail on its replay.
//  10. inject_fault           X-Mock-Status, X-Mock-Fail-Times, --fault-status.
//  11. forward_to_upstream    --proxy: the request checked as answer_endpoint checks it, then
//                             answered by the API's real server (docs/mock.md, "Contract proxy").
//  12. answer_endpoint        the documented behaviour; always answers.
constexpr Step kSteps[] = {
    answer_preflight, answer_admin, answer_other_paths, check_method, negotiate_formats,   check_body_media_type,
    apply_delay,      answer_stub,  replay_idempotent,  inject_fault, forward_to_upstream, answer_endpoint,
};

MockResponse run_steps(RequestContext& c) {
  for (Step step : kSteps) {
    if (StepResult answer = step(c)) return std::move(*answer);
  }
  // answer_endpoint always answers; this is for a list that would end without it.
  return message(500, "The mock server failed: no step answered the request.");
}

// The client's id, echoed in a response header: only when it is short, printable text;
// otherwise "<instance>-<n>".
std::string request_id(MockState::Impl& s, const MockRequest& req) {
  std::string id = req.header("X-Request-Id");
  if (id.empty() || id.size() > 200 || !printable(id)) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%08x-%llu", s.instance,
                  static_cast<unsigned long long>(s.request_ids.fetch_add(1) + 1));
    id = buf;
  }
  return id;
}

void add_cors(const MockOptions& o, MockResponse& r) {
  for (auto& [name, value] : cors_headers(o)) {
    r.headers.erase(name);
    r.headers.emplace(std::move(name), std::move(value));
  }
}

// Credentials a journal read by anyone on the machine must not show: Authorization, Cookie,
// Proxy-Authorization and API-key headers (X-Api-Key, Api-Key, X-Partner-ApiKey, X-Auth-Token, ...).
bool secret_header(const std::string& name) {
  const std::string n = lower(name);
  if (n == "authorization" || n == "proxy-authorization" || n == "cookie") return true;
  for (const char* part : {"api-key", "apikey", "api_key", "auth-token", "access-token", "secret"})
    if (n.find(part) != std::string::npos) return true;
  return false;
}

void redact_secrets(const MockOptions& o, JournalEntry& entry) {
  if (o.journal_secrets) return;
  for (auto& [name, value] : entry.headers)
    if (secret_header(name)) value = "[redacted]";
}

// Records a request in the journal, taking the parts of `owned` (the same request, when the
// caller gave it up) instead of copying them.
void journal_request(MockState::Impl& s, const MockRequest& req, MockRequest* owned, JournalEntry& entry,
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
  redact_secrets(s.options, entry);
  s.journal.add(std::move(entry));
}

// What every answer gets after the steps: CORS, the request id and (for API and unknown paths,
// not for preflights or the admin routes) a journal entry.
MockResponse answer(MockState& state, MockState::Impl& s, const MockRequest& req, MockRequest* owned) {
  std::string id = request_id(s, req);
  RequestContext c(state, s, req);
  c.route = match_route(req.path, s.options.api);
  MockResponse r;
  try {
    r = run_steps(c);
  } catch (const std::exception& ex) {
    // A bug, not bad input: say so rather than drop the connection.
    r = message(500, std::string("The mock server failed: ") + ex.what());
  }

  // The admin routes are for test code, not pages (answer_admin): no CORS there.
  const bool admin = is_admin(c.route);
  if (!admin) add_cors(s.options, r);
  r.headers.erase("X-Request-Id");
  r.headers.emplace("X-Request-Id", id);

  if (r.fault != ConnectionFault::none) c.entry.fault = r.fault == ConnectionFault::close ? "close" : "half_body";
  if (!admin && req.method != "OPTIONS") journal_request(s, req, owned, c.entry, std::move(id), r.status);
  return r;
}

}  // namespace

MockResponse MockState::handle(const MockRequest& request) { return answer(*this, *impl_, request, nullptr); }

MockResponse MockState::handle(MockRequest&& request) { return answer(*this, *impl_, request, &request); }

}  // namespace orderkit::mock
