#pragma once
// The JSON reader the SDK had before its own: nlohmann's SAX parser driving the same decoder
// (codec/json_decoder.hpp), as the oracle of the differential test: on any document the two must
// decode the same value or report the same errors, and refuse the same documents.
#include <string_view>
#include <vector>

#include "codec/decode_node.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::test::oracle {

/// Decodes `text` into the object at `target` described by `root`, as nlohmann's parser reads it.
std::vector<FieldError> decode_json(std::string_view text, const codec::Node& root, void* target);

/// The nlohmann-driven from_json<T>.
template <class T>
Result<T> from_json(std::string_view text) {
  T value{};
  auto errors = decode_json(text, codec::NodeOf<T>::node, &value);
  if (!errors.empty()) return errors;
  return value;
}

}  // namespace orderkit::test::oracle
