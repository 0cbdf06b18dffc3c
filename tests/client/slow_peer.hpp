#pragma once
// A hostile HTTP peer on a raw socket, for the attempt's bounds: it accepts one connection and then
// either takes the request a kilobyte at a time (a slow reader), or reads the head and answers
// with its headers and then one body byte per tick (a trickling server), or answers with a head
// that never ends, header lines as fast as the client takes them (a header flood), or with a
// chunked body of one byte per chunk, each chunk carrying 8 KB of extension. Each pace is
// short of every per-read and per-write timeout, so only a bound on the whole attempt ends the call.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace orderkit::test {

class SlowPeer {
 public:
  enum class Mode { trickle_answer, slow_reader, flood_headers, flood_chunk_extensions };

  /// `bytes`: the body it announces and trickles, the request bytes it takes before it answers, or
  /// the most header bytes it floods.
  SlowPeer(Mode mode, std::size_t bytes, std::chrono::milliseconds tick) : mode_(mode), bytes_(bytes), tick_(tick) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    // A small receive window (inherited by the accepted socket), so a slow reader slows the sender.
    int window = 4096;
    ::setsockopt(listener_, SOL_SOCKET, SO_RCVBUF, &window, sizeof window);
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener_, 4) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
      throw std::runtime_error("cannot listen on a free port");
    }
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~SlowPeer() {
    done_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    thread_.join();
    ::close(listener_);
  }
  SlowPeer(const SlowPeer&) = delete;
  SlowPeer& operator=(const SlowPeer&) = delete;

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  /// The bytes of its answer the client took (a flood).
  std::size_t sent() const { return sent_; }

 private:
  // Waits one tick; a trickling server stops early when the client went away (readable: its
  // close). False when it should stop.
  bool pace(int fd) {
    if (mode_ == Mode::slow_reader) {
      ::poll(nullptr, 0, static_cast<int>(tick_.count()));
      return !done_;
    }
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(tick_.count()));
    if (done_) return false;
    if (ready > 0) {
      // Taken, not peeked: request bytes still unread (a body sent after the head) would keep
      // the socket readable, so that poll() no longer paced the answer, and closing with them
      // unread would reset the connection.
      char buf[1024];
      const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
      return n != 0;  // 0: the client closed
    }
    return true;
  }

  void serve() {
    int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0) return;
    std::string got;
    char buf[1024];
    if (mode_ == Mode::slow_reader) {
      for (std::size_t taken = 0; taken < bytes_ && pace(fd);) {
        ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n == 0) break;
        if (n > 0) taken += static_cast<std::size_t>(n);
      }
      const std::string answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
      ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
    } else if (mode_ == Mode::flood_headers || mode_ == Mode::flood_chunk_extensions) {
      while (got.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got.append(buf, static_cast<std::size_t>(n));
      }
      const bool headers = mode_ == Mode::flood_headers;
      const std::string head =
          headers ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
      ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
      std::string units;
      for (int i = 0; i < 16; ++i) {
        units += headers ? "X-Flood-" + std::to_string(i) + ": " + std::string(8000, 'y') + "\r\n"
                         : "1;x=" + std::string(8000, 'y') + "\r\nx\r\n";
      }
      // Never blocked in send(): a client that shut its socket down and closed it leaves this side
      // with a full window until the kernel gives up on it (a minute and more), so it polls and
      // stops with the test.
      while (sent_ < bytes_ && !done_) {
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        if (p.revents & (POLLERR | POLLHUP)) break;
        const ssize_t n = ::send(fd, units.data(), units.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
        if (n <= 0) break;  // the client closed
        sent_ += static_cast<std::size_t>(n);
      }
    } else {
      while (got.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        got.append(buf, static_cast<std::size_t>(n));
      }
      const std::string head =
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(bytes_) + "\r\n\r\n";
      ::send(fd, head.data(), head.size(), MSG_NOSIGNAL);
      for (std::size_t sent = 0; sent < bytes_ && pace(fd); ++sent) {
        if (::send(fd, "x", 1, MSG_NOSIGNAL) != 1) break;
      }
    }
    ::close(fd);
  }

  Mode mode_;
  std::size_t bytes_;
  std::chrono::milliseconds tick_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> done_{false};
  std::atomic<std::size_t> sent_{0};
  std::thread thread_;
};

}  // namespace orderkit::test
