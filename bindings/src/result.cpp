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

namespace {
val headers_to_js(const Headers& headers) {
  val out = val::array();
  for (std::size_t i = 0; i < headers.size(); ++i) {
    val pair = val::array();
    pair.set(0, val(headers[i].first));
    pair.set(1, val(headers[i].second));
    out.set(i, pair);
  }
  return out;
}
}  // namespace

val ok(val v) {
  val out = val::object();
  out.set("value", v);
  return out;
}

val failed(const ClientError& e) {
  val error = val::object();
  error.set("kind", val(to_string(e.kind)));
  error.set("code", val(e.code));
  error.set("message", val(e.message));
  error.set("requestId", val(e.request_id));
  error.set("attempts", val(e.attempts));
  error.set("status", val(e.status));
  error.set("reason", val(e.reason));
  error.set("headers", headers_to_js(e.headers));
  error.set("serverMessage", val(e.server_message));
  val model_state = val::object();
  for (const auto& [path, messages] : e.model_state) model_state.set(path, val::array(messages));
  error.set("modelState", model_state);
  error.set("body", val(e.body));
  error.set("transport", val(to_string(e.transport)));
  error.set("failures", errors_to_js(e.field_errors));
  val out = val::object();
  out.set("error", error);
  return out;
}

val failed(const std::vector<FieldError>& errors) {
  ClientError e;
  e.kind = ErrorKind::decode;
  e.code = "decode_failed";
  e.field_errors = errors;
  return failed(e);
}

}  // namespace orderkit::bindings
