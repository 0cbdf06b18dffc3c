// HTTPS on the mock's own server (MockOptions::tls_cert_file, orderkit-mock --tls-cert): served
// through the same connection loop as plain HTTP, so that every limit holds over TLS, a TLS
// handshake cannot hold a worker, and a plain HTTP request to the port gets a readable 400.
//
// Certificates are made by the openssl command for each test (test_pki.hpp). Each case asserts
// what happened, never how fast; every wait is bounded.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "support.hpp"
#include "test_pki.hpp"

using mock_test::raw_body;
using mock_test::raw_status;
using mock_test::RawClient;
using orderkit::test::TestPki;
using namespace std::chrono_literals;

namespace {

// A test CA and a certificate it signed for 127.0.0.1 and localhost.
struct Certificates {
  TestPki pki;
  TestPki::Pair server = pki.server("mock", "DNS:localhost,IP:127.0.0.1");
};

orderkit::mock::MockOptions tls_options(const TestPki::Pair& pair) {
  orderkit::mock::MockOptions o;
  o.tls_cert_file = pair.cert;
  o.tls_key_file = pair.key;
  return o;
}

// The mock serving HTTPS on a free port, from a thread.
struct TlsServer {
  explicit TlsServer(orderkit::mock::MockOptions options) : server(std::move(options)) { server.start(); }
  httplib::Client client(const std::string& ca_file) const {
    httplib::Client c(server.url());
    c.set_ca_cert_path(ca_file.c_str());
    c.enable_server_certificate_verification(true);
    c.set_read_timeout(10, 0);
    c.set_connection_timeout(10, 0);
    return c;
  }
  orderkit::mock::MockServer server;
};

// The orderkit-mock binary with stdout on a pipe (its first line is the ready line).
struct Binary {
  pid_t pid = -1;
  int out = -1;
  explicit Binary(std::vector<std::string> args) {
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      ::dup2(fds[1], 1);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 2);
      ::close(fds[0]);
      ::close(fds[1]);
      args.insert(args.begin(), ORDERKIT_MOCK_BINARY);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out = fds[0];
  }
  ~Binary() {
    if (pid > 0) stop();
  }
  std::string first_line() const {
    std::string line;
    char c;
    while (::read(out, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }
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
};

std::string order() { return mock_test::fixture("mobile/OrderCreationRequest.request.json"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(serves_https_with_the_given_certificate_on_keep_alive_connections) {
  Certificates certs;
  TlsServer mock(tls_options(certs.server));
  BOOST_TEST(mock.server.url().rfind("https://127.0.0.1:", 0) == 0, mock.server.url());
  auto client = mock.client(certs.pki.ca_file());
  client.set_keep_alive(true);
  for (int i = 0; i < 3; ++i) {
    auto r = client.Post("/mobile/api/orders", order(), "application/json");
    BOOST_REQUIRE_MESSAGE(r, "request " << i << ": " << httplib::to_string(r.error()));
    BOOST_TEST(r->status == 200);
    BOOST_TEST(r->body.find("\"Success\"") != std::string::npos, r->body);
  }
  // One connection served all three (keep-alive over TLS).
  const std::string journal = mock.server.state().journal_json();
  BOOST_TEST(journal.find("/mobile/api/orders") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_request_limits_hold_over_tls) {
  Certificates certs;
  auto options = tls_options(certs.server);
  options.max_body_bytes = 1024;
  TlsServer mock(options);
  auto client = mock.client(certs.pki.ca_file());
  auto r = client.Post("/mobile/api/orders", std::string(4096, ' ') + order(), "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 413);
  httplib::Headers huge;
  for (int i = 0; i < 100; ++i) huge.emplace("X-Filler-" + std::to_string(i), std::string(1000, 'a'));
  auto h = mock.client(certs.pki.ca_file()).Get("/__admin/health", huge);
  BOOST_REQUIRE(h);
  BOOST_TEST(h->status == 431);
}

BOOST_AUTO_TEST_CASE(a_plain_http_request_to_the_tls_port_gets_400_and_frees_its_worker) {
  Certificates certs;
  auto options = tls_options(certs.server);
  options.threads = 1;  // the next client is served only if this request gave its worker back
  TlsServer mock(options);
  RawClient plain(mock.server.port());
  plain.send("GET /__admin/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
  const std::string response = plain.read_response();
  BOOST_TEST(raw_status(response) == 400, response);
  BOOST_TEST(raw_body(response).find("HTTPS") != std::string::npos, response);
  BOOST_TEST(response.find("\r\nConnection: close\r\n") != std::string::npos, response);
  BOOST_TEST(plain.closed_by_server());
  auto r = mock.client(certs.pki.ca_file()).Get("/__admin/health");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
}

BOOST_AUTO_TEST_CASE(a_stalled_handshake_is_cut_off_within_the_request_timeout) {
  Certificates certs;
  auto options = tls_options(certs.server);
  options.threads = 1;
  options.request_timeout = 300ms;
  TlsServer mock(options);
  RawClient stalled(mock.server.port());
  // The start of a ClientHello record announcing 512 bytes, then nothing more.
  stalled.send(std::string("\x16\x03\x01\x02\x00\x01\x00\x01", 8));
  // Closed by the server (the client would wait 10 s for an answer that never comes)...
  BOOST_TEST(stalled.closed_by_server());
  // ...and its only worker serves the next client.
  auto r = mock.client(certs.pki.ca_file()).Get("/__admin/health");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
}

BOOST_AUTO_TEST_CASE(idle_connections_give_their_worker_up_over_tls_too) {
  Certificates certs;
  auto options = tls_options(certs.server);
  options.threads = 1;
  options.keep_alive_timeout = std::chrono::seconds(60);  // only a waiting client ends them early
  TlsServer mock(options);
  // A connection that never starts its handshake, then a TLS connection idle after a request:
  // each holds the only worker until another client waits for it.
  RawClient silent(mock.server.port());
  auto first = mock.client(certs.pki.ca_file()).Get("/__admin/health");
  BOOST_REQUIRE_MESSAGE(first, httplib::to_string(first.error()));
  BOOST_TEST(first->status == 200);
  BOOST_TEST(silent.closed_by_server());
  auto idle = mock.client(certs.pki.ca_file());
  idle.set_keep_alive(true);
  auto kept = idle.Get("/__admin/health");
  BOOST_REQUIRE(kept);
  BOOST_TEST(kept->status == 200);
  BOOST_TEST(kept->get_header_value("Connection") != "close");
  auto next = mock.client(certs.pki.ca_file()).Get("/__admin/health");
  BOOST_REQUIRE_MESSAGE(next, httplib::to_string(next.error()));
  BOOST_TEST(next->status == 200);
}

BOOST_AUTO_TEST_CASE(no_content_answers_over_tls_carry_no_content_length) {
  Certificates certs;
  TlsServer mock(tls_options(certs.server));
  auto client = mock.client(certs.pki.ca_file());
  auto r = client.Delete("/__admin/requests");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 204);
  BOOST_TEST(!r->has_header("Content-Length"));
}

BOOST_AUTO_TEST_CASE(unusable_certificate_files_are_refused_naming_the_file) {
  Certificates certs;
  const TestPki::Pair other = certs.pki.self_signed("other", "DNS:localhost");
  struct Case {
    std::string cert, key, expect;
  };
  const std::string missing = certs.pki.file("missing.pem");
  const Case cases[] = {
      {missing, certs.server.key, missing},
      {certs.server.cert, certs.server.cert, "cannot use the TLS key"},
      {certs.server.cert, other.key, "does not belong to the certificate"},
      {certs.server.cert, "", "both a certificate and its key"},
  };
  for (const Case& c : cases) {
    orderkit::mock::MockOptions o;
    o.tls_cert_file = c.cert;
    o.tls_key_file = c.key;
    BOOST_TEST_CONTEXT(c.expect) {
      BOOST_CHECK_EXCEPTION(orderkit::mock::MockServer{o}, std::invalid_argument, [&](const std::invalid_argument& e) {
        return std::string(e.what()).find(c.expect) != std::string::npos;
      });
    }
  }
}

BOOST_AUTO_TEST_CASE(the_binary_serves_https_with_options_from_the_command_line_or_a_config_file) {
  Certificates certs;
  const std::string config = certs.pki.file("mock.json");
  std::ofstream(config) << R"({"tls-cert": ")" << certs.server.cert << R"(", "tls-key": ")" << certs.server.key
                        << R"(", "log": "off"})";
  const std::vector<std::vector<std::string>> runs = {
      {"--port", "0", "--log", "off", "--tls-cert", certs.server.cert, "--tls-key", certs.server.key},
      {"--port", "0", "--config", config},
  };
  for (const auto& args : runs) {
    BOOST_TEST_CONTEXT(args[2]) {
      Binary mock(args);
      const std::string ready = mock.first_line();
      BOOST_TEST(ready.rfind("orderkit-mock listening on https://127.0.0.1:", 0) == 0, ready);
      httplib::SSLClient client("127.0.0.1", std::stoi(ready.substr(ready.rfind(':') + 1)));
      client.set_ca_cert_path(certs.pki.ca_file().c_str());
      client.enable_server_certificate_verification(true);
      auto r = client.Get("/__admin/health");
      BOOST_REQUIRE_MESSAGE(r, httplib::to_string(r.error()));
      BOOST_TEST(r->status == 200);
      BOOST_TEST(mock.stop() == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_binary_needs_both_files_and_names_one_it_cannot_use) {
  Certificates certs;
  Binary cert_only({"--port", "0", "--tls-cert", certs.server.cert});
  BOOST_TEST(cert_only.first_line() == "");
  BOOST_TEST(cert_only.wait() == 2);
  Binary wrong_key({"--port", "0", "--tls-cert", certs.server.cert, "--tls-key", certs.server.cert});
  BOOST_TEST(wrong_key.first_line() == "");
  BOOST_TEST(wrong_key.wait() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
