#pragma once
// The result objects every binding returns: { value } or { errors: [{path, code, message}] }.
// Nothing throws across the boundary: guarded() turns any C++ exception into an error result,
// so a bad call leaves the module usable.
#include <emscripten/val.h>

#include <exception>
#include <new>
#include <string>
#include <vector>

#include "orderkit/core/error.hpp"

namespace orderkit::bindings {

using emscripten::val;

/// [{path, code, message}] as plain objects.
val errors_to_js(const std::vector<FieldError>& errors);

/// { value: v }
val ok(val v);

/// { errors: [...] }
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
  return failed({{"", "internal", message}});
}

}  // namespace orderkit::bindings
