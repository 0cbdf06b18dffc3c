#include "orderkit/core/retry.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <ctime>

#include "orderkit/core/http.hpp"

namespace orderkit {
namespace {

using std::chrono::milliseconds;

// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm), so HTTP-dates are read
// without timegm(), which is not portable.
long long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<long long>(era) * 146097 + static_cast<long long>(doe) - 719468;
}

int month_index(std::string_view name) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i) {
    if (iequals(name, months[i])) return i + 1;
  }
  return 0;
}

// Splits on spaces, commas and the date's '-' (RFC 850) but not the time's ':'.
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '-')) ++i;
    std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',' && text[i] != '-') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

bool parse_int(std::string_view text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  int v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool parse_time(std::string_view text, int& h, int& m, int& s) {
  return text.size() == 8 && text[2] == ':' && text[5] == ':' && parse_int(text.substr(0, 2), h) &&
         parse_int(text.substr(3, 2), m) && parse_int(text.substr(6, 2), s) && h < 24 && m < 60 && s < 61;
}

// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994". Returns seconds since the epoch.
std::optional<long long> parse_http_date(std::string_view text) {
  auto t = tokens(text);
  int day = 0, month = 0, year = 0, h = 0, m = 0, s = 0;
  if (t.size() == 6 && iequals(t[5], "GMT")) {  // IMF-fixdate or RFC 850
    month = month_index(t[2]);
    if (!parse_int(t[1], day) || !month || !parse_int(t[3], year) || !parse_time(t[4], h, m, s)) return std::nullopt;
    if (t[3].size() == 2) year += year < 70 ? 2000 : 1900;
  } else if (t.size() == 5) {  // asctime
    month = month_index(t[1]);
    if (!month || !parse_int(t[2], day) || !parse_time(t[3], h, m, s) || !parse_int(t[4], year)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (day < 1 || day > 31 || year < 1970) return std::nullopt;
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + h * 3600 + m * 60 +
         s;
}

}  // namespace

bool is_idempotent_method(std::string_view method) noexcept {
  for (const char* m : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"}) {
    if (iequals(method, m)) return true;
  }
  return false;
}

milliseconds backoff_delay(const RetryPolicy& policy, int attempt, double random01) {
  double delay = static_cast<double>(policy.base_delay.count());
  for (int i = 1; i < attempt && delay < static_cast<double>(policy.max_delay.count()); ++i) delay *= 2;
  delay = std::min(delay, static_cast<double>(policy.max_delay.count()));
  double jitter = std::clamp(policy.jitter, 0.0, 1.0);
  double r = std::clamp(random01, 0.0, 1.0);
  return milliseconds(static_cast<long long>(std::floor(delay * (1.0 - jitter * r))));
}

std::optional<milliseconds> parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return milliseconds(999'999'999'000LL);  // absurdly long: "forever"
    int seconds = 0;
    parse_int(value, seconds);
    return milliseconds(static_cast<long long>(seconds) * 1000);
  }
  auto when = parse_http_date(value);
  if (!when) return std::nullopt;
  // Compared in seconds first: a date centuries away (years up to 999,999,999) overflows in
  // milliseconds, and it means "forever" like an over-long number of seconds.
  auto now_ms = std::chrono::duration_cast<milliseconds>(now.time_since_epoch()).count();
  if (*when - now_ms / 1000 > 999'999'999LL) return milliseconds(999'999'999'000LL);
  long long diff = *when * 1000 - now_ms;
  return milliseconds(std::max(0LL, diff));
}

RetryDecision next_retry(const RetryPolicy& policy, const AttemptInfo& attempt, double random01,
                         std::chrono::system_clock::time_point now) {
  RetryDecision d;
  bool failed_transport = attempt.status == 0;
  if (failed_transport) {
    if (!policy.retry_connection_failures) {
      d.reason = "connection failures are not retried";
      return d;
    }
  } else if (std::find(policy.retry_statuses.begin(), policy.retry_statuses.end(), attempt.status) ==
             policy.retry_statuses.end()) {
    d.reason = "status " + std::to_string(attempt.status) + " is not retried";
    return d;
  }
  if (attempt.attempt >= policy.max_attempts) {
    d.reason = "no attempts left (" + std::to_string(policy.max_attempts) + " made)";
    return d;
  }
  // Sending again is safe when the server never saw the request, or when it can recognise the
  // repeat (idempotent method or idempotency key).
  if (attempt.reached_server && !attempt.resend_safe) {
    d.reason = "not safe to send again: the request may have reached the server and has no idempotency key";
    return d;
  }
  d.delay = backoff_delay(policy, attempt.attempt, random01);
  d.reason = failed_transport ? "connection failed" : "status " + std::to_string(attempt.status);
  if (policy.honour_retry_after && !attempt.retry_after.empty()) {
    if (auto after = parse_retry_after(attempt.retry_after, now)) {
      if (*after > policy.max_retry_after) {
        d.reason = "Retry-After (" + attempt.retry_after + ") exceeds the policy's maximum";
        d.delay = milliseconds(0);
        return d;
      }
      d.delay = *after;
      d.reason += ", Retry-After " + attempt.retry_after;
    }
  }
  d.retry = true;
  return d;
}

}  // namespace orderkit
