#pragma once
// The retry decision as a pure function, so that every client (native, WebAssembly) retries the
// same way and the rules are tested without clocks or sockets. The client loop calls
// next_retry() after each attempt and waits the returned delay.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "orderkit/core/client_options.hpp"

namespace orderkit {

/// What is known about the attempt that just finished.
struct AttemptInfo {
  int attempt = 1;             // 1-based number of this attempt
  int status = 0;              // the response status; 0 when the transport failed
  std::string retry_after;     // the response's Retry-After header, if any
  bool reached_server = true;  // false: the request certainly never reached the server
  bool resend_safe = false;    // the method is idempotent or the request has an idempotency key
};

/// Whether to try again, after how long, and why (for logs and errors).
struct RetryDecision {
  bool retry = false;
  std::chrono::milliseconds delay{0};
  std::string reason;  // e.g. "status 503", "connection failed", "POST without idempotency key"
};

/// Decides whether to retry after `attempt`. `random01` is a uniform number in [0, 1) for the
/// jitter; `now` is the time an HTTP-date Retry-After is measured from.
RetryDecision next_retry(const RetryPolicy& policy, const AttemptInfo& attempt, double random01,
                         std::chrono::system_clock::time_point now);

/// The backoff before attempt `attempt + 1` without Retry-After:
/// d = min(max_delay, base_delay * 2^(attempt-1)), then d * (1 - jitter * random01).
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int attempt, double random01);

/// Reads Retry-After: delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT",
/// also the obsolete RFC 850 and asctime forms). A date in the past is zero. Nothing for
/// anything else.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

/// Whether a method may be sent twice without changing the outcome (RFC 9110 9.2.2).
bool is_idempotent_method(std::string_view method) noexcept;

}  // namespace orderkit
