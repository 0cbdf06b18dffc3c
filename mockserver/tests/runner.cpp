// The Boost.Test runner (main) of orderkit_mock_tests.
#define BOOST_TEST_MODULE orderkit_mock
#include <boost/test/unit_test.hpp>
