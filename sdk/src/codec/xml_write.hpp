#pragma once
// Writes XML straight from the structs as the API's .NET serializer does.
//  DataContractSerializer (002): members alphabetical with base-class members first; each member
//    element in its declaring type's namespace, declared with xmlns="..." where it differs from
//    the enclosing default; a null as <X i:nil="true" />; primitive collections as
//    <dNpM:int> items in the Arrays namespace, N being the collection element's depth.
//  XmlSerializer (001, 003): declaration order, no namespaces, a null Nullable<T> as
//    <X xsi:nil="true" />, a null string or object left out.
#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <string_view>

#include "codec/decode_node.hpp"
#include "codec/text.hpp"
#include "orderkit/codec.hpp"

namespace orderkit::codec::xml {

inline constexpr const char* kXsiNs = "http://www.w3.org/2001/XMLSchema-instance";
inline constexpr const char* kXsdNs = "http://www.w3.org/2001/XMLSchema";

class Writer {
 public:
  Writer(Layout layout, meta::XmlStyle style) : indented_(layout == Layout::indented), style_(style) {}
  std::string out;
  bool data_contract() const { return style_ == meta::XmlStyle::data_contract; }

  // Opens <name (attributes follow with attr()); finish with close_start() or close_empty().
  void open_start(int depth, const char* name) {
    if (indented_ && !out.empty()) {
      out.push_back('\n');
      out.append(static_cast<std::size_t>(depth - 1) * 2, ' ');
    }
    out.push_back('<');
    out += name;
  }
  void attr(const char* name, const char* value) {
    out.push_back(' ');
    out += name;
    out += "=\"";
    escape(value, true);
    out.push_back('"');
  }
  void close_start() { out.push_back('>'); }
  void close_empty() { out += " />"; }
  void end(int depth, const char* name, bool had_children) {
    if (had_children && indented_) {
      out.push_back('\n');
      out.append(static_cast<std::size_t>(depth - 1) * 2, ' ');
    }
    out += "</";
    out += name;
    out.push_back('>');
  }
  void escape(std::string_view s, bool attribute = false);

 private:
  bool indented_;
  meta::XmlStyle style_;
};

inline void Writer::escape(std::string_view s, bool attribute) {
  // Our reader (as tinyxml2) drops an element's whitespace-only content (.NET keeps it), so a
  // text made only of whitespace is written as character references, which every reader keeps.
  if (!attribute && !s.empty() && s.find_first_not_of(" \t\n\r") == std::string_view::npos) {
    for (char c : s) out += c == ' ' ? "&#x20;" : c == '\t' ? "&#x9;" : c == '\n' ? "&#xA;" : "&#xD;";
    return;
  }
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += attribute ? "&quot;" : "\"";
        ++i;
        continue;
      case '\r':
        out += "&#xD;";
        ++i;
        continue;  // a raw CR would be normalised away on reading
      default: break;
    }
    if (c == 0) {  // XML cannot carry U+0000 at all, not even as a reference
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (c < 0x20 && c != '\t' && c != '\n') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "&#x";
      if (c >= 16) out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
      out.push_back(';');
      ++i;
      continue;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    std::size_t len = utf8_sequence(s, i, cp);
    if (len != 0) {
      out.append(s.data() + i, len);
      i += len;
    } else {
      out += "\xEF\xBF\xBD";  // U+FFFD keeps the document well-formed
      ++i;
    }
  }
}

// The text of a scalar element (the visitor over meta::kind's scalars).
template <class T>
struct ScalarText {
  Writer& w;
  const T& v;

  template <class E>
  void operator()(meta::kind::enumeration<E>) const {
    append_int(w.out, static_cast<std::underlying_type_t<E>>(v));
  }
  template <class I>
  void operator()(meta::kind::integer<I>) const {
    append_int(w.out, v);
  }
  void operator()(meta::kind::boolean) const { w.out += v ? "true" : "false"; }
  void operator()(meta::kind::decimal) const { w.out += v.to_string(); }  // XmlConvert: no added ".0"
  void operator()(meta::kind::datetime) const { w.escape(v.text()); }
  void operator()(meta::kind::guid) const { w.out += v.to_string(); }
  void operator()(meta::kind::string) const { w.escape(v); }
};

