// The OpenAPI 3.0 document, generated from the SDK's field lists (schemas, required, maxLength,
// nullable), the SDK's documented samples (examples) and the endpoint table (paths, media types).
//
// It lives with the mock rather than in the SDK because the paths it describes are the ones this
// server answers (base paths, --api), and its error responses are the mock's ASP.NET-style ones.
//
// Decimals are "type: number, format: decimal": the APIs write them as JSON numbers with their
// scale kept ("5.0"), and the SDK reads them exactly; a generator should map them to an exact
// decimal type, not a binary float.
#include "openapi.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <type_traits>

#include "apis.hpp"
#include "body_format.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"
#include "orderkit/version.hpp"
#include "router.hpp"

namespace orderkit::mock {

namespace {

using nlohmann::ordered_json;

// The component name of a model: "mobile.Address" (two APIs have an Address).
template <class M>
std::string component_name() {
  return std::string(meta::info<M>().api->id) + "." + meta::info<M>().name;
}

template <class M>
ordered_json ref() {
  return {{"$ref", "#/components/schemas/" + component_name<M>()}};
}

template <class T>
ordered_json type_schema();

// The schema of a field type without nullability, which the caller adds (the visitor over
// meta::kind).
struct TypeSchema {
  template <class U>
  ordered_json operator()(meta::kind::optional<U>) const {
    return type_schema<U>();
  }
  template <class U>
  ordered_json operator()(meta::kind::vector<U>) const {
    return {{"type", "array"}, {"items", type_schema<U>()}};
  }
  template <class M>
  ordered_json operator()(meta::kind::model<M>) const {
    return ref<M>();
  }
  template <class E>
  ordered_json operator()(meta::kind::enumeration<E>) const {
    return {{"type", "integer"},
            {"format", sizeof(E) > 4 ? "int64" : "int32"},
            {"description", std::string(meta::enum_name<E>()) + " (values are not documented)"}};
  }
  template <class I>
  ordered_json operator()(meta::kind::integer<I>) const {
    return {{"type", "integer"}, {"format", sizeof(I) > 4 ? "int64" : "int32"}};
  }
  ordered_json operator()(meta::kind::boolean) const { return {{"type", "boolean"}}; }
  ordered_json operator()(meta::kind::decimal) const {
    return {{"type", "number"},
            {"format", "decimal"},
            {"description", ".NET decimal: a JSON number with its scale kept (5.0); read it as an exact decimal"}};
  }
  ordered_json operator()(meta::kind::datetime) const {
    return {{"type", "string"},
            {"format", "date-time"},
            {"description", ".NET DateTime: YYYY-MM-DD[Thh:mm[:ss[.fffffff]]][Z|+hh:mm]"}};
  }
  ordered_json operator()(meta::kind::guid) const { return {{"type", "string"}, {"format", "uuid"}}; }
  ordered_json operator()(meta::kind::string) const { return {{"type", "string"}}; }
};

template <class T>
ordered_json type_schema() {
  return meta::visit_type<T>(TypeSchema{});
}

// A model's schema from its field list.
template <class M>
ordered_json model_schema() {
  ordered_json properties = ordered_json::object();
  ordered_json required = ordered_json::array();
  meta::for_each_field<M>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    ordered_json s = type_schema<T>();
    if (meta::is_optional_v<T>) {
      // OpenAPI 3.0 ignores siblings of $ref: wrap it to say it may be null.
      // Move the schema into the new array: assigning an initializer list that copies `s` into
      // `s` itself leaked the copy (LeakSanitizer, clang with nlohmann 3.11.2).
      if (s.contains("$ref")) {
        ordered_json all_of = ordered_json::array();
        all_of.push_back(std::move(s));
        s = ordered_json::object();
        s["allOf"] = std::move(all_of);
      }
      s["nullable"] = true;
    }
    if (f.opts.max_length) s["maxLength"] = f.opts.max_length;
    if (f.opts.has(meta::kGetOnly)) s["readOnly"] = true;
    std::string notes;
    if (f.opts.has(meta::kMustBeZero)) notes += "Must be 0 (for insert operations). ";
    if (f.opts.has(meta::kJsonOnly)) notes += "JSON only (not in XML). ";
    if (f.opts.has(meta::kUndocumented)) notes += "Not in the help page's table (seen in its sample). ";
    if (!notes.empty()) {
      notes.pop_back();
      s["description"] = s.contains("description") ? notes + " " + s["description"].get<std::string>() : notes;
    }
    if (f.opts.has(meta::kRequired)) required.push_back(meta::json_name<M>(f.name));
    properties[meta::json_name<M>(f.name)] = std::move(s);
  });
  ordered_json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) schema["required"] = std::move(required);
  if (has_xml<M>()) {
    ordered_json xml = {{"name", meta::info<M>().xml_name}};
    if (*meta::info<M>().xml_ns) xml["namespace"] = meta::info<M>().xml_ns;
    schema["xml"] = std::move(xml);
  }
  return schema;
}

