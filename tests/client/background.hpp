#pragma once
// Serving a cpp-httplib server from a background thread in a test.
#include <atomic>
#include <thread>

#include <httplib.h>

namespace orderkit::test {

/// Runs `server` (already bound) on a thread until destroyed.
///
/// cpp-httplib 0.11.4's stop() does nothing until the accept loop has started, so stopping right
/// after starting (a test that makes no request, on a loaded machine) would lose the stop and hang
/// the join: the destructor first waits for the loop to run, or to have ended.
class Background {
 public:
  explicit Background(httplib::Server& server) : server_(server) {
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      done_ = true;
    });
  }
  ~Background() {
    while (!done_ && !server_.is_running()) std::this_thread::yield();
    server_.stop();
    thread_.join();
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

 private:
  httplib::Server& server_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace orderkit::test
