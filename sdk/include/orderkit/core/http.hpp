#pragma once
// The HTTP vocabulary of the sans-IO core: plain aggregates that operations build and parse and
// that every transport (cpp-httplib, browser fetch, a test fake) carries. No sockets here.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orderkit {

/// Header fields in the order they are sent or received; names compare case-insensitively.
using Headers = std::vector<std::pair<std::string, std::string>>;

/// One HTTP request, with an absolute URL ("http://host:port/base/api/orders?x=y").
struct HttpRequest {
  std::string method;  // "POST"
  std::string url;
  Headers headers;
  std::string body;
};

/// One HTTP response as received.
struct HttpResponse {
  int status = 0;
  std::string reason;  // "Bad Request"; may be empty (HTTP/2, some transports)
  Headers headers;
  std::string body;
};

/// Compares two header names (or any ASCII text) ignoring case.
bool iequals(std::string_view a, std::string_view b) noexcept;

/// The value of the first header called `name` (any case), or nullptr.
const std::string* find_header(const Headers& headers, std::string_view name) noexcept;

/// Replaces every header called `name` (any case) with one `name: value`, appended at the end.
void set_header(Headers& headers, std::string_view name, std::string value);

/// Adds `name: value` unless a header of that name is already present.
void add_header_if_absent(Headers& headers, std::string_view name, std::string value);

/// Percent-encodes text for a URI query value or path segment (RFC 3986 unreserved kept).
std::string url_encode(std::string_view text);

/// The standard reason phrase of a status code ("Service Unavailable"), or "" when unknown.
const char* reason_phrase(int status) noexcept;

/// The media type of a Content-Type value without parameters, lower case
/// ("application/json; charset=utf-8" -> "application/json").
std::string media_type(std::string_view content_type);

}  // namespace orderkit
