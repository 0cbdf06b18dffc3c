#include "codec/json_write.hpp"

namespace orderkit::codec::json {

void Writer::key(const std::string& quoted_key_colon) {
  item();
  out_ += quoted_key_colon;
}

// Escapes as Newtonsoft's default StringEscapeHandling (text::append_json_escaped).
void Writer::string(std::string_view s) {
  out_.push_back('"');
  text::append_json_escaped(out_, s);
  out_.push_back('"');
}

}  // namespace orderkit::codec::json
