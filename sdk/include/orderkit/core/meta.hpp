#pragma once
// The field lists. Every model is declared once, as an X-macro table of (member, C++ type,
// options) rows; ORDERKIT_MODEL expands the table into the plain aggregate and into a constexpr
// description that the codecs, validator, sample generator, bindings, TypeScript and OpenAPI
// generators and test printers walk. Adding a field is one row; no field name is typed twice.
//
// The member name is the documented wire name (the help pages' Name column), so it is also the
// JSON key and the XML element name; a model-wide policy covers the one camelCase JSON model.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "orderkit/core/datetime.hpp"
#include "orderkit/core/decimal.hpp"
#include "orderkit/core/guid.hpp"

namespace orderkit::meta {

/// Which XML serializer the API's server uses; it decides element order, namespaces and nil.
enum class XmlStyle : std::uint8_t {
  none,            // the page documents JSON only
  data_contract,   // DataContractSerializer: alphabetical, base members first, i:nil, namespaces
  xml_serializer,  // XmlSerializer: declaration order, no namespaces, xsi:nil for Nullable<T>
};

/// How JSON keys are spelled relative to the member name.
enum class NameCase : std::uint8_t { as_declared, camel };

/// One documented API (one help page).
struct ApiInfo {
  const char* id;     // "broadband", "contracts", "mobile", "licenses"
  const char* title;  // one line for listings
  XmlStyle xml;
  bool xsd_before_xsi;  // XmlSerializer's root declarations, in the order the page shows them
  // The page's prose about its one action, where it has any ("" where it has none): the action's
  // summary, the body parameter's description and the response's (the help pages show them).
  const char* summary = "";
  const char* request_doc = "";
  const char* response_doc = "";
};

/// One documented model.
struct ModelInfo {
  const char* name;  // the documented type name, e.g. "OrderCreationRequest"
  const ApiInfo* api;
  const char* xml_name;  // element name as a document root or collection item
  const char* xml_ns;    // namespace of the type's members and root ("" for none)
  NameCase json_case = NameCase::as_declared;
  bool has_body = true;  // false for a model that travels in the URI (001's query)
};

/// Per-field options; combine with |.
enum Flag : std::uint32_t {
  kRequired = 1u << 0,       // [Required]: must be present (and non-empty for strings)
  kJsonOnly = 1u << 1,       // on the JSON wire only ([XmlIgnore] or get-only under XmlSerializer)
  kGetOnly = 1u << 2,        // get-only in .NET: the sample generator leaves it at its default
  kBaseClass = 1u << 3,      // declared on a base class: DataContract writes these members first
  kUndocumented = 1u << 4,   // on the wire but missing from the page's table
  kMustBeZero = 1u << 5,     // "Must be 0 (for insert operations)"
  kXmlOmitEmpty = 1u << 6,   // an empty collection is left out of XML, as the page shows
  kAnyValue = 1u << 7,       // .NET `object`: any JSON value is read, kept as its text (compact JSON)
  kOmitWhenUnset = 1u << 8,  // nullability the page cannot tell: an unset value is left out, not null
};

struct Opts {
  std::uint32_t flags = 0;
  std::uint32_t max_length = 0;  // 0: no limit
  const char* doc = "";          // the page's Description column ("" where it has none)
  constexpr bool has(Flag f) const { return (flags & f) != 0; }
  friend constexpr Opts operator|(Opts a, Opts b) {
    return Opts{a.flags | b.flags, a.max_length ? a.max_length : b.max_length, *a.doc ? a.doc : b.doc};
  }
};
inline constexpr Opts none{};
inline constexpr Opts required{kRequired};
inline constexpr Opts json_only{kJsonOnly};
inline constexpr Opts get_only{kGetOnly};
inline constexpr Opts base_class{kBaseClass};
inline constexpr Opts undocumented{kUndocumented};
inline constexpr Opts must_be_zero{kMustBeZero};
inline constexpr Opts xml_omit_empty{kXmlOmitEmpty};
inline constexpr Opts any_value{kAnyValue};
inline constexpr Opts omit_when_unset{kOmitWhenUnset};
constexpr Opts max_length(std::uint32_t n) { return Opts{0, n}; }
/// The field's description as the page's table gives it (its XML documentation comment).
constexpr Opts doc(const char* text) { return Opts{0, 0, text}; }

/// A data member of model C.
template <class C, class M>
struct Field {
  using model_type = C;
  using value_type = M;
  const char* name;
  M C::*member;
  Opts opts;
  constexpr M& get(C& c) const { return c.*member; }
  constexpr const M& get(const C& c) const { return c.*member; }
};

/// A documented read-only property computed from other fields (not on the wire).
template <class C, class R>
struct Computed {
  using model_type = C;
  using value_type = R;
  const char* name;
  R (C::*getter)() const;
};

template <class C, class M>
constexpr Field<C, M> field(const char* name, M C::*member, Opts opts) {
  return {name, member, opts};
}
template <class C, class R>
constexpr Computed<C, R> computed(const char* name, R (C::*getter)() const) {
  return {name, getter};
}

struct Start {};
template <class... F>
constexpr std::tuple<F...> field_list(Start, F... f) {
  return std::tuple<F...>{f...};
}

// ---- type classification -----------------------------------------------------------------

template <class T>
using meta_of = decltype(orderkit_meta(static_cast<const T*>(nullptr)));

template <class T, class = void>
struct is_model : std::false_type {};
template <class T>
struct is_model<T, std::void_t<meta_of<T>>> : std::true_type {};
template <class T>
inline constexpr bool is_model_v = is_model<T>::value;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool is_optional_v = is_optional<T>::value;

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
inline constexpr bool is_vector_v = is_vector<T>::value;

template <class T>
struct unwrap_optional {
  using type = T;
};
template <class T>
struct unwrap_optional<std::optional<T>> {
  using type = T;
};
template <class T>
using unwrap_optional_t = typename unwrap_optional<T>::type;

/// The model of a document: T itself, or the item type of a collection.
template <class T>
struct item {
  using type = T;
};
template <class T, class A>
struct item<std::vector<T, A>> {
  using type = T;
};
template <class T>
using item_t = typename item<T>::type;

template <class T>
constexpr const ModelInfo& info() {
  return meta_of<T>::info;
}
template <class T>
constexpr const auto& fields() {
  return meta_of<T>::fields;
}
template <class T>
constexpr const auto& computed_fields() {
  return meta_of<T>::computed;
}
template <class T>
constexpr std::size_t field_count() {
  return std::tuple_size_v<std::decay_t<decltype(fields<T>())>>;
}

/// Calls f(field) for every data member of T, in declaration (JSON) order.
template <class T, class F>
constexpr void for_each_field(F&& f) {
  std::apply([&](const auto&... fd) { (f(fd), ...); }, fields<T>());
}
/// Calls f(computed) for every computed property of T.
template <class T, class F>
constexpr void for_each_computed(F&& f) {
  std::apply([&](const auto&... fd) { (f(fd), ...); }, computed_fields<T>());
}

/// A .NET value type whose Nullable<T> the help-page generator fills with a fresh counter.
/// Strings and models are .NET reference types: std::optional only says they may be null.
template <class T>
inline constexpr bool is_dotnet_value_type_v =
    std::is_arithmetic_v<T> || std::is_enum_v<T> || std::is_same_v<T, Decimal> || std::is_same_v<T, DateTime> ||
    std::is_same_v<T, Guid>;

/// Enums carry their documented name through ORDERKIT_ENUM.
template <class E>
constexpr const char* enum_name() {
  return orderkit_enum_name(static_cast<const E*>(nullptr));
}

// ---- the walk over field types ------------------------------------------------------------

/// The kinds of field type, as tags. A field is a scalar, a model, an enum, or an optional or a
/// collection of one of these; `visit_type` is the one place that tells them apart.
namespace kind {
template <class T>
struct optional {
  using type = T;
};  // std::optional<T>
template <class T>
struct vector {
  using type = T;
};  // std::vector<T>
template <class T>
struct model {
  using type = T;
};  // a type declared with ORDERKIT_MODEL
template <class T>
struct enumeration {
  using type = T;
};  // a type declared with ORDERKIT_ENUM
template <class T>
struct integer {
  using type = T;
};  // std::int32_t, std::int64_t
struct boolean {};
struct decimal {};   // orderkit::Decimal
struct datetime {};  // orderkit::DateTime
struct guid {};      // orderkit::Guid
struct string {};    // std::string
}  // namespace kind

/// Calls `visitor(tag)` with the kind tag of field type T and returns what it returns. Every walk
/// over field types (codecs, type names, JS conversion, TypeScript and OpenAPI generators) is a
/// visitor with one operator() per kind, so a new scalar type is a new tag here and a compile
/// error in each visitor that does not handle it yet.
template <class T, class Visitor>
constexpr decltype(auto) visit_type(Visitor&& visitor) {
  if constexpr (is_optional_v<T>) {
    return visitor(kind::optional<typename T::value_type>{});
  } else if constexpr (is_vector_v<T>) {
    return visitor(kind::vector<typename T::value_type>{});
  } else if constexpr (is_model_v<T>) {
    return visitor(kind::model<T>{});
  } else if constexpr (std::is_enum_v<T>) {
    return visitor(kind::enumeration<T>{});
  } else if constexpr (std::is_same_v<T, bool>) {
    return visitor(kind::boolean{});
  } else if constexpr (std::is_integral_v<T>) {
    return visitor(kind::integer<T>{});
  } else if constexpr (std::is_same_v<T, Decimal>) {
    return visitor(kind::decimal{});
  } else if constexpr (std::is_same_v<T, DateTime>) {
    return visitor(kind::datetime{});
  } else if constexpr (std::is_same_v<T, Guid>) {
    return visitor(kind::guid{});
  } else {
    static_assert(std::is_same_v<T, std::string>, "unsupported field type");
    return visitor(kind::string{});
  }
}

template <class T>
std::string type_name();

namespace detail {
struct TypeName {
  template <class U>
  std::string operator()(kind::optional<U>) const {
    return type_name<U>();
  }
  template <class U>
  std::string operator()(kind::vector<U>) const {
    return "Collection of " + type_name<U>();
  }
  template <class M>
  std::string operator()(kind::model<M>) const {
    return info<M>().name;
  }
  template <class E>
  std::string operator()(kind::enumeration<E>) const {
    return enum_name<E>();
  }
  template <class I>
  std::string operator()(kind::integer<I>) const {
    return "integer";
  }
  std::string operator()(kind::boolean) const { return "boolean"; }
  std::string operator()(kind::decimal) const { return "decimal number"; }
  std::string operator()(kind::datetime) const { return "date"; }
  std::string operator()(kind::guid) const { return "globally unique identifier"; }
  std::string operator()(kind::string) const { return "string"; }
};
}  // namespace detail

/// The type as the help pages' Type column names it ("integer", "Collection of OrderItem").
template <class T>
std::string type_name() {
  return visit_type<T>(detail::TypeName{});
}

/// Newtonsoft's camel casing: lowers the leading run of capitals, keeping the last one of a run
/// that starts a new word ("IsValid" -> "isValid", "SSN" -> "ssn", "URLValue" -> "urlValue").
inline std::string camel_case(std::string_view name) {
  std::string s(name);
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool next_is_lower = i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z';
    if (i > 0 && next_is_lower) break;
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
    else break;
  }
  return s;
}

