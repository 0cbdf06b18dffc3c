#pragma once
// How the bytes of one connection move: straight over its socket, or through TLS on it. The
// ConnectionStream above keeps every limit (request deadline, byte caps, idle time) whatever
// the wire; a wire only moves bytes, never waits (except PlainWire::receive_within), and says
// what it waits for, so that the stream's poll() and deadlines decide how long.
#include <httplib.h>  // socket_t

#include <chrono>
#include <cstddef>
#include <string_view>

namespace orderkit::mock {

/// What one receive or send did.
struct WireResult {
  enum class Status : unsigned char {
    done,        // `bytes` moved
    closed,      // the peer closed the connection (receive only)
    want_read,   // nothing moved: wait until the socket is readable, then try again
    want_write,  // nothing moved: wait until the socket is writable, then try again
    failed,      // the connection is unusable
  };
  Status status = Status::failed;
  std::size_t bytes = 0;
};

class Wire {
 public:
  explicit Wire(socket_t sock) : sock_(sock) {}
  virtual ~Wire() = default;
  Wire(const Wire&) = delete;
  Wire& operator=(const Wire&) = delete;

  socket_t socket() const { return sock_; }
  /// Receives up to `size` bytes that are there, without waiting.
  virtual WireResult receive(char* data, std::size_t size) = 0;
  /// Receives up to `size` bytes, waiting up to `slice` for the first (the idle wait between
  /// requests, in slices so that a stopping server is noticed).
  virtual WireResult receive_within(char* data, std::size_t size, std::chrono::milliseconds slice) = 0;
  /// Sends what it can of `a` then `b` without waiting; `bytes` counts from the start of `a`.
  virtual WireResult send(std::string_view a, std::string_view b) = 0;
  /// Whether received bytes wait in the wire itself, where poll() on the socket cannot see them.
  virtual bool buffered() const { return false; }
  /// Ends the sending direction (after a last answer), so that the client sees the end of it.
  virtual void close_write() = 0;

 protected:
  socket_t sock_;
};

/// The socket itself: recv() and sendmsg(), both directions gathered in one system call.
class PlainWire final : public Wire {
 public:
  explicit PlainWire(socket_t sock);
  WireResult receive(char* data, std::size_t size) override;
  WireResult receive_within(char* data, std::size_t size, std::chrono::milliseconds slice) override;
  WireResult send(std::string_view a, std::string_view b) override;
  void close_write() override;

 private:
  std::chrono::milliseconds slice_{-1};  // the socket's SO_RCVTIMEO
};

}  // namespace orderkit::mock
