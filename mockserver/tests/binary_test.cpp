// The orderkit-mock binary: prints the ready line scripts wait for, serves, and stops cleanly on
// SIGTERM and SIGINT; usage errors exit 2.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

struct Child {
  pid_t pid = -1;
  int out = -1;  // the child's stdout

  /// Reads the child's stdout up to the end of the first line (blocking: the line is the signal).
  std::string first_line() const {
    std::string line;
    char c;
    while (::read(out, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }
  /// Waits for the child and returns its exit status (or 128 + signal).
  int wait() const {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

Child spawn(std::vector<std::string> args) {
  int fds[2];
  BOOST_REQUIRE(::pipe(fds) == 0);
  Child child;
  child.pid = ::fork();
  BOOST_REQUIRE(child.pid >= 0);
  if (child.pid == 0) {
    ::dup2(fds[1], 1);
    // Usage messages are expected here; keep the test log readable.
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 2);
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
  child.out = fds[0];
  return child;
}

int port_of(const std::string& ready) {
  const std::size_t colon = ready.rfind(':');
  return colon == std::string::npos ? 0 : std::stoi(ready.substr(colon + 1));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(binary)

BOOST_AUTO_TEST_CASE(prints_the_ready_line_serves_and_stops_on_sigterm) {
  Child child = spawn({"--port", "0", "--log", "off"});
  const std::string ready = child.first_line();
  BOOST_TEST(ready.rfind("orderkit-mock listening on http://127.0.0.1:", 0) == 0);
  const int port = port_of(ready);
  BOOST_REQUIRE(port > 0);
  httplib::Client client("127.0.0.1", port);
  auto r = client.Post("/mobile/api/orders", mock_test::fixture("mobile/OrderCreationRequest.request.json"),
                       "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  ::kill(child.pid, SIGTERM);
  BOOST_TEST(child.wait() == 0);
}

BOOST_AUTO_TEST_CASE(stops_on_sigint) {
  Child child = spawn({"--port", "0", "--api", "licenses"});
  BOOST_TEST(port_of(child.first_line()) > 0);
  ::kill(child.pid, SIGINT);
  BOOST_TEST(child.wait() == 0);
}

BOOST_AUTO_TEST_CASE(request_timeout_ms_cuts_off_a_trickling_client) {
  Child child = spawn({"--port", "0", "--log", "off", "--request-timeout-ms", "300"});
  const int port = port_of(child.first_line());
  BOOST_REQUIRE(port > 0);
  {
    mock_test::RawClient client(port);
    const std::string request = "GET /__admin/health HTTP/1.1\r\nUser-Agent: " + std::string(200, 'a') + "\r\n\r\n";
    BOOST_TEST(client.trickle(request, std::chrono::milliseconds(20)) < request.size());
    const std::string response = client.read_response();
    BOOST_TEST(mock_test::raw_status(response) == 408);
    BOOST_TEST(response.find("300 ms") != std::string::npos);
  }
  ::kill(child.pid, SIGTERM);
  BOOST_TEST(child.wait() == 0);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2_and_help_exits_0) {
  BOOST_TEST(spawn({"--mode", "nonsense"}).wait() == 2);
  BOOST_TEST(spawn({"--request-timeout-ms", "0"}).wait() == 2);
  BOOST_TEST(spawn({"--no-such-option"}).wait() == 2);
  BOOST_TEST(spawn({"--help"}).wait() == 0);
  Child version = spawn({"--version"});
  BOOST_TEST(version.first_line().rfind("orderkit-mock ", 0) == 0);
  BOOST_TEST(version.wait() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
