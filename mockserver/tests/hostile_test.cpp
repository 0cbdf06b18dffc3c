// Hostile bodies never get a 5xx or a dropped connection: truncated and mutated samples in every
// request format, straight through MockState::handle (no sockets, so it stays fast under ASan).
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

struct Case {
  const char* path;
  const char* content_type;
  const char* fixture;
};

const std::vector<Case> kCases = {
    {"/broadband/api/orders", "application/json", "broadband/OrderNew.request.json"},
    {"/mobile/api/orders", "application/json", "mobile/OrderCreationRequest.request.json"},
    {"/mobile/api/orders", "text/xml", "mobile/OrderCreationRequest.request.xml"},
    {"/licenses/api/order/data", "application/xml", "licenses/OrderRequest.request.xml"},
    {"/licenses/api/order/data", "application/x-www-form-urlencoded", "licenses/OrderRequest.request.json"},
};

orderkit::mock::MockRequest request(const Case& c, std::string body) {
  orderkit::mock::MockRequest r;
  r.method = "POST";
  r.path = c.path;
  r.headers.emplace("Content-Type", c.content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_bodies)

BOOST_AUTO_TEST_CASE(truncated_samples_are_answered_with_a_4xx_or_success) {
  orderkit::mock::MockState state;
  for (const Case& c : kCases) {
    const std::string body = mock_test::fixture(c.fixture);
    for (std::size_t n = 0; n < body.size(); n += 7) {
      const int status = state.handle(request(c, body.substr(0, n))).status;
      BOOST_TEST_CONTEXT(c.path << " " << c.content_type << " cut at " << n) { BOOST_TEST(status < 500); }
    }
  }
}

BOOST_AUTO_TEST_CASE(mutated_samples_are_answered_with_a_4xx_or_success) {
  orderkit::mock::MockOptions options;
  options.mode = orderkit::mock::Mode::echo;
  orderkit::mock::MockState state(options);
  std::mt19937 random(20261124);
  const char specials[] = {'\0', '"', '<', '>', '{', '}', '[', ']', ',', ':', '\\', '&', '=', '%', '\xff', '9', '-'};
  for (const Case& c : kCases) {
    const std::string body = mock_test::fixture(c.fixture);
    for (int i = 0; i < 300; ++i) {
      std::string mutated = body;
      for (int k = 0; k < 3; ++k) mutated[random() % mutated.size()] = specials[random() % sizeof specials];
      const int status = state.handle(request(c, mutated)).status;
      BOOST_TEST_CONTEXT(c.path << " " << c.content_type << " mutation " << i) { BOOST_TEST(status < 500); }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
