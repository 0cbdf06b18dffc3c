#pragma once
// The one seam between the sans-IO core and the network. A transport sends one HttpRequest and
// returns the response or why there is none; it never retries, decodes or throws (retries and
// decoding belong to the client). Implementations: orderkit::transport_httplib (native),
// browser fetch (the WebAssembly package), and FakeTransport for tests.
#include <chrono>
#include <string>
#include <utility>
#include <variant>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"

namespace orderkit {

/// Per-attempt settings a transport honours.
struct SendOptions {
  Timeouts timeouts;
};

/// Why an attempt produced no response.
struct TransportFailure {
  TransportErrorCode code = TransportErrorCode::other;
  std::string message;
  /// False only when the request certainly never reached the server (nothing was written to a
  /// connection): then even a POST without an idempotency key may be sent again.
  bool reached_server = true;
};

/// The response, or the failure.
class TransportResult {
 public:
  TransportResult(HttpResponse response) : state_(std::in_place_index<0>, std::move(response)) {}
  TransportResult(TransportFailure failure) : state_(std::in_place_index<1>, std::move(failure)) {}

  bool ok() const noexcept { return state_.index() == 0; }
  const HttpResponse& response() const { return std::get<0>(state_); }
  HttpResponse& response() { return std::get<0>(state_); }
  const TransportFailure& failure() const { return std::get<1>(state_); }

 private:
  std::variant<HttpResponse, TransportFailure> state_;
};

/// Sends requests. Implementations must be safe to call from several threads at once if a client
/// is shared between threads.
class Transport {
 public:
  virtual ~Transport() = default;
  /// Sends one request and waits for its complete response. Never throws.
  virtual TransportResult send(const HttpRequest& request, const SendOptions& options) = 0;
};

}  // namespace orderkit
