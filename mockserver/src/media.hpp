#pragma once
// Media types: parsing Content-Type and Accept, and choosing a response format the way ASP.NET
// Web API's DefaultContentNegotiator does (q-values, wildcards, then the request's own content
// type, then the first formatter).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orderkit::mock {

/// "type/subtype" (lower case) and its charset parameter (lower case, "" when absent).
struct MediaType {
  std::string type;     // "application/json"
  std::string charset;  // "utf-8"
};

/// Parses a Content-Type header value; nothing when it is not "type/subtype[; params]".
std::optional<MediaType> parse_media_type(std::string_view value);

/// One media range of an Accept header.
struct MediaRange {
  std::string type;     // "text", "*"
  std::string subtype;  // "xml", "*"
  double q = 1.0;
};

/// Parses an Accept header; malformed ranges are skipped (as ASP.NET does).
std::vector<MediaRange> parse_accept(std::string_view value);

/// Chooses among `offered` (media types in formatter order) for `accept`: the best q, then the
/// most specific range, then formatter order. Returns the index of the chosen media type, or
/// nothing when no range accepts any of them (q=0 excludes).
std::optional<std::size_t> negotiate(const std::vector<MediaRange>& accept, const std::vector<std::string>& offered);

}  // namespace orderkit::mock
