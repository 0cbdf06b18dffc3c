#pragma once
// Writes JSON straight from the structs (no DOM), as Newtonsoft.Json writes it with its default
// settings: members in declaration order, null for a missing value, decimals always with a
// decimal point, Formatting.Indented (two spaces) or none.
#include <array>
#include <string>
#include <utility>

#include "codec/text.hpp"
#include "orderkit/codec.hpp"

namespace orderkit::codec::json {

class Writer {
 public:
  explicit Writer(Layout layout) : indented_(layout == Layout::indented) {}

  std::string& out() { return out_; }

  void open(char c) { out_.push_back(c); ++depth_; first_ = true; }
  void close(char c) {
    --depth_;
    if (!first_) newline();
    out_.push_back(c);
    first_ = false;
  }
  // Starts an array item or an object member (whose "key": prefix the caller gives).
  void item() {
    if (!first_) out_.push_back(',');
    newline();
    first_ = false;
  }
  void key(const std::string& quoted_key_colon) { item(); out_ += quoted_key_colon; }
  bool indented() const { return indented_; }

  void string(std::string_view s);

 private:
  void newline() {
    if (!indented_) return;
    out_.push_back('\n');
    out_.append(static_cast<std::size_t>(depth_) * 2, ' ');
  }
  std::string out_;
  int depth_ = 0;
  bool first_ = true;
  bool indented_;
};

// Escapes as Newtonsoft's default StringEscapeHandling: quote, backslash, control characters and
// the three line separators JavaScript treats as line ends; invalid UTF-8 becomes U+FFFD so the
// output is always valid JSON.
inline void Writer::string(std::string_view s) {
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

template <class T>
void write(Writer& w, const T& v);

// "Key": (or "Key":) for each field of T, built once.
template <class T>
const auto& key_prefixes(bool indented) {
  static const auto make = [](bool with_space) {
    std::array<std::string, meta::field_count<T>()> keys;
    std::size_t i = 0;
    meta::for_each_field<T>([&](const auto& f) {
      keys[i++] = "\"" + json_key<T>(f.name) + (with_space ? "\": " : "\":");
    });
    return keys;
  };
  static const auto spaced = make(true), tight = make(false);
  return indented ? spaced : tight;
}

template <class T>
void write_model(Writer& w, const T& v) {
  const auto& keys = key_prefixes<T>(w.indented());
  w.open('{');
  std::size_t i = 0;
  meta::for_each_field<T>([&](const auto& f) {
    w.key(keys[i++]);
    write(w, f.get(v));
  });
  w.close('}');
}

template <class T>
void write(Writer& w, const T& v) {
  std::string& out = w.out();
  if constexpr (meta::is_optional_v<T>) {
    if (v) write(w, *v);
    else out += "null";
  } else if constexpr (meta::is_vector_v<T>) {
    if (v.empty()) {
      out += "[]";
      return;
    }
    w.open('[');
    for (const auto& item : v) {
      w.item();
      write(w, item);
    }
    w.close(']');
  } else if constexpr (meta::is_model_v<T>) {
    write_model(w, v);
  } else if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (std::is_enum_v<T>) {
    append_int(out, static_cast<std::underlying_type_t<T>>(v));
  } else if constexpr (std::is_integral_v<T>) {
    append_int(out, v);
  } else if constexpr (std::is_same_v<T, Decimal>) {
    std::string text = v.to_string();
    out += text;
    if (v.scale() == 0) out += ".0";  // Newtonsoft always writes a decimal point
  } else if constexpr (std::is_same_v<T, DateTime>) {
    w.string(v.text());
  } else if constexpr (std::is_same_v<T, Guid>) {
    out.push_back('"');
    out += v.to_string();
    out.push_back('"');
  } else {
    static_assert(std::is_same_v<T, std::string>);
    w.string(v);
  }
}

template <class T>
std::string encode(const T& value, Layout layout) {
  Writer w(layout);
  w.out().reserve(1024);
  write(w, value);
  return std::move(w.out());
}

}  // namespace orderkit::codec::json