// URI parameters from a model that travels in the URI (001's GenerateOrderQuery): a field named
// in the route template is a path parameter, the others are query parameters.
template <class M>
ordered_json uri_parameters(std::string_view route) {
  ordered_json params = ordered_json::array();
  meta::for_each_field<M>([&](const auto& f) {
    using T = typename std::decay_t<decltype(f)>::value_type;
    const bool in_path = route.find("{" + std::string(f.name) + "}") != std::string_view::npos;
    params.push_back({{"name", f.name},
                      {"in", in_path ? "path" : "query"},
                      {"required", in_path || f.opts.has(meta::kRequired)},
                      {"schema", type_schema<T>()}});
  });
  return params;
}

// What the document needs of each model, by API and registry name.
struct ModelDoc {
  std::function<ordered_json()> schema;                          // "$ref", or an array of "$ref"
  std::function<std::string(BodyFormat)> sample_request;         // the documented request sample
  std::function<std::string(BodyFormat)> sample_response;        // the documented response sample
  std::function<ordered_json(std::string_view)> uri_parameters;  // models without a body
};

template <class T>
ModelDoc model_doc() {
  ModelDoc d;
  using M = meta::item_t<T>;
  d.schema = [] { return meta::is_vector_v<T> ? ordered_json{{"type", "array"}, {"items", ref<M>()}} : ref<M>(); };
  d.sample_request = [](BodyFormat w) { return encode(documented_sample<T>(Role::request), w); };
  d.sample_response = [](BodyFormat w) { return encode(documented_sample<T>(Role::response), w); };
  d.uri_parameters = [](std::string_view route) { return uri_parameters<M>(route); };
  return d;
}

std::string lower_method(std::string_view method) {
  std::string out(method);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

struct Registry {
  std::map<std::string, ModelDoc> models;  // "mobile/OrderDetailResult[]"
  std::map<std::string, std::vector<std::pair<std::string, std::function<ordered_json()>>>> schemas;  // per API
};

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
#define ORDERKIT_DOC(ns, Model)                                                                \
  reg.models[std::string(ns::api.id) + "/" #Model] = model_doc<ns::Model>();                   \
  reg.models[std::string(ns::api.id) + "/" #Model "[]"] = model_doc<std::vector<ns::Model>>(); \
  reg.schemas[ns::api.id].emplace_back(component_name<ns::Model>(), [] { return model_schema<ns::Model>(); });
#define ORDERKIT_DOC_BROADBAND(Model) ORDERKIT_DOC(broadband, Model)
#define ORDERKIT_DOC_CONTRACTS(Model) ORDERKIT_DOC(contracts, Model)
#define ORDERKIT_DOC_MOBILE(Model) ORDERKIT_DOC(mobile, Model)
#define ORDERKIT_DOC_LICENSES(Model) ORDERKIT_DOC(licenses, Model)
    ORDERKIT_BROADBAND_MODELS(ORDERKIT_DOC_BROADBAND)
    ORDERKIT_CONTRACTS_MODELS(ORDERKIT_DOC_CONTRACTS)
    ORDERKIT_MOBILE_MODELS(ORDERKIT_DOC_MOBILE)
    ORDERKIT_LICENSES_MODELS(ORDERKIT_DOC_LICENSES)
#undef ORDERKIT_DOC
    return reg;
  }();
  return r;
}

// An example value for a media type: JSON as a value, XML and text/html as the text the page shows.
ordered_json example(const std::string& text, BodyFormat wire) {
  if (wire == BodyFormat::json) return ordered_json::parse(text);
  return text;
}

ordered_json content(const ModelDoc& doc, const std::vector<std::string>& types, bool request) {
  ordered_json out = ordered_json::object();
  for (const std::string& type : types) {
    const BodyFormat wire = *body_format_of(type);
    out[type] = {{"schema", wire == BodyFormat::html ? ordered_json{{"type", "string"}} : doc.schema()}};
    // The pages give no form sample ("Sample not available").
    if (wire != BodyFormat::form)
      out[type]["example"] = example(request ? doc.sample_request(wire) : doc.sample_response(wire), wire);
  }
  return out;
}

ordered_json error_content(const std::vector<std::string>& types) {
  ordered_json out = ordered_json::object();
  for (const std::string& type : types) {
    if (type == "text/html") continue;
    out[type] = {{"schema", {{"$ref", "#/components/schemas/HttpError"}}}};
  }
  return out;
}

ordered_json http_error_schema() {
  return {{"type", "object"},
          {"description",
           "ASP.NET Web API's HttpError. In XML: <Error><Message/><ModelState><key>...</key></ModelState>"
           "</Error>, keys encoded as XML names (\"[\" as _x005B_), messages joined by spaces."},
          {"properties",
           {{"Message", {{"type", "string"}}},
            {"MessageDetail", {{"type", "string"}}},
            {"ModelState",
             {{"type", "object"},
              {"description", "Every failing field: \"order.OrderDetails[1].OrderDetail.SimTypeId\" -> messages"},
              {"additionalProperties", {{"type", "array"}, {"items", {{"type", "string"}}}}}}},
            {"ExceptionMessage", {{"type", "string"}}},
            {"ExceptionType", {{"type", "string"}}}}},
          {"required", ordered_json::array({"Message"})},
          {"xml", {{"name", "Error"}}}};
}

ordered_json operation(const Endpoint& e) {
  const Registry& reg = registry();
  const std::string api = e.api->id;
  const ModelDoc& request = reg.models.at(api + "/" + std::string(e.request_model));
  const ModelDoc& response = reg.models.at(api + "/" + std::string(e.response_model));
  ordered_json op = {{"operationId", api + "_" + std::string(e.method == "POST" ? "post" : "call") + "_order"},
                     {"summary", e.api->title},
                     {"tags", ordered_json::array({api})}};
  ordered_json headers = ordered_json::array();
  for (const char* name :
       {"Idempotency-Key", "X-Request-Id", "X-Mock-Status", "X-Mock-Delay-Ms", "X-Mock-Fail-Times", "X-Mock-Fail-Key"})
    headers.push_back({{"$ref", std::string("#/components/parameters/") + name}});
  if (e.request_types.empty()) {
    ordered_json params = request.uri_parameters(e.route);
    for (auto& h : headers) params.push_back(h);
    op["parameters"] = std::move(params);
  } else {
    op["parameters"] = std::move(headers);
    op["requestBody"] = {{"required", true}, {"content", content(request, e.request_types, true)}};
  }
  ordered_json responses = {
      {"200", {{"description", "The documented response"}, {"content", content(response, e.response_types, false)}}},
      {"400",
       {{"description", "The request is invalid: ModelState names every failing field"},
        {"content", error_content(e.response_types)}}}};
  if (!e.request_types.empty()) {
    responses["413"] = {{"description", "The body is larger than the server accepts"},
                        {"content", error_content({"application/json"})}};
    responses["415"] = {{"description", "The body's media type is not documented for this endpoint"},
                        {"content", error_content(e.response_types)}};
  }
  responses["422"] = {{"description", "The Idempotency-Key was used before with a different request"},
                      {"content", error_content(e.response_types)}};
  op["responses"] = std::move(responses);
  return op;
}

ordered_json header_parameter(const char* name, const char* description, ordered_json schema) {
  return {{"name", name}, {"in", "header"}, {"required", false}, {"description", description}, {"schema", schema}};
}

}  // namespace

