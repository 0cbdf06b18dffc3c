#pragma once
// Small bounded stores behind the integrator tools: counters of X-Mock-Fail-Times and the
// Idempotency-Key replay store. Both forget their oldest keys first, so memory stays bounded: the
// counters by their number (each holds a key of at most a header line), the replay store by its
// number and by the bytes of what it holds. A capacity of 0 keeps nothing.
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
  /// At most `capacity` keys, taking at most kMaxBytes (a key can be a whole header line).
  explicit FailCounters(std::size_t capacity) : capacity_(capacity) {}
  static constexpr std::size_t kMaxBytes = 8 * 1024 * 1024;
  /// Whether this request fails: the first request with a key arms it with `times`; each failing
  /// request uses one up. A different `times` for the same key arms it again. With a capacity of
  /// 0 nothing can be counted, and no request fails.
  bool should_fail(const std::string& key, std::uint64_t times);
  void clear();
  /// Keys held.
  std::size_t size() const;

 private:
  struct Counter {
    std::uint64_t times;
    std::uint64_t remaining;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Counter> counters_;
  std::deque<std::string> order_;
  std::size_t capacity_;
  std::size_t bytes_ = 0;
};

/// Responses stored by Idempotency-Key, with a fingerprint of the request that produced them.
class IdempotencyStore {
 public:
  /// At most `capacity` answers and `max_bytes` bytes of them (keys, headers and bodies); an
  /// answer taking more than an eighth of `max_bytes` is not stored (a retry is served anew).
  IdempotencyStore(std::size_t capacity, std::size_t max_bytes) : capacity_(capacity), max_bytes_(max_bytes) {}
  struct Hit {
    bool same_request;
    MockResponse response;
  };
  std::optional<Hit> find(const std::string& key, std::uint64_t fingerprint);
  void store(const std::string& key, std::uint64_t fingerprint, const MockResponse& response);
  void clear();
  /// Answers held, and the bytes they are counted as.
  std::size_t size() const;
  std::size_t bytes() const;

 private:
  struct Stored {
    std::uint64_t fingerprint;
    MockResponse response;
    std::size_t bytes;
  };
  void evict_oldest();

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Stored> stored_;
  std::deque<std::string> order_;
  std::size_t capacity_;
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
};

}  // namespace orderkit::mock
