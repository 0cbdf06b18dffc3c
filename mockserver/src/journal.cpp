#include "journal.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>

#include "text.hpp"

namespace orderkit::mock {

namespace {

// "2026-11-24T11:41:07.123Z"
std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const std::time_t t = system_clock::to_time_t(time);
  const auto ms = duration_cast<milliseconds>(time.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

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
    const bool text = is_utf8(e.body);
    ordered_json headers = ordered_json::object();
    for (const auto& [name, value] : e.headers) headers[name] = value;
    ordered_json j = {{"time", utc_timestamp(e.time)},
                      {"requestId", e.request_id},
                      {"method", e.method},
                      {"path", e.path},
                      {"query", e.query},
                      {"headers", std::move(headers)},
                      // A body is bytes: text when it is UTF-8, else base64 so that no byte is lost.
                      {"body", text ? e.body : base64(e.body)},
                      {"bodyEncoding", text ? "utf-8" : "base64"},
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
    ordered_json warnings = ordered_json::array();
    for (const auto& [key, message] : e.warnings) warnings.push_back({{"field", key}, {"message", message}});
    j["warnings"] = std::move(warnings);
    j["status"] = e.status;
    list.push_back(std::move(j));
  }
  ordered_json out = {{"total", total_}, {"requests", std::move(list)}};
  // Path, query and headers are text: bytes in them that are not UTF-8 become U+FFFD.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace orderkit::mock
