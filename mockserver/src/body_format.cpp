#include "body_format.hpp"

namespace orderkit::mock {

std::optional<BodyFormat> body_format_of(std::string_view media_type) {
  if (media_type == "application/json" || media_type == "text/json") return BodyFormat::json;
  if (media_type == "application/xml" || media_type == "text/xml") return BodyFormat::xml;
  if (media_type == "text/html") return BodyFormat::html;
  if (media_type == "application/x-www-form-urlencoded") return BodyFormat::form;
  return std::nullopt;
}

}  // namespace orderkit::mock
