#pragma once
// Small text helpers shared by the mock's parsers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orderkit::mock {

inline char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_char(c);
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower_char(a[i]) != lower_char(b[i])) return false;
  return true;
}

/// Whether `s` has no control characters (so it may go into a header or a log line as it is).
inline bool printable(std::string_view s) {
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return true;
}

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

inline std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

/// Decodes %XX escapes (and '+' as space when `plus_is_space`); malformed escapes stay as they are.
std::string percent_decode(std::string_view s, bool plus_is_space);

/// Parses "a=1&b=2" into decoded (name, value) pairs, in order.
std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query);

/// Escapes text for a JSON string literal (without the quotes). The result is always UTF-8:
/// bytes that are not UTF-8 become U+FFFD (written \ufffd).
std::string json_escape(std::string_view s);
/// Escapes text for XML character data and attribute values. The result is always UTF-8 XML
/// text: bytes that are not UTF-8, and characters XML does not allow, become U+FFFD.
std::string xml_escape(std::string_view s);

/// Whether `s` is well-formed UTF-8 (RFC 3629).
bool is_utf8(std::string_view s);
/// `n`, or less so as not to cut a UTF-8 character of `s` in two (for keeping a prefix).
std::size_t utf8_boundary(std::string_view s, std::size_t n);
/// Standard base64 (RFC 4648 section 4) with padding.
std::string base64(std::string_view bytes);

/// FNV-1a, for keys built from request bodies.
std::uint64_t fnv1a(std::string_view s, std::uint64_t seed = 1469598103934665603ull);

/// Parses a non-negative decimal integer that fits in `max`; false otherwise.
bool parse_uint(std::string_view s, std::uint64_t max, std::uint64_t& out);

}  // namespace orderkit::mock
