#pragma once
// The 003 (licenses) client: submits a license order over any Transport.
#include <memory>

#include "orderkit/core/pipeline.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/licenses/operations.hpp"

namespace orderkit::licenses {

class Client {
 public:
  Client(ClientOptions options, std::shared_ptr<Transport> transport);

  /// Submits the order; the value is the server's ValidationResult (IsValid(), Errors). Throws
  /// ValidationError, ApiError, TransportError or ResponseDecodeError.
  Response<ValidationResult> submit_order(const OrderRequest& order, const CallOptions& call = {}) const;
  /// The same without exceptions.
  ApiResult<ValidationResult> try_submit_order(const OrderRequest& order, const CallOptions& call = {}) const;

  const ClientOptions& options() const noexcept { return pipeline_.options(); }

 private:
  Pipeline pipeline_;
};

}  // namespace orderkit::licenses
