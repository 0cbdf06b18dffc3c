#include "cors.hpp"

#include "text.hpp"

namespace orderkit::mock {

namespace {

// The headers a browser page using the SDK sends (preflight) and may read (expose).
constexpr std::string_view kSdkHeaders =
    "Content-Type, Accept, Authorization, X-Request-Id, Idempotency-Key, X-Api-Key, X-Mock-Status, "
    "X-Mock-Delay-Ms, X-Mock-Fail-Times, X-Mock-Fail-Key";
constexpr const char* kExposeHeaders = "X-Request-Id, Idempotency-Replayed, Allow, Retry-After, X-Mock-Warning";
// A page asking for more than this many headers gets the SDK's alone.
constexpr std::size_t kMaxRequestedHeaders = 64;

// RFC 9110 5.1: a field name is a token.
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) return false;
  }
  return true;
}

bool listed(std::string_view list, std::string_view name) {
  for (std::string_view entry : split(list, ','))
    if (iequals(trim(entry), name)) return true;
  return false;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> cors_headers(const MockOptions& o) {
  if (o.cors_origin.empty()) return {};
  std::vector<std::pair<std::string, std::string>> out = {{"Access-Control-Allow-Origin", o.cors_origin},
                                                          {"Access-Control-Expose-Headers", kExposeHeaders}};
  if (o.cors_origin != "*") out.emplace_back("Vary", "Origin");
  return out;
}

std::string allowed_request_headers(std::string_view requested) {
  std::string out(kSdkHeaders);
  const std::vector<std::string_view> names = split(requested, ',');
  if (names.size() > kMaxRequestedHeaders) return out;
  for (std::string_view name : names) {
    name = trim(name);
    if (is_token(name) && !listed(out, name)) out.append(", ").append(name);
  }
  return out;
}

}  // namespace orderkit::mock
