#include "answers.hpp"

#include "errors.hpp"

namespace orderkit::mock {

std::string content_type(std::string_view media_type) { return std::string(media_type) + "; charset=utf-8"; }

MockResponse message(int status, std::string_view text, BodyFormat wire,
                     const std::vector<std::pair<std::string, std::string>>& extra) {
  MockResponse r;
  r.status = status;
  r.body = error_body(text, wire, extra);
  r.headers.emplace("Content-Type", content_type(wire == BodyFormat::xml ? "application/xml" : "application/json"));
  return r;
}

MockResponse json_response(int status, std::string body) {
  MockResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers.emplace("Content-Type", content_type("application/json"));
  return r;
}

MockResponse method_not_allowed(const std::string& method, const std::string& allowed) {
  MockResponse r = message(405, "The requested resource does not support http method '" + method + "'.");
  r.headers.emplace("Allow", allowed);
  return r;
}

}  // namespace orderkit::mock
