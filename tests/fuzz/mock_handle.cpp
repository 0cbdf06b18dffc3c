// The mock as a pure function, MockState::handle, on any request: the input is
//   METHOD SP TARGET LF (NAME ":" VALUE LF)* LF BODY
// (seeds/mock_handle). Every answer has a status in 200..599, and a JSON answer parses.
// One state across inputs, as a running server has, so idempotency and fault counters are reached.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "orderkit/mock/server.hpp"

using namespace orderkit;

namespace {

std::string_view next_line(std::string_view& text) {
  auto end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

mock::MockState* state = nullptr;

}  // namespace

// Made once before the first input, so that what the state allocates for the process (its
// OpenAPI document, its stores) is not taken for a leak of one input.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  mock::MockOptions options;
  options.mode = mock::Mode::echo;
  options.journal_size = 50;
  options.idempotency_keys = 50;
  state = new mock::MockState(options);  // lives as long as the process
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = fuzz::as_text(data, size);
  mock::MockRequest request;
  std::string_view start = next_line(text);
  auto space = start.find(' ');
  request.method = std::string(start.substr(0, space));
  std::string_view target = space == std::string_view::npos ? std::string_view() : start.substr(space + 1);
  auto question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  while (!text.empty()) {
    std::string_view line = next_line(text);
    if (line.empty()) break;
    auto colon = line.find(':');
    std::string name(line.substr(0, colon));
    std::string value(colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1));
    // The one header that only makes the mock sleep: a fuzzer would spend its time waiting.
    const bool delay = !mock::HeaderLess{}(name, "X-Mock-Delay-Ms") && !mock::HeaderLess{}("X-Mock-Delay-Ms", name);
    if (!delay) {
      request.headers.emplace(std::move(name), std::move(value));
    }
  }
  request.body = std::string(text);
  request.remote_addr = "127.0.0.1";

  mock::MockResponse response = state->handle(request);
  ORDERKIT_FUZZ_CHECK(response.status >= 200 && response.status <= 599, request.path, std::to_string(response.status));
  if (response.header("Content-Type").find("json") != std::string::npos && !response.body.empty()) {
    ORDERKIT_FUZZ_CHECK(nlohmann::json::accept(response.body), request.path, response.body);
  }
  return 0;
}
