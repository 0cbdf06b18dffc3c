#include "wire.hpp"

namespace orderkit::mock {

std::optional<Wire> wire_of(std::string_view media_type) {
  if (media_type == "application/json" || media_type == "text/json") return Wire::json;
  if (media_type == "application/xml" || media_type == "text/xml") return Wire::xml;
  if (media_type == "text/html") return Wire::html;
  if (media_type == "application/x-www-form-urlencoded") return Wire::form;
  return std::nullopt;
}

}  // namespace orderkit::mock
