#include "codec/json_write.hpp"

namespace orderkit::codec::json {

void Writer::key(const std::string& quoted_key_colon) {
  item();
  out_ += quoted_key_colon;
}

// Escapes as Newtonsoft's default StringEscapeHandling: quote, backslash, control characters and
// the three line separators JavaScript treats as line ends; invalid UTF-8 becomes U+FFFD so the
// output is always valid JSON.
void Writer::string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  std::size_t i = 0, n = s.size();
  while (i < n) {
    std::size_t start = i;
    while (i < n) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++i;
    }
    out_.append(s.data() + start, i - start);
    if (i >= n) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        default: out_ += "\\u00"; out_.push_back(kHex[c >> 4]); out_.push_back(kHex[c & 15]);
      }
      ++i;
      continue;
    }
    // Multi-byte UTF-8: copy a well-formed sequence, else write U+FFFD.
    std::uint32_t cp = 0;
    std::size_t len = utf8_sequence(s, i, cp);
    if (len == 0) {
      out_ += "\\ufffd";
      ++i;
    } else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
      out_ += cp == 0x85 ? "\\u0085" : cp == 0x2028 ? "\\u2028" : "\\u2029";
      i += len;
    } else {
      out_.append(s.data() + i, len);
      i += len;
    }
  }
  out_.push_back('"');
}

}  // namespace orderkit::codec::json
