#pragma once
// The 002 (mobile) client: creates orders for new subscriptions over any Transport.
#include <memory>
#include <vector>

#include "orderkit/core/pipeline.hpp"
#include "orderkit/mobile/models.hpp"
#include "orderkit/mobile/operations.hpp"

namespace orderkit::mobile {

class Client {
 public:
  /// A client for the API at options.base_url, sending through `transport`.
  Client(ClientOptions options, std::shared_ptr<Transport> transport);

  /// Creates the orders; each result item says whether its order succeeded (Success,
  /// ErrorMessage). Throws ValidationError, ApiError, TransportError or ResponseDecodeError.
  Response<std::vector<OrderDetailResult>> create_orders(const OrderCreationRequest& order,
                                                         const CallOptions& call = {}) const;
  /// The same without exceptions.
  ApiResult<std::vector<OrderDetailResult>> try_create_orders(const OrderCreationRequest& order,
                                                              const CallOptions& call = {}) const;

  const ClientOptions& options() const noexcept { return pipeline_.options(); }

 private:
  Pipeline pipeline_;
};

}  // namespace orderkit::mobile
