// The one translation unit that defines the Boost.Test runner (main) for orderkit_tests.
// Every other test file includes <boost/test/unit_test.hpp> only.
#define BOOST_TEST_MODULE orderkit
#if defined(__EMSCRIPTEN__)
// wasm: header-only variant, compiled into the test module (there is no Boost library for wasm).
// Without sigaction Boost.Test does not try to turn signals into test failures: wasm has no
// signals, and its sigsetjmp cannot be compiled with wasm exceptions (-fwasm-exceptions).
#include <boost/config.hpp>
#undef BOOST_HAS_SIGACTION
#include <boost/test/included/unit_test.hpp>
#else
// native: Debian's shared Boost.Test library (BOOST_TEST_DYN_LINK comes from dep_boost_test).
#include <boost/test/unit_test.hpp>
#endif
