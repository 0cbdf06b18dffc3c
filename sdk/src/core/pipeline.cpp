#include "orderkit/core/pipeline.hpp"

#include <chrono>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include "orderkit/core/retry.hpp"
#include "orderkit/internal/client_errors.hpp"

namespace orderkit {
namespace {

using Clock = std::chrono::steady_clock;

double default_random() {
  static std::mutex mutex;
  static std::mt19937_64 engine{std::random_device{}()};
  std::lock_guard<std::mutex> lock(mutex);
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

const char* transport_code(TransportErrorCode code) {
  switch (code) {
    case TransportErrorCode::connect: return "connect_failed";
    case TransportErrorCode::timeout: return "timeout";
    case TransportErrorCode::tls: return "tls_failed";
    case TransportErrorCode::connection: return "connection_lost";
    case TransportErrorCode::invalid_url: return "invalid_url";
    case TransportErrorCode::other: return "transport_failed";
  }
  return "transport_failed";
}

ClientError transport_error(const TransportFailure& failure, const HttpRequest& request,
                            const std::string& request_id) {
  ClientError error = errors::make(ErrorKind::transport, transport_code(failure.code),
                                   request.method + " " + request.url + ": " + failure.message, request_id);
  error.transport = failure.code;
  return error;
}

}  // namespace

Pipeline::Pipeline(ClientOptions options, std::shared_ptr<Transport> transport)
    : options_(std::move(options)), transport_(std::move(transport)) {
  if (!transport_) throw std::invalid_argument("orderkit client: transport must not be null");
}

Exchange Pipeline::execute(const Builder& build, CallOptions call) const {
  // The request is built once: every attempt sends the same bytes, request id and idempotency key.
  Outcome<HttpRequest> built = build(call);
  if (!built.ok()) {
    std::string id = built.error().request_id;
    return Exchange{std::move(built.error()), std::move(id), 0};
  }
  const HttpRequest& request = built.value();
  const std::string request_id = *find_header(request.headers, kRequestIdHeader);
  const bool resend_safe = is_idempotent_method(request.method) || find_header(request.headers, kIdempotencyKeyHeader);
  const SendOptions send_options{options_.timeouts};

  auto event = [](LogEvent::Kind kind, int attempt) {
    LogEvent e;
    e.kind = kind;
    e.attempt = attempt;
    return e;
  };
  auto log = [&](LogEvent event) {
    if (!options_.logger) return;
    event.method = request.method;
    event.url = request.url;
    event.request_id = request_id;
    options_.logger(event);
  };

  for (int attempt = 1;; ++attempt) {
    log(event(LogEvent::Kind::sending, attempt));
    auto started = Clock::now();
    TransportResult result = transport_->send(request, send_options);
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);

    AttemptInfo info;
    info.attempt = attempt;
    info.resend_safe = resend_safe;
    if (result.ok()) {
      const HttpResponse& response = result.response();
      LogEvent received = event(LogEvent::Kind::received, attempt);
      received.status = response.status;
      received.elapsed = elapsed;
      log(received);
      if (response.status >= 200 && response.status < 300) {
        return Exchange{std::move(result.response()), request_id, attempt};
      }
      info.status = response.status;
      if (const std::string* after = find_header(response.headers, "Retry-After")) info.retry_after = *after;
    } else {
      LogEvent failed = event(LogEvent::Kind::failed, attempt);
      failed.elapsed = elapsed;
      failed.message = result.failure().message;
      log(failed);
      info.reached_server = result.failure().reached_server;
    }

    double random01 = options_.random ? options_.random() : default_random();
    RetryDecision decision = next_retry(options_.retry, info, random01, std::chrono::system_clock::now());
    if (!decision.retry) {
      if (result.ok()) return Exchange{std::move(result.response()), request_id, attempt};
      ClientError error = transport_error(result.failure(), request, request_id);
      error.attempts = attempt;
      if (attempt > 1 || options_.retry.enabled()) error.message += " (" + decision.reason + ")";
      return Exchange{std::move(error), request_id, attempt};
    }
    LogEvent retrying = event(LogEvent::Kind::retrying, attempt);
    retrying.status = info.status;
    retrying.delay = decision.delay;
    retrying.message = decision.reason;
    log(retrying);
    if (options_.sleep) {
      options_.sleep(decision.delay);
    } else {
      std::this_thread::sleep_for(decision.delay);
    }
  }
}

}  // namespace orderkit
