#include "openapi.hpp"

namespace orderkit::mock {

std::string openapi_document(const MockOptions&) {
  return R"({"openapi":"3.0.3","info":{"title":"OrderKit mock","version":"0"},"paths":{}})";
}

}  // namespace orderkit::mock
