// Connections that hold a worker without using it (issue 12, item 5): a keep-alive connection has
// a worker to itself while it is open, so idle ones, and ones that ask a little now and then, must
// give their worker up when other connections wait for one.
//
// Bounded by deadlines only: a new client gets its answer within a 1 s timeout or the case fails.
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"

using namespace std::chrono_literals;

namespace {

const std::string kHealth = "GET /__admin/health HTTP/1.1\r\nHost: localhost\r\n\r\n";

// A connection to the mock that the test drives without blocking; -1 when it could not connect.
int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  return fd;
}

// Reads whatever arrived without waiting; false when the server closed the connection.
bool drain(int fd) {
  char buf[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

// Connections that ask for /__admin/health once a second and reconnect whenever the server
// closes them (as a client would), until stopped.
class Tricklers {
 public:
  Tricklers(int port, int count) : port_(port), fds_(static_cast<std::size_t>(count), -1) {
    for (int& fd : fds_) ask(fd);
    thread_ = std::thread([this] { run(); });
  }
  ~Tricklers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    for (int fd : fds_)
      if (fd >= 0) ::close(fd);
  }

 private:
  void ask(int& fd) {
    if (fd >= 0 && !drain(fd)) {
      ::close(fd);
      fd = -1;
    }
    if (fd < 0) fd = connect_to(port_);
    if (fd >= 0 && ::send(fd, kHealth.data(), kHealth.size(), MSG_NOSIGNAL | MSG_DONTWAIT) <= 0) {
      ::close(fd);
      fd = -1;
    }
  }
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    // Paces the load (not a synchronisation): one request per connection per second.
    while (!wake_.wait_for(lock, 1s, [this] { return stop_; }))
      for (int& fd : fds_) ask(fd);
  }

  int port_;
  std::vector<int> fds_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(idle_connections)

BOOST_AUTO_TEST_CASE(idle_and_trickling_connections_do_not_lock_out_a_new_client) {
  // The default server: 64 workers, idle keep-alive connections kept 5 s.
  mock_test::Server server;
  // 100 connections that asked once and then say nothing, 100 that ask once a second.
  std::vector<int> idle;
  for (int i = 0; i < 100; ++i) {
    const int fd = connect_to(server.port());
    BOOST_REQUIRE(fd >= 0);
    ::send(fd, kHealth.data(), kHealth.size(), MSG_NOSIGNAL);
    idle.push_back(fd);
  }
  {
    Tricklers tricklers(server.port(), 100);
    for (int i = 0; i < 10; ++i) {
      httplib::Client client("127.0.0.1", server.port());
      client.set_connection_timeout(1, 0);
      client.set_read_timeout(1, 0);
      client.set_write_timeout(1, 0);
      auto r = client.Get("/__admin/health");
      BOOST_TEST_CONTEXT("request " << i) {
        BOOST_TEST(static_cast<bool>(r), "no answer within 1 s: " << httplib::to_string(r.error()));
        if (r) BOOST_TEST(r->status == 200);
      }
    }
  }
  for (int fd : idle) ::close(fd);
}

BOOST_AUTO_TEST_CASE(an_idle_keep_alive_connection_is_closed_after_the_idle_time) {
  orderkit::mock::MockOptions options;
  options.keep_alive_timeout = 1s;
  mock_test::Server server(options);
  mock_test::RawClient client(server.port());
  BOOST_REQUIRE(client.send(kHealth));
  BOOST_TEST(mock_test::raw_status(client.read_response()) == 200);
  // The client says nothing more: the server closes the connection (every read here gives up
  // after 10 s, so a connection kept open fails the case).
  BOOST_TEST(client.closed_by_server());
}

BOOST_AUTO_TEST_CASE(an_idle_connection_gives_its_worker_to_a_waiting_one) {
  // One worker, and an idle time far beyond every wait here (10 s): the first connection is
  // closed because the second one waits, not because its idle time is up.
  orderkit::mock::MockOptions options;
  options.threads = 1;
  options.keep_alive_timeout = 60s;
  mock_test::Server server(options);
  mock_test::RawClient first(server.port());
  BOOST_REQUIRE(first.send(kHealth));
  BOOST_TEST(mock_test::raw_status(first.read_response()) == 200);
  // The first connection holds the only worker now; the second waits in the queue.
  mock_test::RawClient second(server.port());
  BOOST_REQUIRE(second.send(kHealth));
  BOOST_TEST(first.closed_by_server());
  const std::string answer = second.read_response();
  BOOST_TEST(mock_test::raw_status(answer) == 200);
}

BOOST_AUTO_TEST_SUITE_END()
