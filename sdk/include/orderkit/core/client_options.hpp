#pragma once
// Options shared by the four API clients, and by the sans-IO request builders that the native
// clients and the WebAssembly package both use. Every member has a documented default, so
// `ClientOptions options; options.base_url = "https://host/mobile";` is a working configuration.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "orderkit/core/format.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit {

// Format (core/format.hpp) is the body format of a request and the format asked for in Accept.
// Each page documents which it accepts: 000 (broadband) JSON only; 001 (contracts) has no request
// body and answers JSON or XML; 002 (mobile) and 003 (licenses) take and answer both.

/// "json" or "xml".
const char* to_string(Format format) noexcept;
/// The Content-Type sent with a body of this format ("application/json; charset=utf-8").
const char* content_type(Format format) noexcept;
/// The media type asked for in Accept ("application/json").
const char* accept_type(Format format) noexcept;

/// HTTP Basic authentication (RFC 7617), sent as "Authorization: Basic base64(user:password)".
struct BasicAuth {
  std::string user;
  std::string password;
};
/// A bearer token, sent as "Authorization: Bearer <token>".
struct BearerAuth {
  std::string token;
};
/// An API key sent in a header of the service's choosing.
struct ApiKeyAuth {
  std::string header = "X-Api-Key";
  std::string key;
};
/// No authentication (the default), or one of the three schemes.
using Auth = std::variant<std::monostate, BasicAuth, BearerAuth, ApiKeyAuth>;

/// Time limits of one attempt. The transport applies them; a timed-out attempt is a
/// TransportError with code timeout (and may be retried, see RetryPolicy).
struct Timeouts {
  /// Each of these limits one wait: to connect, for the next bytes of the answer, to send more.
  std::chrono::milliseconds connect{10'000};
  std::chrono::milliseconds read{30'000};
  std::chrono::milliseconds write{30'000};
  /// The whole attempt: connect, send and the complete answer, as the JavaScript client's
  /// timeoutMs. Without it a server sending one byte within each read timeout holds the call for
  /// ever. 0: no limit but the three above.
  std::chrono::milliseconds attempt{30'000};
};

/// When and how long to wait before trying a call again.
///
/// An attempt is retried when it failed to connect (or timed out, or the connection broke), or
/// when the server answered one of `retry_statuses`; and only while fewer than `max_attempts`
/// attempts were made. A POST is retried only when that is safe: the request never reached the
/// server (connection refused, DNS, connect timeout), or it carries an idempotency key. The wait
/// before attempt n+1 is min(max_delay, base_delay * 2^(n-1)), reduced by a random fraction up to
/// `jitter`, or the server's Retry-After (seconds or HTTP-date) when it sends one.
struct RetryPolicy final {
  int max_attempts = 3;  // 1 turns retries off
  std::chrono::milliseconds base_delay{200};
  std::chrono::milliseconds max_delay{10'000};
  double jitter = 0.5;  // 0: exact delays; 1: anywhere in [0, delay]
  std::vector<int> retry_statuses{429, 502, 503, 504};
  bool retry_connection_failures = true;
  bool honour_retry_after = true;
  /// A Retry-After longer than this ends the call instead of waiting.
  std::chrono::milliseconds max_retry_after{60'000};
  /// Gives a POST without a caller-supplied key a fresh Idempotency-Key so that it may be
  /// retried. Off: such a POST is retried only when it never reached the server.
  bool add_idempotency_key = true;

  /// Retries are on when more than one attempt is allowed.
  bool enabled() const noexcept { return max_attempts > 1; }
};

/// What the logging hook is told. Headers and bodies are left out on purpose: they carry
/// credentials and personal data. Add them in the hook from your own copy if you need them.
struct LogEvent {
  enum class Kind : std::uint8_t {
    sending,   // an attempt is about to be sent
    received,  // a response arrived (any status)
    failed,    // the transport failed (no response)
    retrying,  // the client will wait `delay` and try again
  };
  Kind kind = Kind::sending;
  std::string method;
  std::string url;
  std::string request_id;
  int attempt = 1;                       // 1-based
  int status = 0;                        // received
  std::chrono::milliseconds delay{0};    // retrying
  std::chrono::milliseconds elapsed{0};  // received / failed: duration of the attempt
  std::string message;                   // failed / retrying: why
};
using Logger = std::function<void(const LogEvent&)>;

/// "orderkit-cpp/<version>", the default User-Agent.
std::string default_user_agent();

/// Configuration of an API client.
struct ClientOptions final {
  /// Where the API lives; the documented path is appended ("https://host/mobile" + "/api/orders").
  std::string base_url;
  /// Request body format and the format asked for (see Format for what each API accepts).
  Format format = Format::json;
  /// Overrides the Accept header; empty means the media type of `format`.
  std::string accept;
  /// Sent with every request (before per-call headers, which win on a clash).
  Headers default_headers;
  Auth auth;
  Timeouts timeouts;
  std::string user_agent = default_user_agent();
  /// Called for every attempt, response, failure and retry; empty: no logging.
  Logger logger;
  /// Validates the input against the page's rules (required, max length, "Must be 0", 001's
  /// period) before sending; a failure is a ValidationError and nothing is sent.
  bool validate_before_send = true;
  RetryPolicy retry;
  /// Waits between attempts; empty: std::this_thread::sleep_for. Tests replace it to record the
  /// delays instead of sleeping.
  std::function<void(std::chrono::milliseconds)> sleep;
  /// Uniform numbers in [0, 1) for the backoff jitter; empty: a randomly seeded engine.
  std::function<double()> random;
};

/// Per-call settings.
struct CallOptions {
  /// Sent as X-Request-Id and reported with the result or error; empty: a fresh GUID.
  std::string request_id;
  /// Sent as Idempotency-Key and kept across retries; empty: a fresh GUID when retries are on
  /// (RetryPolicy::enabled() and add_idempotency_key), none otherwise.
  std::string idempotency_key;
  /// Extra headers for this call only (they override default_headers of the same name).
  Headers headers;
};

/// A fresh random (version 4) GUID in its 36-character form, as used for request ids and
/// idempotency keys.
std::string new_request_id();

/// Header names the clients use.
inline constexpr const char* kRequestIdHeader = "X-Request-Id";
inline constexpr const char* kIdempotencyKeyHeader = "Idempotency-Key";

}  // namespace orderkit
