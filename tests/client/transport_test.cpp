// HttplibTransport over real sockets: what it sends and receives, keep-alive, timeouts, refused
// connections, bad URLs, the response size cap and a head that never ends.
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "orderkit/transport/httplib_transport.hpp"
#include "servers.hpp"
#include "slow_peer.hpp"

using namespace orderkit;
using namespace std::chrono_literals;

namespace {

HttpRequest post(const std::string& url, std::string body) {
  HttpRequest r;
  r.method = "POST";
  r.url = url;
  r.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "r-1"}, {"User-Agent", "orderkit-cpp/test"}};
  r.body = std::move(body);
  return r;
}

SendOptions fast(std::chrono::milliseconds read = 5000ms) {
  SendOptions o;
  o.timeouts.connect = 2000ms;
  o.timeouts.read = read;
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(httplib_transport)

BOOST_AUTO_TEST_CASE(sends_method_path_query_headers_and_body_and_returns_the_response) {
  test::LocalServer server([](httplib::Server& s) {
    s.Post("/base/api/orders", [](const httplib::Request& req, httplib::Response& res) {
      res.status = 201;
      res.set_header("X-Request-Id", req.get_header_value("X-Request-Id"));
      res.set_header("X-Seen-Query", req.get_param_value("from"));
      res.set_header("X-Seen-Agent", req.get_header_value("User-Agent"));
      res.set_content("got:" + req.body, "application/json");
    });
  });
  HttplibTransport transport;
  auto result =
      transport.send(post(server.url("/base/api/orders?from=2026-01-01T00%3A00%3A00%2B01%3A00"), "{}"), fast());
  BOOST_REQUIRE(result.ok());
  const auto& response = result.response();
  BOOST_TEST(response.status == 201);
  BOOST_TEST(response.reason == "Created");
  BOOST_TEST(response.body == "got:{}");
  BOOST_TEST(*find_header(response.headers, "x-request-id") == "r-1");
  BOOST_TEST(*find_header(response.headers, "X-Seen-Query") == "2026-01-01T00:00:00+01:00");
  BOOST_TEST(*find_header(response.headers, "X-Seen-Agent") == "orderkit-cpp/test");
  BOOST_TEST(*find_header(response.headers, "Content-Type") == "application/json");
}

BOOST_AUTO_TEST_CASE(reuses_the_connection_between_calls) {
  test::LocalServer server([&](httplib::Server& s) {
    s.Post("/x", [&](const httplib::Request& req, httplib::Response& res) {
      // remote_port identifies the client's connection.
      res.set_content(std::to_string(req.remote_port), "text/plain");
    });
  });
  HttplibTransport transport;
  auto a = transport.send(post(server.url("/x"), "1"), fast());
  auto b = transport.send(post(server.url("/x"), "2"), fast());
  BOOST_REQUIRE(a.ok());
  BOOST_REQUIRE(b.ok());
  BOOST_TEST(a.response().body == b.response().body);

  HttplibTransportOptions no_keep_alive;
  no_keep_alive.keep_alive = false;
  HttplibTransport fresh(no_keep_alive);
  auto c = fresh.send(post(server.url("/x"), "1"), fast());
  auto d = fresh.send(post(server.url("/x"), "2"), fast());
  BOOST_TEST(c.response().body != d.response().body);
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_a_connect_failure_that_never_reached_the_server) {
  HttplibTransport transport;
  auto result = transport.send(post("http://127.0.0.1:" + std::to_string(test::closed_port()) + "/x", "{}"), fast());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::connect));
  BOOST_TEST(!result.failure().reached_server);
}

BOOST_AUTO_TEST_CASE(a_slow_response_is_a_timeout) {
  test::LocalServer server([](httplib::Server& s) {
    s.Post("/slow", [](const httplib::Request&, httplib::Response& res) {
      std::this_thread::sleep_for(1500ms);  // the server is slow; the client gives up first
      res.set_content("late", "text/plain");
    });
  });
  HttplibTransport transport;
  auto result = transport.send(post(server.url("/slow"), "{}"), fast(300ms));
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::timeout));
  BOOST_TEST(result.failure().reached_server);
}

