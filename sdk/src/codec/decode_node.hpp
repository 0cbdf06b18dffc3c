#pragma once
// Type-erased decoding plans. A SAX parser pushes events, so the decoder cannot recurse through
// templates; instead every C++ type gets a constant Node (built at compile time from the field
// list) that says how to fill a value of that type from a scalar, or which fields an object has.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "codec/text.hpp"
#include "orderkit/core/meta.hpp"

namespace orderkit::codec {

/// Items one collection may decode to: a 1 MiB body of empty objects would otherwise decode to
/// 349,000 items (350 MB). The item past it is a "limit" error and the decoder stops reading the
/// collection (docs/errors.md).
constexpr std::size_t kMaxCollectionItems = 10000;

/// The message of that error.
inline std::string collection_limit_message() {
  return "more than " + std::to_string(kMaxCollectionItems) + " items in a collection; stopped reading";
}

/// A scalar token from either wire format (JSON token or XML text).
struct Scalar {
  enum Kind : std::uint8_t { null, boolean, integer, unsigned_integer, number, string } kind = null;
  bool b = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  std::string_view text;     // the number's or string's text
  bool json_string = false;  // a JSON string literal: "5" is text, not the number 5 (XML text is neither)
};

struct ObjectNode;

struct Node {
  enum Kind : std::uint8_t { kScalar, kObject, kArray, kOptional } kind;
  const char* expected;  // for messages: "integer", "string", "object", "array"...
  // scalar: fills target; on failure sets code and message and returns false
  bool (*set)(void* target, const Scalar& s, std::string& code, std::string& message);
  const ObjectNode* object;
  const Node* inner;             // array element or optional value
  void* (*emplace)(void* self);  // array: append an element; optional: engage; returns its address
  void (*reset)(void* self);     // optional: disengage; array: clear
  const char* xml_item_name;     // array: the item element (model's xml_name, or "int" in Arrays)
  const char* xml_item_ns;       // array: the item element's namespace
};

struct FieldNode {
  const char* name;
  std::uint8_t length;
  std::uint32_t flags;
  const Node* node;
  void* (*locate)(void* object);
};

struct ObjectNode {
  const meta::ModelInfo* info;
  const FieldNode* fields;
  std::size_t count;
  std::uint64_t required_mask;
};

// ---- scalar setters ---------------------------------------------------------------------------

const char* kind_name(const Scalar& s);  // "string", "number", ...
bool set_bool(void* t, const Scalar& s, std::string& code, std::string& msg);
bool set_int32(void* t, const Scalar& s, std::string& code, std::string& msg);
bool set_int64(void* t, const Scalar& s, std::string& code, std::string& msg);
bool set_decimal(void* t, const Scalar& s, std::string& code, std::string& msg);
bool set_datetime(void* t, const Scalar& s, std::string& code, std::string& msg);
bool set_guid(void* t, const Scalar& s, std::string& code, std::string& msg);
bool set_string(void* t, const Scalar& s, std::string& code, std::string& msg);

template <class E>
bool set_enum(void* t, const Scalar& s, std::string& code, std::string& msg) {
  std::int32_t v = 0;
  if (!set_int32(&v, s, code, msg)) return false;
  *static_cast<E*>(t) = static_cast<E>(v);
  return true;
}

template <class T>
struct NodeOf;

template <class T, std::size_t I>
void* locate_field(void* object) {
  return &std::get<I>(meta::fields<T>()).get(*static_cast<T*>(object));
}

template <class T, std::size_t I>
constexpr FieldNode make_field() {
  constexpr const auto& f = std::get<I>(meta::fields<T>());
  using M = typename std::decay_t<decltype(f)>::value_type;
  std::size_t len = 0;
  while (f.name[len] != '\0') ++len;
  return FieldNode{f.name, static_cast<std::uint8_t>(len), f.opts.flags, &NodeOf<M>::node, &locate_field<T, I>};
}

template <class T, std::size_t... I>
constexpr std::array<FieldNode, sizeof...(I)> make_fields(std::index_sequence<I...>) {
  return {{make_field<T, I>()...}};
}

template <class T>
constexpr std::uint64_t required_mask() {
  std::uint64_t mask = 0, bit = 1;
  meta::for_each_field<T>([&](const auto& f) {
    if (f.opts.has(meta::kRequired)) mask |= bit;
    bit <<= 1;
  });
  return mask;
}

template <class T>
struct ModelNodes {
  static_assert(meta::field_count<T>() <= 64, "the decoder tracks fields in a 64-bit mask");
  static constexpr auto fields = make_fields<T>(std::make_index_sequence<meta::field_count<T>()>{});
  static constexpr ObjectNode object{&meta::info<T>(), fields.data(), fields.size(), required_mask<T>()};
};

template <class T>
void* emplace_optional(void* self) {
  return &static_cast<T*>(self)->emplace();
}
template <class T>
void reset_optional(void* self) {
  static_cast<T*>(self)->reset();
}
template <class T>
void* emplace_back(void* self) {
  return &static_cast<T*>(self)->emplace_back();
}
template <class T>
void clear_vector(void* self) {
  static_cast<T*>(self)->clear();
}

inline constexpr const char* kArraysNs = "http://schemas.microsoft.com/2003/10/Serialization/Arrays";

/// The element and namespace of a collection item: the model's own, or DataContract's name of a
/// primitive in the Arrays namespace ("int", "string", ...). The visitor over meta::kind.
struct XmlItem {
  const char* name;
  const char* ns;