template <class T>
void scalar_text(Writer& w, const T& v) {
  meta::visit_type<T>(ScalarText<T>{w, v});
}

template <class T>
void write_members(Writer& w, const T& v, const char* default_ns, int depth);

// A collection of simple items (DataContract writes them as dNp1:int in the Arrays namespace).
template <class T>
struct is_primitive_vector : std::false_type {};
template <class T>
struct is_primitive_vector<std::vector<T>> : std::bool_constant<!meta::is_model_v<T>> {};

// Writes one element named `name` in namespace `ns` holding `v`. `default_ns` is the namespace
// in scope; `depth` is the element's depth (root = 1).
template <class M>
void write_element(Writer& w, const char* name, const char* ns, const M& v, const char* default_ns, int depth,
                   bool omit_empty) {
  auto open = [&](const char* extra_attr_name = nullptr, const char* extra_attr_value = nullptr) {
    w.open_start(depth, name);
    if (extra_attr_name) w.attr(extra_attr_name, extra_attr_value);
    if (w.data_contract() && std::strcmp(ns, default_ns) != 0) w.attr("xmlns", ns);
  };
  if constexpr (meta::is_optional_v<M>) {
    using U = typename M::value_type;
    if (v) return write_element(w, name, ns, *v, default_ns, depth, omit_empty);
    if (w.data_contract()) {
      if constexpr (is_primitive_vector<U>::value) {
        // DataContractSerializer declares a primitive collection's Arrays prefix even when the
        // collection is nil (the .NET oracle's differential test).
        std::string prefix_decl = "xmlns:d" + std::to_string(depth) + "p1";
        w.open_start(depth, name);
        w.attr(prefix_decl.c_str(), kArraysNs);
        w.attr("i:nil", "true");
        if (std::strcmp(ns, default_ns) != 0) w.attr("xmlns", ns);
      } else {
        open("i:nil", "true");
      }
      w.close_empty();
    } else if constexpr (meta::is_dotnet_value_type_v<U>) {
      open("xsi:nil", "true");
      w.close_empty();
    }
  } else if constexpr (meta::is_vector_v<M>) {
    using U = typename M::value_type;
    if (v.empty() && omit_empty) return;
    const char* item_name;
    const char* item_ns;
    std::string prefixed;
    std::string prefix_decl;
    if constexpr (meta::is_model_v<U>) {
      item_name = meta::info<U>().xml_name;
      item_ns = meta::info<U>().xml_ns;
      open();
    } else {
      item_ns = kArraysNs;
      if (w.data_contract()) {
        std::string prefix = "d" + std::to_string(depth) + "p1";
        prefix_decl = "xmlns:" + prefix;
        prefixed = prefix + ":" + primitive_xml_name<U>();
        item_name = prefixed.c_str();
        open(prefix_decl.c_str(), kArraysNs);
      } else {
        item_name = primitive_xml_name<U>();
        open();
      }
    }
    if (v.empty()) return w.close_empty();
    w.close_start();
    const char* inner_default = w.data_contract() ? ns : "";
    for (const auto& item : v) {
      if constexpr (meta::is_model_v<U>) {
        write_element(w, item_name, item_ns, item, inner_default, depth + 1, false);
      } else {
        // Prefixed items carry their namespace by prefix: no default-namespace declaration.
        write_element(w, item_name, inner_default, item, inner_default, depth + 1, false);
      }
    }
    w.end(depth, name, true);
  } else if constexpr (meta::is_model_v<M>) {
    open();
    std::size_t before = w.out.size();
    w.close_start();
    std::size_t after = w.out.size();
    write_members(w, v, w.data_contract() ? ns : "", depth + 1);
    if (w.out.size() == after) {  // no members written: <X />
      w.out.resize(before);
      return w.close_empty();
    }
    w.end(depth, name, true);
  } else {
    open();
    std::size_t before = w.out.size();
    w.close_start();
    std::size_t after = w.out.size();
    scalar_text(w, v);
    // An empty string: XmlSerializer writes <X />, DataContractSerializer writes the empty text,
    // so the element keeps its end tag, <X></X> (the .NET oracle's differential test).
    if (w.out.size() == after && !w.data_contract()) {
      w.out.resize(before);
      return w.close_empty();
    }
    w.end(depth, name, false);
  }
}

