#include <cstdint>
#include <mutex>
#include <random>
#include <string>

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
  // 8-4-4-4-12 hexadecimal digits, by hand: snprintf would bring printf into the wasm module.
  static constexpr char kHex[] = "0123456789abcdef";
  const std::uint64_t words[2] = {high, low};
  std::string text;
  text.reserve(36);
  for (int i = 0; i < 32; ++i) {
    if (i == 8 || i == 12 || i == 16 || i == 20) text += '-';
    text += kHex[(words[i / 16] >> (60 - 4 * (i % 16))) & 15];
  }
  return text;
}

}  // namespace orderkit
