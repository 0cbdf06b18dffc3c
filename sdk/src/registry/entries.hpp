#pragma once
// Builds registry entries for a model type from its field list and the instantiated codecs.
#include <algorithm>
#include <iterator>

#include "orderkit/registry.hpp"

namespace orderkit::registry {

template <class T>
Result<std::string> convert(std::string_view text, Format from, Format to, Layout layout) {
  Result<T> decoded = orderkit::decode<T>(text, from);
  if (!decoded) return decoded.errors();
  if (to == Format::xml && !has_xml<T>()) return orderkit::decode<T>("", Format::xml).errors();
  return orderkit::encode(decoded.value(), to, layout);
}

template <class T>
std::vector<FieldError> check(std::string_view text, Format format) {
  Result<T> decoded = orderkit::decode<T>(text, format);
  if (!decoded) return decoded.errors();
  return validate(decoded.value());
}

template <class T>
std::string sample(Format format, Layout layout, Role role) {
  return orderkit::encode(documented_sample<T>(role), format, layout);
}

template <class T>
std::vector<FieldSummary> fields() {
  std::vector<FieldSummary> out;
  meta::for_each_field<T>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::value_type;
    FieldSummary s;
    s.name = f.name;
    s.type = meta::type_name<M>();
    s.nullable = meta::is_optional_v<M>;
    s.required = f.opts.has(meta::kRequired);
    s.json_only = f.opts.has(meta::kJsonOnly);
    s.documented = !f.opts.has(meta::kUndocumented);
    s.must_be_zero = f.opts.has(meta::kMustBeZero);
    s.max_length = f.opts.max_length;
    s.description = f.opts.doc;
    out.push_back(std::move(s));
  });
  meta::for_each_computed<T>([&](const auto& c) {
    FieldSummary s;
    s.name = c.name;
    s.type = meta::type_name<typename std::decay_t<decltype(c)>::value_type>();
    s.computed = true;
    out.push_back(std::move(s));
  });
  // Data and computed rows come from two lists: put them back in the table's order.
  const auto& declared = meta::meta_of<T>::declared;
  auto position = [&](const FieldSummary& s) {
    return std::find_if(std::begin(declared), std::end(declared), [&](const char* n) { return s.name == n; });
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const FieldSummary& a, const FieldSummary& b) { return position(a) < position(b); });
  return out;
}

template <class T>
ModelEntry entry(bool collection) {
  if (collection) {
    return ModelEntry{meta::info<T>().api,    &meta::info<T>(),        true,      &convert<std::vector<T>>,
                      &check<std::vector<T>>, &sample<std::vector<T>>, &fields<T>};
  }
  return ModelEntry{meta::info<T>().api, &meta::info<T>(), false, &convert<T>, &check<T>, &sample<T>, &fields<T>};
}

}  // namespace orderkit::registry
