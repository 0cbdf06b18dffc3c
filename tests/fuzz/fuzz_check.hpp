#pragma once
// A property a harness checks: when it fails, the input is printed and the process aborts, which
// libFuzzer reports as a crash and saves as crash-<hash> for a regression test.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace orderkit::fuzz {

[[noreturn]] inline void fail(const char* property, std::string_view a, std::string_view b = {}) {
  std::fprintf(stderr, "property broken: %s\n  first:  %.*s\n  second: %.*s\n", property,
               static_cast<int>(a.size() > 2000 ? 2000 : a.size()), a.data(),
               static_cast<int>(b.size() > 2000 ? 2000 : b.size()), b.data());
  std::abort();
}

inline std::string_view as_text(const unsigned char* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace orderkit::fuzz

#define ORDERKIT_FUZZ_CHECK(condition, a, b)                        \
  do {                                                              \
    if (!(condition)) ::orderkit::fuzz::fail(#condition, (a), (b)); \
  } while (0)
