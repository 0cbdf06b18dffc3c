#pragma once
// The one result shape every binding returns: { value } on success, { error } otherwise, where
// error is a ClientError as a plain object ({ kind, code, message, failures: [{path, code,
// message}], ... }). The JS wrapper turns every { error } into an Error subclass with one
// function (wasm/js/result.mjs). Nothing throws across the boundary: guarded() turns any C++
// exception into an error result, so a bad call leaves the module usable.
#include <emscripten/val.h>

#include <exception>
#include <new>
#include <string>
#include <vector>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::bindings {

using emscripten::val;

/// [{path, code, message}] as plain objects.
val errors_to_js(const std::vector<FieldError>& errors);

/// { value: v }
val ok(val v);

/// { error: e }
val failed(const ClientError& e);

/// { error: { kind: 'decode', code: 'decode_failed', failures } }: text or an object that does
/// not fit the model.
val failed(const std::vector<FieldError>& errors);

/// Calls f() and returns its result, or an error result for an exception it throws.
template <class F>
val guarded(F&& f) {
  std::string message;
  try {
    return f();
  } catch (const DecodeError& e) {
    return failed(e.errors());
  } catch (const std::bad_alloc&) {
    message = "out of memory";
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
    message = "unknown error";
  }
  ClientError internal;
  internal.kind = ErrorKind::validation;
  internal.code = "internal";
  internal.message = message;
  return failed(internal);
}

}  // namespace orderkit::bindings
