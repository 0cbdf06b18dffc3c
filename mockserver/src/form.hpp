#pragma once
// application/x-www-form-urlencoded bodies, which the help pages list for 000, 002 and 003 ("Sample
// not available"): ASP.NET binds them to the model by key, jQuery style (Customer[Firstname],
// OrderDetails[0][CategoryId], ProductProvisioningCodes[]) or MVC style (Customer.Firstname,
// OrderDetails[0].CategoryId), names case-insensitive. The form is turned into the model's JSON
// by walking the model's field list, so the SDK decodes and validates it like any JSON body and
// names the same field paths in its errors.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "orderkit/core/meta.hpp"
#include "text.hpp"

namespace orderkit::mock {

/// Form values by canonical key: lower case, "a.b[0].c"; a repeated key keeps every value.
using Form = std::map<std::string, std::vector<std::string>>;

/// Canonical key of "a[b][0][c]", "a.b[0].c" or "a[]" ("a.b[0].c", "a").
std::string canonical_form_key(std::string_view key);

/// Parses a form body into canonical keys.
Form parse_form(std::string_view body);

namespace form_detail {

inline bool has_prefix(const Form& form, const std::string& prefix) {
  auto it = form.lower_bound(prefix);
  return it != form.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

// A value as JSON: raw when it is already a literal of the field's JSON type, else quoted, so
// that the SDK reports a wrong value with the field's path.
template <class T>
std::string scalar_json(const std::string& v) {
  if constexpr (std::is_same_v<T, bool>) {
    const std::string l = lower(v);
    if (l == "true" || l == "false") return l;
  } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
    if (std::string number = integer_literal(v); !number.empty()) return number;
  } else if constexpr (std::is_same_v<T, Decimal>) {
    // Written from the parsed value, never pasted: "-.5", "05" and "1.e5" are decimals to the
    // parser but not JSON numbers.
    if (std::optional<Decimal> d = Decimal::parse(v)) return d->to_string();
  }
  return "\"" + json_escape(v) + "\"";
}

template <class M>
bool model_json(const Form& form, const std::string& prefix, std::string& out);

// Appends the JSON of the value at `key` (if the form has it) and says whether it did.
template <class T>
bool value_json(const Form& form, const std::string& key, std::string& out) {
  if constexpr (meta::is_optional_v<T>) {
    return value_json<typename T::value_type>(form, key, out);
  } else if constexpr (meta::is_vector_v<T>) {
    using U = typename T::value_type;
    std::string items;
    std::size_t count = 0;
    if constexpr (!meta::is_model_v<U>) {
      // Repeated key or key[] (jQuery): every value in order.
      if (auto it = form.find(key); it != form.end()) {
        for (const std::string& v : it->second) items += (count++ ? "," : "") + scalar_json<U>(v);
      }
    }
    for (std::size_t i = 0; i < 10000; ++i) {
      const std::string item = key + "[" + std::to_string(i) + "]";
      if (!has_prefix(form, item)) break;
      std::string one;
      if (!value_json<U>(form, item, one)) break;
      items += (count++ ? "," : "") + one;
    }
    if (count == 0) return false;
    out += "[" + items + "]";
    return true;
  } else if constexpr (meta::is_model_v<T>) {
    return model_json<T>(form, key + ".", out);
  } else {
    auto it = form.find(key);
    if (it == form.end() || it->second.empty()) return false;
    const std::string& v = it->second.back();
    // An empty field is null for anything but a string, as ASP.NET's binder reads it.
    if (v.empty() && !std::is_same_v<T, std::string>) return false;
    out += scalar_json<T>(v);
    return true;
  }
}

template <class M>
bool model_json(const Form& form, const std::string& prefix, std::string& out) {
  if (!prefix.empty() && !has_prefix(form, prefix)) return false;
  std::string body;
  meta::for_each_field<M>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    std::string value;
    if (value_json<T>(form, prefix + lower(f.name), value))
      body += (body.empty() ? "\"" : ",\"") + json_escape(f.name) + "\":" + value;
  });
  out += "{" + body + "}";
  return true;
}

}  // namespace form_detail

/// The JSON of model T from a form body.
template <class T>
std::string form_to_json(std::string_view body) {
  std::string out;
  form_detail::model_json<T>(parse_form(body), "", out);
  return out;
}

}  // namespace orderkit::mock
