#pragma once
// One keep-alive connection as a cpp-httplib Stream, with the limits 0.11.4 lacks: a deadline for
// each request to arrive (0.11.4 only times out each read, so a client sending a byte every few
// seconds holds a worker for ever), a cap on the bytes one request may take (it counts header lines
// without a limit), and a deadline for each answer to be taken.
//
// It also spares the hot path what 0.11.4's SocketStream costs: one read buffer for the whole
// connection instead of one per request (which also keeps pipelined requests that arrived with an
// earlier one), the wait for the next request and its receive in one call, a poll only when a
// read or send within a request would block, and the answer's status line, headers and body sent
// together with one send.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "wire.hpp"

namespace orderkit::mock {

/// The limits of one connection.
struct StreamLimits {
  /// How long one read or send may wait (cpp-httplib's read and write timeouts).
  std::chrono::milliseconds read_timeout{5000};
  std::chrono::milliseconds write_timeout{5000};
  /// How long one request may take to arrive, from its first byte to its last, and how long its
  /// answer may take to be sent.
  std::chrono::milliseconds request_timeout{5000};
  /// Bytes of a request line and header lines, and of the whole request as sent (head, body and
  /// any chunk framing).
  std::size_t max_head_bytes = 64 * 1024;
  std::size_t max_request_bytes = 64 * 1024 + 1024 * 1024;
};

/// Why a request was cut off, answered by the server itself and its connection closed.
enum class CutOff : std::uint8_t {
  none,
  timeout,               // it did not arrive within the request timeout, or stalled for a read timeout
  head_too_large,        // its request line and headers went past max_head_bytes
  body_too_large,        // the whole request went past max_request_bytes, or declared a longer body
  unsupported_encoding,  // its body has a Content-Encoding other than identity (not read)
  ambiguous_framing,     // where its body ends is unclear (Content-Length and Transfer-Encoding disagree)
  plain_http,            // it came as plain HTTP to a server that serves HTTPS (answered in plain HTTP)
  server_failure,        // serving it failed (out of memory): answered 500 rather than terminating
};

/// The HTTP status a cut-off request is answered with (400, 408, 431, 413, 415 or 500; 0 for none).
int cut_off_status(CutOff reason);

class ConnectionStream final : public httplib::Stream {
 public:
  /// A connection served over its socket as it is (plain HTTP).
  ConnectionStream(socket_t sock, const StreamLimits& limits);
  /// A connection served over `wire` (TLS, say), with the same limits.
  ConnectionStream(std::unique_ptr<Wire> wire, const StreamLimits& limits);

  /// Waits until the next request's first byte is available (already buffered, or on the socket)
  /// for at most `idle`. False when the time is up, the peer closed the connection, or
  /// `give_up` (asked every 100 ms, and before waiting at all) says so and no byte is there.
  bool wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& give_up);
  /// Starts a request: its deadline, byte counts and answer.
  void begin_request();
  /// Sends what write() gathered. False when the peer is gone or the send timed out.
  bool flush();

  CutOff cut_off() const { return cut_off_; }
  /// Cuts the current request off for `reason` now: nothing more is read or written for it.
  void cut_off(CutOff reason) { cut_off_ = reason; }
  /// Whether bytes of this request's final answer have already been sent (then no other answer
  /// can be). An interim answer (100 Continue) does not count.
  bool answer_started() const { return answer_started_; }
  /// Drops what write() gathered and not yet sent.
  void discard_output() { out_.clear(); }
  /// Gathers the rest of this request's answer however large it grows, for take_output().
  void hold_answer() { hold_ = true; }
  /// What write() gathered and not yet sent, taken away.
  std::string take_output() {
    std::string taken;
    taken.swap(out_);
    return taken;
  }
  /// The request line as far as it arrived (at most a few hundred bytes), for the log.
  const std::string& request_line() const { return request_line_; }
  std::chrono::steady_clock::time_point request_start() const { return request_start_; }
  /// Sends `bytes` within the write timeout, then half-closes and reads what the client still
  /// sends for a moment, so that the answer reaches a client that is still sending instead of
  /// being lost to a reset.
  void answer_and_close(std::string_view bytes);

  // httplib::Stream
  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  using Clock = std::chrono::steady_clock;

  // Receives into the empty buffer; waits within the read timeout and the request's deadline.
  ssize_t fill();
  // Sends `a` then `b`, waiting within the write timeout and the answer's deadline.
  bool send_all(std::string_view a, std::string_view b, Clock::time_point deadline);
  // Waits for `events` at most `timeout`, and never past `deadline`; > 0 when ready.
  int wait(short events, std::chrono::milliseconds timeout, Clock::time_point deadline) const;
  // Cuts the request off for going over its byte limit; returns -1 for read().
  ssize_t over_limit();
  // Watches head bytes for the request line (kept for the log) and the blank line that ends the
  // head, by cpp-httplib's rule: lines end at LF, and the head at the first line that is exactly
  // CRLF (a header line ending in a bare LF is skipped, a lone LF is no blank line). Returns how
  // many of the `n` bytes belong to the head.
  std::size_t scan_head(const char* data, std::size_t n);

  std::unique_ptr<Wire> wire_;
  socket_t sock_;
  StreamLimits limits_;
  std::string remote_ip_, local_ip_;
  int remote_port_ = 0, local_port_ = 0;

  // Received bytes; [pos_, end_) not yet handed to the parser (may hold pipelined requests).
  std::vector<char> in_;
  std::size_t pos_ = 0, end_ = 0;
  // The answer gathered by write() until flush().
  std::string out_;

  // The current request.
  Clock::time_point request_start_{}, request_deadline_{}, answer_deadline_{};
  std::size_t request_bytes_ = 0;
  std::size_t budget_ = 0;      // bytes it may still take: of the head, then of the whole request
  std::size_t line_bytes_ = 0;  // head bytes since the last LF
  std::size_t head_lines_ = 0;  // lines of the head so far (the request line is the first)
  bool line_cr_ = false;        // the line so far is exactly CR
  bool head_done_ = false;
  bool request_line_done_ = false;
  std::string request_line_;
  bool answer_started_ = false;
  bool head_written_ = false;  // the final answer's status line and headers were written
  bool hold_ = false;          // hold_answer()
  CutOff cut_off_ = CutOff::none;
  bool broken_ = false;  // a send failed: the connection is unusable
};

}  // namespace orderkit::mock
