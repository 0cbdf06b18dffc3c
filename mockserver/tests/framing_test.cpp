// Where a request ends and an answer ends must be unambiguous (RFC 9112 6.3, RFC 9110 8.6): a
// request whose length two headers disagree on is refused and its connection closed (a proxy in
// front of the mock could read it differently: request smuggling), and answers without content
// (204, 304) carry no Content-Length.
//
// Raw sockets, since no HTTP client sends such requests or shows such headers.
#include <boost/test/unit_test.hpp>

#include <string>

#include "support.hpp"

using mock_test::raw_body;
using mock_test::raw_status;
using mock_test::RawClient;

namespace {

const std::string kHead = "POST /mobile/api/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

std::string head_of(const std::string& response) { return response.substr(0, response.find("\r\n\r\n") + 2); }

bool has_content_length(const std::string& response) {
  std::string head = head_of(response);
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.find("\r\ncontent-length:") != std::string::npos;
}

// The request must be refused with 400, naming what was wrong, and the connection closed (the
// bytes after it cannot be told apart from a next request).
void check_refused(RawClient& client, const std::string& named) {
  const std::string response = client.read_response();
  BOOST_TEST(raw_status(response) == 400, response);
  BOOST_TEST(raw_body(response).find(named) != std::string::npos, response);
  BOOST_TEST(response.find("\r\nConnection: close\r\n") != std::string::npos, response);
  BOOST_TEST(client.closed_by_server());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(framing)

BOOST_AUTO_TEST_CASE(two_different_content_lengths_are_refused_and_the_connection_closed) {
  mock_test::Server server;
  const std::string body = mock_test::fixture("mobile/OrderCreationRequest.request.json");
  RawClient client(server.port());
  // cpp-httplib alone takes the first length and serves the order; a proxy taking the second
  // would see one request where the mock sees two.
  client.send(kHead + "Content-Length: " + std::to_string(body.size()) +
              "\r\nContent-Length: " + std::to_string(body.size() + 40) + "\r\n\r\n" + body);
  check_refused(client, "Content-Length");
  BOOST_TEST(server.state().journal_json().find("/mobile/api/orders") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(content_length_with_transfer_encoding_is_refused_and_the_connection_closed) {
  mock_test::Server server;
  const std::string body = mock_test::fixture("mobile/OrderCreationRequest.request.json");
  char size[32];
  std::snprintf(size, sizeof size, "%zx", body.size());
  RawClient client(server.port());
  client.send(kHead + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + body +
              "\r\n0\r\n\r\n");
  check_refused(client, "Transfer-Encoding");
}

BOOST_AUTO_TEST_CASE(a_content_length_that_is_not_a_number_is_refused) {
  mock_test::Server server;
  RawClient client(server.port());
  client.send(kHead + "Content-Length: 2, 2\r\n\r\n{}");
  check_refused(client, "Content-Length");
}

BOOST_AUTO_TEST_CASE(a_transfer_encoding_other_than_chunked_is_refused) {
  mock_test::Server server;
  RawClient client(server.port());
  client.send(kHead + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  check_refused(client, "Transfer-Encoding");
}

BOOST_AUTO_TEST_CASE(the_same_content_length_twice_is_one_length) {
  mock_test::Server server;
  const std::string body = mock_test::fixture("mobile/OrderCreationRequest.request.json");
  const std::string length = "Content-Length: " + std::to_string(body.size()) + "\r\n";
  RawClient client(server.port());
  client.send(kHead + length + length + "\r\n" + body);
  BOOST_TEST(raw_status(client.read_response()) == 200);
}

BOOST_AUTO_TEST_CASE(no_content_answers_carry_no_content_length_and_keep_the_connection_in_step) {
  mock_test::Server server;
  const std::string body = mock_test::fixture("mobile/OrderCreationRequest.request.json");
  const std::string requests[] = {
      "DELETE /__admin/requests HTTP/1.1\r\nHost: localhost\r\n\r\n",
      "POST /__admin/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n",
      kHead + "X-Mock-Status: 204\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body,
      kHead + "X-Mock-Status: 304\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body,
      "OPTIONS /mobile/api/orders HTTP/1.1\r\nHost: localhost\r\nOrigin: http://shop.test\r\n"
      "Access-Control-Request-Method: POST\r\n\r\n",
  };
  RawClient client(server.port());
  for (const std::string& request : requests) {
    BOOST_TEST_CONTEXT(request.substr(0, request.find('\r'))) {
      client.send(request);
      const std::string response = client.read_response();
      const int status = raw_status(response);
      BOOST_TEST((status == 204 || status == 304), response);
      BOOST_TEST(!has_content_length(response), response);
    }
  }
  // The connection is still in step: the next answer is the next request's.
  client.send("GET /__admin/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
  BOOST_TEST(raw_status(client.read_response()) == 200);
}

BOOST_AUTO_TEST_SUITE_END()
