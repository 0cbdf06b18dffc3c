#pragma once
// The 001 (contracts) client: generates a customer contract's next order over any Transport.
#include <cstdint>
#include <memory>
#include <optional>

#include "orderkit/contracts/models.hpp"
#include "orderkit/contracts/operations.hpp"
#include "orderkit/core/pipeline.hpp"

namespace orderkit::contracts {

class Client {
 public:
  Client(ClientOptions options, std::shared_ptr<Transport> transport);

  /// Generates the order of contract `id` for `period`, or for the next scheduled period when
  /// there is none. The value is std::nullopt when the server generated no order.
  Response<std::optional<OrderBase>> generate_order(std::int32_t id, const std::optional<Period>& period = std::nullopt,
                                                    const CallOptions& call = {}) const;
  Response<std::optional<OrderBase>> generate_order(const GenerateOrderQuery& query,
                                                    const CallOptions& call = {}) const;
  /// The same without exceptions.
  ApiResult<std::optional<OrderBase>> try_generate_order(const GenerateOrderQuery& query,
                                                         const CallOptions& call = {}) const;

  const ClientOptions& options() const noexcept { return pipeline_.options(); }

 private:
  Pipeline pipeline_;
};

}  // namespace orderkit::contracts
