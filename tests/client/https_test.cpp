// The native transport's HTTPS path against the mock serving HTTPS, with a test CA and server
// certificates made by the openssl command for each test: a trusted certificate succeeds (the
// client and `orderkit submit --ca-file`), a certificate for another host name or from no trusted
// CA is refused with a TransportError that says which check failed, and plain HTTP to the HTTPS
// port fails cleanly.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "client_test_support.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/mobile/client.hpp"
#include "orderkit/mock/mock_server.hpp"
#include "orderkit/transport/httplib_transport.hpp"
#include "process.hpp"
#include "test_pki.hpp"

using namespace orderkit;
using namespace std::chrono_literals;
using orderkit::test::TestPki;

namespace {

// The mock (all four APIs) serving HTTPS with `pair` on a free port of 127.0.0.1.
class HttpsMock {
 public:
  explicit HttpsMock(const TestPki::Pair& pair) : server_(options(pair)) { server_.start(); }
  std::string url(const std::string& api) const { return server_.url() + "/" + api; }
  int port() const { return server_.port(); }

 private:
  static mock::MockOptions options(const TestPki::Pair& pair) {
    mock::MockOptions o;
    o.mode = mock::Mode::echo;
    o.threads = 4;
    o.tls_cert_file = pair.cert;
    o.tls_key_file = pair.key;
    return o;
  }
  mock::MockServer server_;
};

ApiResult<std::vector<mobile::OrderDetailResult>> create_orders(const std::string& base_url,
                                                                HttplibTransportOptions transport) {
  ClientOptions options = test::quiet_options(base_url);
  options.timeouts.read = 10s;
  options.retry.max_attempts = 1;
  mobile::Client client(options, make_httplib_transport(std::move(transport)));
  return client.try_create_orders(documented_sample<mobile::OrderCreationRequest>());
}

HttplibTransportOptions trusting(const std::string& ca_file) {
  HttplibTransportOptions o;
  o.ca_cert_file = ca_file;
  return o;
}

std::string order_file() { return std::string(ORDERKIT_FIXTURES_DIR) + "/mobile/OrderCreationRequest.request.json"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(https)

BOOST_AUTO_TEST_CASE(the_client_reaches_an_https_server_whose_ca_it_trusts) {
  TestPki pki;
  HttpsMock mock(pki.server("mock", "DNS:localhost,IP:127.0.0.1"));
  BOOST_TEST(mock.url("mobile").rfind("https://127.0.0.1:", 0) == 0);
  // By address and by name: the certificate names both.
  for (const std::string& url : {mock.url("mobile"), "https://localhost:" + std::to_string(mock.port()) + "/mobile"}) {
    BOOST_TEST_CONTEXT(url) {
      auto result = create_orders(url, trusting(pki.ca_file()));
      BOOST_REQUIRE_MESSAGE(result.ok(), (result.ok() ? std::string() : to_string(result.error())));
      BOOST_TEST(result.value().status == 200);
      BOOST_TEST(result.value().value.at(0).Success);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_host_name_is_refused_naming_the_host_name) {
  TestPki pki;
  HttpsMock mock(pki.server("other", "DNS:other.example"));
  auto result = create_orders(mock.url("mobile"), trusting(pki.ca_file()));
  BOOST_REQUIRE(!result.ok());
  const ClientError& e = result.error();
  BOOST_TEST(e.code == "tls_failed");
  BOOST_TEST(e.transport == TransportErrorCode::tls);
  BOOST_TEST(e.message.find("host name verification failed") != std::string::npos, e.message);
  BOOST_TEST(e.message.find("127.0.0.1") != std::string::npos, e.message);
}

BOOST_AUTO_TEST_CASE(a_certificate_from_an_untrusted_ca_is_refused_naming_certificate_verification) {
  TestPki pki;
  HttpsMock mock(pki.server("mock", "DNS:localhost,IP:127.0.0.1"));
  // The system's CAs (the default) do not include the test CA.
  auto result = create_orders(mock.url("mobile"), {});
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().code == "tls_failed");
  BOOST_TEST(result.error().message.find("certificate verification failed: its issuer is not a trusted CA") !=
                 std::string::npos,
             result.error().message);
}

BOOST_AUTO_TEST_CASE(a_self_signed_certificate_is_refused_naming_certificate_verification) {
  TestPki pki;
  HttpsMock mock(pki.self_signed("mock", "DNS:localhost,IP:127.0.0.1"));
  auto result = create_orders(mock.url("mobile"), trusting(pki.ca_file()));
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().code == "tls_failed");
  BOOST_TEST(result.error().message.find("certificate verification failed: the certificate is self-signed") !=
                 std::string::npos,
             result.error().message);
}

BOOST_AUTO_TEST_CASE(plain_http_to_the_https_port_fails_cleanly) {
  TestPki pki;
  HttpsMock mock(pki.server("mock", "DNS:localhost,IP:127.0.0.1"));
  auto result = create_orders("http://127.0.0.1:" + std::to_string(mock.port()) + "/mobile", {});
  BOOST_REQUIRE(!result.ok());
  BOOST_TEST(result.error().status == 400);
  BOOST_TEST(result.error().server_message.find("HTTPS") != std::string::npos, to_string(result.error()));
}

#ifdef ORDERKIT_CLI
BOOST_AUTO_TEST_CASE(submit_trusts_the_ca_of_ca_file_and_refuses_the_server_without_it) {
  TestPki pki;
  HttpsMock mock(pki.server("mock", "DNS:localhost,IP:127.0.0.1"));
  auto ok = test::run_process(ORDERKIT_CLI, {"submit", "--api", "mobile", "--base-url", mock.url("mobile"), "--ca-file",
                                             pki.ca_file(), order_file()});
  BOOST_TEST(ok.status == 0, ok.err);
  BOOST_TEST(ok.out.find("\"Success\": true") != std::string::npos, ok.out);
  auto refused = test::run_process(
      ORDERKIT_CLI, {"submit", "--api", "mobile", "--base-url", mock.url("mobile"), "--retries", "0", order_file()});
  BOOST_TEST(refused.status == 1);
  BOOST_TEST(refused.err.find("TLS certificate verification failed") != std::string::npos, refused.err);
}
#endif

BOOST_AUTO_TEST_SUITE_END()
