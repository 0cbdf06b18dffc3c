#pragma once
// Helpers shared by the client tests: reading the pages' samples, and client options that never
// sleep and take fixed "random" numbers, so retries are tested without clocks.
#include <chrono>
#include <fstream>
#include <memory>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "orderkit/core/client_error.hpp"
#include "orderkit/core/client_options.hpp"

namespace orderkit::test {

inline std::string read_fixture(const std::string& relative) {
  std::ifstream in(std::string(ORDERKIT_FIXTURES_DIR) + "/" + relative, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Options for base_url whose sleeps are recorded in `*slept` instead of slept.
inline ClientOptions quiet_options(std::string base_url,
                                   std::shared_ptr<std::vector<std::chrono::milliseconds>> slept = nullptr) {
  ClientOptions options;
  options.base_url = std::move(base_url);
  options.random = [] { return 0.0; };
  options.sleep = [slept](std::chrono::milliseconds d) {
    if (slept) slept->push_back(d);
  };
  return options;
}

}  // namespace orderkit::test

namespace orderkit {
// Printers so that Boost.Test can show these values when a check fails.
inline std::ostream& operator<<(std::ostream& out, ErrorKind kind) { return out << to_string(kind); }
inline std::ostream& operator<<(std::ostream& out, LogEvent::Kind kind) { return out << static_cast<int>(kind); }
inline std::ostream& operator<<(std::ostream& out, TransportErrorCode code) { return out << to_string(code); }
}  // namespace orderkit
