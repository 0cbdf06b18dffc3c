#pragma once
// The answers the request path writes itself (as opposed to an endpoint's): ASP.NET-style error
// messages and small JSON documents.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "body_format.hpp"
#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

/// "application/json; charset=utf-8": the Content-Type of every text answer.
std::string content_type(std::string_view media_type);

/// An HttpError answer with `status`: {"Message": text, ...extra} in JSON or XML.
MockResponse message(int status, std::string_view text, BodyFormat wire = BodyFormat::json,
                     const std::vector<std::pair<std::string, std::string>>& extra = {});

/// A JSON answer (the admin routes').
MockResponse json_response(int status, std::string body);

/// 405 with the route's methods in Allow.
MockResponse method_not_allowed(const std::string& method, const std::string& allowed);

}  // namespace orderkit::mock
