// The Boost.Test runner (main) of orderkit_client_tests.
#define BOOST_TEST_MODULE orderkit_client
#include <boost/test/unit_test.hpp>
