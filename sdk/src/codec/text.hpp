#pragma once
// Small text helpers shared by the codecs: name comparison, number formatting, shown text.
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "orderkit/internal/text.hpp"

namespace orderkit::codec {

/// Whether two names (element, field, namespace prefix; a few bytes each) are equal. In the
/// WebAssembly build operator== calls libc's memcmp, a plain byte loop behind a call, and name
/// comparisons were a large share of the XML decoder's time there; an inline loop avoids the
/// call. Natively glibc's memcmp is faster than the loop (docs/benchmarks.md, "What was tuned").
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

// The UTF-8 rules are the internal text library's, shared with the mock and the bindings.
using text::append_utf8;
using text::utf8_sequence;

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

}  // namespace orderkit::codec
