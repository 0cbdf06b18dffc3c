#pragma once
// The call loop every API client shares: fill in the request id and idempotency key, build the
// request once, send it through the transport, and retry per RetryPolicy (next_retry) with the
// same request, so a retried POST carries the same Idempotency-Key and X-Request-Id.
#include <functional>
#include <memory>
#include <string_view>
#include <utility>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"
#include "orderkit/core/http.hpp"
#include "orderkit/core/transport.hpp"

namespace orderkit {

/// The final response (any status) of a call, or the error that ended it before one arrived.
struct Exchange {
  Outcome<HttpResponse> response;
  std::string request_id;
  int attempts = 0;
};

class Pipeline {
 public:
  /// `transport` must not be null.
  Pipeline(ClientOptions options, std::shared_ptr<Transport> transport);

  const ClientOptions& options() const noexcept { return options_; }

  using Builder = std::function<Outcome<HttpRequest>(const CallOptions&)>;

  /// Completes `call` (request id; idempotency key when retries are on), builds the request with
  /// it and sends it until it succeeds, fails for good, or runs out of attempts.
  Exchange execute(const Builder& build, CallOptions call) const;

  /// execute() followed by the operation's parser; the result reports the attempts made.
  template <class T, class Parser>
  ApiResult<T> call(const Builder& build, const Parser& parse, CallOptions call) const {
    Exchange exchange = execute(build, std::move(call));
    if (!exchange.response.ok()) return std::move(exchange.response.error());
    ApiResult<T> result = parse(exchange.response.value(), std::string_view(exchange.request_id));
    if (result.ok()) {
      result.value().attempts = exchange.attempts;
    } else {
      result.error().attempts = exchange.attempts;
    }
    return result;
  }

 private:
  ClientOptions options_;
  std::shared_ptr<Transport> transport_;
};

}  // namespace orderkit
