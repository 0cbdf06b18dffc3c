#include <boost/test/unit_test.hpp>

#include <string>

#include "orderkit/version.hpp"

BOOST_AUTO_TEST_SUITE(version)

BOOST_AUTO_TEST_CASE(header_version_matches_project_version) {
  BOOST_TEST(std::string(orderkit::version) == ORDERKIT_TEST_PROJECT_VERSION);
  BOOST_TEST(std::string(ORDERKIT_VERSION_STRING) == ORDERKIT_TEST_PROJECT_VERSION);
  BOOST_TEST(std::to_string(ORDERKIT_VERSION_MAJOR) + "." + std::to_string(ORDERKIT_VERSION_MINOR) + "." +
                 std::to_string(ORDERKIT_VERSION_PATCH) ==
             ORDERKIT_TEST_PROJECT_VERSION);
}

BOOST_AUTO_TEST_CASE(library_version_matches_header_version) {
  BOOST_TEST(std::string(orderkit::version_string()) == orderkit::version);
}

BOOST_AUTO_TEST_SUITE_END()
