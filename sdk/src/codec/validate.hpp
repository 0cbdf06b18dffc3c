#pragma once
// Validation walks the field list: the rules from the pages' "Additional information" column
// are field options (required, max length, must be zero); a model may add its own rules with an
// ADL function orderkit_rules(const Model&, const std::string& path, std::vector<FieldError>&).
// Messages follow ASP.NET's DataAnnotations wording, as the real servers put them in ModelState.
#include <string>
#include <vector>

#include "codec/decode_node.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::codec {

template <class T, class = void>
struct has_rules : std::false_type {};
template <class T>
struct has_rules<T, std::void_t<decltype(orderkit_rules(std::declval<const T&>(), std::declval<const std::string&>(),
                                                        std::declval<std::vector<FieldError>&>()))>> : std::true_type {
};

/// Length as .NET's string.Length counts it: UTF-16 code units, so one per UTF-8 sequence and
/// two for a character beyond U+FFFF (a four-byte sequence, a surrogate pair in .NET).
inline std::size_t text_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  return n;
}

/// Whether .NET's RequiredAttribute sees no text: it refuses a string whose Trim() is empty,
/// Trim() removing every char.IsWhiteSpace character (the .NET oracle settles this, issue 14).
inline bool is_blank(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    unsigned c = b(0);
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
      i += 1;
      continue;
    }
    if (c == 0xC2 && (b(1) == 0x85 || b(1) == 0xA0)) {
      i += 2;
      continue;
    }  // U+0085, U+00A0
    if (c == 0xE1 && b(1) == 0x9A && b(2) == 0x80) {
      i += 3;
      continue;
    }                                 // U+1680
    if (c == 0xE2 && b(1) == 0x80 &&  // U+2000..U+200A, U+2028, U+2029, U+202F
        ((b(2) >= 0x80 && b(2) <= 0x8A) || b(2) == 0xA8 || b(2) == 0xA9 || b(2) == 0xAF)) {
      i += 3;
      continue;
    }
    if (c == 0xE2 && b(1) == 0x81 && b(2) == 0x9F) {
      i += 3;
      continue;
    }  // U+205F
    if (c == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
      i += 3;
      continue;
    }  // U+3000
    return false;
  }
  return true;
}

// `insert`: the value is an insert request, so insert-only rules ("Must be 0 (for insert
// operations)") apply; a model the pages show only as a response (001's OrderBase, whose sample
// has Id 1) is validated without them.
template <class T>
void validate_value(const T& v, std::string& path, std::vector<FieldError>& out, bool insert);

template <class T>
void validate_model(const T& v, std::string& path, std::vector<FieldError>& out, bool insert) {
  meta::for_each_field<T>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::value_type;
    const M& x = f.get(v);
    std::size_t mark = path.size();
    append_segment(path, f.name, 0, false);
    if (f.opts.has(meta::kRequired)) {
      bool missing = false;
      if constexpr (meta::is_optional_v<M>) {
        missing = !x.has_value();
        if constexpr (std::is_same_v<M, std::optional<std::string>>) missing = missing || is_blank(*x);
      }
      if (missing) out.push_back({path, "required", std::string("The ") + f.name + " field is required."});
    }
    if constexpr (std::is_same_v<M, std::optional<std::string>>) {
      if (f.opts.max_length && x && text_length(*x) > f.opts.max_length) {
        out.push_back({path, "max_length",
                       std::string("The field ") + f.name +
                           " must be a string or array type with a maximum length of '" +
                           std::to_string(f.opts.max_length) + "'."});
      }
    }
    if constexpr (std::is_integral_v<M> && !std::is_same_v<M, bool>) {
      if (insert && f.opts.has(meta::kMustBeZero) && x != 0) {
        out.push_back(
            {path, "must_be_zero", std::string("The field ") + f.name + " must be 0 (for insert operations)."});
      }
    }
    validate_value(x, path, out, insert);
    path.resize(mark);
  });
  if constexpr (has_rules<T>::value) orderkit_rules(v, path, out);
}

template <class T>
void validate_value(const T& v, std::string& path, std::vector<FieldError>& out, bool insert) {
  if constexpr (meta::is_optional_v<T>) {
    if (v) validate_value(*v, path, out, insert);
  } else if constexpr (meta::is_vector_v<T>) {
    if constexpr (meta::is_model_v<typename T::value_type>) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        std::size_t mark = path.size();
        append_segment(path, nullptr, i, true);
        validate_value(v[i], path, out, insert);
        path.resize(mark);
      }
    }
  } else if constexpr (meta::is_model_v<T>) {
    validate_model(v, path, out, insert);
  }
}

template <class T>
std::vector<FieldError> validate_root(const T& v, bool insert) {
  std::vector<FieldError> out;
  std::string path;
  validate_value(v, path, out, insert);
  return out;
}

}  // namespace orderkit::codec
