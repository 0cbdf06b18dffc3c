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
  bool indented() const { return indented_; }

  // Out of line (json_write.cpp): every field of every model goes through these two, and that
  // small unit is compiled for speed even where the models' code is compiled for size
  // (the WebAssembly package, sdk/CMakeLists.txt).
  void key(const std::string& quoted_key_colon);
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
    const std::string& key = keys[i++];
    // A member whose .NET type may be a plain value type is left out when unset: Newtonsoft then
    // keeps the default, where a null would fail the whole document (meta::kOmitWhenUnset).
    if constexpr (meta::is_optional_v<typename std::decay_t<decltype(f)>::value_type>) {
      if (f.opts.has(meta::kOmitWhenUnset) && !f.get(v)) return;
    }
    w.key(key);
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
