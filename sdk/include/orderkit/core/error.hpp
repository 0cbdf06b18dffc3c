#pragma once
// Errors that name where they happened. Every decode and validation failure is a FieldError with
// the field path as ASP.NET's ModelState spells it ("OrderDetails[1].OrderDetail.SimTypeId"), a
// stable code listed in docs/errors.md, and a message saying what was expected.
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace orderkit {

/// One failure at one place in a document or model.
struct FieldError {
  std::string path;     // "" for the document itself
  std::string code;     // e.g. "type", "syntax", "required"; see docs/errors.md
  std::string message;  // e.g. "expected integer, got string"
};

/// Formats as "path: message" (or just the message for the document root).
std::string to_string(const FieldError& error);
/// Joins errors one per line.
std::string to_string(const std::vector<FieldError>& errors);

/// Thrown by Result<T>::value() when it holds errors.
class DecodeError : public std::runtime_error {
 public:
  explicit DecodeError(std::vector<FieldError> errors);
  const std::vector<FieldError>& errors() const noexcept { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

/// A value or the errors that prevented it, for callers who do not use exceptions.
template <class T>
class Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(std::vector<FieldError> errors) : state_(std::in_place_index<1>, std::move(errors)) {}

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  /// The value; throws DecodeError when there is none.
  T& value() & {
    check();
    return std::get<0>(state_);
  }
  const T& value() const& {
    check();
    return std::get<0>(state_);
  }
  T&& value() && {
    check();
    return std::get<0>(std::move(state_));
  }

  /// The errors (empty when ok()).
  const std::vector<FieldError>& errors() const noexcept {
    static const std::vector<FieldError> none;
    return ok() ? none : std::get<1>(state_);
  }

 private:
  void check() const {
    if (!ok()) throw DecodeError(std::get<1>(state_));
  }
  std::variant<T, std::vector<FieldError>> state_;
};

}  // namespace orderkit
