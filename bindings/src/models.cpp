// The models' JavaScript surface: one table entry per documented model and per collection of one,
// built from the per-API model lists, behind a handful of embind functions that take the entry's
// index. The JS wrapper (wasm/js/sdk.mjs) turns the table into ok.<api>.models.<Model>.
//
// Every function returns a result object, { value } or { errors: [{path, code, message}] }, and
// never lets a C++ exception reach JavaScript: the wrapper turns errors into Error subclasses.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "js_value.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"
#include "result.hpp"

namespace orderkit::bindings {
namespace {

struct ModelBinding {
  const meta::ModelInfo* info;
  bool collection;
  bool xml;
  val (*sample)(Role role);
  val (*encode)(const val& obj, bool xml, Layout layout);
  val (*decode)(const std::string& text, bool xml);
  val (*validate)(const val& obj);
};

template <class T>
val sample(Role role) {
  return ok(to_js(documented_sample<T>(role)));
}

// encode and validate read the object into a local value rather than through read_js's Result<T>:
// one model value fewer to move and destroy in each of the 40 instances (module size).
template <class T>
val encode(const val& obj, bool xml, Layout layout) {
  Reader r;
  T value{};
  from_js(obj, value, r);
  if (!r.errors.empty()) return failed(r.errors);
  return ok(val(orderkit::encode(value, xml ? Format::xml : Format::json, layout)));
}

template <class T>
val decode(const std::string& text, bool xml) {
  Result<T> value = orderkit::decode<T>(text, xml ? Format::xml : Format::json);
  if (!value) return failed(value.errors());
  return ok(to_js(value.value()));
}

/// Conversion failures and rule failures alike are failures of the object: all are returned.
template <class T>
val validate_js(const val& obj) {
  Reader r;
  T value{};
  from_js(obj, value, r);
  return ok(errors_to_js(r.errors.empty() ? validate(value) : r.errors));
}

template <class T>
ModelBinding binding(bool collection) {
  if (collection) {
    using C = std::vector<T>;
    return {&meta::info<T>(), true, has_xml<C>(), &sample<C>, &encode<C>, &decode<C>, &validate_js<C>};
  }
  return {&meta::info<T>(), false, has_xml<T>(), &sample<T>, &encode<T>, &decode<T>, &validate_js<T>};
}

const std::vector<ModelBinding>& bindings() {
  static const std::vector<ModelBinding> all = [] {
    std::vector<ModelBinding> v;
#define ORDERKIT_BIND(ns, Model)          \
  v.push_back(binding<ns::Model>(false)); \
  v.push_back(binding<ns::Model>(true));
#define ORDERKIT_BIND_BROADBAND(Model) ORDERKIT_BIND(broadband, Model)
#define ORDERKIT_BIND_CONTRACTS(Model) ORDERKIT_BIND(contracts, Model)
#define ORDERKIT_BIND_MOBILE(Model) ORDERKIT_BIND(mobile, Model)
#define ORDERKIT_BIND_LICENSES(Model) ORDERKIT_BIND(licenses, Model)
    ORDERKIT_BROADBAND_MODELS(ORDERKIT_BIND_BROADBAND)
    ORDERKIT_CONTRACTS_MODELS(ORDERKIT_BIND_CONTRACTS)
    ORDERKIT_MOBILE_MODELS(ORDERKIT_BIND_MOBILE)
    ORDERKIT_LICENSES_MODELS(ORDERKIT_BIND_LICENSES)
#undef ORDERKIT_BIND
    return v;
  }();
  return all;
}

/// The entry at `index`, or nullptr (a stale or forged index from JavaScript).
const ModelBinding* at(int index) {
  const auto& all = bindings();
  return index >= 0 && static_cast<std::size_t>(index) < all.size() ? &all[static_cast<std::size_t>(index)] : nullptr;
}

val no_such_model(int index) { return failed({{"", "model", "no model with index " + std::to_string(index)}}); }

/// [{ api, name, collection, xml, index }] in page order.
val models_js() {
  val out = val::array();
  const auto& all = bindings();
  for (std::size_t i = 0; i < all.size(); ++i) {
    val m = val::object();
    m.set("api", val(all[i].info->api->id));
    m.set("name", val(all[i].info->name));
    m.set("collection", val(all[i].collection));
    m.set("xml", val(all[i].xml));
    m.set("index", val(static_cast<int>(i)));
    out.set(i, m);
  }
  return out;
}

val model_sample(int index, std::string role) {
  return guarded([&] {
    const ModelBinding* b = at(index);
    if (!b) return no_such_model(index);
    if (role != "request" && role != "response") {
      return failed({{"", "usage", "role must be \"request\" or \"response\", got \"" + role + "\""}});
    }
    return b->sample(role == "response" ? Role::response : Role::request);
  });
}

val model_encode(int index, val obj, std::string format, bool compact) {
  return guarded([&] {
    const ModelBinding* b = at(index);
    if (!b) return no_such_model(index);
    if (format == "xml" && !b->xml) return failed({{"", "format", "this API documents no XML format for this model"}});
    return b->encode(obj, format == "xml", compact ? Layout::compact : Layout::indented);
  });
}

val model_decode(int index, std::string text, std::string format) {
  return guarded([&] {
    const ModelBinding* b = at(index);
    if (!b) return no_such_model(index);
    if (format == "xml" && !b->xml) return failed({{"", "format", "this API documents no XML format for this model"}});
    return b->decode(text, format == "xml");
  });
}

val model_validate(int index, val obj) {
  return guarded([&] {
    const ModelBinding* b = at(index);
    if (!b) return no_such_model(index);
    return b->validate(obj);
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(orderkit_models) {
  emscripten::function("models", &models_js);
  emscripten::function("modelSample", &model_sample);
  emscripten::function("modelEncode", &model_encode);
  emscripten::function("modelDecode", &model_decode);
  emscripten::function("modelValidate", &model_validate);
}

}  // namespace orderkit::bindings
