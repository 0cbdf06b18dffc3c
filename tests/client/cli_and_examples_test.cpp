// `orderkit submit` and the example programs, run as processes against the mock server in this
// process: exit statuses and output.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>
#include <thread>

#include "mock_server.hpp"
#include "process.hpp"
#include "servers.hpp"
#include "slow_peer.hpp"

using orderkit::test::Mock;
using orderkit::test::run_process;

namespace {

std::string fixture(const std::string& name) { return std::string(ORDERKIT_FIXTURES_DIR) + "/" + name; }

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_and_examples)

#ifdef ORDERKIT_CLI
BOOST_AUTO_TEST_CASE(submit_prints_the_answer_of_every_api_in_both_formats) {
  Mock server;
  struct Case {
    std::vector<std::string> args;
    std::string expect_out;
  };
  const std::vector<Case> cases{
      {{"--api", "broadband", "--base-url", server.url("broadband"), fixture("broadband/OrderNew.request.json")},
       "\"AccessId\": \"7a320186-cd4f-4cf0-8ced-754e90e1d009\""},
      {{"--api", "mobile", "--base-url", server.url("mobile"), fixture("mobile/OrderCreationRequest.request.json")},
       "\"Success\": true"},
      {{"--api", "mobile", "--format", "xml", "--base-url", server.url("mobile"),
        fixture("mobile/OrderCreationRequest.request.xml")},
       "<Success>true</Success>"},
      {{"--api", "licenses", "--base-url", server.url("licenses"), fixture("licenses/OrderRequest.request.json")},
       "\"errors\": []"},
      {{"--api", "licenses", "--format", "xml", "--base-url", server.url("licenses"),
        fixture("licenses/OrderRequest.request.xml")},
       "<ValidationResult"},
      {{"--api", "contracts", "--base-url", server.url("contracts"), "--id", "42"}, "\"OrderCode\": \"CC42-"},
      {{"--api", "contracts", "--format", "xml", "--base-url", server.url("contracts"), "--id", "7", "--from",
        "2026-03-01", "--till", "2026-03-31"},
       "<OrderCode>CC7-2026-03-01</OrderCode>"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"submit"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = run_process(ORDERKIT_CLI, args);
    BOOST_TEST_CONTEXT(c.args[1] << " " << c.args[2]) {
      BOOST_TEST(r.status == 0, r.err);
      BOOST_TEST(r.out.find(c.expect_out) != std::string::npos, r.out);
      BOOST_TEST(r.err.find("200 OK (request id ") != std::string::npos, r.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(submit_reads_the_order_from_stdin_and_sends_the_given_headers) {
  Mock server;
  auto r = run_process(ORDERKIT_CLI,
                       {"submit", "--api", "licenses", "--base-url", server.url("licenses"), "--request-id", "cli-1",
                        "--header", "X-Mock-Fail-Times: 1", "--retries", "1", "-"},
                       fixture("licenses/OrderRequest.request.json"));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.err.find("request id cli-1, 2 attempts") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(submit_sends_a_given_idempotency_key_as_given_so_a_second_submit_is_a_replay) {
  Mock server;
  for (int i = 0; i < 2; ++i) {
    auto r = run_process(ORDERKIT_CLI, {"submit", "--api", "licenses", "--base-url", server.url("licenses"), "--header",
                                        "Idempotency-Key: cli-key", fixture("licenses/OrderRequest.request.json")});
    BOOST_TEST(r.status == 0, r.err);
  }
  auto journal = server.journal();
  BOOST_REQUIRE(journal.size() == 2u);
  for (const auto& entry : journal) {
    BOOST_TEST(entry.at("headers").at("Idempotency-Key").get<std::string>() == "cli-key");
  }
}

BOOST_AUTO_TEST_CASE(submit_gives_up_on_a_trickling_server_at_its_timeout) {
  // Headers at once, then a byte every 200 ms of 300 (a minute): no single read waits long.
  orderkit::test::SlowPeer peer(orderkit::test::SlowPeer::Mode::trickle_answer, 300, std::chrono::milliseconds(200));
  auto r = run_process(ORDERKIT_CLI, {"submit", "--api", "contracts", "--retries", "0", "--timeout-ms", "1000",
                                      "--base-url", peer.url(""), "--id", "1"});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("no complete response within the attempt's 1000 ms") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(submit_prints_status_and_model_state_and_exits_1_when_the_server_refuses) {
  Mock server;
  auto r = run_process(ORDERKIT_CLI, {"submit", "--api", "mobile", "--base-url", server.url("mobile"), "--header",
                                      "X-Mock-Status: 400", fixture("mobile/OrderCreationRequest.request.json")});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find("400 Bad Request") != std::string::npos, r.err);

  auto refused =
      run_process(ORDERKIT_CLI, {"submit", "--api", "contracts", "--retries", "0", "--base-url",
                                 "http://127.0.0.1:" + std::to_string(orderkit::test::closed_port()), "--id", "1"});
  BOOST_TEST(refused.status == 1);
  BOOST_TEST(refused.err.find("could not connect") != std::string::npos, refused.err);
}

BOOST_AUTO_TEST_CASE(submit_exits_1_when_an_item_of_a_mobile_order_failed) {
  // 002 answers 200 with one result per item; an item can fail while the others succeed.
  orderkit::test::LocalServer server([](httplib::Server& s) {
    s.Post("/api/orders", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(R"([{"Success": true, "ErrorMessage": null, "Order": null},)"
                      R"( {"Success": false, "ErrorMessage": "SIM type 9 is not sold", "Order": null}])",
                      "application/json; charset=utf-8");
    });
  });
  auto r = run_process(ORDERKIT_CLI, {"submit", "--api", "mobile", "--base-url", server.url(),
                                      fixture("mobile/OrderCreationRequest.request.json")});
  BOOST_TEST(r.status == 1, r.err);
  BOOST_TEST(r.out.find("\"Success\": false") != std::string::npos, r.out);  // the answer is still printed
  BOOST_TEST(r.err.find("item 1 failed: SIM type 9 is not sold") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("item 0 failed") == std::string::npos, r.err);
}
#endif

#ifdef ORDERKIT_EXAMPLES_DIR
BOOST_AUTO_TEST_CASE(every_example_talks_to_its_api_and_exits_0) {
  Mock server;
  const std::string dir = ORDERKIT_EXAMPLES_DIR;
  auto mobile = run_process(dir + "/mobile_client", {server.url("mobile")});
  BOOST_TEST(mobile.status == 0, mobile.err);
  BOOST_TEST(mobile.out.find("created for +4799999999") != std::string::npos, mobile.out);

  auto broadband = run_process(dir + "/broadband_client", {server.url("broadband")});
  BOOST_TEST(broadband.status == 0, broadband.err);
  BOOST_TEST(broadband.out.find("order for access 7a320186-cd4f-4cf0-8ced-754e90e1d009 starting 2026-05-01") !=
                 std::string::npos,
             broadband.out);

  auto contracts = run_process(dir + "/contracts_client", {server.url("contracts"), "42"});
  BOOST_TEST(contracts.status == 0, contracts.err);
  BOOST_TEST(contracts.out.find("order CC42-2026-01-01 dated 2026-01-01") != std::string::npos, contracts.out);

  auto licenses = run_process(dir + "/licenses_client", {server.url("licenses")});
  BOOST_TEST(licenses.status == 0, licenses.err);
  BOOST_TEST(licenses.out == "license order accepted\n");
}

BOOST_AUTO_TEST_CASE(an_example_without_a_server_exits_1_with_the_error) {
  const std::string url = "http://127.0.0.1:" + std::to_string(orderkit::test::closed_port()) + "/mobile";
  auto r = run_process(std::string(ORDERKIT_EXAMPLES_DIR) + "/mobile_client", {url});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.err.find("could not connect") != std::string::npos, r.err);
  auto usage = run_process(std::string(ORDERKIT_EXAMPLES_DIR) + "/mobile_client", {"a", "b"});
  BOOST_TEST(usage.status == 2);
}
#endif

BOOST_AUTO_TEST_SUITE_END()
