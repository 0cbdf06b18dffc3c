#pragma once
// Converts models to and from plain JavaScript objects by walking the field lists, so no field
// name is written here. Keys are the JSON keys (camelCase where the API's JSON is camelCase).
//
// To JavaScript: optional -> null, vector -> Array, Decimal -> its exact decimal string ("5.00"),
// DateTime -> its round-trip text, Guid -> "d" form, integers -> numbers. Computed properties
// (licenses' ValidationResult.isValid) are added as plain keys.
// From JavaScript: a missing key (undefined) leaves the field at its default (null for a
// nullable); every value is checked, and a misfit becomes a FieldError with the field path
// ("OrderDetails[1].OrderDetail.SimTypeId"), never an exception. Decimals accept a string or a
// number (converted through its shortest round-trip text, so 0.1 is exactly "0.1"); dates
// accept a string or a Date.
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "orderkit/core/error.hpp"
#include "orderkit/core/meta.hpp"

namespace orderkit::bindings {

using emscripten::val;

// ---- C++ -> JavaScript -------------------------------------------------------------------

/// The JSON keys of T's fields, then of its computed properties, as JavaScript strings, made once
/// per model (converting a key on every access costs more than the access).
template <class T>
const std::vector<val>& js_keys() {
  static const std::vector<val> keys = [] {
    std::vector<val> out;
    meta::for_each_field<T>([&](const auto& f) { out.emplace_back(meta::json_name<T>(f.name)); });
    meta::for_each_computed<T>([&](const auto& c) { out.emplace_back(meta::json_name<T>(c.name)); });
    return out;
  }();
  return keys;
}

template <class T>
val to_js(const T& v);

template <class T>
val model_to_js(const T& v) {
  val obj = val::object();
  const auto& keys = js_keys<T>();
  std::size_t i = 0;
  meta::for_each_field<T>([&](const auto& f) { obj.set(keys[i++], to_js(f.get(v))); });
  meta::for_each_computed<T>([&](const auto& c) { obj.set(keys[i++], to_js((v.*c.getter)())); });
  return obj;
}

// Converts one value of field type T (the visitor over meta::kind).
template <class T>
struct ToJs {
  const T& v;

  template <class U>
  val operator()(meta::kind::optional<U>) const {
    return v ? to_js(*v) : val::null();
  }
  template <class U>
  val operator()(meta::kind::vector<U>) const {
    val arr = val::array();
    for (std::size_t i = 0; i < v.size(); ++i) arr.set(i, to_js(v[i]));
    return arr;
  }
  template <class M>
  val operator()(meta::kind::model<M>) const {
    return model_to_js(v);
  }
  template <class E>
  val operator()(meta::kind::enumeration<E>) const {
    return val(static_cast<std::underlying_type_t<E>>(v));
  }
  template <class I>
  val operator()(meta::kind::integer<I>) const {
    return val(v);
  }
  val operator()(meta::kind::boolean) const { return val(v); }
  val operator()(meta::kind::decimal) const { return val(v.to_string()); }
  val operator()(meta::kind::datetime) const { return val(v.text()); }
  val operator()(meta::kind::guid) const { return val(v.to_string()); }
  val operator()(meta::kind::string) const { return val(v); }
};

template <class T>
val to_js(const T& v) {
  return meta::visit_type<T>(ToJs<T>{v});
}

// ---- JavaScript -> C++ -------------------------------------------------------------------

/// Collects conversion failures with the path of the value being read.
struct Reader {
  std::string path;
  std::vector<FieldError> errors;

  void fail(const std::string& expected, const val& got) {
    errors.push_back({path, "type", "expected " + expected + ", got " + describe(got)});
  }
  void invalid(const std::string& message) { errors.push_back({path, "format", message}); }

