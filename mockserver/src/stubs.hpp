#pragma once
// Stubs: answers programmed from outside (POST /__admin/stubs, --stubs FILE). A stub is parsed and
// checked once, when it is added (stub_parse.cpp): its endpoint resolved, its field paths compiled
// against the endpoint's request model, its regexes compiled, its body decoded and validated as
// the response model and written in every format. The store keeps them indexed by endpoint in the
// order they are tried, so a request meets only the stubs that can answer it (stub_step.cpp).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "apis.hpp"
#include "stub_models.hpp"

namespace orderkit::mock {

/// A MATCH on a query parameter or a header.
struct NamedMatch {
  std::string name;
  MatchSpec match;
};

struct Stub {
  std::string id;
  int priority = 5;
  std::uint64_t seq = 0;          // when it was added: the newest first among equal priorities
  nlohmann::ordered_json source;  // as given, with its id: what GET answers
  std::size_t bytes = 0;          // the size of `source` as JSON, for the store's cap
  std::size_t pattern_steps = 0;  // the instructions of its compiled patterns, for the store's cap

  // The request it answers. `endpoint` null: any endpoint (no api, path or body given).
  const Endpoint* endpoint = nullptr;
  std::string method;         // "" for any
  bool has_route_id = false;  // a path of 001 names its {id}
  std::string route_id;
  std::shared_ptr<const Pattern> path_pattern;
  std::vector<NamedMatch> query, headers;
  std::vector<BodyTest> body;

  // The answer.
  int status = 200;
  bool model_body = false;  // bodies holds the model in each format
  EncodedBodies bodies;
  bool error_body = false;  // an HttpError (status >= 400): error_bodies
  EncodedBodies error_bodies;
  bool raw = false;
  std::string raw_body, raw_type;
  std::vector<std::pair<std::string, std::string>> response_headers;
  std::uint64_t delay_ms = 0;
  ConnectionFault fault = ConnectionFault::none;

  // How long it answers: `times` answers (0: for ever), and a scenario state it needs and sets.
  std::uint64_t times = 0;
  std::string scenario, required_state, new_state;
  std::atomic<std::uint64_t> answered{0};

  bool stateful() const { return times != 0 || !scenario.empty(); }
};

/// Parses one stub (the JSON of a STUB); "" or the reason, naming the JSON path after `at`
/// ("stubs[1]." or ""). `api` is MockOptions::api.
std::string parse_stub(const nlohmann::json& j, const std::string& at, std::string_view api, Stub& out);

class StubStore {
 public:
  explicit StubStore(std::string api) : api_(std::move(api)) {}

  /// The stubs in the order they are tried, per endpoint (index in endpoints()); stubs for any
  /// endpoint are in each list. Immutable: a change makes a new one.
  struct Index {
    std::vector<std::vector<std::shared_ptr<Stub>>> by_endpoint;
    std::vector<std::shared_ptr<Stub>> all;  // in the order they are tried
    std::size_t bytes = 0;
  };

  /// The current index, or null when there are no stubs.
  std::shared_ptr<const Index> snapshot() const {
    if (count_.load(std::memory_order_acquire) == 0) return nullptr;
    std::lock_guard<std::mutex> lock(mutex_);
    return index_;
  }

  StubsAdded add(std::string_view json);
  std::string list_json() const;
  std::string get_json(std::string_view id) const;
  bool remove(std::string_view id);
  void clear();
  /// Scenarios back to "Started"; with `times` also every stub's count of answers to 0.
  void reset(bool times);

  /// Whether `stub`, which matches a request, answers it: its `times` left and its scenario's
  /// state, checked and updated atomically (two requests never both take the last answer).
  bool take(Stub& stub);

 private:
  void install(std::vector<std::shared_ptr<Stub>> all);  // with mutex_ held
  static std::string to_json(const Stub& stub);

  std::string api_;
  mutable std::mutex mutex_;  // index_ and seq_
  std::shared_ptr<const Index> index_;
  std::atomic<std::size_t> count_{0};
  std::uint64_t seq_ = 0;
  std::mutex state_mutex_;  // scenarios_ and the answered counts of stateful stubs
  std::unordered_map<std::string, std::string> scenarios_;
};

}  // namespace orderkit::mock
