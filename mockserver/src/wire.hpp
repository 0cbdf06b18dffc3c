#pragma once
// How a body travels: the documented media types and the SDK codec each one maps to.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "orderkit/codec.hpp"
#include "form.hpp"
#include "orderkit/registry.hpp"

namespace orderkit::mock {

/// The writer behind a documented media type. 002's text/html is JSON without whitespace, as its
/// page shows.
enum class Wire : std::uint8_t { json, xml, html, form };

/// "application/json" and "text/json" -> json, "application/xml" and "text/xml" -> xml,
/// "text/html" -> html, "application/x-www-form-urlencoded" -> form (requests only); nothing for
/// anything else.
std::optional<Wire> wire_of(std::string_view media_type);

/// The decoder for a request body written in `wire`.
inline Format format_of(Wire wire) { return wire == Wire::xml ? Format::xml : Format::json; }

/// Decodes a body with the SDK (T: a model or std::vector of one).
template <class T>
Result<T> decode(std::string_view text, Wire wire) {
  if constexpr (!meta::is_vector_v<T>) {
    if (wire == Wire::form) return from_json<T>(form_to_json<T>(text));
  }
  return orderkit::decode<T>(text, format_of(wire));
}

/// Encodes a value with the SDK: indented JSON or XML as the pages show, compact JSON for html.
template <class T>
std::string encode(const T& value, Wire wire) {
  return orderkit::encode(value, format_of(wire), wire == Wire::html ? Layout::compact : Layout::indented);
}

}  // namespace orderkit::mock
