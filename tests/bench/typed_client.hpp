#pragma once
// Baseline for comparison, not part of the SDK: the usual way a typed client uses nlohmann/json.
// Decoding parses the text into nlohmann's DOM and then copies the DOM into the structs with
// get<>(); encoding builds a DOM from the structs and dumps it. The mapping walks OrderKit's field
// list instead of naming every member by hand, but does per field what a hand-written
// from_json/to_json pair does (a key lookup in the DOM object and a get<>(), or an insertion),
// so it costs the same.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/mobile/models.hpp"

namespace orderkit::bench::typed_client {

/// DOM parse, then map. Returns the number of orders read.
std::size_t decode(std::string_view json, mobile::OrderCreationRequest& out);
std::size_t decode(std::string_view json, std::vector<mobile::OrderCreationRequest>& out);

/// Struct -> DOM -> dump, indented with two spaces or compact.
std::string encode(const mobile::OrderCreationRequest& order, bool indented);
std::string encode(const std::vector<mobile::OrderCreationRequest>& orders, bool indented);

}  // namespace orderkit::bench::typed_client
