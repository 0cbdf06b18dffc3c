#pragma once
// Model comparisons for Boost.Test, derived from the field lists: equality is the generated
// operator== (numeric for decimals), and a mismatch is shown as both values' JSON.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "orderkit/codec.hpp"

namespace orderkit::test {

/// Equal models, or a message with both as JSON.
template <class T>
boost::test_tools::predicate_result same_model(const T& actual, const T& expected) {
  if (actual == expected) return true;
  boost::test_tools::predicate_result r(false);
  r.message() << "models differ\nactual:\n" << to_json(actual) << "\nexpected:\n" << to_json(expected);
  return r;
}

/// Resets every JSON-only member, at any depth, to its default: what an XML document of the
/// same value carries.
template <class T>
void clear_json_only(T& value) {
  if constexpr (meta::is_optional_v<T>) {
    if (value) clear_json_only(*value);
  } else if constexpr (meta::is_vector_v<T>) {
    for (auto& item : value) clear_json_only(item);
  } else if constexpr (meta::is_model_v<T>) {
    meta::for_each_field<T>([&](const auto& f) {
      using M = typename std::decay_t<decltype(f)>::value_type;
      if (f.opts.has(meta::kJsonOnly)) f.get(value) = M{};
      else clear_json_only(f.get(value));
    });
  }
}

/// The errors as text, one "path: message" per line, for messages and exact comparisons.
inline std::string errors_text(const std::vector<FieldError>& errors) { return to_string(errors); }

}  // namespace orderkit::test
