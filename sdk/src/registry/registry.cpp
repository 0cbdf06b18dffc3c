#include "orderkit/registry.hpp"

#include "orderkit/broadband/models.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"
#include "registry/entries.hpp"

namespace orderkit {

const std::vector<const meta::ApiInfo*>& apis() {
  static const std::vector<const meta::ApiInfo*> all = {&broadband::api, &contracts::api, &mobile::api, &licenses::api};
  return all;
}

const std::vector<ModelEntry>& models() {
  static const std::vector<ModelEntry> all = [] {
    std::vector<ModelEntry> v;
#define ORDERKIT_ENTRY(ns, Model)                 \
  v.push_back(registry::entry<ns::Model>(false)); \
  v.push_back(registry::entry<ns::Model>(true));
#define ORDERKIT_BROADBAND(Model) ORDERKIT_ENTRY(broadband, Model)
#define ORDERKIT_CONTRACTS(Model) ORDERKIT_ENTRY(contracts, Model)
#define ORDERKIT_MOBILE(Model) ORDERKIT_ENTRY(mobile, Model)
#define ORDERKIT_LICENSES(Model) ORDERKIT_ENTRY(licenses, Model)
    ORDERKIT_BROADBAND_MODELS(ORDERKIT_BROADBAND)
    ORDERKIT_CONTRACTS_MODELS(ORDERKIT_CONTRACTS)
    ORDERKIT_MOBILE_MODELS(ORDERKIT_MOBILE)
    ORDERKIT_LICENSES_MODELS(ORDERKIT_LICENSES)
    return v;
  }();
  return all;
}

const ModelEntry* find_model(std::string_view api, std::string_view name) {
  for (const ModelEntry& e : models())
    if (api == e.api->id && name == e.name()) return &e;
  return nullptr;
}

bool parse_format(std::string_view text, Format& out) {
  if (text == "json") return out = Format::json, true;
  if (text == "xml") return out = Format::xml, true;
  return false;
}

}  // namespace orderkit
