#pragma once
// How a body travels: the documented media types and the SDK codec each one maps to. The mock's
// BodyFormat is wider than the SDK's orderkit::Format (json, xml): it adds the pages' text/html and
// form-urlencoded bodies, which the SDK reads and writes as JSON.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "form.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/registry.hpp"

namespace orderkit::mock {

/// The writer (and reader) behind a documented media type. 002's text/html is JSON without whitespace, as its
/// page shows.
enum class BodyFormat : std::uint8_t { json, xml, html, form };

/// "application/json" and "text/json" -> json, "application/xml" and "text/xml" -> xml,
/// "text/html" -> html, "application/x-www-form-urlencoded" -> form (requests only); nothing for
/// anything else.
std::optional<BodyFormat> body_format_of(std::string_view media_type);

/// The decoder for a request body written in `wire`.
inline Format codec_format_of(BodyFormat wire) { return wire == BodyFormat::xml ? Format::xml : Format::json; }

/// Decodes a body with the SDK (T: a model or std::vector of one). Members the server's
/// serializer would drop without an error are dropped, and named in `dropped` when it is given.
template <class T>
Result<T> decode(std::string_view text, BodyFormat wire, std::vector<FieldError>* dropped = nullptr) {
  if constexpr (!meta::is_vector_v<T>) {
    if (wire == BodyFormat::form) return from_json<T>(form_to_json<T>(text));
  }
  return orderkit::decode<T>(text, codec_format_of(wire), dropped);
}

/// Encodes a value with the SDK: indented JSON or XML as the pages show, compact JSON for html.
template <class T>
std::string encode(const T& value, BodyFormat wire) {
  return orderkit::encode(value, codec_format_of(wire), wire == BodyFormat::html ? Layout::compact : Layout::indented);
}

}  // namespace orderkit::mock
