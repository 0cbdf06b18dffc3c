# Native dependencies, all from Debian packages.
# Defines the same wrapper targets as deps-wasm.cmake (dep_json, dep_tinyxml2, dep_boost_test),
# plus the native-only dep_httplib, dep_cli11 and dep_benchmark, so that targets are written once.
#
# The dep_* targets are build-tree helpers: link them with $<BUILD_INTERFACE:...> from anything
# that is installed, so they never appear in an export set (see sdk/CMakeLists.txt).

find_package(nlohmann_json 3.11 CONFIG REQUIRED)
find_package(tinyxml2 CONFIG REQUIRED)              # tinyxml2::tinyxml2 (shared, Debian)
find_package(Boost 1.74 REQUIRED COMPONENTS unit_test_framework)
find_package(PkgConfig REQUIRED)
set(THREADS_PREFER_PTHREAD_FLAG ON)
find_package(Threads REQUIRED)

add_library(dep_json INTERFACE)
target_link_libraries(dep_json INTERFACE nlohmann_json::nlohmann_json)

add_library(dep_tinyxml2 INTERFACE)
target_link_libraries(dep_tinyxml2 INTERFACE tinyxml2::tinyxml2)

add_library(dep_boost_test INTERFACE)
target_link_libraries(dep_boost_test INTERFACE Boost::unit_test_framework)
target_compile_definitions(dep_boost_test INTERFACE BOOST_TEST_DYN_LINK)

# orderkit::sdk has no third-party dependency (its JSON and XML readers and writers are its own):
# nlohmann/json and tinyxml2 are the tests' and benchmarks' oracles only.
set(ORDERKIT_SDK_FIND_DEPENDENCIES "")

# Debian's cpp-httplib has no CMake config, only a .pc file (it carries
# -DCPPHTTPLIB_OPENSSL_SUPPORT etc., which must match the compiled libcpp-httplib).
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
add_library(dep_httplib INTERFACE)
target_link_libraries(dep_httplib INTERFACE PkgConfig::HTTPLIB Threads::Threads)

# orderkit::transport_httplib, installed as a static archive, needs cpp-httplib and threads at
# its users' link: the package config looks them up again (QUIET, so that users of orderkit::sdk
# alone need no cpp-httplib) under a prefix that cannot clash with the user's own variables.
set(ORDERKIT_TRANSPORT_INSTALL_LINK_ONLY PkgConfig::ORDERKIT_HTTPLIB Threads::Threads)
string(APPEND ORDERKIT_SDK_FIND_DEPENDENCIES "find_dependency(Threads)
find_dependency(PkgConfig)
pkg_check_modules(ORDERKIT_HTTPLIB QUIET IMPORTED_TARGET cpp-httplib)")

# Looked up only when a target that needs them is enabled, so a build without the CLI or the
# benchmarks does not need libcli11-dev / libbenchmark-dev.
if(ORDERKIT_BUILD_CLI OR ORDERKIT_BUILD_MOCKSERVER)
  # CLI11 is header-only (/usr/include/CLI); the command line and the mock server's binary use it.
  find_path(CLI11_INCLUDE_DIR NAMES CLI/CLI.hpp REQUIRED)
  add_library(dep_cli11 INTERFACE)
  target_include_directories(dep_cli11 SYSTEM INTERFACE "${CLI11_INCLUDE_DIR}")
endif()

if(ORDERKIT_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
  add_library(dep_benchmark INTERFACE)
  target_link_libraries(dep_benchmark INTERFACE benchmark::benchmark)
endif()
