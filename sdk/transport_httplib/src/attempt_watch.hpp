#pragma once
// Bounds each attempt from outside, in time and in bytes. cpp-httplib 0.11.4 only times out each
// read and write, so a server that answers a byte at a time holds a send for ever; and it reads
// header lines (8 KiB each) for as long as they come, so a server that never ends its head makes
// the client allocate without bound. One thread watches the sends in flight: past a send's
// deadline (Timeouts::attempt), or once its socket has received more than the send may take, it
// calls Client::stop(), which shuts the socket down from outside so that the blocked connect,
// send or read returns with an error.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>

#include "socket_tap.hpp"

namespace orderkit::detail {

class AttemptWatch {
 public:
  using Clock = std::chrono::steady_clock;

  /// What one send may take: until when, and how many bytes it may receive before its body
  /// starts (the status line and headers) and in all.
  struct Bounds {
    Clock::time_point deadline = Clock::time_point::max();
    std::uint64_t head_bytes = 0;
    std::uint64_t total_bytes = 0;
  };
  enum class Verdict { none, past_deadline, head_too_large, too_large };

  AttemptWatch() = default;
  AttemptWatch(const AttemptWatch&) = delete;
  AttemptWatch& operator=(const AttemptWatch&) = delete;
  ~AttemptWatch();

  /// Watches `client`, whose sockets `tap` reports, until disarm(). `body_started` is set by the
  /// send once the body arrives (the head was complete). Returns the watch's id.
  std::uint64_t arm(httplib::Client& client, const SocketTap& tap, const std::atomic<bool>& body_started,
                    Bounds bounds);
  /// Ends the watch; after it returns the watcher no longer touches the client. Why the client
  /// was stopped, if it was.
  Verdict disarm(std::uint64_t id);

 private:
  struct Watch {
    httplib::Client* client;
    const SocketTap* tap;
    const std::atomic<bool>* body_started;
    Bounds bounds;
    std::uint64_t generation;  // of the socket `baseline` was read on
    std::uint64_t baseline;    // its bytes received before this send
    Verdict verdict;
    Clock::time_point next_stop;  // once stopped: when to stop it again
  };
  static Verdict judge(Watch& watch, Clock::time_point now);
  void run();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::uint64_t, Watch> watches_;
  std::uint64_t next_id_ = 0;
  bool stopping_ = false;
  std::thread thread_;  // started by the first arm()
};

}  // namespace orderkit::detail
