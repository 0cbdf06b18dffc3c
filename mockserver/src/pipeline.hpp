#pragma once
// The request path of the mock as a list of steps (pipeline.cpp gives the order and why). Each
// step reads and fills in the RequestContext and either answers the request, which ends the
// list, or passes it on. A new feature of the request path (stubs, a proxy, a limit) is a new
// step in that list.
#include <cstdint>
#include <optional>
#include <string>

#include "apis.hpp"
#include "body_format.hpp"
#include "decoded_body.hpp"
#include "journal.hpp"
#include "media.hpp"
#include "router.hpp"
#include "state.hpp"

namespace orderkit::mock {

/// One request on its way through the steps: the request, what earlier steps learned about it,
/// and the journal entry that records it.
struct RequestContext {
  RequestContext(MockState& state, MockState::Impl& mock, const MockRequest& request)
      : state(state), mock(mock), request(request) {}

  MockState& state;
  MockState::Impl& mock;
  const MockRequest& request;
  Route route;  // set before the first step

  // Negotiated (negotiate_formats): the response media type the endpoint answers in, and the
  // format of the body and of error answers.
  std::string content_type_header;
  std::optional<MediaType> content_type;
  std::size_t response_type = 0;  // index into the endpoint's response_types
  BodyFormat request_format = BodyFormat::json;
  BodyFormat response_format = BodyFormat::json;
  BodyFormat error_format = BodyFormat::json;

  // Idempotency (replay_idempotent): the key, and the request's fingerprint when there is one.
  std::string idempotency_key;
  std::uint64_t fingerprint = 0;

  // This request's number among API requests, from 1 (check_method): what --fault-every counts.
  std::uint64_t api_request = 0;

  // The body decoded as the endpoint's request model, when a step needed it (answer_stub): the
  // endpoint takes it instead of decoding the body again.
  DecodedBody body;

  // A fault with a status below 400 (inject_fault): the endpoint answers normally, with it.
  int fault_status = 0;

  JournalEntry entry;

  const Endpoint& endpoint() const { return *route.endpoint; }
};

/// Whether a route is one of the admin routes (/__admin/*).
inline bool is_admin(const Route& route) { return route.kind != Route::Kind::none && route.kind != Route::Kind::api; }

/// A step's verdict: an answer ends the request path, nothing passes the request on.
using StepResult = std::optional<MockResponse>;
using Step = StepResult (*)(RequestContext&);

// Steps for every path (route_steps.cpp).
StepResult answer_preflight(RequestContext& c);
StepResult answer_admin(RequestContext& c);
StepResult answer_other_paths(RequestContext& c);

// Steps for the documented endpoints (api_steps.cpp, endpoint_step.cpp).
StepResult check_method(RequestContext& c);
StepResult negotiate_formats(RequestContext& c);
StepResult check_body_media_type(RequestContext& c);
StepResult apply_delay(RequestContext& c);
StepResult replay_idempotent(RequestContext& c);
StepResult answer_stub(RequestContext& c);
StepResult inject_fault(RequestContext& c);
StepResult forward_to_upstream(RequestContext& c);  // proxy_step.cpp
StepResult answer_endpoint(RequestContext& c);

/// Waits `ms` milliseconds, capped at the request timeout (and at a minute), or until the server
/// stops: a delay never holds a worker longer than a slow client may.
void wait_unless_stopping(RequestContext& c, std::uint64_t ms);

}  // namespace orderkit::mock
