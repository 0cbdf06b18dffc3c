#pragma once
// The deadline of each attempt (Timeouts::attempt). cpp-httplib 0.11.4 only times out each read
// and write, so a server that answers a byte at a time holds a send for ever; one thread watches
// the sends in flight and, past a send's deadline, calls Client::stop(), which shuts the socket
// down from outside so that the blocked connect, send or read returns with an error.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

namespace orderkit::detail {

class AttemptDeadlines {
 public:
  using Clock = std::chrono::steady_clock;

  AttemptDeadlines() = default;
  AttemptDeadlines(const AttemptDeadlines&) = delete;
  AttemptDeadlines& operator=(const AttemptDeadlines&) = delete;
  ~AttemptDeadlines();

  /// Watches `client` until disarm(): past `deadline` it is stopped. Returns the watch's id.
  std::uint64_t arm(Clock::time_point deadline, httplib::Client& client);
  /// Ends the watch; after it returns the watcher no longer touches the client. True when the
  /// deadline had passed and the client was stopped.
  bool disarm(std::uint64_t id);

 private:
  struct Watch {
    Clock::time_point deadline;
    httplib::Client* client;
    bool fired;
  };
  void run();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::uint64_t, Watch> watches_;
  std::uint64_t next_id_ = 0;
  bool stopping_ = false;
  std::thread thread_;  // started by the first arm()
};

}  // namespace orderkit::detail
