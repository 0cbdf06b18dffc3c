#include "journal.hpp"

#include <nlohmann/json.hpp>

namespace orderkit::mock {

void Journal::add(JournalEntry entry) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++total_;
  entries_.push_back(std::move(entry));
  while (entries_.size() > capacity_) entries_.pop_front();
}

void Journal::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

std::string Journal::to_json() const {
  using nlohmann::ordered_json;
  ordered_json list = ordered_json::array();
  std::lock_guard<std::mutex> lock(mutex_);
  for (const JournalEntry& e : entries_) {
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
