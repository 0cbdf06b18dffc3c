// The contract proxy through the orderkit-mock binary: one binary in echo mode plays the real
// server, another forwards to it (--proxy, --proxy-strict, --record, and the same from --config),
// and malformed proxy options are usage errors.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "proxy_support.hpp"
#include "support.hpp"

using nlohmann::json;
using proxy_test::TempDir;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The binary with stdout on a pipe (the ready line is the signal to go on) and stderr in a file.
struct Binary {
  pid_t pid = -1;
  int out = -1;
  std::string err_path;
  int port = 0;

  Binary(std::vector<std::string> args, const std::string& err) : err_path(err) {
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      ::dup2(fds[1], 1);
      const int fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(fd, 2);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv;
      args.insert(args.begin(), ORDERKIT_MOCK_BINARY);
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out = fds[0];
    // The ready line ("... listening on http://127.0.0.1:PORT"), or nothing when it exits first.
    std::string line;
    char c;
    while (::read(out, &c, 1) == 1 && c != '\n') line.push_back(c);
    if (!line.empty()) port = std::stoi(line.substr(line.rfind(':') + 1));
  }
  std::string url() const { return proxy_test::url_of(port); }
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(out);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int stop() {
    ::kill(pid, SIGTERM);
    return wait();
  }
  std::string err() const { return read_file(err_path); }
  ~Binary() {
    if (pid > 0) stop();
  }
};

json journal(int port) {
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/__admin/requests");
  return r ? json::parse(r->body).at("requests") : json::array();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(proxy_binary)

BOOST_AUTO_TEST_CASE(forwards_checks_records_and_logs_through_the_binary) {
  TempDir dir;
  Binary upstream({"--port", "0", "--mode", "echo", "--log", "off"}, dir.file("upstream.err"));
  BOOST_REQUIRE(upstream.port > 0);
  Binary proxy(
      {"--port", "0", "--log", "json", "--proxy", "mobile=" + upstream.url() + "/mobile", "--record", dir.file("rec")},
      dir.file("proxy.err"));
  BOOST_REQUIRE(proxy.port > 0);
  httplib::Client client("127.0.0.1", proxy.port);
  auto r = client.Post("/mobile/api/orders", mock_test::fixture("mobile/OrderCreationRequest.request.json"),
                       "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  // echo mode's answer: one result per posted item, with fresh ids from the upstream.
  BOOST_TEST(json::parse(r->body).size() == 2u);
  BOOST_TEST(journal(upstream.port).size() == 1u);
  const json entry = journal(proxy.port).back();
  BOOST_TEST(entry.at("violations").empty());
  BOOST_TEST(entry.at("proxy").at("status") == 200);
  const std::string recorded = entry.at("proxy").at("recorded");
  const json stub = json::parse(read_file(dir.file("rec/" + recorded))).at("stubs")[0];
  BOOST_TEST(json::parse(stub.at("response").at("rawBody").get<std::string>()) == json::parse(r->body));

  // An invalid order: the request's violations in the log line, the upstream's 400 passed on.
  auto bad = client.Post("/mobile/api/orders", R"({"PaymentId":true})", "application/json");
  BOOST_REQUIRE(bad);
  BOOST_TEST(bad->status == 400);
  BOOST_TEST(proxy.stop() == 0);  // the log is complete once the binary has exited
  const std::string log = proxy.err();
  BOOST_TEST(log.find(R"("violations":[{"side":"request","path":"order.PaymentId")") != std::string::npos, log);
}

BOOST_AUTO_TEST_CASE(config_file_takes_the_proxy_options) {
  TempDir dir;
  std::string body = mock_test::fixture("mobile/OrderDetailResult[].response.json");
  body.replace(body.find("\"Id\": 4"), 7, "\"Id\": \"four\"");
  proxy_test::FakeUpstream wrong({200, "application/json; charset=utf-8", body, {}});
  std::ofstream(dir.file("mock.json")) << R"({"port": 0, "log": "off", "proxy": [")" + wrong.url() +
                                              R"("], "proxy-strict": true, "proxy-timeout-ms": 2000,
      "proxy-max-answer-bytes": 100000, "record": ")" +
                                              dir.file("rec") +
                                              R"(", "record-max-files": 5, "record-max-bytes": 1000000})";
  Binary proxy({"--config", dir.file("mock.json")}, dir.file("proxy.err"));
  BOOST_REQUIRE(proxy.port > 0);
  httplib::Client client("127.0.0.1", proxy.port);
  auto r = client.Post("/mobile/api/orders", mock_test::fixture("mobile/OrderCreationRequest.request.json"),
                       "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 502);
  BOOST_TEST(json::parse(r->body).at("Violations")[0].at("Path") == "[0].Order.Id");
  BOOST_TEST(proxy_test::TempDir::count(dir.file("rec")) == 1u);
}

BOOST_AUTO_TEST_CASE(malformed_proxy_options_are_usage_errors) {
  TempDir dir;
  Binary ftp({"--port", "0", "--proxy", "ftp://staging"}, dir.file("a.err"));
  BOOST_TEST(ftp.wait() == 2);
  BOOST_TEST(ftp.err().find("--proxy 'ftp://staging': not an http:// or https:// URL") != std::string::npos);
  Binary record({"--port", "0", "--record", dir.file("rec")}, dir.file("b.err"));
  BOOST_TEST(record.wait() == 2);
  BOOST_TEST(record.err().find("--record needs --proxy") != std::string::npos);
  Binary timeout({"--port", "0", "--proxy", "http://h", "--proxy-timeout-ms", "soon"}, dir.file("c.err"));
  BOOST_TEST(timeout.wait() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
