#pragma once
// Small text helpers shared by the codecs: number formatting and wire names.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "orderkit/core/meta.hpp"

namespace orderkit::codec {

/// Whether two names (element, field, namespace prefix; a few bytes each) are equal. In the
/// WebAssembly build operator== calls libc's memcmp, a plain byte loop behind a call, and name
/// comparisons were an eighth of the XML decoder's time there; an inline loop avoids the call.
/// Natively glibc's memcmp is faster than the loop (XML decode 14% slower with the loop).
inline bool same_name(std::string_view a, std::string_view b) {
#ifdef __EMSCRIPTEN__
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
#else
  return a == b;
#endif
}

template <class Int>
inline void append_int(std::string& out, Int v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

/// Length of the well-formed UTF-8 sequence that starts at s[i] (2 to 4 bytes, s[i] >= 0x80), or
/// 0 when the bytes there are not one: a stray or invalid lead byte, a missing continuation, an
/// overlong form, a surrogate or a code point beyond U+10FFFF. Sets `cp` to the code point.
/// Both writers replace such bytes with U+FFFD, one per byte, so their output is always UTF-8.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, std::uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return len;
}

/// Appends code point `cp` (a Unicode scalar value) as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Text from a document as a message shows it: cut after about `max` bytes (with "...") so a huge
/// value cannot flood the log, and always valid UTF-8, because messages travel on (ModelState
/// JSON, logs, the JS bindings) and XML text is not checked by the parser: the cut falls on a
/// character boundary, and bytes that are not UTF-8 become U+FFFD.
inline std::string shown(std::string_view text, std::size_t max = 60) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size() && i < max) {
    std::uint32_t cp = 0;
    std::size_t len = static_cast<unsigned char>(text[i]) < 0x80 ? 1 : utf8_sequence(text, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.data() + i, len);
      i += len;
    }
  }
  if (i < text.size()) out += "...";
  return out;
}

/// Newtonsoft's camel casing: lower the leading run of capitals, keeping the last one of a run
/// that starts a new word ("IsValid" -> "isValid", "SSN" -> "ssn", "URLValue" -> "urlValue").
inline std::string camel_case(std::string_view name) {
  std::string s(name);
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool next_is_lower = i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z';
    if (i > 0 && next_is_lower) break;
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
    else break;
  }
  return s;
}

/// The JSON key of a field of model T.
template <class T>
std::string json_key(const char* name) {
  return meta::info<T>().json_case == meta::NameCase::camel ? camel_case(name) : std::string(name);
}

}  // namespace orderkit::codec