BOOST_AUTO_TEST_CASE(a_server_trickling_its_answer_is_cut_off_at_the_attempts_deadline) {
  // Headers at once, then a byte every 100 ms of 60: each read is quick, the answer takes 6 s.
  test::SlowPeer peer(test::SlowPeer::Mode::trickle_answer, 60, 100ms);
  SendOptions options = fast(2000ms);
  options.timeouts.attempt = 500ms;
  HttplibTransport transport;
  auto result = transport.send(post(peer.url("/orders"), "{}"), options);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::timeout));
  BOOST_TEST(result.failure().message.find("500 ms") != std::string::npos);
  BOOST_TEST(result.failure().reached_server);
}

BOOST_AUTO_TEST_CASE(a_server_taking_the_request_slowly_is_cut_off_at_the_attempts_deadline) {
  // A kilobyte every 50 ms of a 16 MiB body (more than the socket buffers hold): each write makes
  // progress, the whole would take hours.
  test::SlowPeer peer(test::SlowPeer::Mode::slow_reader, 16 << 20, 50ms);
  SendOptions options = fast(2000ms);
  options.timeouts.write = 2000ms;
  options.timeouts.attempt = 500ms;
  HttplibTransport transport;
  auto result = transport.send(post(peer.url("/orders"), std::string(16 << 20, 'x')), options);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::timeout));
  BOOST_TEST(result.failure().message.find("timeouts.attempt") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_server_whose_headers_never_end_is_cut_off_at_a_megabyte) {
  // cpp-httplib reads header lines for as long as they come: without a bound on the head, this
  // peer had the client allocate until the attempt's deadline (hundreds of MB a second).
  test::SlowPeer peer(test::SlowPeer::Mode::flood_headers, std::size_t(1) << 30, 0ms);
  SendOptions options = fast(30000ms);
  options.timeouts.attempt = 60000ms;
  HttplibTransport transport;
  auto result = transport.send(post(peer.url("/orders"), "{}"), options);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::connection));
  BOOST_TEST(result.failure().message.find("headers exceed 1048576 bytes") != std::string::npos,
             result.failure().message);
  BOOST_TEST(result.failure().reached_server);
  // Past the bound by what arrives between two looks at the socket, not by the attempt's worth.
  BOOST_TEST(peer.sent() < (std::size_t(256) << 20), peer.sent());
}

BOOST_AUTO_TEST_CASE(a_body_whose_chunks_carry_kilobytes_each_is_cut_off_on_the_wire) {
  // One body byte and 8 KB of chunk extension per chunk: the body stays under its cap for ever
  // while the socket takes gigabytes; the wire bound (head + twice the cap) ends it.
  test::SlowPeer peer(test::SlowPeer::Mode::flood_chunk_extensions, std::size_t(1) << 30, 0ms);
  SendOptions options = fast(30000ms);
  options.timeouts.attempt = 60000ms;
  HttplibTransportOptions transport_options;
  transport_options.max_response_bytes = 4096;
  HttplibTransport transport(transport_options);
  auto result = transport.send(post(peer.url("/orders"), "{}"), options);
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::connection));
  BOOST_TEST(result.failure().message.find("on the wire") != std::string::npos, result.failure().message);
  BOOST_TEST(peer.sent() < (std::size_t(256) << 20), peer.sent());
}

BOOST_AUTO_TEST_CASE(a_url_that_is_not_http_is_refused_without_connecting) {
  HttplibTransport transport;
  for (const char* url : {"ftp://h/x", "127.0.0.1:80/x", "http:///x", "http://h/a b"}) {
    auto result = transport.send(post(url, ""), fast());
    BOOST_REQUIRE(!result.ok());
    BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::invalid_url));
    BOOST_TEST(!result.failure().reached_server);
  }
}

BOOST_AUTO_TEST_CASE(a_response_larger_than_the_cap_ends_the_attempt) {
  test::LocalServer server([](httplib::Server& s) {
    s.Post("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(100000, 'x'), "text/plain");
    });
  });
  HttplibTransportOptions options;
  options.max_response_bytes = 1000;
  HttplibTransport transport(options);
  auto result = transport.send(post(server.url("/big"), "{}"), fast());
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(static_cast<int>(result.failure().code) == static_cast<int>(TransportErrorCode::connection));
}

BOOST_AUTO_TEST_SUITE_END()
