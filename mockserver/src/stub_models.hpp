#pragma once
// What stubs need from an endpoint's models, derived from the field lists (meta::visit_type) and
// the SDK's codec, never from a field list of their own:
// - a request body decoded once into the endpoint's request model, shared by the stub matcher
//   and the endpoint (DecodedBody);
// - field paths of that model ("OrderDetails[0].CategoryId") compiled into tests of a decoded
//   value, with the matched value converted to the field's type when the stub is added;
// - a response body given as JSON, decoded and validated as the endpoint's response model (and
//   no member the model lacks), then written in every response format the endpoint has.
#include <any>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include "body_format.hpp"
#include "decoded_body.hpp"
#include "pattern.hpp"

namespace orderkit::mock {

/// Values longer than this never match a "matches" test or a pathPattern. The matcher is linear,
/// but its cost per byte is the pattern's program (up to Pattern::kMaxInstructions), and a body's
/// string field can be as long as the body (docs/mock.md, Stubs, Limits).
constexpr std::size_t kMaxRegexSubject = 4096;

/// One MATCH of a stub: {"equalTo": value}, {"matches": "regex"} or {"present": bool}.
struct MatchSpec {
  enum class Kind : std::uint8_t { equal_to, matches, present };
  Kind kind = Kind::present;
  nlohmann::json value;                  // equal_to's
  std::shared_ptr<const Pattern> regex;  // matches', compiled once when the stub is added
  bool present = true;                   // present's

  /// Whether a string matches (equal_to a string, matches, present).
  bool test_text(const std::string* text) const;
};

/// Whole-match of a subject of at most kMaxRegexSubject bytes.
bool regex_matches(const Pattern& regex, std::string_view subject);

/// A test of a decoded request model (the std::any of DecodedBody).
using BodyTest = std::function<bool(const std::any&)>;

/// A response body written in each of the endpoint's formats.
struct EncodedBodies {
  std::string json, html, xml;
  const std::string& get(BodyFormat wire) const {
    return wire == BodyFormat::xml ? xml : wire == BodyFormat::html ? html : json;
  }
};

/// The operations on one endpoint's models (typed_models<Req, Resp>()).
struct StubModels {
  /// Decodes a request body (`format` from the request's Content-Type).
  void (*decode_request)(std::string_view body, BodyFormat format, DecodedBody& out);
  /// Compiles a field path of the request model and its MATCH; returns "" or why not (naming the path).
  std::string (*compile_match)(const std::string& path, const MatchSpec& match, BodyTest& out);
  /// Checks a response body against the response model; returns "" or "PATH: why" (PATH relative
  /// to the body, "" for the body itself).
  std::string (*encode_response)(const nlohmann::json& body, EncodedBodies& out);
};

namespace stub_detail {

/// One step of a field path: a member name or a collection index.
struct PathStep {
  std::string name;  // empty for an index
  std::size_t index = 0;
};

/// Splits "OrderDetails[0].OrderDetail.SimTypeId" into steps; "" and the error when malformed.
std::string parse_path(const std::string& path, std::vector<PathStep>& out);

/// "OrderDetails[0]" for the first `n` steps.
std::string path_prefix(const std::vector<PathStep>& steps, std::size_t n);

/// The test at the end of a path: `value` null when the field is absent or null.
template <class S>
std::function<bool(const S*)> leaf_test(const MatchSpec& m, const std::string& where, std::string& error);

// A presence-only test (a model, a collection): equalTo null, or present.
inline std::function<bool(bool)> presence_test(const MatchSpec& m, const std::string& where, const char* what,
                                               std::string& error) {
  if (m.kind == MatchSpec::Kind::present) return [want = m.present](bool has) { return has == want; };
  if (m.kind == MatchSpec::Kind::equal_to && m.value.is_null()) return [](bool has) { return !has; };
  error = where + ": " + what + " takes {\"present\": true|false} or {\"equalTo\": null} only";
  return {};
}

// The typed value an equalTo compares with, converted when the stub is added.
struct ToScalar {
  const nlohmann::json& v;
  std::string& error;
  const std::string& where;
  template <class I>
  std::function<bool(const I*)> operator()(meta::kind::integer<I>) const {
    if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX)) {
      error = where + ": expected an integer, got " + v.dump();
      return {};
    }
    const std::int64_t n = v.get<std::int64_t>();
    if (n < static_cast<std::int64_t>(std::numeric_limits<I>::min()) ||
        n > static_cast<std::int64_t>(std::numeric_limits<I>::max())) {
      error = where + ": " + v.dump() + " is out of the field's range";
      return {};
    }
    return [want = static_cast<I>(n)](const I* x) { return x && *x == want; };
  }
  template <class E>
  std::function<bool(const E*)> operator()(meta::kind::enumeration<E>) const {
    if (!v.is_number_integer()) {
      error = where + ": expected the enum's integer value, got " + v.dump();
      return {};
    }
    return [want = static_cast<E>(v.get<std::int64_t>())](const E* x) { return x && *x == want; };
  }
  std::function<bool(const bool*)> operator()(meta::kind::boolean) const {
    if (!v.is_boolean()) {
      error = where + ": expected true or false, got " + v.dump();
      return {};
    }
    return [want = v.get<bool>()](const bool* x) { return x && *x == want; };
  }
  std::function<bool(const Decimal*)> operator()(meta::kind::decimal) const {
    // A number as its shortest round-trip text, or a string: compared by value ("5" == "5.00").
    std::optional<Decimal> d;
    if (v.is_number()) d = Decimal::parse(v.dump());
    else if (v.is_string()) d = Decimal::parse(v.get<std::string>());
    if (!d) {
      error = where + ": expected a decimal number, got " + v.dump();
      return {};
    }
    return [want = *d](const Decimal* x) { return x && *x == want; };
  }
  std::function<bool(const DateTime*)> operator()(meta::kind::datetime) const {
    std::optional<DateTime> d;
    if (v.is_string()) d = DateTime::parse(v.get<std::string>());
    if (!d) {
      error = where + ": expected a date as the API writes it (\"2025-04-28T00:58:52.698315+02:00\"), got " + v.dump();
      return {};
    }
    return [want = *d](const DateTime* x) { return x && *x == want; };
  }
  std::function<bool(const Guid*)> operator()(meta::kind::guid) const {
    std::optional<Guid> g;
    if (v.is_string()) g = Guid::parse(v.get<std::string>());
    if (!g) {
      error = where + ": expected a GUID, got " + v.dump();
      return {};
    }
    return [want = *g](const Guid* x) { return x && *x == want; };
  }
  std::function<bool(const std::string*)> operator()(meta::kind::string) const {
    if (!v.is_string()) {
      error = where + ": expected a string, got " + v.dump();
      return {};
    }
    return [want = v.get<std::string>()](const std::string* x) { return x && *x == want; };
  }
};