  /// "null", "array", "string", "number 1.5", ... for messages.
  static std::string describe(const val& v);
};

template <class T>
void from_js(const val& v, T& out, Reader& r);

template <class T>
void model_from_js(const val& v, T& out, Reader& r) {
  if (v.typeOf().as<std::string>() != "object" || v.isNull() || v.isArray()) {
    r.fail(std::string("an object (") + meta::info<T>().name + ")", v);
    return;
  }
  const auto& keys = js_keys<T>();
  std::size_t i = 0;
  meta::for_each_field<T>([&](const auto& f) {
    val x = v[keys[i++]];
    if (x.isUndefined()) return;  // missing key: keep the default
    std::size_t mark = r.path.size();
    if (!r.path.empty()) r.path += '.';
    r.path += meta::json_name<T>(f.name);
    from_js(x, f.get(out), r);
    r.path.resize(mark);
  });
}

void integer_from_js(const val& v, double min, double max, double& out, Reader& r);
void decimal_from_js(const val& v, Decimal& out, Reader& r);
void datetime_from_js(const val& v, DateTime& out, Reader& r);
void guid_from_js(const val& v, Guid& out, Reader& r);

// Reads one value of field type T into `out`, or records why it cannot (the visitor over
// meta::kind).
template <class T>
struct FromJs {
  const val& v;
  T& out;
  Reader& r;

  template <class U>
  void operator()(meta::kind::optional<U>) const {
    if (v.isNull() || v.isUndefined()) {
      out.reset();
      return;
    }
    U inner{};
    std::size_t before = r.errors.size();
    from_js(v, inner, r);
    if (r.errors.size() == before) out = std::move(inner);
  }
  template <class U>
  void operator()(meta::kind::vector<U>) const {
    if (!v.isArray()) {
      r.fail("an array", v);
      return;
    }
    const unsigned n = v["length"].as<unsigned>();
    out.clear();
    out.resize(n);
    std::size_t mark = r.path.size();
    for (unsigned i = 0; i < n; ++i) {
      r.path += '[' + std::to_string(i) + ']';
      from_js(v[i], out[i], r);
      r.path.resize(mark);
    }
  }
  template <class M>
  void operator()(meta::kind::model<M>) const {
    model_from_js(v, out, r);
  }
  template <class E>
  void operator()(meta::kind::enumeration<E>) const {
    integer<std::underlying_type_t<E>>();
  }
  template <class I>
  void operator()(meta::kind::integer<I>) const {
    integer<I>();
  }
  void operator()(meta::kind::boolean) const {
    if (v.isTrue()) out = true;
    else if (v.isFalse()) out = false;
    else r.fail("a boolean", v);
  }
  void operator()(meta::kind::decimal) const { decimal_from_js(v, out, r); }
  void operator()(meta::kind::datetime) const { datetime_from_js(v, out, r); }
  void operator()(meta::kind::guid) const { guid_from_js(v, out, r); }
  void operator()(meta::kind::string) const {
    if (v.isString()) out = v.as<std::string>();
    else r.fail("a string", v);
  }

  // An integer or an enum's underlying integer I, range-checked.
  template <class I>
  void integer() const {
    static_assert(sizeof(I) <= 4, "64-bit integers would lose precision as JavaScript numbers");
    double d = 0;
    std::size_t before = r.errors.size();
    integer_from_js(v, static_cast<double>(std::numeric_limits<I>::min()),
                    static_cast<double>(std::numeric_limits<I>::max()), d, r);
    if (r.errors.size() == before) out = static_cast<T>(static_cast<I>(d));
  }
};

template <class T>
void from_js(const val& v, T& out, Reader& r) {
  meta::visit_type<T>(FromJs<T>{v, out, r});
}

/// Converts a document (a model or a collection of one); errors name the failing paths.
template <class T>
Result<T> read_js(const val& v) {
  Reader r;
  T out{};
  from_js(v, out, r);
  if (!r.errors.empty()) return std::move(r.errors);
  return out;
}

}  // namespace orderkit::bindings
