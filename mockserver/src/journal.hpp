#pragma once
// The request journal: the last N requests with what the mock made of them, for integrators'
// assertions (GET /__admin/requests). Its JSON is always UTF-8: a body that is not UTF-8 text is
// given in base64 (bodyEncoding "base64"); other text (path, query, headers) has bytes that are
// not UTF-8 replaced with U+FFFD.
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "orderkit/core/error.hpp"

namespace orderkit::mock {

/// A difference between an exchange and the documented contract (the contract proxy's finding).
struct Violation {
  std::string side;  // "request" or "response"
  std::string path;  // a ModelState key (request) or a field path in the answer ("" for the whole)
  std::string message;
};

/// What the contract proxy did with a request.
struct ProxyRecord {
  std::string url;           // where it was forwarded
  int status = 0;            // the upstream's status; 0 when there was no answer
  std::string failure;       // why there was no answer ("" when there was one)
  std::string recorded;      // the stub file written (--record), or ""
  std::string record_error;  // why it was not written, when it should have been
  std::vector<Violation> violations;
};

struct JournalEntry {
  std::chrono::system_clock::time_point time;  // written as UTC ISO 8601 when the journal is read
  std::string request_id;
  std::string method, path, query;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;             // at most the configured number of bytes (fewer, to end a character)
  std::size_t body_bytes = 0;   // the body's full size
  std::string api;              // "mobile", or "" for other paths
  bool decoded = false;         // the body decoded (and the request was valid) when errors is empty
  bool has_body_model = false;  // whether decoded/errors apply
  std::vector<std::pair<std::string, std::string>> errors;  // (ModelState key, message)
  // What the real server would have dropped without an error (key, message), as X-Mock-Warning says.
  std::vector<std::pair<std::string, std::string>> warnings;
  int status = 0;
  std::string stub;                  // the id of the stub that answered, or ""
  std::string fault;                 // "close" or "half_body" when the answer broke the connection, or ""
  std::optional<ProxyRecord> proxy;  // set when the request was forwarded
};

/// Which part of the journal a reader asks for (GET /__admin/requests?since=&limit=).
struct JournalPage {
  unsigned long long since = 0;                      // only entries whose seq is greater (seq counts from 1)
  std::size_t limit = static_cast<std::size_t>(-1);  // at most this many, the oldest of them first
};

class Journal {
 public:
  /// Keeps the last `capacity` entries, at most `body_bytes` of body each and at most
  /// `total_bytes` in all (the oldest go first; 0 keeps none).
  Journal(std::size_t capacity, std::size_t body_bytes, std::size_t total_bytes)
      : capacity_(capacity), body_bytes_(body_bytes), total_bytes_(total_bytes) {}
  std::size_t body_bytes() const { return body_bytes_; }
  void add(JournalEntry entry);
  void clear();
  /// {"total": N, "next": SEQ, "requests": [...]} oldest first.
  std::string to_json(const JournalPage& page = {}) const;

  /// The bytes an entry is charged for: its strings, which are what grows with the request.
  static std::size_t charge(const JournalEntry& e);

 private:
  using Stored = std::shared_ptr<const JournalEntry>;
  // Readers copy the pointers under the lock and write the JSON outside it, so a large journal
  // being read does not stop the workers that add to it. Evicted entries are freed after the
  // lock is released, so workers do not queue behind each other's deallocations.
  mutable std::mutex mutex_;
  std::deque<std::pair<unsigned long long, Stored>> entries_;  // (seq, entry), oldest first
  std::size_t stored_bytes_ = 0;
  std::size_t capacity_;
  std::size_t body_bytes_;
  std::size_t total_bytes_;
  unsigned long long total_ = 0;  // entries ever added: the seq of the newest
};

}  // namespace orderkit::mock
