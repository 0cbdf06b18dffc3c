#include "http_server.hpp"

#include <sys/socket.h>

#include <limits>
#include <memory>

#include "text.hpp"

namespace orderkit::mock {

namespace {

// The connection this worker thread serves, for serving_cut_off_request().
thread_local ConnectionStream* t_stream = nullptr;
// A stub's fault for the current answer (fault_answer()).
thread_local ConnectionFault t_fault = ConnectionFault::none;
// When it was accepted (its job queued), for the first request's grace.
thread_local std::chrono::steady_clock::time_point t_accepted;
// What screen() took away from the current request, and what it refused.
thread_local httplib::Headers t_withheld;
thread_local std::string t_refused_encoding;
thread_local std::string t_refused_framing;

// cpp-httplib's ThreadPool, with counts of the connections queued for a worker and of the
// workers serving one.
class CountingPool final : public httplib::TaskQueue {
 public:
  CountingPool(unsigned threads, std::atomic<int>& waiting, std::atomic<int>& busy)
      : pool_(threads), waiting_(waiting), busy_(busy) {}
  void enqueue(std::function<void()> fn) override {
    waiting_.fetch_add(1, std::memory_order_relaxed);
    pool_.enqueue([this, fn = std::move(fn), queued = std::chrono::steady_clock::now()] {
      busy_.fetch_add(1, std::memory_order_relaxed);
      waiting_.fetch_sub(1, std::memory_order_relaxed);
      t_accepted = queued;
      fn();
      busy_.fetch_sub(1, std::memory_order_relaxed);
    });
  }
  void shutdown() override { pool_.shutdown(); }

