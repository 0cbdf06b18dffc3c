#include "attempt_deadlines.hpp"

#include <algorithm>

namespace orderkit::detail {

AttemptDeadlines::~AttemptDeadlines() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t AttemptDeadlines::arm(Clock::time_point deadline, httplib::Client& client) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  const std::uint64_t id = ++next_id_;
  watches_.emplace(id, Watch{deadline, &client, false});
  changed_.notify_all();
  return id;
}

bool AttemptDeadlines::disarm(std::uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = watches_.find(id);
  if (it == watches_.end()) return false;
  const bool fired = it->second.fired;
  watches_.erase(it);
  return fired;
}

void AttemptDeadlines::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    const auto now = Clock::now();
    auto next = Clock::time_point::max();
    for (auto& [id, watch] : watches_) {
      if (watch.deadline <= now) {
        // Under the lock, so disarm() cannot return (and the client go) while it runs. stop()
        // waits for a connect in progress (bounded by the connect timeout, which the transport
        // keeps within the attempt's) and then shuts the socket down. Repeated until disarmed,
        // in case it landed between two requests of the send (a redirect, a reconnect).
        watch.fired = true;
        watch.client->stop();
        watch.deadline = now + std::chrono::milliseconds(20);
      }
      next = std::min(next, watch.deadline);
    }
    if (next == Clock::time_point::max()) {
      changed_.wait(lock);
    } else {
      changed_.wait_until(lock, next);
    }
  }
}

}  // namespace orderkit::detail
