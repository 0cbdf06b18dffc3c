#pragma once
// The ClientError factories shared by the SDK's operations, its pipeline and the JS bindings, so
// that every error of one kind carries the same evidence (internal library, not installed).
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/error.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit::errors {

/// An error of `kind` with its code and message, and the call's request id.
ClientError make(ErrorKind kind, std::string code, std::string message, std::string request_id = {});

/// A validation error: the request was not sent, because `why` (the message says so first).
ClientError not_sent(std::string code, std::string_view why, std::string request_id,
                     std::vector<FieldError> field_errors = {});

/// An error about a response that arrived: its status, reason (the standard phrase when the
/// transport gave none), headers and raw body are kept as evidence.
ClientError about_response(ErrorKind kind, std::string code, std::string message, const HttpResponse& response,
                           std::string_view request_id);

}  // namespace orderkit::errors