template <class S>
std::function<bool(const S*)> leaf_test(const MatchSpec& m, const std::string& where, std::string& error) {
  switch (m.kind) {
    case MatchSpec::Kind::present: return [want = m.present](const S* x) { return (x != nullptr) == want; };
    case MatchSpec::Kind::matches:
      if constexpr (std::is_same_v<S, std::string>) {
        return [re = m.regex](const std::string* x) { return x && regex_matches(*re, *x); };
      } else {
        error = where + ": \"matches\" applies to string fields; this one is " + meta::type_name<S>();
        return {};
      }
    case MatchSpec::Kind::equal_to:
      if (m.value.is_null()) return [](const S* x) { return x == nullptr; };
      return meta::visit_type<S>(ToScalar{m.value, error, where});
  }
  return {};
}

// Compiles steps[i..] of a path on a value of type T into a test of a T (nullptr: absent or null).
template <class T>
std::function<bool(const T*)> compile(const std::vector<PathStep>& steps, std::size_t i, const MatchSpec& m,
                                      std::string& error);

template <class T>
struct Compile {
  const std::vector<PathStep>& steps;
  std::size_t i;
  const MatchSpec& m;
  std::string& error;

  std::string where() const { return path_prefix(steps, steps.size()); }
  std::string here() const { return path_prefix(steps, i); }

  template <class U>
  std::function<bool(const T*)> operator()(meta::kind::optional<U>) const {
    auto inner = compile<U>(steps, i, m, error);
    if (!inner) return {};
    return [inner](const T* x) { return inner(x && x->has_value() ? &**x : nullptr); };
  }
  template <class U>
  std::function<bool(const T*)> operator()(meta::kind::vector<U>) const {
    if (i == steps.size()) {
      auto has = presence_test(m, where(), "a collection", error);
      if (!has) return {};
      return [has](const T* x) { return has(x != nullptr); };
    }
    if (!steps[i].name.empty()) {
      error = path_prefix(steps, i + 1) + ": " + here() + " is a collection (" + meta::type_name<T>() +
              "): index it, as in " + here() + "[0]";
      return {};
    }
    auto inner = compile<U>(steps, i + 1, m, error);
    if (!inner) return {};
    return [inner, n = steps[i].index](const T* x) { return inner(x && n < x->size() ? &(*x)[n] : nullptr); };
  }
  template <class M>
  std::function<bool(const T*)> operator()(meta::kind::model<M>) const {
    if (i == steps.size()) {
      auto has = presence_test(m, where(), "a model", error);
      if (!has) return {};
      return [has](const T* x) { return has(x != nullptr); };
    }
    if (steps[i].name.empty()) {
      error = path_prefix(steps, i + 1) + ": " + (i ? here() : std::string("the body")) + " is a " +
              meta::info<M>().name + ", not a collection";
      return {};
    }
    std::function<bool(const T*)> out;
    bool found = false;
    meta::for_each_field<M>([&](const auto& f) {
      if (found || (steps[i].name != f.name && steps[i].name != meta::json_name<M>(f.name))) return;
      found = true;
      using F = typename std::decay_t<decltype(f)>::value_type;
      auto inner = compile<F>(steps, i + 1, m, error);
      if (inner) out = [inner, f](const T* x) { return inner(x ? &f.get(*x) : nullptr); };
    });
    if (!found)
      error = path_prefix(steps, i + 1) + ": " + meta::info<M>().name + " has no field '" + steps[i].name + "'";
    return out;
  }
  template <class K>
  std::function<bool(const T*)> operator()(K) const {
    if (i < steps.size()) {
      error = path_prefix(steps, i + 1) + ": " + here() + " is a " + meta::type_name<T>() + ", not a model";
      return {};
    }
    return leaf_test<T>(m, where(), error);
  }
};

