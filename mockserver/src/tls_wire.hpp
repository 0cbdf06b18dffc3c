#pragma once
// HTTPS for the mock's own server: OpenSSL under the same ConnectionStream as plain HTTP, so that
// every limit (request deadline, byte caps, idle connections giving their worker up) holds over
// TLS too. cpp-httplib's SSLServer is not used: its connection loop is the one the mock replaces
// (http_server_seam.cpp), and it bounds no handshake (a client that opens a connection and sends
// half a ClientHello holds a worker for as long as each read may take, again and again).
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "wire.hpp"

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace orderkit::mock {

/// A server certificate chain and its private key, loaded once and shared by every connection.
class TlsContext final {
 public:
  /// Loads PEM files: the certificate (followed by any intermediates) and its unencrypted key.
  /// Throws std::runtime_error naming the file and OpenSSL's reason when one cannot be used.
  TlsContext(const std::string& cert_file, const std::string& key_file);
  ~TlsContext();
  TlsContext(const TlsContext&) = delete;
  TlsContext& operator=(const TlsContext&) = delete;

  /// How a handshake ended.
  enum class Accepted : unsigned char {
    secure,      // the TLS connection is up
    plain_http,  // the client spoke plain HTTP to the TLS port (nothing was read yet)
    failed,      // a TLS error, the peer left, the deadline passed or `give_up` said so
  };

  /// Runs the server side of the handshake on `sock` within `deadline`, asking `give_up` every
  /// `slice` while it waits. `wire` is set for Accepted::secure.
  Accepted accept(socket_t sock, std::chrono::steady_clock::time_point deadline, std::chrono::milliseconds slice,
                  const std::function<bool()>& give_up, std::unique_ptr<Wire>& wire) const;

 private:
  SSL_CTX* ctx_ = nullptr;
};

/// A TLS connection on a non-blocking socket.
class TlsWire final : public Wire {
 public:
  TlsWire(socket_t sock, SSL* ssl);
  /// Sends close_notify when the connection ended cleanly, and frees the TLS state.
  ~TlsWire() override;
  WireResult receive(char* data, std::size_t size) override;
  WireResult receive_within(char* data, std::size_t size, std::chrono::milliseconds slice) override;
  WireResult send(std::string_view a, std::string_view b) override;
  bool buffered() const override;
  void close_write() override;

 private:
  WireResult result_of(int ret);
  void close_write_notify();
  SSL* ssl_;
  bool failed_ = false;    // no close_notify after a fatal error
  bool notified_ = false;  // close_notify already sent
};

}  // namespace orderkit::mock
