#pragma once
// --record DIR: each exchange the contract proxy passed on, written as a stub file that --stubs
// loads ({"stubs": [STUB]}), so that a session recorded against a real server can be replayed
// offline. Repeated requests become a scenario, so that replay answers them in the recorded
// order (docs/mock.md, "Recording").
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "apis.hpp"
#include "orderkit/core/http.hpp"
#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

class Recorder {
 public:
  /// Creates the folder if needed; throws std::invalid_argument when it cannot.
  explicit Recorder(const ProxyOptions& options);

  /// Writes one exchange: the request as the client sent it to the mock (method, path, query)
  /// and the upstream's answer. Returns the file's name, or "" with `error` saying why nothing
  /// was written (the run's file or byte budget is spent, the disk refused).
  std::string record(const Endpoint& endpoint, const MockRequest& request, const HttpResponse& answer,
                     std::string& error);

 private:
  // A request recorded before: the file of its latest answer and how many answers it has.
  struct Sequence {
    std::string last_file;
    std::size_t count = 0;
  };

  std::string dir_;
  std::size_t max_files_;
  std::size_t max_bytes_;
  std::string run_;  // "20261203T121743Z-1a2b": names this run's files, ids and scenarios
  std::mutex mutex_;
  std::size_t files_ = 0;
  std::size_t bytes_ = 0;
  std::map<std::string, Sequence> sequences_;  // by method, path and query
};

}  // namespace orderkit::mock