template <class T>
std::function<bool(const T*)> compile(const std::vector<PathStep>& steps, std::size_t i, const MatchSpec& m,
                                      std::string& error) {
  return meta::visit_type<T>(Compile<T>{steps, i, m, error});
}

// Members of a response body that the model does not have (a typo the decoder would skip
// silently, and that the real server would never write): the first one, as "PATH: ...".
template <class T>
std::string unknown_member(const nlohmann::json& j, const std::string& path);

template <class T>
struct UnknownMember {
  const nlohmann::json& j;
  const std::string& path;
  template <class U>
  std::string operator()(meta::kind::optional<U>) const {
    return j.is_null() ? "" : unknown_member<U>(j, path);
  }
  template <class U>
  std::string operator()(meta::kind::vector<U>) const {
    if (!j.is_array()) return "";  // the decoder names it
    for (std::size_t n = 0; n < j.size(); ++n)
      if (std::string e = unknown_member<U>(j[n], path + "[" + std::to_string(n) + "]"); !e.empty()) return e;
    return "";
  }
  template <class M>
  std::string operator()(meta::kind::model<M>) const {
    if (!j.is_object()) return "";
    for (const auto& item : j.items()) {
      // Named, not a structured binding: the lambda below captures them (C++17 lambdas cannot
      // capture structured bindings; clang refuses it).
      const std::string& key = item.key();
      const nlohmann::json& value = item.value();
      std::string e;
      bool found = false;
      meta::for_each_field<M>([&](const auto& f) {
        if (found || key != meta::json_name<M>(f.name)) return;
        found = true;
        if (f.opts.has(meta::kAnyValue)) return;
        using F = typename std::decay_t<decltype(f)>::value_type;
        e = unknown_member<F>(value, path.empty() ? key : path + "." + key);
      });
      if (!found)
        return (path.empty() ? key : path + "." + key) + ": " + meta::info<M>().name + " has no member '" + key + "'";
      if (!e.empty()) return e;
    }
    return "";
  }
  template <class K>
  std::string operator()(K) const {
    return "";
  }
};

template <class T>
std::string unknown_member(const nlohmann::json& j, const std::string& path) {
  return meta::visit_type<T>(UnknownMember<T>{j, path});
}

template <class Req>
void decode_request(std::string_view body, BodyFormat format, DecodedBody& out) {
  out.tried = true;
  Result<Req> r = decode<Req>(body, format, &out.dropped);
  if (r) out.value = std::move(r.value());
  else out.errors = r.errors();
}

template <class Req>
std::string compile_match(const std::string& path, const MatchSpec& match, BodyTest& out) {
  std::vector<PathStep> steps;
  if (std::string e = parse_path(path, steps); !e.empty()) return e;
  std::string error;
  auto test = compile<Req>(steps, 0, match, error);
  if (!test) return error.empty() ? path + ": cannot be matched" : error;
  out = [test](const std::any& a) { return test(std::any_cast<Req>(&a)); };
  return "";
}

template <class Resp>
std::string encode_response(const nlohmann::json& body, EncodedBodies& out) {
  if (std::string e = unknown_member<Resp>(body, ""); !e.empty()) return e;
  Result<Resp> r = from_json<Resp>(body.dump());
  if (!r) {
    const FieldError& e = r.errors().front();
    return e.path + ": " + e.message;
  }
  if (std::vector<FieldError> failures = validate(r.value()); !failures.empty())
    return failures.front().path + ": " + failures.front().message;
  out.json = encode(r.value(), BodyFormat::json);
  out.html = encode(r.value(), BodyFormat::html);
  if constexpr (has_xml<Resp>()) out.xml = encode(r.value(), BodyFormat::xml);
  return "";
}

}  // namespace stub_detail

/// The stub operations of an endpoint whose body decodes as Req (void: no body) and whose answer is Resp.
template <class Req, class Resp>
const StubModels* typed_models() {
  static const StubModels models = [] {
    StubModels m{};
    if constexpr (!std::is_void_v<Req>) {
      m.decode_request = &stub_detail::decode_request<Req>;
      m.compile_match = &stub_detail::compile_match<Req>;
    }
    m.encode_response = &stub_detail::encode_response<Resp>;
    return m;
  }();
  return &models;
}

}  // namespace orderkit::mock
