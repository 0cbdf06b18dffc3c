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

  void open(char c) {
    out_.push_back(c);
    ++depth_;
    first_ = true;
  }
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
    meta::for_each_field<T>(
        [&](const auto& f) { keys[i++] = "\"" + meta::json_name<T>(f.name) + (with_space ? "\": " : "\":"); });
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

// Writes one value of field type T (the visitor over meta::kind).
template <class T>
struct ValueWriter {
  Writer& w;
  const T& v;

  template <class U>
  void operator()(meta::kind::optional<U>) const {
    if (v) write(w, *v);
    else w.out() += "null";
  }
  template <class U>
  void operator()(meta::kind::vector<U>) const {
    if (v.empty()) {
      w.out() += "[]";
      return;
    }
    w.open('[');
    for (const auto& item : v) {
      w.item();
      write(w, item);
    }
    w.close(']');
  }
  template <class M>
  void operator()(meta::kind::model<M>) const {
    write_model(w, v);
  }
  template <class E>
  void operator()(meta::kind::enumeration<E>) const {
    append_int(w.out(), static_cast<std::underlying_type_t<E>>(v));
  }
  template <class I>
  void operator()(meta::kind::integer<I>) const {
    append_int(w.out(), v);
  }
  void operator()(meta::kind::boolean) const { w.out() += v ? "true" : "false"; }
  void operator()(meta::kind::decimal) const {
    std::string& out = w.out();
    out += v.to_string();
    if (v.scale() == 0) out += ".0";  // Newtonsoft always writes a decimal point
  }
  void operator()(meta::kind::datetime) const { w.string(v.text()); }
  void operator()(meta::kind::guid) const {
    std::string& out = w.out();
    out.push_back('"');
    out += v.to_string();
    out.push_back('"');
  }
  void operator()(meta::kind::string) const { w.string(v); }
};

template <class T>
void write(Writer& w, const T& v) {
  meta::visit_type<T>(ValueWriter<T>{w, v});
}

template <class T>
std::string encode(const T& value, Layout layout) {
  Writer w(layout);
  w.out().reserve(1024);
  write(w, value);
  return std::move(w.out());
}

}  // namespace orderkit::codec::json
