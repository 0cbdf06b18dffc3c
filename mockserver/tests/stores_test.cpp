// The integrator tools' stores stay within their bounds, by count and by bytes, and a capacity of
// 0 keeps nothing (issue 12, items 4 and 12).
#include <boost/test/unit_test.hpp>

#include <string>

#include "stores.hpp"

using orderkit::mock::FailCounters;
using orderkit::mock::IdempotencyStore;

namespace {

orderkit::mock::MockResponse answer(std::size_t body_bytes) {
  orderkit::mock::MockResponse r;
  r.headers.emplace("Content-Type", "application/json; charset=utf-8");
  r.body.assign(body_bytes, 'x');
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stores)

BOOST_AUTO_TEST_CASE(fail_counters_with_capacity_0_keep_nothing) {
  FailCounters counters(0);
  for (int i = 0; i < 1000; ++i) BOOST_TEST(!counters.should_fail("key-" + std::to_string(i), 2));
  BOOST_TEST(counters.size() == 0u);
}

BOOST_AUTO_TEST_CASE(fail_counters_count_down_and_forget_the_oldest_key) {
  FailCounters counters(2);
  BOOST_TEST(counters.should_fail("a", 1));
  BOOST_TEST(!counters.should_fail("a", 1));
  BOOST_TEST(counters.should_fail("b", 1));
  BOOST_TEST(counters.should_fail("c", 1));  // "a" is forgotten
  BOOST_TEST(counters.size() == 2u);
  BOOST_TEST(counters.should_fail("a", 1));  // armed anew
}

BOOST_AUTO_TEST_CASE(fail_counters_hold_at_most_their_bytes_of_keys) {
  // Keys as long as a header line may be: the count alone would allow 10,000 of them (160 MB).
  FailCounters counters(10000);
  const std::string long_key(8000, 'k');
  for (int i = 0; i < 5000; ++i) counters.should_fail(std::to_string(i) + long_key, 1);
  BOOST_TEST(counters.size() <= FailCounters::kMaxBytes / (2 * long_key.size()));
  BOOST_TEST(counters.size() > 0u);
}

BOOST_AUTO_TEST_CASE(the_idempotency_store_holds_at_most_its_bytes) {
  const std::size_t max = 1024 * 1024;
  IdempotencyStore store(10000, max);
  for (int i = 0; i < 200; ++i) store.store("key-" + std::to_string(i), 1, answer(60 * 1024));
  BOOST_TEST(store.bytes() <= max);
  BOOST_TEST(store.size() < 200u);
  // The newest answers are the ones kept.
  BOOST_TEST(store.find("key-199", 1).has_value());
  BOOST_TEST(!store.find("key-0", 1).has_value());
}

BOOST_AUTO_TEST_CASE(an_answer_larger_than_its_share_is_not_stored) {
  IdempotencyStore store(10000, 1024 * 1024);
  store.store("small", 1, answer(1000));
  store.store("large", 1, answer(200 * 1024));  // over an eighth of the store
  BOOST_TEST(store.find("small", 1).has_value());
  BOOST_TEST(!store.find("large", 1).has_value());
  BOOST_TEST(store.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_idempotency_store_with_capacity_0_keeps_nothing) {
  IdempotencyStore store(0, 1024 * 1024);
  store.store("k", 1, answer(10));
  BOOST_TEST(!store.find("k", 1).has_value());
  BOOST_TEST(store.size() == 0u);
}

BOOST_AUTO_TEST_CASE(the_first_answer_of_a_key_stays) {
  IdempotencyStore store(10, 1024 * 1024);
  store.store("k", 1, answer(10));
  store.store("k", 2, answer(20));
  const auto hit = store.find("k", 1);
  BOOST_REQUIRE(hit.has_value());
  BOOST_TEST(hit->same_request);
  BOOST_TEST(hit->response.body.size() == 10u);
}

BOOST_AUTO_TEST_SUITE_END()
