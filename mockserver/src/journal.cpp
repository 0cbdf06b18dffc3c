#include "journal.hpp"

#include <nlohmann/json.hpp>

namespace orderkit::mock {

void Journal::add(JournalEntry entry) {
  if (capacity_ == 0) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++total_;
    if (entries_.size() < capacity_) {
      entries_.push_back(std::move(entry));
      return;
    }
    std::swap(entries_[next_], entry);
    next_ = (next_ + 1) % capacity_;
  }
  // `entry` is now the evicted one; it is freed here, outside the lock.
}

void Journal::clear() {
  std::vector<JournalEntry> old;
  std::lock_guard<std::mutex> lock(mutex_);
  old.swap(entries_);
  next_ = 0;
}

std::string Journal::to_json() const {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const JournalEntry& e = entries_[(next_ + i) % entries_.size()];
    ordered_json headers = ordered_json::object();
    for (const auto& [name, value] : e.headers) headers[name] = value;
    ordered_json j = {{"time", e.time},
                      {"requestId", e.request_id},
                      {"method", e.method},
                      {"path", e.path},
                      {"query", e.query},
                      {"headers", std::move(headers)},
                      // Bodies are bytes: invalid UTF-8 is replaced rather than refused.
                      {"body", e.body},
                      {"bodyBytes", e.body_bytes},
                      {"bodyTruncated", e.body.size() < e.body_bytes},
                      {"api", e.api.empty() ? ordered_json(nullptr) : ordered_json(e.api)}};
    if (e.has_body_model) {
      j["decoded"] = e.decoded;
      ordered_json errors = ordered_json::array();
      for (const auto& [key, message] : e.errors) errors.push_back({{"field", key}, {"message", message}});
      j["errors"] = std::move(errors);
    } else {
      j["decoded"] = nullptr;
      j["errors"] = ordered_json::array();
    }
    j["status"] = e.status;
    list.push_back(std::move(j));
  }
  ordered_json out = {{"total", total_}, {"requests", std::move(list)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace orderkit::mock
