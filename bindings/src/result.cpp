#include "result.hpp"

namespace orderkit::bindings {

val errors_to_js(const std::vector<FieldError>& errors) {
  val out = val::array();
  for (std::size_t i = 0; i < errors.size(); ++i) {
    val e = val::object();
    e.set("path", val(errors[i].path));
    e.set("code", val(errors[i].code));
    e.set("message", val(errors[i].message));
    out.set(i, e);
  }
  return out;
}

val ok(val v) {
  val out = val::object();
  out.set("value", v);
  return out;
}

val failed(const std::vector<FieldError>& errors) {
  val out = val::object();
  out.set("errors", errors_to_js(errors));
  return out;
}

}  // namespace orderkit::bindings