 private:
  httplib::ThreadPool pool_;
  std::atomic<int>& waiting_;
  std::atomic<int>& busy_;
};

const char* reason_phrase(int status) {
  switch (status) {
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    default: return "Bad Request";
  }
}

// Why the request's body framing is ambiguous (RFC 9112 6.3), or "": the Content-Length values
// must all be the same number, a Transfer-Encoding must be exactly "chunked", and not both.
std::string ambiguous_framing(const httplib::Headers& headers) {
  const auto lengths = headers.equal_range("Content-Length");
  const auto codings = headers.equal_range("Transfer-Encoding");
  const bool has_length = lengths.first != lengths.second, has_coding = codings.first != codings.second;
  if (has_length && has_coding) return "both Content-Length and Transfer-Encoding";
  for (auto it = lengths.first; it != lengths.second; ++it) {
    const std::string_view value = trim(it->second);
    if (value.empty() || value.find_first_not_of("0123456789") != std::string_view::npos)
      return "Content-Length is not a number";
    if (trim(lengths.first->second) != value) return "two different Content-Length values";
  }
  if (has_coding && (std::next(codings.first) != codings.second || !iequals(trim(codings.first->second), "chunked")))
    return "a Transfer-Encoding other than chunked";
  return "";
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

HttpServer& HttpServer::set_workers(unsigned threads) {
  workers_ = static_cast<int>(threads);
  new_task_queue = [this, threads] { return new CountingPool(threads, waiting_, busy_); };
  return *this;
}

HttpServer& HttpServer::set_tls(const std::string& cert_file, const std::string& key_file) {
  tls_ = std::make_unique<const TlsContext>(cert_file, key_file);
  return *this;
}

bool HttpServer::serving_cut_off_request() { return t_stream != nullptr && t_stream->cut_off() != CutOff::none; }

const httplib::Headers& HttpServer::withheld_headers() { return t_withheld; }

void HttpServer::set_current_stream(ConnectionStream* stream) {
  t_stream = stream;
  t_withheld.clear();
  t_fault = ConnectionFault::none;
}

void HttpServer::fault_answer(ConnectionFault fault) {
  t_fault = fault;
  // The whole answer is held back, so that only the part the fault leaves is sent.
  if (t_stream && fault != ConnectionFault::none) t_stream->hold_answer();
}

ConnectionFault HttpServer::take_fault() {
  const ConnectionFault f = t_fault;
  t_fault = ConnectionFault::none;
  return f;
}

void HttpServer::break_answer(ConnectionStream& stream, ConnectionFault fault) {
  std::string out = stream.take_output();
  if (fault == ConnectionFault::close) {
    stream.answer_and_close({});
    return;
  }
  // half_body: the status line and headers (which announce the whole length), half the body.
  const std::size_t head = out.find("\r\n\r\n");
  if (head != std::string::npos) {
    const std::size_t body_start = head + 4;
    out.resize(body_start + (out.size() - body_start) / 2);
  }
  stream.answer_and_close(out);
}

std::chrono::steady_clock::time_point HttpServer::accepted_at() {
  // A server without set_workers: no queue is counted, so the grace never applies.
  return t_accepted;
}

void HttpServer::screen(httplib::Request& req, ConnectionStream& stream) const {
  // Ranges: the APIs' server serves none, and 0.11.4 builds a multipart answer of every range in
  // memory (thousands of "0-" ranges fit in one header line). The whole body is answered.
  req.ranges.clear();

  // Compressed answers: none (0.11.4 compresses text with brotli at quality 11, seconds of CPU
  // for a page). Its choice reads Accept-Encoding, so the header is held aside for the journal.
  t_withheld.clear();
  const auto accept = req.headers.equal_range("Accept-Encoding");
  for (auto it = accept.first; it != accept.second; ++it) t_withheld.emplace(it->first, std::move(it->second));
  req.headers.erase(accept.first, accept.second);

  // Compressed request bodies: ASP.NET Web API does not decompress them, and 0.11.4 would inflate
  // them past any limit (the cap counts bytes after inflating). Refused before the body is read.
  const auto encodings = req.headers.equal_range("Content-Encoding");
  for (auto it = encodings.first; it != encodings.second; ++it) {
    const std::string_view value = trim(it->second);
    if (value.empty() || iequals(value, "identity")) continue;
    t_refused_encoding = std::string(value.substr(0, 100));
    stream.cut_off(CutOff::unsupported_encoding);
    throw Refused{};
  }

  // Framing: where the body ends must be unambiguous, or a proxy in front of the mock could read
  // the bytes as other requests than the mock does (request smuggling). 0.11.4 takes the first
  // of two Content-Lengths, prefers chunked to a Content-Length, and reads no body for a
  // Transfer-Encoding it does not know. RFC 9112 6.3: refused with 400, the connection closed.
  if (std::string why = ambiguous_framing(req.headers); !why.empty()) {
    t_refused_framing = std::move(why);
    stream.cut_off(CutOff::ambiguous_framing);
    throw Refused{};
  }

  // A declared body over the limit: refused now, before 100 Continue is sent or a byte read
  // (0.11.4 would read and drop it all).
  if (!req.has_header("Transfer-Encoding")) {
    const std::string& length = req.get_header_value("Content-Length");
    std::uint64_t declared = 0;
    if (!length.empty() && !parse_uint(length, payload_max_length_, declared) &&
        length.find_first_not_of("0123456789") == std::string::npos) {
      stream.cut_off(CutOff::body_too_large);
      throw Refused{};
    }
  }
}

std::unique_ptr<Wire> HttpServer::accept_tls(socket_t sock, std::chrono::steady_clock::time_point accepted) {
  // Until its first byte a new connection gives its worker up as in serve_connection(); the
  // handshake itself must end within the request timeout (0.11.4's SSLServer bounds only each
  // read of it).
  const auto give_up = [&] {
    return stopping() || (workers_short() && std::chrono::steady_clock::now() - accepted >= kFirstRequestGrace);
  };
  std::unique_ptr<Wire> wire;
  const auto deadline = std::chrono::steady_clock::now() + request_timeout_;
  switch (tls_->accept(sock, deadline, kHandshakeSlice, give_up, wire)) {
    case TlsContext::Accepted::secure: return wire;
    case TlsContext::Accepted::failed: return nullptr;
    case TlsContext::Accepted::plain_http: break;
  }
  // A plain HTTP request to the HTTPS port: a 400 in plain HTTP that says so (what a browser
  // or curl shows), rather than a TLS alert the client cannot read.
  ConnectionStream plain(sock, limits());
  set_current_stream(&plain);
  plain.begin_request();
  char start[256];  // read for the log's request line: the first byte is there already
  (void)plain.read(start, sizeof start);
  plain.cut_off(CutOff::plain_http);
  answer_cut_off(plain);
  return nullptr;
}

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

void HttpServer::answer_cut_off(ConnectionStream& stream) {
  // What cpp-httplib wrote after the failed read (a 400 for a broken head, say) is not the answer.
  stream.discard_output();
  CutOffRequest request;
  request.reason = stream.cut_off();
  stream.get_remote_ip_and_port(request.remote_addr, request.remote_port);
  request.request_line = stream.request_line();
  request.start = stream.request_start();
  if (request.reason == CutOff::unsupported_encoding) request.content_encoding = std::move(t_refused_encoding);
  if (request.reason == CutOff::ambiguous_framing) request.framing = std::move(t_refused_framing);

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
