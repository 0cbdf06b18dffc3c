#pragma once
// The XML decoder the SDK had before its pull reader (tinyxml2's DOM, then a walk with the same
// decoding plans), as the oracle of the differential test: wherever tinyxml2 accepts a
// document, the pull reader must decode the same value or report the same errors.
#include <string_view>
#include <vector>

#include "codec/xml_read.hpp"

namespace orderkit::test::oracle {

/// Decodes `text` into `target` as the DOM reader did.
std::vector<FieldError> decode(std::string_view text, const codec::xml::RootSpec& spec, const codec::Node& root,
                               void* target);

/// The DOM reader's from_xml<T>.
template <class T>
Result<T> from_xml(std::string_view text) {
  using Item = meta::item_t<T>;
  constexpr const meta::ModelInfo& info = meta::info<Item>();
  bool dc = info.api->xml == meta::XmlStyle::data_contract;
  codec::xml::RootSpec spec{meta::is_vector_v<T> ? std::string("ArrayOf") + info.xml_name : std::string(info.xml_name),
                            dc ? info.xml_ns : "", dc};
  T value{};
  auto errors = oracle::decode(text, spec, codec::NodeOf<T>::node, &value);
  if (!errors.empty()) return errors;
  return value;
}

}  // namespace orderkit::test::oracle
