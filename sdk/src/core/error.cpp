#include "orderkit/core/error.hpp"

namespace orderkit {

std::string to_string(const FieldError& error) {
  return error.path.empty() ? error.message : error.path + ": " + error.message;
}

std::string to_string(const std::vector<FieldError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += '\n';
    out += to_string(e);
  }
  return out;
}

DecodeError::DecodeError(std::vector<FieldError> errors)
    : std::runtime_error(errors.empty() ? std::string("decode failed") : to_string(errors)),
      errors_(std::move(errors)) {}

}  // namespace orderkit