  template <class M>
  static constexpr XmlItem of(meta::kind::model<M>) {
    return {meta::info<M>().xml_name, meta::info<M>().xml_ns};
  }
  template <class E>
  static constexpr XmlItem of(meta::kind::enumeration<E>) {
    return {"int", kArraysNs};
  }
  template <class I>
  static constexpr XmlItem of(meta::kind::integer<I>) {
    return {std::is_same_v<I, std::int64_t> ? "long" : "int", kArraysNs};
  }
  static constexpr XmlItem of(meta::kind::boolean) { return {"boolean", kArraysNs}; }
  static constexpr XmlItem of(meta::kind::decimal) { return {"decimal", kArraysNs}; }
  static constexpr XmlItem of(meta::kind::datetime) { return {"dateTime", kArraysNs}; }
  static constexpr XmlItem of(meta::kind::guid) { return {"guid", kArraysNs}; }
  static constexpr XmlItem of(meta::kind::string) { return {"string", kArraysNs}; }

  template <class K>
  constexpr XmlItem operator()(K kind) const {
    return of(kind);
  }
};

/// The DataContract name of a primitive collection item ("int", "string", ...).
template <class T>
constexpr const char* primitive_xml_name() {
  return meta::visit_type<T>(XmlItem{}).name;
}

/// The plan node of type T (the visitor over meta::kind).
template <class T>
struct MakeNode {
  static constexpr Node scalar(bool (*set)(void*, const Scalar&, std::string&, std::string&), const char* expected) {
    return Node{Node::kScalar, expected, set, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
  }

  template <class V>
  constexpr Node operator()(meta::kind::optional<V>) const {
    return Node{Node::kOptional,      NodeOf<V>::node.expected, nullptr, nullptr, &NodeOf<V>::node,
                &emplace_optional<T>, &reset_optional<T>,       nullptr, nullptr};
  }
  template <class V>
  constexpr Node operator()(meta::kind::vector<V>) const {
    constexpr XmlItem item = meta::visit_type<V>(XmlItem{});
    return Node{Node::kArray,     "array",          nullptr,   nullptr, &NodeOf<V>::node,
                &emplace_back<T>, &clear_vector<T>, item.name, item.ns};
  }
  template <class M>
  constexpr Node operator()(meta::kind::model<M>) const {
    return Node{Node::kObject, "object", nullptr, &ModelNodes<T>::object, nullptr, nullptr, nullptr, nullptr, nullptr};
  }
  template <class E>
  constexpr Node operator()(meta::kind::enumeration<E>) const {
    return scalar(&set_enum<E>, "integer");
  }
  template <class I>
  constexpr Node operator()(meta::kind::integer<I>) const {
    static_assert(std::is_same_v<I, std::int32_t> || std::is_same_v<I, std::int64_t>, "unsupported integer type");
    return scalar(std::is_same_v<I, std::int64_t> ? &set_int64 : &set_int32, "integer");
  }
  constexpr Node operator()(meta::kind::boolean) const { return scalar(&set_bool, "boolean"); }
  constexpr Node operator()(meta::kind::decimal) const { return scalar(&set_decimal, "decimal number"); }
  constexpr Node operator()(meta::kind::datetime) const { return scalar(&set_datetime, "date"); }
  constexpr Node operator()(meta::kind::guid) const { return scalar(&set_guid, "GUID"); }
  constexpr Node operator()(meta::kind::string) const { return scalar(&set_string, "string"); }
};

template <class T>
struct NodeOf {
  static constexpr Node node = meta::visit_type<T>(MakeNode<T>{});
};

/// Finds a field by wire name: the expected next field first (documents usually follow the
/// declaration order), then an exact match, then ASP.NET's case-insensitive match.
int find_field(const ObjectNode& object, std::string_view name, int hint, bool json);

/// Appends "Name", ".Name" or "[i]" to a path being built for an error message.
void append_segment(std::string& path, const char* field, std::size_t index, bool is_index);

}  // namespace orderkit::codec
