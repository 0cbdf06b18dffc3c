#pragma once
// A request body decoded as its endpoint's request model, once per request: the stub matcher
// decodes it when a stub matches on the body, and the endpoint then takes it instead of decoding
// the body again.
#include <any>
#include <vector>

#include "orderkit/core/error.hpp"

namespace orderkit::mock {

struct DecodedBody {
  bool tried = false;
  std::any value;                   // the model, when it decoded
  std::vector<FieldError> errors;   // why it did not
  std::vector<FieldError> dropped;  // what the real server would have dropped without an error
};

}  // namespace orderkit::mock
