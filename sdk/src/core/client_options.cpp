#include <cstdint>
#include <cstdio>
#include <mutex>
#include <random>

#include "orderkit/core/client_options.hpp"
#include "orderkit/version.hpp"

namespace orderkit {

const char* to_string(Format format) noexcept { return format == Format::xml ? "xml" : "json"; }

const char* content_type(Format format) noexcept {
  return format == Format::xml ? "application/xml; charset=utf-8" : "application/json; charset=utf-8";
}

const char* accept_type(Format format) noexcept {
  return format == Format::xml ? "application/xml" : "application/json";
}

std::string default_user_agent() { return std::string("orderkit-cpp/") + version_string(); }

std::string new_request_id() {
  // One engine per process, seeded from the system's entropy; guarded so clients may be used from
  // several threads.
  static std::mutex mutex;
  static std::mt19937_64 engine{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }()};
  std::uint64_t high, low;
  {
    std::lock_guard<std::mutex> lock(mutex);
    high = engine();
    low = engine();
  }
  high = (high & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
  low = (low & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;    // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
  return text;
}

}  // namespace orderkit
