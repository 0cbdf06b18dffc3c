#pragma once
// The contract proxy's checks: both directions of an exchange held to the documented contract
// (the field lists, through the SDK's decoders and validators, and the endpoint table's media
// types), and the answer that names what broke it (--proxy-strict).
#include <string>
#include <vector>

#include "journal.hpp"
#include "orderkit/core/http.hpp"
#include "pipeline.hpp"

namespace orderkit::mock {

/// The request as the mock checks it before its endpoint answers: decoded and validated, each
/// failure under the ModelState key the mock's own 400 names ("order.OrderDetails[0].Id").
/// Fills in the journal entry's decoded/errors as answer_endpoint does.
std::vector<Violation> check_request(RequestContext& c);

/// The upstream's answer held to the endpoint's documented response: a 2xx must be 200, in a
/// documented media type (the one the request negotiates, charset UTF-8), its body the response
/// model, decoded and validated (paths in the model: "[0].Order.Id"); an error status's body
/// ASP.NET's error shape as the SDK reads it (or the response model: 003 answers its validator's
/// verdict with 400). `request_refused`: the request broke the contract, so a 2xx accepted what
/// the documented rules refuse.
std::vector<Violation> check_answer(const RequestContext& c, const HttpResponse& answer, bool request_refused);

/// --proxy-strict's 502: {"Message": ..., "UpstreamStatus": N, "Violations": [{"Side", "Path",
/// "Message"}]} in the request's error format (JSON or XML).
MockResponse contract_broken(const RequestContext& c, const std::string& url, int upstream_status,
                             const std::vector<Violation>& violations);

/// "response [0].Order.Id: expected integer, got string", for messages and the log.
std::string to_string(const Violation& violation);

}  // namespace orderkit::mock
