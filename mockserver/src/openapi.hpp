#pragma once
// The OpenAPI 3.0 document of the served APIs, generated from the SDK's field lists.
#include <string>

#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

/// The document for the APIs and paths `options` serves.
std::string openapi_document(const MockOptions& options);

}  // namespace orderkit::mock
