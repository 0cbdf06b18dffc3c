#include "codec/json_read.hpp"

#include <string>
#include <vector>

#include "codec/json_decoder.hpp"
#include "codec/json_reader.hpp"

namespace orderkit::codec::json {
namespace {

// "OrderRequest", "array of OrderDetailResult": what the body should have held.
std::string expected_document(const Node& root) {
  const Node* node = &root;
  if (node->kind == Node::kOptional) node = node->inner;
  if (node->kind == Node::kArray) return "array of " + expected_document(*node->inner);
  if (node->kind == Node::kObject) return node->object->info->name;
  return node->expected;
}

bool only_space(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  for (char c : text)
    if (!reading::is_space(c)) return false;
  return true;
}

}  // namespace

std::vector<FieldError> decode(std::string_view text, const Node& root, void* target) {
  Decoder decoder(root, target);
  // An empty body is a common client mistake: say so, and what was expected, rather than
  // "end of input at line 1".
  if (only_space(text)) {
    decoder.syntax_error("the body is empty; expected a JSON " + expected_document(root));
    return decoder.finish(false);
  }
  bool ok = reading::Reader<Decoder>(text, decoder).run();
  return decoder.finish(!ok);
}

}  // namespace orderkit::codec::json
