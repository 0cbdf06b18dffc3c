#pragma once
// The mock server (all four APIs under their prefixes) on a free port, in this process, on the
// same server as the orderkit-mock binary and the mock's own tests (orderkit::mock::MockServer).
#include <nlohmann/json.hpp>

#include <string>

#include "orderkit/mock/mock_server.hpp"

namespace orderkit::test {

class Mock {
 public:
  explicit Mock(mock::Mode mode = mock::Mode::echo) : server_(make_options(mode)) { server_.start(); }
  std::string url(const std::string& api) const { return server_.url() + "/" + api; }
  /// The requests the mock has seen, oldest first.
  nlohmann::json journal() const { return nlohmann::json::parse(server_.state().journal_json()).at("requests"); }

 private:
  static mock::MockOptions make_options(mock::Mode mode) {
    mock::MockOptions options;
    options.mode = mode;
    options.threads = 4;
    return options;
  }
  mock::MockServer server_;
};

}  // namespace orderkit::test
