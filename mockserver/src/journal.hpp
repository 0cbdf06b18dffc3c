#pragma once
// The request journal: the last N requests with what the mock made of them, for integrators'
// assertions (GET /__admin/requests). Its JSON is always UTF-8: a body that is not UTF-8 text is
// given in base64 (bodyEncoding "base64"); other text (path, query, headers) has bytes that are
// not UTF-8 replaced with U+FFFD.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "orderkit/core/error.hpp"

namespace orderkit::mock {

struct JournalEntry {
  std::chrono::system_clock::time_point time;  // written as UTC ISO 8601 when the journal is read
  std::string request_id;
  std::string method, path, query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;              // at most the configured number of bytes (fewer, to end a character)
  std::size_t body_bytes = 0;    // the body's full size
  std::string api;               // "mobile", or "" for other paths
  bool decoded = false;          // the body decoded (and the request was valid) when errors is empty
  bool has_body_model = false;   // whether decoded/errors apply
  std::vector<std::pair<std::string, std::string>> errors;  // (ModelState key, message)
  // What the real server would have dropped without an error (key, message), as X-Mock-Warning says.
  std::vector<std::pair<std::string, std::string>> warnings;
  int status = 0;
};

class Journal {
 public:
  Journal(std::size_t capacity, std::size_t body_bytes) : capacity_(capacity), body_bytes_(body_bytes) {}
  std::size_t body_bytes() const { return body_bytes_; }
  void add(JournalEntry entry);
  void clear();
  /// {"requests": [...]} oldest first.
  std::string to_json() const;

 private:
  mutable std::mutex mutex_;
  // A ring: once full, the oldest entry is swapped out and freed after the lock is released, so
  // worker threads do not queue behind each other's deallocations.
  std::vector<JournalEntry> entries_;
  std::size_t next_ = 0;  // the oldest entry once the ring is full
  std::size_t capacity_;
  std::size_t body_bytes_;
  unsigned long long total_ = 0;
};

}  // namespace orderkit::mock
