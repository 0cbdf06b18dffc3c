#pragma once
// Reads XML in one pass with the pull tokenizer (xml_pull.hpp) straight into the structs, led by
// the decoding plans, resolving namespaces so that the root, member and item namespaces are
// checked. No tree is built, and every text is processed once, when it is read.
#include <string_view>

#include "codec/decode_node.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::codec::xml {

struct RootSpec {
  std::string name;    // expected root element
  const char* ns;      // its namespace
  bool data_contract;  // DataContractSerializer rules (namespaces checked on members and items)
};

/// Decodes `text` into `target` (a model, or a vector of models for an ArrayOf root). Members the
/// server's serializer would drop without an error (DataContract members out of contract order)
/// are dropped too, and named in `dropped` when it is given.
std::vector<FieldError> decode(std::string_view text, const RootSpec& spec, const Node& root, void* target,
                               std::vector<FieldError>* dropped);

template <class T>
Result<T> decode(std::string_view text, std::vector<FieldError>* dropped) {
  using Item = meta::item_t<T>;
  constexpr const meta::ModelInfo& info = meta::info<Item>();
  bool dc = info.api->xml == meta::XmlStyle::data_contract;
  RootSpec spec{meta::is_vector_v<T> ? std::string("ArrayOf") + info.xml_name : std::string(info.xml_name),
                dc ? info.xml_ns : "", dc};
  T value{};
  auto errors = decode(text, spec, NodeOf<T>::node, &value, dropped);
  if (!errors.empty()) return errors;
  return value;
}

}  // namespace orderkit::codec::xml
