#include "http_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <limits>

namespace orderkit::mock {

namespace {

// The connection this worker thread serves, for serving_cut_off_request().
thread_local const ConnectionStream* t_stream = nullptr;

const char* reason_phrase(int status) {
  switch (status) {
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    default: return "Bad Request";
  }
}

std::chrono::milliseconds to_ms(time_t sec, time_t usec) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(sec) * 1000 + static_cast<std::int64_t>(usec) / 1000);
}

}  // namespace

HttpServer::HttpServer() {
  set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
}

int HttpServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  // listen() again on a listening socket only changes its backlog.
  if (bound > 0) ::listen(svr_sock_, SOMAXCONN);
  return bound;
}

HttpServer& HttpServer::set_request_timeout(std::chrono::milliseconds timeout) {
  request_timeout_ = timeout;
  return *this;
}

HttpServer& HttpServer::set_cut_off_handler(CutOffHandler handler) {
  cut_off_handler_ = std::move(handler);
  return *this;
}

bool HttpServer::serving_cut_off_request() { return t_stream != nullptr && t_stream->cut_off() != CutOff::none; }

StreamLimits HttpServer::limits() const {
  StreamLimits l;
  l.read_timeout = to_ms(read_timeout_sec_, read_timeout_usec_);
  l.write_timeout = to_ms(write_timeout_sec_, write_timeout_usec_);
  l.request_timeout = request_timeout_;
  l.max_head_bytes = kMaxHeadBytes;
  const std::size_t most = std::numeric_limits<std::size_t>::max();
  l.max_request_bytes = payload_max_length_ > most - kMaxHeadBytes ? most : payload_max_length_ + kMaxHeadBytes;
  return l;
}

bool HttpServer::process_and_close_socket(socket_t sock) {
  // Closes the socket and forgets the stream however this returns (cpp-httplib lets a
  // std::bad_alloc from its parser through).
  struct Closer {
    socket_t sock;
    ~Closer() {
      t_stream = nullptr;
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
    }
  } closer{sock};
  ConnectionStream stream(sock, limits());
  t_stream = &stream;
  bool ret = false;
  const auto idle = std::chrono::seconds(keep_alive_timeout_sec_);
  for (std::size_t left = keep_alive_max_count_; left > 0 && svr_sock_ != INVALID_SOCKET; --left) {
    if (!stream.wait_for_request(idle, svr_sock_)) break;
    stream.begin_request();
    bool connection_closed = false;
    ret = process_request(stream, left == 1, connection_closed, nullptr);
    if (stream.cut_off() != CutOff::none) {
      answer_cut_off(stream);
      ret = false;
      break;
    }
    // The answer was gathered; it goes out here in one send.
    if (!stream.flush()) ret = false;
    if (!ret || connection_closed) break;
  }
  return ret;
}

void HttpServer::answer_cut_off(ConnectionStream& stream) {
  // What cpp-httplib wrote after the failed read (a 400 for a broken head, say) is not the answer.
  stream.discard_output();
  CutOffRequest request;
  request.reason = stream.cut_off();
  stream.get_remote_ip_and_port(request.remote_addr, request.remote_port);
  request.request_line = stream.request_line();
  request.start = stream.request_start();

  httplib::Response res;
  res.status = cut_off_status(request.reason);
  if (cut_off_handler_) cut_off_handler_(request, res);
  if (stream.answer_started()) {
    // Part of an answer (100 Continue) is out: another status line cannot follow.
    stream.answer_and_close({});
    return;
  }
  std::string bytes = "HTTP/1.1 " + std::to_string(res.status) + " " + reason_phrase(res.status) + "\r\n";
  for (const auto& [name, value] : res.headers) {
    if (name == "Content-Length" || name == "Connection") continue;
    bytes += name + ": " + value + "\r\n";
  }
  bytes += "Content-Length: " + std::to_string(res.body.size()) + "\r\nConnection: close\r\n\r\n" + res.body;
  stream.answer_and_close(bytes);
}

}  // namespace orderkit::mock