std::string openapi_document(const MockOptions& options) {
  ordered_json doc = {{"openapi", "3.0.3"},
                      {"info",
                       {{"title", "OrderKit order APIs (mock server)"},
                        {"version", orderkit::version},
                        {"description",
                         "The four order APIs as their help pages document them, generated from the OrderKit "
                         "SDK's field lists. Served by orderkit-mock."}}},
                      {"servers", ordered_json::array({{{"url", "/"}}})}};

  ordered_json paths = ordered_json::object();
  ordered_json schemas = ordered_json::object();
  for (const Endpoint& e : endpoints()) {
    if (!options.api.empty() && options.api != e.api->id) continue;
    ordered_json item = ordered_json::object();
    item[lower_method(e.method)] = operation(e);
    paths[served_path(e, options.api)] = std::move(item);
    for (const auto& [name, schema] : registry().schemas.at(e.api->id)) schemas[name] = schema();
  }
  schemas["HttpError"] = http_error_schema();

  ordered_json parameters = {
      {"Idempotency-Key", header_parameter("Idempotency-Key",
                                           "A key seen before answers the stored response again; with a different "
                                           "request, 422.",
                                           {{"type", "string"}})},
      {"X-Request-Id",
       header_parameter("X-Request-Id", "Echoed on the response (generated when absent).", {{"type", "string"}})},
      {"X-Mock-Status", header_parameter("X-Mock-Status", "Mock only: answer this status.",
                                         {{"type", "integer"}, {"minimum", 100}, {"maximum", 599}})},
      {"X-Mock-Delay-Ms", header_parameter("X-Mock-Delay-Ms", "Mock only: wait this long before answering.",
                                           {{"type", "integer"}, {"minimum", 0}, {"maximum", 60000}})},
      {"X-Mock-Fail-Times",
       header_parameter("X-Mock-Fail-Times",
                        "Mock only: fail the next N requests with this key (X-Mock-Status or 503), then succeed.",
                        {{"type", "integer"}, {"minimum", 0}})},
      {"X-Mock-Fail-Key", header_parameter("X-Mock-Fail-Key",
                                           "Mock only: the key of X-Mock-Fail-Times (default: method, path and a hash "
                                           "of the body).",
                                           {{"type", "string"}})}};
  doc["paths"] = std::move(paths);
  doc["components"] = {{"schemas", std::move(schemas)}, {"parameters", std::move(parameters)}};
  return doc.dump(2);
}

}  // namespace orderkit::mock