/// The JSON member name of field `name` of model T: the member name, camel-cased for a model
/// whose server camel-cases (003's result). The codecs, the JS bindings, the TypeScript types and
/// the OpenAPI document all spell keys with this one rule.
template <class T>
std::string json_name(const char* name) {
  return info<T>().json_case == NameCase::camel ? camel_case(name) : std::string(name);
}

/// Field-by-field equality, used by the generated operator==.
template <class T>
bool equal(const T& a, const T& b) {
  bool same = true;
  for_each_field<T>([&](const auto& f) { same = same && (f.get(a) == f.get(b)); });
  return same;
}

}  // namespace orderkit::meta

// ---- declaring models ----------------------------------------------------------------------

#define ORDERKIT_DETAIL_MEMBER(name, type, opts) type name{};
#define ORDERKIT_DETAIL_COMPUTED_MEMBER(name, type, expr) \
  type name() const { return expr; }
#define ORDERKIT_DETAIL_FIELD(name, type, opts) , ::orderkit::meta::field(#name, &Self::name, opts)
#define ORDERKIT_DETAIL_COMPUTED(name, type, expr) , ::orderkit::meta::computed(#name, &Self::name)
#define ORDERKIT_DETAIL_SKIP(name, type, x)
#define ORDERKIT_DETAIL_NAME(name, type, x) #name,

