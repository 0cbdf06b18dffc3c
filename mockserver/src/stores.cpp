#include "stores.hpp"

namespace orderkit::mock {

namespace {

// What an entry is counted as beyond its strings: the map and queue nodes, the string headers.
constexpr std::size_t kEntryOverhead = 256;

std::size_t cost(const std::string& key, const MockResponse& response) {
  std::size_t n = kEntryOverhead + 2 * key.size() + response.body.size();
  for (const auto& [name, value] : response.headers) n += kEntryOverhead / 4 + name.size() + value.size();
  return n;
}

}  // namespace

bool FailCounters::should_fail(const std::string& key, std::uint64_t times) {
  if (capacity_ == 0) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = counters_.find(key);
  if (it == counters_.end()) {
    const std::size_t bytes = kEntryOverhead + 2 * key.size();
    if (bytes > kMaxBytes / 8) return false;  // not a key anyone means to count
    while (!order_.empty() && (order_.size() >= capacity_ || bytes_ + bytes > kMaxBytes)) {
      bytes_ -= kEntryOverhead + 2 * order_.front().size();
      counters_.erase(order_.front());
      order_.pop_front();
    }
    order_.push_back(key);
    bytes_ += bytes;
    it = counters_.emplace(key, Counter{times, times}).first;
  } else if (it->second.times != times) {
    it->second = Counter{times, times};
  }
  if (it->second.remaining == 0) return false;
  --it->second.remaining;
  return true;
}

void FailCounters::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  counters_.clear();
  order_.clear();
  bytes_ = 0;
}

std::size_t FailCounters::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counters_.size();
}

std::optional<IdempotencyStore::Hit> IdempotencyStore::find(const std::string& key, std::uint64_t fingerprint) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = stored_.find(key);
  if (it == stored_.end()) return std::nullopt;
  return Hit{it->second.fingerprint == fingerprint, it->second.response};
}

void IdempotencyStore::store(const std::string& key, std::uint64_t fingerprint, const MockResponse& response) {
  const std::size_t bytes = cost(key, response);
  if (capacity_ == 0 || bytes > max_bytes_ / 8) return;
  std::lock_guard<std::mutex> lock(mutex_);
  // The first answer stays: a concurrent duplicate must not replace it.
  if (stored_.count(key) != 0) return;
  while (!order_.empty() && (order_.size() >= capacity_ || bytes_ + bytes > max_bytes_)) evict_oldest();
  stored_.emplace(key, Stored{fingerprint, response, bytes});
  order_.push_back(key);
  bytes_ += bytes;
}

void IdempotencyStore::evict_oldest() {
  auto it = stored_.find(order_.front());
  bytes_ -= it->second.bytes;
  stored_.erase(it);
  order_.pop_front();
}

void IdempotencyStore::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  stored_.clear();
  order_.clear();
  bytes_ = 0;
}

std::size_t IdempotencyStore::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stored_.size();
}

std::size_t IdempotencyStore::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

}  // namespace orderkit::mock
