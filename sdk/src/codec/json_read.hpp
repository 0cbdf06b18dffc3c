#pragma once
// Reads JSON in one pass straight into the structs (json_read.cpp), without a DOM.
#include <string_view>

#include "codec/decode_node.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::codec::json {

/// Decodes `text` into the object at `target` described by `root`; returns the errors.
std::vector<FieldError> decode(std::string_view text, const Node& root, void* target);

template <class T>
Result<T> decode(std::string_view text) {
  T value{};
  auto errors = decode(text, NodeOf<T>::node, &value);
  if (!errors.empty()) return errors;
  return value;
}

}  // namespace orderkit::codec::json
