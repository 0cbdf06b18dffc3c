#pragma once
// Small bounded stores behind the integrator tools: counters of X-Mock-Fail-Times and the
// Idempotency-Key replay store. Both forget their oldest keys first, so memory stays bounded.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

/// "Fail the next N requests with this key, then succeed."
class FailCounters {
 public:
  explicit FailCounters(std::size_t capacity) : capacity_(capacity) {}
  /// Whether this request fails: the first request with a key arms it with `times`; each failing
  /// request uses one up. A different `times` for the same key arms it again.
  bool should_fail(const std::string& key, std::uint64_t times);
  void clear();

 private:
  struct Counter {
    std::uint64_t times;
    std::uint64_t remaining;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Counter> counters_;
  std::deque<std::string> order_;
  std::size_t capacity_;
};

/// Responses stored by Idempotency-Key, with a fingerprint of the request that produced them.
class IdempotencyStore {
 public:
  explicit IdempotencyStore(std::size_t capacity) : capacity_(capacity) {}
  struct Hit {
    bool same_request;
    MockResponse response;
  };
  std::optional<Hit> find(const std::string& key, std::uint64_t fingerprint);
  void store(const std::string& key, std::uint64_t fingerprint, const MockResponse& response);
  void clear();

 private:
  struct Stored {
    std::uint64_t fingerprint;
    MockResponse response;
  };
  std::mutex mutex_;
  std::unordered_map<std::string, Stored> stored_;
  std::deque<std::string> order_;
  std::size_t capacity_;
};

}  // namespace orderkit::mock
