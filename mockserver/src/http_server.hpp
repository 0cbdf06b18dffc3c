#pragma once
// A cpp-httplib server with what Debian's 0.11.4 cannot be told through its API:
// - a listen backlog wider than its compiled-in 5 (32 clients connecting at once would otherwise
//   see SYN retries of a second), and SO_REUSEADDR without SO_REUSEPORT (which would let a second
//   server silently share the port);
// - its own keep-alive loop over a ConnectionStream (http_server_seam.cpp), so that a request
//   must arrive within a deadline and within a byte cap (0.11.4 times out each read but not a
//   request, and counts no header lines), and a client that goes past them gets 408, 431 or 413
//   and a closed connection;
// - a look at each request's head before cpp-httplib acts on it (screen()): no ranges (0.11.4
//   builds every part of a multipart/byteranges answer in memory), no compressed request bodies
//   (it inflates them without a limit), no compressed answers (brotli at quality 11), and a
//   declared body over the limit refused before anything is read or 100 Continue sent;
// - HTTPS (set_tls) through the same connection loop and limits, with a bounded handshake;
// - workers shared fairly: while all are taken and connections wait, idle keep-alive
//   connections give theirs up and answers say "Connection: close" (0.11.4 serves a connection
//   on one worker for its life, so a few idle clients can lock every other client out).
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "connection_stream.hpp"
#include "orderkit/mock/server.hpp"
#include "tls_wire.hpp"

namespace orderkit::mock {

/// A request the server cut off before it had arrived, as far as it got.
struct CutOffRequest {
  CutOff reason = CutOff::none;
  std::string remote_addr;
  int remote_port = 0;
  std::string request_line;      // "POST /mobile/api/orders HTTP/1.1", or what arrived of it
  std::string content_encoding;  // for unsupported_encoding: the Content-Encoding refused
  std::string framing;           // for ambiguous_framing: what is ambiguous
  std::chrono::steady_clock::time_point start;
};

class HttpServer : public httplib::Server {
 public:
  /// Fills in the answer to a cut-off request (status preset; body, headers) and may log it.
  using CutOffHandler = std::function<void(const CutOffRequest&, httplib::Response&)>;

  /// Bytes a request line and its headers may take: far more than any real client sends
  /// (browsers stay under 16 KiB).
  static constexpr std::size_t kMaxHeadBytes = 64 * 1024;
  /// While connections wait for a worker, how long a new connection may take to send the first
  /// byte of its first request (from when it was accepted) before it gives its worker up.
  static constexpr std::chrono::milliseconds kFirstRequestGrace{500};
  /// How often a TLS handshake waiting for its first byte looks whether it should give up.
  static constexpr std::chrono::milliseconds kHandshakeSlice{100};

  HttpServer();

  /// Binds host:port (0: any free port). Returns the port, or -1 when it cannot bind.
  int bind(const std::string& host, int port);

  /// How long one request may take to arrive, from its first byte to its last (and its answer to
  /// be sent). The byte cap is the payload limit (set_payload_max_length) plus 64 KiB for the head.
  HttpServer& set_request_timeout(std::chrono::milliseconds timeout);
  HttpServer& set_cut_off_handler(CutOffHandler handler);
  /// Serves connections on `threads` workers (instead of new_task_queue), counting the
  /// connections that wait for one and the workers serving one: while every worker is taken and
  /// a connection waits, idle connections give theirs up.
  HttpServer& set_workers(unsigned threads);
  /// Serves HTTPS with this certificate chain and key (PEM files) on every connection, under the
  /// same limits; a TLS handshake must end within the request timeout. Throws std::runtime_error
  /// naming the file that cannot be used.
  HttpServer& set_tls(const std::string& cert_file, const std::string& key_file);
  bool tls() const { return tls_ != nullptr; }

  /// Whether the request this worker thread is serving was cut off: its answer is the cut-off
  /// handler's, not what cpp-httplib makes of the failed read (for a logger to skip).
  static bool serving_cut_off_request();

  /// Makes the answer to the request this worker thread serves break its connection (a stub's
  /// fault): nothing sent, or the head and half the body; then the connection is closed.
  static void fault_answer(ConnectionFault fault);

  /// Request headers of the request this worker thread serves that screen() took away from
  /// cpp-httplib (Accept-Encoding, so that it compresses nothing), for the journal.
  static const httplib::Headers& withheld_headers();

 private:
  // Thrown by screen() through cpp-httplib's process_request (which holds nothing but RAII
  // locals there) to answer a request without reading its body.
  struct Refused {};

  // The seam into cpp-httplib 0.11.4 (http_server_seam.cpp, where it says what it replaces).
  bool process_and_close_socket(socket_t sock) override;
  // The TLS handshake of a new connection; null when it failed (a plain HTTP request to the TLS
  // port is answered 400 first).
  std::unique_ptr<Wire> accept_tls(socket_t sock, std::chrono::steady_clock::time_point accepted);
  // The keep-alive loop of one connection; false when it ended on an error.
  bool serve_connection(ConnectionStream& stream, std::chrono::steady_clock::time_point accepted);
  // What the server does with a request's head before cpp-httplib acts on it; throws Refused
  // (with the stream cut off) for a request answered without reading its body.
  void screen(httplib::Request& req, ConnectionStream& stream) const;
  // Whether connections wait for a worker while every worker serves one. (A connection is
  // queued for a moment even when workers are free: that is no shortage, and closing idle
  // connections then would only make their clients reconnect.)
  bool workers_short() const {
    return waiting_.load(std::memory_order_relaxed) > 0 && busy_.load(std::memory_order_relaxed) >= workers_;
  }
  bool stopping() const { return svr_sock_ == INVALID_SOCKET; }
  void answer_cut_off(ConnectionStream& stream);
  StreamLimits limits() const;
  // The connection this worker thread serves, and when it was accepted (set by set_workers' pool).
  static void set_current_stream(ConnectionStream* stream);
  // The fault fault_answer() set for the current request (none afterwards).
  static ConnectionFault take_fault();
  // Sends what the fault leaves of the gathered answer, and closes.
  static void break_answer(ConnectionStream& stream, ConnectionFault fault);
  static std::chrono::steady_clock::time_point accepted_at();

  std::chrono::milliseconds request_timeout_{5000};
  CutOffHandler cut_off_handler_;
  std::atomic<int> waiting_{0};
  std::atomic<int> busy_{0};
  int workers_ = 0;
  std::unique_ptr<const TlsContext> tls_;
};

}  // namespace orderkit::mock
