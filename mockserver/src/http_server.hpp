#pragma once
// A cpp-httplib server with what Debian's 0.11.4 cannot be told through its API:
// - a listen backlog wider than its compiled-in 5 (32 clients connecting at once would otherwise
//   see SYN retries of a second), and SO_REUSEADDR without SO_REUSEPORT (which would let a second
//   server silently share the port);
// - its own keep-alive loop over a ConnectionStream, so that a request must arrive within a
//   deadline and within a byte cap (0.11.4 times out each read but not a request, and counts no
//   header lines), and a client that goes past them gets 408, 431 or 413 and a closed connection.
#include <httplib.h>

#include <chrono>
#include <functional>
#include <string>

#include "connection_stream.hpp"

namespace orderkit::mock {

/// A request the server cut off before it had arrived, as far as it got.
struct CutOffRequest {
  CutOff reason = CutOff::none;
  std::string remote_addr;
  int remote_port = 0;
  std::string request_line;  // "POST /mobile/api/orders HTTP/1.1", or what arrived of it
  std::chrono::steady_clock::time_point start;
};

class HttpServer : public httplib::Server {
 public:
  /// Fills in the answer to a cut-off request (status preset; body, headers) and may log it.
  using CutOffHandler = std::function<void(const CutOffRequest&, httplib::Response&)>;

  /// Bytes a request line and its headers may take: far more than any real client sends
  /// (browsers stay under 16 KiB).
  static constexpr std::size_t kMaxHeadBytes = 64 * 1024;

  HttpServer();

  /// Binds host:port (0: any free port). Returns the port, or -1 when it cannot bind.
  int bind(const std::string& host, int port);

  /// How long one request may take to arrive, from its first byte to its last (and its answer to
  /// be sent). The byte cap is the payload limit (set_payload_max_length) plus 64 KiB for the head.
  HttpServer& set_request_timeout(std::chrono::milliseconds timeout);
  HttpServer& set_cut_off_handler(CutOffHandler handler);

  /// Whether the request this worker thread is serving was cut off: its answer is the cut-off
  /// handler's, not what cpp-httplib makes of the failed read (for a logger to skip).
  static bool serving_cut_off_request();

 private:
  // cpp-httplib 0.11.4's Server::process_and_close_socket is a private virtual; C++ lets a
  // derived class override it. Mirrors detail::process_server_socket (stop when the server
  // stops, at most keep_alive_max_count_ requests, keep_alive_timeout_sec_ idle) with one
  // ConnectionStream for the whole connection.
  bool process_and_close_socket(socket_t sock) override;
  void answer_cut_off(ConnectionStream& stream);
  StreamLimits limits() const;

  std::chrono::milliseconds request_timeout_{5000};
  CutOffHandler cut_off_handler_;
};

}  // namespace orderkit::mock
