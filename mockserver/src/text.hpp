#pragma once
// Small text helpers shared by the mock's parsers; the rules the SDK shares come from its
// internal text library.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/core/http.hpp"  // orderkit::iequals
#include "orderkit/internal/text.hpp"

namespace orderkit::mock {

// The SDK's text rules (internal text library): JSON escaping (bytes that are not UTF-8 become
// U+FFFD), UTF-8 checks, base64 and trimming of HTTP whitespace.
using text::base64;
using text::is_utf8;
using text::json_escape;
using text::trim;
using text::utf8_boundary;

inline char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_char(c);
  return out;
}

/// Whether `s` has no control characters (so it may go into a header or a log line as it is).
inline bool printable(std::string_view s) {
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return true;
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

/// Escapes text for XML character data and attribute values. The result is always UTF-8 XML
/// text: bytes that are not UTF-8, and characters XML does not allow, become U+FFFD.
std::string xml_escape(std::string_view s);

/// FNV-1a, for keys built from request bodies.
std::uint64_t fnv1a(std::string_view s, std::uint64_t seed = 1469598103934665603ull);

/// Parses a non-negative decimal integer that fits in `max`; false otherwise.
bool parse_uint(std::string_view s, std::uint64_t max, std::uint64_t& out);

/// The JSON number of a whole number written as ASP.NET's binder reads one from a URI or a form
/// ("007" -> "7", "+5" -> "5", "-0" -> "0"), or "" when `s` is not one. Never the text itself:
/// JSON has no leading zeros, so pasted text would make the document invalid.
std::string integer_literal(std::string_view s);

}  // namespace orderkit::mock
