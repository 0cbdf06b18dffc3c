// The step that answers with a stub: the stubs of this endpoint (and those for any endpoint) are
// tried in order, cheapest tests first; the first that matches and may still answer (its `times`,
// its scenario's state) answers. A request no stub matches passes on unchanged.
#include "answers.hpp"
#include "pipeline.hpp"
#include "stubs.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

// What one request offers the tests, each part worked out once and only when a stub asks.
struct Subject {
  explicit Subject(RequestContext& context) : c(context) {}
  RequestContext& c;
  bool query_parsed = false;
  std::vector<std::pair<std::string, std::string>> query;

  const std::string* query_value(const std::string& name) {
    if (!query_parsed) {
      query = parse_query(c.request.query);
      query_parsed = true;
    }
    // Names match case-insensitively, as ASP.NET binds them; the first value counts.
    for (const auto& [n, v] : query)
      if (iequals(n, name)) return &v;
    return nullptr;
  }
  const std::string* header_value(const std::string& name) const {
    auto it = c.request.headers.find(name);
    return it == c.request.headers.end() ? nullptr : &it->second;
  }
  // The body decoded as the request model: at most once per request, shared with the endpoint.
  const DecodedBody& body() {
    if (!c.body.tried) c.endpoint().stub_models->decode_request(c.request.body, c.request_format, c.body);
    return c.body;
  }
};

bool matches(const Stub& s, Subject& subject) {
  const RequestContext& c = subject.c;
  if (!s.method.empty() && s.method != c.request.method) return false;
  if (s.has_route_id && !iequals(s.route_id, c.route.id)) return false;
  if (s.path_pattern && !regex_matches(*s.path_pattern, c.request.path)) return false;
  for (const NamedMatch& h : s.headers)
    if (!h.match.test_text(subject.header_value(h.name))) return false;
  for (const NamedMatch& q : s.query)
    if (!q.match.test_text(subject.query_value(q.name))) return false;
  if (!s.body.empty()) {
    // A body that does not decode matches no body test.
    const DecodedBody& body = subject.body();
    if (!body.value.has_value()) return false;
    for (const BodyTest& test : s.body)
      if (!test(body.value)) return false;
  }
  return true;
}

MockResponse answer_with(const Stub& s, RequestContext& c) {
  MockResponse r;
  r.status = s.status;
  if (s.model_body) {
    r.body = s.bodies.get(c.response_format);
    r.headers.emplace("Content-Type", content_type(c.endpoint().response_types[c.response_type]));
  } else if (s.error_body) {
    r.body = s.error_bodies.get(c.error_format);
    r.headers.emplace("Content-Type",
                      content_type(c.error_format == BodyFormat::xml ? "application/xml" : "application/json"));
  } else if (s.raw) {
    r.body = s.raw_body;
    r.headers.emplace("Content-Type", s.raw_type);
  }
  for (const auto& [name, value] : s.response_headers) {
    r.headers.erase(name);
    r.headers.emplace(name, value);
  }
  r.fault = s.fault;
  return r;
}

}  // namespace

StepResult answer_stub(RequestContext& c) {
  std::shared_ptr<const StubStore::Index> index = c.mock.stubs.snapshot();
  if (!index) return std::nullopt;
  const auto& candidates = index->by_endpoint[static_cast<std::size_t>(c.route.endpoint - endpoints().data())];
  Subject subject(c);
  for (const std::shared_ptr<Stub>& stub : candidates) {
    Stub& s = *stub;
    // A stub that has used up its answers is skipped before its tests are run.
    if (s.times && s.answered.load(std::memory_order_relaxed) >= s.times) continue;
    if (!matches(s, subject) || !c.mock.stubs.take(s)) continue;
    c.entry.stub = s.id;
    if (c.body.tried) {
      c.entry.has_body_model = true;
      c.entry.decoded = c.body.value.has_value();
    }
    if (s.delay_ms) wait_unless_stopping(c, s.delay_ms);
    return answer_with(s, c);
  }
  return std::nullopt;
}

}  // namespace orderkit::mock
