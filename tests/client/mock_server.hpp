#pragma once
// The mock server (all four APIs under their prefixes) on a free port, in this process.
#include <nlohmann/json.hpp>

#include <memory>
#include <stdexcept>
#include <string>

#include "background.hpp"
#include "orderkit/mock/server.hpp"

namespace orderkit::test {

class Mock {
 public:
  explicit Mock(mock::Mode mode = mock::Mode::echo) : state_(make_options(mode)) {
    mock::configure_server(server_, state_.options());
    mock::register_routes(server_, state_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a free port");
    serving_ = std::make_unique<Background>(server_);
  }
  std::string url(const std::string& api) const { return "http://127.0.0.1:" + std::to_string(port_) + "/" + api; }
  /// The requests the mock has seen, oldest first.
  nlohmann::json journal() const { return nlohmann::json::parse(state_.journal_json()).at("requests"); }

 private:
  static mock::MockOptions make_options(mock::Mode mode) {
    mock::MockOptions options;
    options.mode = mode;
    options.threads = 4;
    return options;
  }
  mock::MockState state_;
  httplib::Server server_;
  int port_ = 0;
  std::unique_ptr<Background> serving_;  // declared last: stops before the server is destroyed
};

}  // namespace orderkit::test
