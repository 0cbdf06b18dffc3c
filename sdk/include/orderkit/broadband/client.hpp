#pragma once
// The 000 (broadband) client: creates a broadband access order over any Transport (JSON only).
#include <memory>

#include "orderkit/broadband/models.hpp"
#include "orderkit/broadband/operations.hpp"
#include "orderkit/core/pipeline.hpp"

namespace orderkit::broadband {

class Client {
 public:
  Client(ClientOptions options, std::shared_ptr<Transport> transport);

  /// Creates the order and returns it as the server stored it. Throws ValidationError, ApiError,
  /// TransportError or ResponseDecodeError.
  Response<OrderNew> create_order(const OrderNew& order, const CallOptions& call = {}) const;
  /// The same without exceptions.
  ApiResult<OrderNew> try_create_order(const OrderNew& order, const CallOptions& call = {}) const;

  const ClientOptions& options() const noexcept { return pipeline_.options(); }

 private:
  Pipeline pipeline_;
};

}  // namespace orderkit::broadband
