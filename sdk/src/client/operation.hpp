#pragma once
// What the four APIs' sans-IO operations share: completing the call options, assembling a
// request with the common headers, and turning a response into a typed value or an error.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/codec.hpp"
#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit::client {

/// Fills in the request id (call.request_id, an X-Request-Id in the call's headers, or a fresh
/// GUID) and, for a non-idempotent method with retries on, the idempotency key likewise.
CallOptions complete(const CallOptions& call, const ClientOptions& options, std::string_view method);

/// base_url + "/" + path, with exactly one slash between them.
std::string join_url(std::string_view base_url, std::string_view path);

/// A request with Accept, Content-Type (when there is a body), User-Agent, auth, the default and
/// per-call headers, X-Request-Id and Idempotency-Key. `call` must be complete().
HttpRequest make_request(std::string_view method, std::string_view path, const ClientOptions& options,
                         const CallOptions& call, std::string body = {});

ClientError validation_failed(std::vector<FieldError> errors, const CallOptions& call);
ClientError unsupported_format(std::string_view what, const CallOptions& call);

bool is_success(int status) noexcept;

/// The body's format from Content-Type (002 also answers JSON as text/html), or by its first
/// character when there is none.
Format body_format(const HttpResponse& response);

/// The 2xx response's evidence without its value, for Response<T> and decode errors.
ClientError decode_failed(const HttpResponse& response, std::string_view request_id, std::vector<FieldError> errors,
                          std::string_view type_name);

/// Decodes a 2xx body as T (JSON, or XML when the page documents it), or maps the error.
template <class T>
ApiResult<T> read_response(const HttpResponse& response, std::string_view request_id) {
  if (!is_success(response.status)) return parse_api_error(response, request_id);
  Format format = body_format(response);
  if (format == Format::xml && !has_xml<T>()) {
    return decode_failed(response, request_id, {{"", "format", "expected JSON; this API documents no XML response"}},
                         meta::type_name<T>());
  }
  Result<T> decoded = decode<T>(response.body, format);
  if (!decoded.ok()) return decode_failed(response, request_id, decoded.errors(), meta::type_name<T>());
  return Response<T>{std::move(decoded).value(),
                     response.status,
                     response.reason.empty() ? reason_phrase(response.status) : response.reason,
                     response.headers,
                     std::string(request_id),
                     1};
}

}  // namespace orderkit::client
