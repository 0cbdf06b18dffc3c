#pragma once
// Test support: the mock on a free port in this process, documented sample fixtures, and a raw
// socket for requests no HTTP client would send.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

#include "http_server.hpp"
#include "orderkit/mock/server.hpp"

namespace mock_test {

/// The mock listening on 127.0.0.1 and a port the system picked, served from a thread.
/// Connections made after construction queue in the listen backlog, so no waiting is needed.
class Server {
 public:
  explicit Server(orderkit::mock::MockOptions options = {}) : state_(options) {
    orderkit::mock::configure_server(server_, state_.options());
    orderkit::mock::register_routes(server_, state_);
    port_ = server_.bind("127.0.0.1", 0);
    if (port_ <= 0) throw std::runtime_error("cannot bind a free port");
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      done_ = true;
    });
  }
  ~Server() {
    // stop() acts only once the accept loop runs (cpp-httplib 0.11.4): wait for it to start.
    while (!done_ && !server_.is_running()) std::this_thread::yield();
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  orderkit::mock::MockState& state() { return state_; }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(10, 0);
    return c;
  }

 private:
  orderkit::mock::MockState state_;
  orderkit::mock::HttpServer server_;
  int port_ = 0;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

/// A file of tests/fixtures ("mobile/OrderCreationRequest.request.json").
inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(ORDERKIT_FIXTURES_DIR) + "/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + name);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The text without whitespace between tokens (outside JSON strings, between XML tags), so that
/// a sample whose indentation the page lost still compares token by token.
inline std::string tokens(const std::string& text) {
  std::string out;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < text.size()) out.push_back(text[++i]);
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"' && (out.empty() || out[0] != '<')) in_string = true;
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      // Inside an XML tag, one space separates attributes.
      const std::size_t open = out.rfind('<'), close = out.rfind('>');
      const bool in_tag = !out.empty() && out[0] == '<' && open != std::string::npos &&
                          (close == std::string::npos || open > close);
      if (in_tag && !out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if ((c == '>' || (c == '/' && i + 1 < text.size() && text[i + 1] == '>')) && !out.empty() && out.back() == ' ')
      out.pop_back();
    out.push_back(c);
  }
  return out;
}

/// Sends raw bytes on a new connection and returns the first response (headers and a
/// Content-Length body), or what arrived before the server closed the connection or `timeout_s`
/// passed. The write side stays open: cpp-httplib does not answer a peer that has shut it down.
inline std::string raw_exchange(int port, const std::string& bytes, int timeout_s = 10) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  timeval tv{timeout_s, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string out;
  char buf[4096];
  for (;;) {
    const std::size_t end = out.find("\r\n\r\n");
    if (end != std::string::npos) {
      std::size_t length = 0;
      const std::size_t cl = out.find("Content-Length: ");
      if (cl != std::string::npos && cl < end) length = std::stoul(out.substr(cl + 16));
      if (out.size() >= end + 4 + length) {
        out.resize(end + 4 + length);
        break;
      }
    }
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

/// The status code of the first response in raw bytes ("HTTP/1.1 400 Bad Request" -> 400).
inline int raw_status(const std::string& response) {
  if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace mock_test
