#pragma once
// The four documented endpoints: route, media types and behaviour. Models, decoding, validation,
// samples and encoding all come from the SDK; this table adds only what the help pages say about
// the HTTP side (route, formats, the action's parameter name).
#include <atomic>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "body_format.hpp"
#include "decoded_body.hpp"
#include "orderkit/core/error.hpp"
#include "orderkit/core/meta.hpp"
#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

struct StubModels;  // stub_models.hpp

/// One request, as far as an endpoint's behaviour needs it.
struct EndpointCall {
  Mode mode = Mode::sample;
  BodyFormat request_format = BodyFormat::json;  // how the body is written
  std::string_view body;
  BodyFormat response_format = BodyFormat::json;  // the negotiated response format
  std::string_view path_id;                       // the {id} segment (001)
  std::vector<std::pair<std::string, std::string>> query;
  std::atomic<std::int64_t>* next_id = nullptr;  // echo mode's fresh ids
  DecodedBody* decoded = nullptr;                // the body already decoded (or not), when a step did
};

/// What an endpoint answers: a body (200 or the status given), or the model errors that make
/// ASP.NET answer 400 "The request is invalid." (keys prefixed with the parameter name).
struct EndpointOutcome {
  int status = 200;
  std::string body;
  std::vector<FieldError> model_errors;
  bool decoded = true;  // false when the body could not be decoded (for the journal)
  // Members of the body the real server would drop without an error (DataContract members out of
  // order): dropped here too, and reported as X-Mock-Warning headers and in the journal.
  std::vector<FieldError> dropped;
};

/// A documented endpoint.
struct Endpoint {
  const meta::ApiInfo* api;
  std::string_view method;         // "POST"
  std::string_view route;          // as documented: "api/orders", "v1/CustomerContracts/{id}/Orders"
  std::string_view param;          // ModelState prefix of body errors ("" when there is no body)
  std::string_view request_model;  // registry names, for the OpenAPI document
  std::string_view response_model;
  std::vector<std::string> request_types;   // documented request media types ("" list: no body)
  std::vector<std::string> response_types;  // documented response media types, formatter order
  EndpointOutcome (*handle)(const EndpointCall& call);
  const StubModels* stub_models;  // what stubs match and answer with (typed_models<Req, Resp>())
};

/// The four endpoints in page order.
const std::vector<Endpoint>& endpoints();

/// "/broadband" for all-APIs mode.
std::string base_path(const Endpoint& endpoint);

}  // namespace orderkit::mock
