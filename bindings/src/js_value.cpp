// The scalar conversions from JavaScript values, with their error messages.
#include "js_value.hpp"

namespace orderkit::bindings {

std::string Reader::describe(const val& v) {
  if (v.isNull()) return "null";
  if (v.isUndefined()) return "undefined";
  if (v.isArray()) return "an array";
  const std::string type = v.typeOf().as<std::string>();
  if (type == "number" || type == "boolean") return type + " " + val::global("String")(v).as<std::string>();
  if (type == "string") return "string";
  return type;
}

void integer_from_js(const val& v, double min, double max, double& out, Reader& r) {
  if (!v.isNumber()) {
    r.fail("an integer", v);
    return;
  }
  const double d = v.as<double>();
  if (!std::isfinite(d) || std::floor(d) != d) {
    r.fail("an integer", v);
  } else if (d < min || d > max) {
    r.errors.push_back(
        {r.path, "range", "integer out of range for a 32-bit integer: " + val::global("String")(v).as<std::string>()});
  } else {
    out = d;
  }
}

void decimal_from_js(const val& v, Decimal& out, Reader& r) {
  std::string text;
  if (v.isString()) {
    text = v.as<std::string>();
  } else if (v.isNumber() && std::isfinite(v.as<double>())) {
    // String(n) is the shortest text that reads back as the same double: 0.1 -> "0.1".
    text = val::global("String")(v).as<std::string>();
  } else {
    r.fail("a decimal number (a string such as \"12.50\", or a number)", v);
    return;
  }
  if (auto d = Decimal::parse(text)) {
    out = *d;
  } else {
    r.invalid("not a decimal number that fits .NET decimal: \"" + text + "\"");
  }
}

void datetime_from_js(const val& v, DateTime& out, Reader& r) {
  std::string text;
  if (v.isString()) {
    text = v.as<std::string>();
  } else if (v.instanceof (val::global("Date"))) {
    if (!std::isfinite(v.call<double>("getTime"))) {
      r.invalid("invalid Date");
      return;
    }
    text = v.call<std::string>("toISOString");
  } else {
    r.fail("a date (an ISO 8601 string or a Date)", v);
    return;
  }
  if (auto d = DateTime::parse(text)) {
    out = *d;
  } else {
    r.invalid("not an ISO 8601 date: \"" + text + "\"");
  }
}

void guid_from_js(const val& v, Guid& out, Reader& r) {
  if (!v.isString()) {
    r.fail("a GUID string", v);
    return;
  }
  const std::string text = v.as<std::string>();
  if (auto g = Guid::parse(text)) {
    out = *g;
  } else {
    r.invalid("not a GUID: \"" + text + "\"");
  }
}

}  // namespace orderkit::bindings
