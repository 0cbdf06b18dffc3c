#include "attempt_watch.hpp"

#include <algorithm>

namespace orderkit::detail {
namespace {

// How often the bytes received are looked at: at loopback speed some megabytes pass in between,
// which bounds how far past its byte limit a send can get.
constexpr auto kPollEvery = std::chrono::milliseconds(10);
// How often a stopped client is stopped again until disarmed, in case stop() landed between two
// requests of the send (a redirect, a reconnect).
constexpr auto kStopAgainEvery = std::chrono::milliseconds(20);

}  // namespace

AttemptWatch::~AttemptWatch() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t AttemptWatch::arm(httplib::Client& client, const SocketTap& tap, const std::atomic<bool>& body_started,
                                Bounds bounds) {
  // A kept-alive socket has received earlier answers: count from here.
  const std::uint64_t generation = tap.generation.load();
  const std::uint64_t baseline = bytes_received(tap.fd.load()).value_or(0);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  const std::uint64_t id = ++next_id_;
  watches_.emplace(id, Watch{&client, &tap, &body_started, bounds, generation, baseline, Verdict::none, {}});
  changed_.notify_all();
  return id;
}

AttemptWatch::Verdict AttemptWatch::disarm(std::uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = watches_.find(id);
  if (it == watches_.end()) return Verdict::none;
  const Verdict verdict = it->second.verdict;
  watches_.erase(it);
  return verdict;
}

AttemptWatch::Verdict AttemptWatch::judge(Watch& watch, Clock::time_point now) {
  if (watch.bounds.deadline <= now) return Verdict::past_deadline;
  const std::uint64_t generation = watch.tap->generation.load();
  const auto received = bytes_received(watch.tap->fd.load());
  if (!received) return Verdict::none;
  // A new socket (a connect or a reconnect during this send): all it received is this send's.
  if (generation != watch.generation || *received < watch.baseline) {
    watch.generation = generation;
    watch.baseline = 0;
  }
  const std::uint64_t taken = *received - watch.baseline;
  if (!watch.body_started->load()) return taken > watch.bounds.head_bytes ? Verdict::head_too_large : Verdict::none;
  return taken > watch.bounds.total_bytes ? Verdict::too_large : Verdict::none;
}

void AttemptWatch::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    const auto now = Clock::now();
    auto next = Clock::time_point::max();
    for (auto& [id, watch] : watches_) {
      if (watch.verdict == Verdict::none) watch.verdict = judge(watch, now);
      if (watch.verdict == Verdict::none) {
        next = std::min({next, watch.bounds.deadline, now + kPollEvery});
      } else if (watch.next_stop <= now) {
        // Under the lock, so disarm() cannot return (and the client go) while it runs. stop()
        // waits for a connect in progress (bounded by the connect timeout, which the transport
        // keeps within the attempt's) and then shuts the socket down.
        watch.client->stop();
        watch.next_stop = now + kStopAgainEvery;
        next = std::min(next, watch.next_stop);
      } else {
        next = std::min(next, watch.next_stop);
      }
    }
    if (next == Clock::time_point::max()) {
      changed_.wait(lock);
    } else {
      changed_.wait_until(lock, next);
    }
  }
}

}  // namespace orderkit::detail
