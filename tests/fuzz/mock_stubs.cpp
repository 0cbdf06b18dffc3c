// The stubs an integrator programs (POST /__admin/stubs, --stubs): any JSON is refused with a
// message or added; an added stub lists as JSON and the mock then answers a request of each API
// with a status in 200..599 (matched or not). One state across inputs, emptied after each.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "orderkit/mock/server.hpp"

using namespace orderkit;

namespace {

mock::MockState* state = nullptr;

mock::MockRequest order_request(const char* path, const char* body) {
  mock::MockRequest r;
  r.method = "POST";
  r.path = path;
  r.headers.emplace("Content-Type", "application/json");
  r.headers.emplace("X-Shop", "fuzz");
  r.body = body;
  r.remote_addr = "127.0.0.1";
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mock::MockOptions options;
  options.journal_size = 10;
  state = new mock::MockState(options);  // lives as long as the process
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  // A stub's delay only makes the mock sleep: a fuzzer would spend its time waiting.
  if (text.find("elay") != std::string_view::npos) return -1;
  const mock::StubsAdded added = state->add_stubs(text);
  if (!added.ok()) {
    ORDERKIT_FUZZ_CHECK(added.json.empty(), text, "a refused stub answered JSON too");
  } else {
    ORDERKIT_FUZZ_CHECK(nlohmann::json::accept(state->stubs_json()), text, state->stubs_json());
    for (const auto& [path, body] :
         {std::pair{"/mobile/api/orders", R"({"PaymentId":5,"OrderDetails":[]})"},
          std::pair{"/licenses/api/order/data", R"({"Action":"x"})"}, std::pair{"/broadband/api/orders", "{}"}}) {
      const mock::MockResponse response = state->handle(order_request(path, body));
      ORDERKIT_FUZZ_CHECK(response.status >= 200 && response.status <= 599, text, std::to_string(response.status));
    }
  }
  state->remove_stubs();
  state->reset();
  return 0;
}