template <class T, std::size_t I>
void write_field(Writer& w, const T& v, const char* default_ns, int depth) {
  const auto& f = std::get<I>(meta::fields<T>());
  if (f.opts.has(meta::kJsonOnly)) return;
  // Left out when unset rather than nil: DataContractSerializer keeps a missing member's default,
  // where i:nil="true" for a plain value type fails the document (meta::kOmitWhenUnset).
  if constexpr (meta::is_optional_v<typename std::decay_t<decltype(f)>::value_type>) {
    if (f.opts.has(meta::kOmitWhenUnset) && !f.get(v)) return;
  }
  const char* ns = w.data_contract() ? meta::info<T>().xml_ns : "";
  write_element(w, f.name, ns, f.get(v), default_ns, depth, f.opts.has(meta::kXmlOmitEmpty));
}

template <class T, std::size_t... I>
constexpr auto field_writers(std::index_sequence<I...>) {
  using Fn = void (*)(Writer&, const T&, const char*, int);
  return std::array<Fn, sizeof...(I)>{&write_field<T, I>...};
}

/// Whether member a comes before member b in DataContract order: base-class members first, each
/// group sorted ordinally. The writer sorts by it; the reader drops a member that breaks it.
inline bool data_contract_before(bool base_a, std::string_view name_a, bool base_b, std::string_view name_b) {
  if (base_a != base_b) return base_a;
  return name_a < name_b;
}

/// Field indices in DataContract order (data_contract_before).
template <class T>
const std::array<std::size_t, meta::field_count<T>()>& data_contract_order() {
  static const auto order = [] {
    std::array<std::size_t, meta::field_count<T>()> idx{};
    std::array<const char*, meta::field_count<T>()> names{};
    std::array<bool, meta::field_count<T>()> base{};
    std::size_t i = 0;
    meta::for_each_field<T>([&](const auto& f) {
      idx[i] = i;
      names[i] = f.name;
      base[i] = f.opts.has(meta::kBaseClass);
      ++i;
    });
    std::sort(idx.begin(), idx.end(),
              [&](std::size_t a, std::size_t b) { return data_contract_before(base[a], names[a], base[b], names[b]); });
    return idx;
  }();
  return order;
}

template <class T>
void write_members(Writer& w, const T& v, const char* default_ns, int depth) {
  static constexpr auto writers = field_writers<T>(std::make_index_sequence<meta::field_count<T>()>{});
  if (w.data_contract()) {
    for (std::size_t i : data_contract_order<T>()) writers[i](w, v, default_ns, depth);
  } else {
    for (const auto& write : writers) write(w, v, default_ns, depth);
  }
}

template <class T>
std::string encode(const T& value, Layout layout) {
  using Item = meta::item_t<T>;
  constexpr const meta::ModelInfo& info = meta::info<Item>();
  Writer w(layout, info.api->xml);
  w.out.reserve(2048);
  std::string root = meta::is_vector_v<T> ? std::string("ArrayOf") + info.xml_name : std::string(info.xml_name);
  w.open_start(1, root.c_str());
  if (w.data_contract()) {
    w.attr("xmlns:i", kXsiNs);
    if (*info.xml_ns) w.attr("xmlns", info.xml_ns);
  } else if (info.api->xsd_before_xsi) {
    w.attr("xmlns:xsd", kXsdNs);
    w.attr("xmlns:xsi", kXsiNs);
  } else {
    w.attr("xmlns:xsi", kXsiNs);
    w.attr("xmlns:xsd", kXsdNs);
  }
  const char* ns = w.data_contract() ? info.xml_ns : "";
  std::size_t before = w.out.size();
  w.close_start();
  std::size_t after = w.out.size();
  if constexpr (meta::is_vector_v<T>) {
    for (const auto& item : value) write_element(w, info.xml_name, ns, item, ns, 2, false);
  } else {
    write_members(w, value, ns, 2);
  }
  if (w.out.size() == after) {
    w.out.resize(before);
    w.close_empty();
  } else {
    w.end(1, root.c_str(), true);
  }
  return std::move(w.out);
}

}  // namespace orderkit::codec::xml
