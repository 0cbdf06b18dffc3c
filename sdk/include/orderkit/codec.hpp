#pragma once
// Encoding, decoding, validation and documented samples for every model (and for a collection of
// a model, std::vector<Model>, as 002 answers). All are pure functions; the JSON and XML libraries
// stay inside the implementation.
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/core/error.hpp"
#include "orderkit/core/format.hpp"
#include "orderkit/core/meta.hpp"

namespace orderkit {

/// Whitespace of the written text: indented as the servers' samples show, or compact (no
/// whitespace between tokens, as 002's text/html sample).
enum class Layout : std::uint8_t { indented, compact };

/// Which side of the call a documented sample belongs to (000 shows different GUIDs and dates on
/// its request and response samples).
enum class Role : std::uint8_t { request, response };

/// Writes JSON exactly as the API's server (Newtonsoft) writes it: declaration order, decimals
/// with a decimal point ("5.0"), null for a missing nullable.
template <class T>
std::string to_json(const T& value, Layout layout = Layout::indented);

/// Reads JSON. Unknown members are ignored (as ASP.NET does); anything else that does not fit the
/// model is an error naming the path ("OrderDetails[1].OrderDetail.SimTypeId: expected integer,
/// got string"). Never throws.
template <class T>
Result<T> from_json(std::string_view text);

/// Whether the help page of T's API documents an XML format for T (T: a model, a collection of
/// one, or an optional of either). A model that travels in the URI has no body, so no XML.
template <class T>
constexpr bool has_xml() {
  using M = meta::unwrap_optional_t<T>;
  if constexpr (meta::is_vector_v<M>) {
    return has_xml<typename M::value_type>();
  } else {
    return meta::info<M>().api->xml != meta::XmlStyle::none && meta::info<M>().has_body;
  }
}

namespace detail {
template <class T>
std::string xml_encode(const T& value, Layout layout);
template <class T>
Result<T> xml_decode(std::string_view text, std::vector<FieldError>* dropped);
}  // namespace detail

/// Writes XML as the API's serializer does (DataContractSerializer for 002, XmlSerializer for 001
/// and 003): element order, namespaces, prefixes and nil as the page's samples show.
template <class T>
std::string to_xml(const T& value, Layout layout = Layout::indented) {
  static_assert(has_xml<T>(), "this model's help page documents no XML format");
  return detail::xml_encode<T>(value, layout);
}

/// Reads XML; checks the root element and namespaces. Errors as for from_json. A member the
/// server's serializer drops without an error is dropped here too: DataContractSerializer (002)
/// reads members only in contract order, so an element after a later-ordered member is lost.
template <class T>
Result<T> from_xml(std::string_view text) {
  static_assert(has_xml<T>(), "this model's help page documents no XML format");
  return detail::xml_decode<T>(text, nullptr);
}

/// The same, naming each member it dropped in `dropped` (code "out_of_order"; the path as for
/// errors), so that a tool can say what the server would have lost.
template <class T>
Result<T> from_xml(std::string_view text, std::vector<FieldError>& dropped) {
  static_assert(has_xml<T>(), "this model's help page documents no XML format");
  return detail::xml_decode<T>(text, &dropped);
}

/// Reads `text` in `format`: XML where T's page documents it; asking for XML of a model whose
/// page documents none is an error (field "format"), not a JSON read. Members dropped as the
/// server drops them (from_xml) are named in `dropped` when it is given.
template <class T>
Result<T> decode(std::string_view text, Format format, std::vector<FieldError>* dropped = nullptr) {
  (void)dropped;  // JSON drops nothing the server keeps
  if constexpr (has_xml<T>()) {
    if (format == Format::xml) return detail::xml_decode<T>(text, dropped);
  } else if (format == Format::xml) {
    return std::vector<FieldError>{
        {"", "format",
         std::string("the ") + meta::info<meta::item_t<T>>().api->id + " API documents no XML format for this model"}};
  }
  return from_json<T>(text);
}

/// Writes `value` in `format`; JSON for a model whose page documents no XML.
template <class T>
std::string encode(const T& value, Format format, Layout layout = Layout::indented) {
  if constexpr (has_xml<T>()) {
    if (format == Format::xml) return to_xml(value, layout);
  }
  return to_json(value, layout);
}

/// Checks the rules in the help pages' "Additional information" (required, max length, "Must be
/// 0") and the model's own rules (001: from and till both or neither). Returns every failure.
/// Insert-only rules ("Must be 0 (for insert operations)") apply only to models the pages document
/// as request bodies: 001's OrderBase is a response, and its sample's Id 1 is valid.
template <class T>
std::vector<FieldError> validate(const T& value);

/// The sample the help page documents for this model, rebuilt from the field list the way the
/// help page generator builds it (see docs/models.md).
template <class T>
T documented_sample(Role role = Role::request);

}  // namespace orderkit
