#pragma once
// Defines the public codec templates and instantiates them for one model and its collection.
// Each API's translation units expand these for every model in the API's model list, so the
// templates compile once, inside the library, and the public headers stay free of JSON/XML code.
#include "codec/json_read.hpp"
#include "codec/json_write.hpp"
#include "codec/sample.hpp"
#include "codec/validate.hpp"
#include "codec/xml_read.hpp"
#include "codec/xml_write.hpp"

namespace orderkit {

template <class T>
std::string to_json(const T& value, Layout layout) {
  return codec::json::encode(value, layout);
}
template <class T>
Result<T> from_json(std::string_view text) {
  return codec::json::decode<T>(text);
}
template <class T>
std::vector<FieldError> validate(const T& value) {
  // Insert-only rules apply to the models the pages document as request bodies.
  return codec::validate_root(value, codec::documented_as_request(meta::info<meta::item_t<T>>()));
}
template <class T>
T documented_sample(Role role) {
  return codec::sample_root<T>(role);
}
namespace detail {
template <class T>
std::string xml_encode(const T& value, Layout layout) {
  return codec::xml::encode(value, layout);
}
template <class T>
Result<T> xml_decode(std::string_view text, std::vector<FieldError>* dropped) {
  return codec::xml::decode<T>(text, dropped);
}
}  // namespace detail

}  // namespace orderkit

#define ORDERKIT_INSTANTIATE_JSON(T)                                                               \
  template std::string orderkit::to_json<T>(const T&, orderkit::Layout);                           \
  template std::string orderkit::to_json<std::vector<T>>(const std::vector<T>&, orderkit::Layout); \
  template orderkit::Result<T> orderkit::from_json<T>(std::string_view);                           \
  template orderkit::Result<std::vector<T>> orderkit::from_json<std::vector<T>>(std::string_view);

#define ORDERKIT_INSTANTIATE_XML(T)                                                                                   \
  template std::string orderkit::detail::xml_encode<T>(const T&, orderkit::Layout);                                   \
  template std::string orderkit::detail::xml_encode<std::vector<T>>(const std::vector<T>&, orderkit::Layout);         \
  template orderkit::Result<T> orderkit::detail::xml_decode<T>(std::string_view, std::vector<orderkit::FieldError>*); \
  template orderkit::Result<std::vector<T>> orderkit::detail::xml_decode<std::vector<T>>(                             \
      std::string_view, std::vector<orderkit::FieldError>*);

#define ORDERKIT_INSTANTIATE_SUPPORT(T)                                                                 \
  template std::vector<orderkit::FieldError> orderkit::validate<T>(const T&);                           \
  template std::vector<orderkit::FieldError> orderkit::validate<std::vector<T>>(const std::vector<T>&); \
  template T orderkit::documented_sample<T>(orderkit::Role);                                            \
  template std::vector<T> orderkit::documented_sample<std::vector<T>>(orderkit::Role);
