#include "orderkit/internal/client_errors.hpp"

#include <utility>

namespace orderkit::errors {

ClientError make(ErrorKind kind, std::string code, std::string message, std::string request_id) {
  ClientError error;
  error.kind = kind;
  error.code = std::move(code);
  error.message = std::move(message);
  error.request_id = std::move(request_id);
  return error;
}

ClientError not_sent(std::string code, std::string_view why, std::string request_id,
                     std::vector<FieldError> field_errors) {
  ClientError error = make(ErrorKind::validation, std::move(code), "the request was not sent: " + std::string(why),
                           std::move(request_id));
  error.field_errors = std::move(field_errors);
  return error;
}

ClientError about_response(ErrorKind kind, std::string code, std::string message, const HttpResponse& response,
                           std::string_view request_id) {
  ClientError error = make(kind, std::move(code), std::move(message), std::string(request_id));
  error.status = response.status;
  error.reason = response.reason.empty() ? reason_phrase(response.status) : response.reason;
  error.headers = response.headers;
  error.body = response.body;
  return error;
}

}  // namespace orderkit::errors
