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

// The contract proxy's part of an entry: where the request went, what came back, the violations.
void add_proxy(nlohmann::ordered_json& j, const ProxyRecord& p) {
  using nlohmann::ordered_json;
  auto text_or_null = [](const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); };
  ordered_json proxy = {{"url", p.url},
                        {"status", p.status ? ordered_json(p.status) : ordered_json(nullptr)},
                        {"failure", text_or_null(p.failure)},
                        {"recorded", text_or_null(p.recorded)}};
  if (!p.record_error.empty()) proxy["recordError"] = p.record_error;
  j["proxy"] = std::move(proxy);
  ordered_json violations = ordered_json::array();
  for (const Violation& v : p.violations)
    violations.push_back({{"side", v.side}, {"path", v.path}, {"message", v.message}});
  j["violations"] = std::move(violations);
}

}  // namespace

std::size_t Journal::charge(const JournalEntry& e) {
  std::size_t bytes = sizeof(JournalEntry) + e.request_id.size() + e.method.size() + e.path.size() + e.query.size() +
                      e.body.size() + e.api.size();
  for (const auto& [name, value] : e.headers) bytes += name.size() + value.size() + 2 * sizeof(std::string);
  for (const auto& [key, message] : e.errors) bytes += key.size() + message.size() + 2 * sizeof(std::string);
  return bytes;
}

void Journal::add(JournalEntry entry) {
  const std::size_t bytes = charge(entry);
  std::vector<Stored> evicted;  // freed after the lock is released
  std::lock_guard<std::mutex> lock(mutex_);
  ++total_;
  if (capacity_ == 0 || bytes > total_bytes_) return;  // counted, not kept
  auto stored = std::make_shared<const JournalEntry>(std::move(entry));
  while (!entries_.empty() && (entries_.size() >= capacity_ || stored_bytes_ + bytes > total_bytes_)) {
    stored_bytes_ -= charge(*entries_.front().second);
    evicted.push_back(std::move(entries_.front().second));
    entries_.pop_front();
  }
  entries_.emplace_back(total_, std::move(stored));
  stored_bytes_ += bytes;
}

void Journal::clear() {
  std::deque<std::pair<unsigned long long, Stored>> old;
  std::lock_guard<std::mutex> lock(mutex_);
  old.swap(entries_);
  stored_bytes_ = 0;
}

std::string Journal::to_json(const JournalPage& page) const {
  using nlohmann::ordered_json;
  std::vector<std::pair<unsigned long long, Stored>> picked;
  unsigned long long total = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    total = total_;
    for (const auto& stored : entries_) {
      if (picked.size() >= page.limit) break;
      if (stored.first > page.since) picked.push_back(stored);
    }
  }
  ordered_json list = ordered_json::array();
  for (const auto& [seq, stored] : picked) {
    const JournalEntry& e = *stored;
    const bool text = is_utf8(e.body);
    ordered_json headers = ordered_json::object();
    for (const auto& [name, value] : e.headers) headers[name] = value;
    ordered_json j = {{"seq", seq},
                      {"time", utc_timestamp(e.time)},
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
    // Which stub answered, and what it did to the connection (only when one did).
    if (!e.stub.empty()) j["stub"] = e.stub;
    if (!e.fault.empty()) j["fault"] = e.fault;
    if (e.proxy) add_proxy(j, *e.proxy);
    list.push_back(std::move(j));
  }
  // "next" is what to pass as ?since= to get only what came after this page.
  const unsigned long long next = picked.empty() ? page.since : picked.back().first;
  ordered_json out = {{"total", total}, {"next", next}, {"requests", std::move(list)}};
  // Path, query and headers are text: bytes in them that are not UTF-8 become U+FFFD.
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace orderkit::mock
