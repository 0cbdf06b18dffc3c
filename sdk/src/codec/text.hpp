#pragma once
// Small text helpers shared by the codecs: number formatting and wire names.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "orderkit/core/meta.hpp"

namespace orderkit::codec {

template <class Int>
inline void append_int(std::string& out, Int v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
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
