// Record once, replay offline: what the contract proxy's --record writes is what --stubs loads,
// and the replaying mock answers as the real server did, in the recorded order.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "proxy_support.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using mock_test::fixture;
using orderkit::mock::MockOptions;
using namespace proxy_test;

BOOST_AUTO_TEST_SUITE(record_replay)

BOOST_AUTO_TEST_CASE(recorded_exchanges_replay_in_order_without_the_server) {
  const std::string order = fixture("mobile/OrderCreationRequest.request.json");
  TempDir dir;
  std::vector<std::string> answered;
  {
    MockOptions real;
    real.mode = orderkit::mock::Mode::echo;  // a fresh id per answer: each answer differs
    mock_test::Server upstream(real);
    MockOptions o;
    o.proxy.upstreams = {"mobile=" + url_of(upstream.port()) + "/mobile"};
    o.proxy.record_dir = dir.path.string();
    mock_test::Server proxy(o);
    for (int i = 0; i < 3; ++i) {
      auto r = proxy.client().Post("/mobile/api/orders", order, "application/json");
      BOOST_REQUIRE(r);
      BOOST_REQUIRE(r->status == 200);
      answered.push_back(r->body);
    }
  }
  BOOST_REQUIRE(answered[0] != answered[1]);

  MockOptions replay;
  for (const auto& e : fs::directory_iterator(dir.path)) replay.stub_files.push_back(e.path().string());
  std::sort(replay.stub_files.begin(), replay.stub_files.end());
  BOOST_REQUIRE(replay.stub_files.size() == 3u);
  mock_test::Server offline(replay);  // no upstream: the stubs answer
  for (int i = 0; i < 4; ++i) {
    BOOST_TEST_CONTEXT("request " << i) {
      auto r = offline.client().Post("/mobile/api/orders", order, "application/json");
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 200);
      // The last recorded answer keeps answering once the sequence is through.
      BOOST_TEST(r->body == answered[std::min(i, 2)]);
      BOOST_TEST(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