/// Declares model `Name` from the table macro `FIELDS(F, C)`: F(member, type, options) rows are
/// data members, C(member, type, expression) rows are read-only computed properties. The
/// trailing arguments initialise ModelInfo after its name (api, xml_name, xml_ns, ...).
#define ORDERKIT_MODEL(Name, FIELDS, ...)                                                                             \
  struct Name {                                                                                                       \
    FIELDS(ORDERKIT_DETAIL_MEMBER, ORDERKIT_DETAIL_COMPUTED_MEMBER)                                                   \
  };                                                                                                                  \
  struct Name##Meta {                                                                                                 \
    using Self = Name;                                                                                                \
    static constexpr ::orderkit::meta::ModelInfo info{#Name, __VA_ARGS__};                                            \
    static constexpr auto fields =                                                                                    \
        ::orderkit::meta::field_list(::orderkit::meta::Start {} FIELDS(ORDERKIT_DETAIL_FIELD, ORDERKIT_DETAIL_SKIP)); \
    static constexpr auto computed = ::orderkit::meta::field_list(                                                    \
        ::orderkit::meta::Start {} FIELDS(ORDERKIT_DETAIL_SKIP, ORDERKIT_DETAIL_COMPUTED));                           \
    /* Every row's name in table order, data and computed rows interleaved as the page lists them. */                 \
    static constexpr const char* declared[] = {FIELDS(ORDERKIT_DETAIL_NAME, ORDERKIT_DETAIL_NAME)};                   \
  };                                                                                                                  \
  Name##Meta orderkit_meta(const Name*);                                                                              \
  inline bool operator==(const Name& a, const Name& b) { return ::orderkit::meta::equal(a, b); }                      \
  inline bool operator!=(const Name& a, const Name& b) { return !(a == b); }

/// Declares an enum serialized as its integer value (Newtonsoft's default), with its name.
#define ORDERKIT_ENUM(Name, Underlying, ...)    \
  enum class Name : Underlying { __VA_ARGS__ }; \
  constexpr const char* orderkit_enum_name(const Name*) { return #Name; }
