#include "text.hpp"

#include <algorithm>
#include <charconv>

namespace orderkit::mock {

namespace {

// U+FFFD REPLACEMENT CHARACTER, for bytes that are not UTF-8.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      // Exactly two hex digits (from_chars takes no sign or prefix in base 16).
      unsigned value = 0;
      const char* end = s.data() + i + 3;
      if (std::from_chars(s.data() + i + 1, end, value, 16).ptr == end) {
        out.push_back(static_cast<char>(value));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && s[i] == '+' ? ' ' : s[i]);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> out;
  if (query.empty()) return out;
  for (std::string_view item : split(query, '&')) {
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    std::string_view name = item.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
    out.emplace_back(percent_decode(name, true), percent_decode(value, true));
  }
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      // XML 1.0 text is characters: bytes that are not UTF-8, and the non-characters U+FFFE and
      // U+FFFF, become U+FFFD.
      const std::size_t len = text::utf8_sequence(s, i, cp);
      if (len != 0 && cp != 0xFFFE && cp != 0xFFFF) out.append(s.data() + i, len);
      else out += kReplacement;
      if (len != 0) i += len - 1;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 allows no control characters other than tab, newline and carriage return.
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "&#xFFFD;";
        else out.push_back(ch);
    }
  }
  return out;
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string integer_literal(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return {};
  s.remove_prefix(std::min(s.find_first_not_of('0'), s.size() - 1));  // keeps one digit of "000"
  if (s == "0") return "0";
  return (negative ? "-" : "") + std::string(s);
}

bool parse_uint(std::string_view s, std::uint64_t max, std::uint64_t& out) {
  s = trim(s);
  if (s.empty() || s.size() > 19) return false;
  std::uint64_t v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (v > max) return false;
  out = v;
  return true;
}

}  // namespace orderkit::mock
