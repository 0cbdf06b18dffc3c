#pragma once
// What a call can end with besides its value, for the clients and the sans-IO operations.
// One plain ClientError carries the evidence of every kind of failure (so it crosses into
// JavaScript as one object); Outcome<T> is the non-throwing API and the exception classes below
// are the throwing one. Every `code` is listed in docs/errors.md.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "orderkit/core/error.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit {

/// The four ways a call fails.
enum class ErrorKind : std::uint8_t {
  api,         // the server answered with a status outside 2xx
  transport,   // no (complete) response: connect, timeout, TLS, broken connection
  decode,      // a 2xx response whose body is not the documented shape
  validation,  // refused before sending: the input breaks the page's rules, or the API does
               // not take the requested format
};
const char* to_string(ErrorKind kind) noexcept;

/// Why a transport failed.
enum class TransportErrorCode : std::uint8_t {
  connect,      // refused, unreachable, DNS, connect timeout: the request never left
  timeout,      // no response in time after the request was sent
  tls,          // handshake or certificate verification failed
  connection,   // the connection broke while sending or receiving
  invalid_url,  // the URL could not be parsed or has an unsupported scheme
  other,
};
const char* to_string(TransportErrorCode code) noexcept;

/// ASP.NET's ModelState: field path -> messages, in the server's order.
using ModelState = std::vector<std::pair<std::string, std::vector<std::string>>>;

/// A failed call and its evidence.
struct ClientError {
  ErrorKind kind = ErrorKind::transport;
  /// Stable identifier (docs/errors.md): "api_error", "connect_failed", "timeout", "tls_failed",
  /// "connection_lost", "invalid_url", "transport_failed", "decode_failed", "validation_failed",
  /// "unsupported_format".
  std::string code;
  /// One line for people, e.g. "400 Bad Request: The request is invalid."
  std::string message;
  /// The X-Request-Id the call was sent with.
  std::string request_id;
  /// Attempts made (0 when nothing was sent).
  int attempts = 0;

  // api (and decode, which also has a response)
  int status = 0;
  std::string reason;
  Headers headers;
  std::string server_message;  // the error body's "Message"
  ModelState model_state;      // the error body's "ModelState"
  std::string body;            // the raw response body

  // transport
  TransportErrorCode transport = TransportErrorCode::other;

  // decode and validation: each failure with its field path
  std::vector<FieldError> field_errors;
};

/// Formats the error as one or more lines: the message, then each ModelState entry or field
/// error indented ("  OrderCode: The OrderCode field is required.").
std::string to_string(const ClientError& error);

/// Builds the ApiError for a non-2xx response: status, reason, headers, raw body, and Message /
/// ModelState when the body is ASP.NET's error shape in JSON or XML (HttpError), or a
/// FluentValidation result (003: {"errors":[...]}) whose failures become ModelState entries.
/// Never fails: an unreadable body is simply kept raw.
ClientError parse_api_error(const HttpResponse& response, std::string_view request_id);

/// Base of the exceptions thrown by the throwing client API; holds the full ClientError.
class ClientException : public std::runtime_error {
 public:
  explicit ClientException(ClientError error);
  const ClientError& error() const noexcept { return error_; }
  const std::string& request_id() const noexcept { return error_.request_id; }

 private:
  ClientError error_;
};

/// The server answered with a non-2xx status.
class ApiError : public ClientException {
 public:
  using ClientException::ClientException;
  int status() const noexcept { return error().status; }
  const ModelState& model_state() const noexcept { return error().model_state; }
  const std::string& server_message() const noexcept { return error().server_message; }
  const std::string& body() const noexcept { return error().body; }
};
/// No usable response: connect, timeout, TLS, broken connection.
class TransportError : public ClientException {
 public:
  using ClientException::ClientException;
  TransportErrorCode code() const noexcept { return error().transport; }
};
/// A 2xx response that is not the documented shape; errors() name the field paths.
class ResponseDecodeError : public ClientException {
 public:
  using ClientException::ClientException;
  const std::vector<FieldError>& errors() const noexcept { return error().field_errors; }
};
/// Refused before sending; errors() name the offending fields.
class ValidationError : public ClientException {
 public:
  using ClientException::ClientException;
  const std::vector<FieldError>& errors() const noexcept { return error().field_errors; }
};

/// Throws the exception class matching error.kind.
[[noreturn]] void throw_error(ClientError error);

/// A value or the ClientError that prevented it (the non-throwing API).
template <class T>
class Outcome {
 public:
  Outcome(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Outcome(ClientError error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  /// The value; throws the matching ClientException subclass when there is none.
  T& value() & {
    check();
    return std::get<0>(state_);
  }
  const T& value() const& {
    check();
    return std::get<0>(state_);
  }
  T&& value() && {
    check();
    return std::get<0>(std::move(state_));
  }

  /// The error; only valid when !ok().
  const ClientError& error() const& { return std::get<1>(state_); }
  ClientError& error() & { return std::get<1>(state_); }

 private:
  void check() const {
    if (!ok()) throw_error(std::get<1>(state_));
  }
  std::variant<T, ClientError> state_;
};

/// A successful call: the typed value with the response's status, headers and request id.
template <class T>
struct Response {
  T value;
  int status = 0;
  std::string reason;
  Headers headers;
  std::string request_id;
  int attempts = 1;
};

/// The non-throwing result of a client call.
template <class T>
using ApiResult = Outcome<Response<T>>;

}  // namespace orderkit
