#include "client/operation.hpp"

#include <variant>

#include "orderkit/core/retry.hpp"
#include "orderkit/internal/client_errors.hpp"
#include "orderkit/internal/text.hpp"

namespace orderkit::client {
namespace {

struct AuthHeader {
  Headers& headers;
  void operator()(const std::monostate&) const {}
  void operator()(const BasicAuth& a) const {
    set_header(headers, "Authorization", "Basic " + text::base64(a.user + ":" + a.password));
  }
  void operator()(const BearerAuth& a) const { set_header(headers, "Authorization", "Bearer " + a.token); }
  void operator()(const ApiKeyAuth& a) const { set_header(headers, a.header, a.key); }
};

}  // namespace

CallOptions complete(const CallOptions& call, const ClientOptions& options, std::string_view method) {
  CallOptions out = call;
  // A header the caller gave, per call or by default, is sent as given: a fresh value here would
  // replace it in make_request and, for the idempotency key, defeat the server's replay.
  auto given = [&](const char* name) -> const std::string* {
    if (const std::string* value = find_header(call.headers, name)) return value;
    return find_header(options.default_headers, name);
  };
  if (out.request_id.empty()) {
    const std::string* id = given(kRequestIdHeader);
    out.request_id = id && !id->empty() ? *id : new_request_id();
  }
  if (out.idempotency_key.empty()) {
    if (const std::string* key = given(kIdempotencyKeyHeader)) out.idempotency_key = *key;
    else if (options.retry.enabled() && options.retry.add_idempotency_key && !is_idempotent_method(method))
      out.idempotency_key = new_request_id();
  }
  return out;
}

std::string join_url(std::string_view base_url, std::string_view path) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  std::string url(base_url);
  url += '/';
  url += path;
  return url;
}

HttpRequest make_request(std::string_view method, std::string_view path, const ClientOptions& options,
                         const CallOptions& call, std::string body) {
  HttpRequest request;
  request.method = std::string(method);
  request.url = join_url(options.base_url, path);
  Headers& h = request.headers;
  h.emplace_back("Accept", options.accept.empty() ? accept_type(options.format) : options.accept);
  if (!body.empty()) h.emplace_back("Content-Type", content_type(options.format));
  if (!options.user_agent.empty()) h.emplace_back("User-Agent", options.user_agent);
  std::visit(AuthHeader{h}, options.auth);
  for (const auto& [name, value] : options.default_headers) set_header(h, name, value);
  for (const auto& [name, value] : call.headers) set_header(h, name, value);
  set_header(h, kRequestIdHeader, call.request_id);
  if (!call.idempotency_key.empty()) set_header(h, kIdempotencyKeyHeader, call.idempotency_key);
  request.body = std::move(body);
  return request;
}

ClientError validation_failed(std::vector<FieldError> errors, const CallOptions& call) {
  const std::string why =
      std::to_string(errors.size()) + (errors.size() == 1 ? " field breaks" : " fields break") + " the API's rules";
  return errors::not_sent("validation_failed", why, call.request_id, std::move(errors));
}

ClientError unsupported_format(std::string_view what, const CallOptions& call) {
  return errors::not_sent("unsupported_format", what, call.request_id);
}

bool is_success(int status) noexcept { return status >= 200 && status < 300; }

Format body_format(const HttpResponse& response) {
  if (const std::string* ct = find_header(response.headers, "Content-Type")) {
    std::string type = media_type(*ct);
    if (type.find("xml") != std::string::npos) return Format::xml;
    if (!type.empty()) return Format::json;  // application/json, text/json, 002's text/html
  }
  std::size_t first = response.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && response.body[first] == '<' ? Format::xml : Format::json;
}

ClientError decode_failed(const HttpResponse& response, std::string_view request_id, std::vector<FieldError> errors,
                          std::string_view type_name) {
  std::string message = std::to_string(response.status) + " response is not a valid " + std::string(type_name);
  if (!errors.empty()) message += ": " + to_string(errors.front());
  ClientError error =
      errors::about_response(ErrorKind::decode, "decode_failed", std::move(message), response, request_id);
  error.field_errors = std::move(errors);
  return error;
}

}  // namespace orderkit::client
