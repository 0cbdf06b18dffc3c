#pragma once
// A Transport for tests: answers from a script of queued results (then from an optional handler)
// and records every request it was asked to send. No sockets, no clocks.
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "orderkit/core/transport.hpp"

namespace orderkit::testing {

class FakeTransport final : public Transport {
 public:
  using Handler = std::function<TransportResult(const HttpRequest&, const SendOptions&)>;

  FakeTransport() = default;
  /// Answers every request not covered by queued results with `handler`.
  explicit FakeTransport(Handler handler) : handler_(std::move(handler)) {}

  /// Queues the answer to the next request.
  FakeTransport& then(TransportResult result) {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(result));
    return *this;
  }

  TransportResult send(const HttpRequest& request, const SendOptions& options) override {
    std::unique_lock<std::mutex> lock(mutex_);
    requests_.push_back(request);
    options_.push_back(options);
    if (!queue_.empty()) {
      TransportResult result = std::move(queue_.front());
      queue_.pop_front();
      return result;
    }
    if (handler_) {
      Handler handler = handler_;
      lock.unlock();
      return handler(request, options);
    }
    return TransportFailure{TransportErrorCode::other, "FakeTransport: no answer queued", false};
  }

  /// Every request sent so far, in order.
  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::vector<SendOptions> send_options() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return options_;
  }

 private:
  mutable std::mutex mutex_;
  std::deque<TransportResult> queue_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
  std::vector<SendOptions> options_;
};

/// A response with a body and its Content-Type.
inline HttpResponse make_response(int status, std::string body,
                                  std::string content_type = "application/json; charset=utf-8", Headers headers = {}) {
  HttpResponse response;
  response.status = status;
  response.reason = reason_phrase(status);
  response.headers = std::move(headers);
  if (!content_type.empty()) response.headers.emplace_back("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

/// A failed connection that never reached the server (connection refused).
inline TransportFailure refused() { return {TransportErrorCode::connect, "connection refused", false}; }

}  // namespace orderkit::testing
