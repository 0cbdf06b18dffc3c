#pragma once
// The native Transport: HTTP and HTTPS (OpenSSL) through cpp-httplib, with keep-alive
// connections reused per origin, per-attempt connect/read/write timeouts, an optional HTTP proxy
// and a cap on response size. Link orderkit::transport_httplib; this header does not include
// httplib.h.
#include <cstddef>
#include <memory>
#include <string>

#include "orderkit/core/transport.hpp"

namespace orderkit {

struct HttplibTransportOptions final {
  /// Reuses connections between calls to the same origin.
  bool keep_alive = true;
  /// "http://host:port" of an HTTP proxy; empty: connect directly.
  std::string proxy;
  /// Credentials for the proxy (Basic); empty: none.
  std::string proxy_user;
  std::string proxy_password;
  /// Verifies the server's certificate chain and host name for https (keep this on outside tests).
  bool verify_tls = true;
  /// A CA bundle file and/or directory instead of the system's.
  std::string ca_cert_file;
  std::string ca_cert_dir;
  /// A response body larger than this ends the attempt (TransportError "connection").
  std::size_t max_response_bytes = 64u * 1024u * 1024u;
};

class HttplibTransport final : public Transport {
 public:
  explicit HttplibTransport(HttplibTransportOptions options = {});
  ~HttplibTransport() override;
  HttplibTransport(const HttplibTransport&) = delete;
  HttplibTransport& operator=(const HttplibTransport&) = delete;

  /// Sends one request; safe to call from several threads (each uses its own connection).
  TransportResult send(const HttpRequest& request, const SendOptions& options) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A shared HttplibTransport, ready to hand to any API client.
std::shared_ptr<Transport> make_httplib_transport(HttplibTransportOptions options = {});

}  // namespace orderkit
