#include "stores.hpp"

namespace orderkit::mock {

bool FailCounters::should_fail(const std::string& key, std::uint64_t times) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = counters_.find(key);
  if (it == counters_.end() || it->second.times != times) {
    if (it == counters_.end()) {
      order_.push_back(key);
      while (order_.size() > capacity_) {
        counters_.erase(order_.front());
        order_.pop_front();
      }
    }
    it = counters_.insert_or_assign(key, Counter{times, times}).first;
  }
  if (it->second.remaining == 0) return false;
  --it->second.remaining;
  return true;
}

void FailCounters::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  counters_.clear();
  order_.clear();
}

std::optional<IdempotencyStore::Hit> IdempotencyStore::find(const std::string& key, std::uint64_t fingerprint) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = stored_.find(key);
  if (it == stored_.end()) return std::nullopt;
  return Hit{it->second.fingerprint == fingerprint, it->second.response};
}

void IdempotencyStore::store(const std::string& key, std::uint64_t fingerprint, const MockResponse& response) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  // The first answer stays: a concurrent duplicate must not replace it.
  if (!stored_.emplace(key, Stored{fingerprint, response}).second) return;
  order_.push_back(key);
  while (order_.size() > capacity_) {
    stored_.erase(order_.front());
    order_.pop_front();
  }
}

void IdempotencyStore::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  stored_.clear();
  order_.clear();
}

}  // namespace orderkit::mock
