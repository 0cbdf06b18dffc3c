#pragma once
// Test support: the mock on a free port in this process, documented sample fixtures, and a raw
// socket for requests no HTTP client would send.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "orderkit/mock/mock_server.hpp"
#include "orderkit/mock/server.hpp"

namespace mock_test {

/// The mock listening on 127.0.0.1 and a port the system picked, served from a thread, on the
/// server the binary runs (orderkit::mock::MockServer, as the client tests use too).
/// Connections made after construction queue in the listen backlog, so no waiting is needed.
class Server {
 public:
  explicit Server(orderkit::mock::MockOptions options = {}) : server_(std::move(options)) { server_.start(); }
  int port() const { return server_.port(); }
  orderkit::mock::MockState& state() { return server_.state(); }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server_.port());
    c.set_read_timeout(10, 0);
    return c;
  }

 private:
  orderkit::mock::MockServer server_;
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
      const bool in_tag =
          !out.empty() && out[0] == '<' && open != std::string::npos && (close == std::string::npos || open > close);
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

/// A raw connection for byte-level tests: requests no HTTP client would send, sent at the pace
/// the test chooses. Every wait is bounded (10 s), so a server that never answers fails the test
/// instead of hanging it.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      if (fd_ >= 0) ::close(fd_);
      throw std::runtime_error("connect failed");
    }
    timeval tv{kWaitSeconds, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  /// Sends all of `bytes`; false when the server closed the connection first.
  bool send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  /// Sends `bytes` one at a time, `gap` apart, until all are sent or the server answers or
  /// closes. Returns how many bytes were sent.
  std::size_t trickle(const std::string& bytes, std::chrono::milliseconds gap) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (readable(gap)) return i;
      if (::send(fd_, bytes.data() + i, 1, MSG_NOSIGNAL) != 1) return i;
    }
    return bytes.size();
  }

  /// Sends what `next` produces, as fast as the server takes it, until the server answers or
  /// closes, or `limit` bytes went out. Returns how many bytes were sent.
  template <class Next>
  std::size_t flood(Next next, std::size_t limit) {
    std::size_t sent = 0;
    std::string chunk;
    while (sent < limit) {
      pollfd p{fd_, POLLIN | POLLOUT, 0};
      if (::poll(&p, 1, kWaitSeconds * 1000) <= 0 || (p.revents & (POLLIN | POLLERR | POLLHUP))) break;
      if (chunk.empty()) chunk = next();
      const ssize_t n = ::send(fd_, chunk.data(), chunk.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n <= 0) break;
      chunk.erase(0, static_cast<std::size_t>(n));
      sent += static_cast<std::size_t>(n);
    }
    return sent;
  }

  /// Reads the next response (head and a Content-Length body); what arrived when the connection
  /// closed first ("" when nothing did).
  std::string read_response() {
    char buf[4096];
    for (;;) {
      const std::size_t end = in_.find("\r\n\r\n");
      if (end != std::string::npos) {
        std::size_t length = 0;
        const std::size_t cl = in_.find("Content-Length: ");
        if (cl != std::string::npos && cl < end) length = std::stoul(in_.substr(cl + 16));
        if (in_.size() >= end + 4 + length) {
          std::string response = in_.substr(0, end + 4 + length);
          in_.erase(0, end + 4 + length);
          return response;
        }
      }
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return std::exchange(in_, std::string());
      in_.append(buf, static_cast<std::size_t>(n));
    }
  }

  /// Whether the server closed the connection (after any responses still to be read).
  bool closed_by_server() {
    if (!in_.empty()) return false;
    char c;
    const ssize_t n = ::recv(fd_, &c, 1, 0);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  }

 private:
  static constexpr int kWaitSeconds = 10;
  bool readable(std::chrono::milliseconds wait) {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(wait.count())) > 0;
  }
  int fd_;
  std::string in_;
};

/// The body of a raw response ("" when it has none).
inline std::string raw_body(const std::string& response) {
  const std::size_t end = response.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : response.substr(end + 4);
}

/// The status code of the first response in raw bytes ("HTTP/1.1 400 Bad Request" -> 400).
inline int raw_status(const std::string& response) {
  if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) return 0;
  return std::stoi(response.substr(9, 3));
}

}  // namespace mock_test
