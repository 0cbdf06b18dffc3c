// The clock readings and fresh GUIDs the help pages' generator used, as each page shows them.
// They are the only sample values that are not derived from the field lists.
#include <cstring>

#include "codec/sample.hpp"

namespace orderkit::codec {
namespace {

const std::vector<SampleSeed>& seeds() {
  static const std::vector<SampleSeed> all = {
      {"broadband",
       "OrderNew",
       Role::request,
       "2026-04-09T14:21:11.4460179+02:00",
       {"7a320186-cd4f-4cf0-8ced-754e90e1d009", "adadf5af-8a09-4cac-8dfb-787c2303e3e5"}},
      {"broadband",
       "OrderNew",
       Role::response,
       "2026-04-09T14:21:11.6648045+02:00",
       {"9c802615-aee5-42b8-9d2e-b09e57bb100c", "8c5df485-c28d-4793-a7a7-e7373709b433"}},
      {"contracts", "OrderBase", Role::response, "2026-01-11T16:16:24.5248029+01:00", {}},
      {"mobile",
       "OrderCreationRequest",
       Role::request,
       "2025-04-28T00:58:52.698315+02:00",
       {"a7d160f7-c91a-4511-a413-a9748adfaadf"}},
      {"mobile", "OrderDetailResult", Role::response, "2025-04-28T00:58:52.729561+02:00", {}},
      // 003 has no dates; its generator would have used the clock like the others.
      {"licenses", "OrderRequest", Role::request, "0001-01-01T00:00:00", {"2c8a5def-2cfe-40f9-8927-aa539835aaee"}},
  };
  return all;
}

}  // namespace

const SampleSeed& sample_seed(const meta::ModelInfo& info, Role role) {
  const SampleSeed* same_api = nullptr;
  const SampleSeed* same_model = nullptr;
  for (const SampleSeed& s : seeds()) {
    if (std::strcmp(s.api, info.api->id) != 0) continue;
    if (!same_api) same_api = &s;
    if (std::strcmp(s.model, info.name) != 0) continue;
    if (s.role == role) return s;
    if (!same_model) same_model = &s;
  }
  if (same_model) return *same_model;
  return same_api ? *same_api : seeds().front();
}

bool documented_as_request(const meta::ModelInfo& info) {
  for (const SampleSeed& s : seeds()) {
    if (s.role == Role::request && std::strcmp(s.api, info.api->id) == 0 && std::strcmp(s.model, info.name) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace orderkit::codec
