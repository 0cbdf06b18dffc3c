#include "connection_stream.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace orderkit::mock {

namespace {

// One receive takes a whole ordinary request (head and a sample body of a few KiB), and more
// when the client pipelines.
constexpr std::size_t kReadBufferBytes = 16 * 1024;
// Writes are gathered up to this and sent together; a larger write goes out at once.
constexpr std::size_t kGatherBytes = 64 * 1024;
// The request line kept for the log of a cut-off request.
constexpr std::size_t kRequestLineBytes = 256;
// After a cut-off answer: how long, and how many bytes, the client's remaining bytes are read.
constexpr std::chrono::milliseconds kLingerTime{500};
constexpr std::size_t kLingerBytes = 256 * 1024;
// How long the idle wait between requests blocks before it looks whether the server is stopping.
constexpr std::chrono::milliseconds kIdleSlice{100};

void address_of(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage addr{};
  socklen_t length = sizeof addr;
  sockaddr* a = reinterpret_cast<sockaddr*>(&addr);
  if ((peer ? ::getpeername(sock, a, &length) : ::getsockname(sock, a, &length)) != 0) return;
  if (addr.ss_family == AF_INET) port = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
  else if (addr.ss_family == AF_INET6) port = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
  else return;
  char host[NI_MAXHOST];
  if (::getnameinfo(a, length, host, sizeof host, nullptr, 0, NI_NUMERICHOST) == 0) ip = host;
}

bool would_block(int error) { return error == EAGAIN || error == EWOULDBLOCK; }

// The head of an answer without its Content-Length lines.
std::string without_content_length(std::string_view head) {
  static constexpr std::string_view kName = "content-length:";
  std::string out;
  out.reserve(head.size());
  for (std::size_t start = 0; start < head.size();) {
    std::size_t end = head.find('\n', start);
    end = end == std::string_view::npos ? head.size() : end + 1;
    const std::string_view line = head.substr(start, end - start);
    const bool named = line.size() >= kName.size() &&
                       std::equal(kName.begin(), kName.end(), line.begin(),
                                  [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
    if (!named) out.append(line);
    start = end;
  }
  return out;
}

}  // namespace

int cut_off_status(CutOff reason) {
  switch (reason) {
    case CutOff::timeout: return 408;
    case CutOff::head_too_large: return 431;
    case CutOff::body_too_large: return 413;
    case CutOff::unsupported_encoding: return 415;
    case CutOff::ambiguous_framing:
    case CutOff::plain_http: return 400;
    case CutOff::server_failure: return 500;
    case CutOff::none: break;
  }
  return 0;
}

ConnectionStream::ConnectionStream(socket_t sock, const StreamLimits& limits)
    : ConnectionStream(std::make_unique<PlainWire>(sock), limits) {}

ConnectionStream::ConnectionStream(std::unique_ptr<Wire> wire, const StreamLimits& limits)
    : wire_(std::move(wire)), sock_(wire_->socket()), limits_(limits), in_(kReadBufferBytes) {
  // Once per connection, not per request as SocketStream does (two system calls each).
  address_of(sock_, true, remote_ip_, remote_port_);
  address_of(sock_, false, local_ip_, local_port_);
  out_.reserve(4096);
}

bool ConnectionStream::wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& give_up) {
  if (pos_ < end_) return true;  // pipelined: it is already here
  pos_ = end_ = 0;
  const Clock::time_point until = Clock::now() + idle;
  for (;;) {
    // Giving up still takes a request that is already here: a client that sent it cannot tell
    // the connection was about to close.
    const bool last = give_up();
    // Waits at most kIdleSlice, so that a stopping server is noticed soon.
    const WireResult r =
        last ? wire_->receive(in_.data(), in_.size()) : wire_->receive_within(in_.data(), in_.size(), kIdleSlice);
    if (r.status == WireResult::Status::done) {
      end_ = r.bytes;
      return true;
    }
    if (last || r.status == WireResult::Status::closed || r.status == WireResult::Status::failed) return false;
    if (Clock::now() >= until) return false;
  }
}

void ConnectionStream::begin_request() {
  request_start_ = Clock::now();
  request_deadline_ = request_start_ + limits_.request_timeout;
  answer_deadline_ = {};
  request_bytes_ = 0;
  budget_ = std::min(limits_.max_head_bytes, limits_.max_request_bytes);
  line_bytes_ = 0;
  head_lines_ = 0;
  line_cr_ = false;
  head_done_ = false;
  request_line_done_ = false;
  request_line_.clear();
  answer_started_ = false;
  head_written_ = false;
  hold_ = false;
  cut_off_ = CutOff::none;
}

int ConnectionStream::wait(short events, std::chrono::milliseconds timeout, Clock::time_point deadline) const {
  for (;;) {
    std::chrono::milliseconds limit = timeout;
    if (deadline != Clock::time_point{}) {
      const Clock::time_point now = Clock::now();
      if (now >= deadline) return 0;
      limit = std::min(limit, std::chrono::ceil<std::chrono::milliseconds>(deadline - now));
    }
    pollfd p{sock_, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(limit.count()));
    if (ready < 0 && errno == EINTR) continue;
    return ready;
  }
}

ssize_t ConnectionStream::fill() {
  pos_ = end_ = 0;
  for (;;) {
    // Try first: under load the bytes are usually there, and a poll before every read (as
    // SocketStream does) is a system call for nothing.
    const WireResult r = wire_->receive(in_.data(), in_.size());
    switch (r.status) {
      case WireResult::Status::done: end_ = r.bytes; return static_cast<ssize_t>(r.bytes);
      case WireResult::Status::closed: return 0;
      case WireResult::Status::failed: return -1;
      case WireResult::Status::want_read:
      case WireResult::Status::want_write: break;
    }
    const short event = r.status == WireResult::Status::want_write ? POLLOUT : POLLIN;
    const int ready = wait(event, limits_.read_timeout, request_deadline_);
    if (ready > 0) continue;
    if (ready == 0) cut_off_ = CutOff::timeout;
    return -1;
  }
}

ssize_t ConnectionStream::over_limit() {
  cut_off_ = head_done_ ? CutOff::body_too_large : CutOff::head_too_large;
  return -1;
}

std::size_t ConnectionStream::scan_head(const char* data, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const char c = data[i];
    if (!request_line_done_) {
      if (c == '\r' || c == '\n') request_line_done_ = true;
      else if (request_line_.size() < kRequestLineBytes) request_line_.push_back(c);
    }
    if (c != '\n') {
      line_cr_ = line_bytes_ == 0 && c == '\r';
      ++line_bytes_;
      continue;
    }
    // The request line is never the blank line that ends the head (the parser refuses it).
    if (line_cr_ && head_lines_ > 0) {
      head_done_ = true;
      return i + 1;  // the body counts against the request's limit only
    }
    ++head_lines_;
    line_bytes_ = 0;
    line_cr_ = false;
  }
  return n;
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  // cpp-httplib reads the request line and headers a byte at a time: this is the hot path.
  if (cut_off_ != CutOff::none || broken_) return -1;
  if (size == 0) return 0;
  if (pos_ == end_) {
    // Over a limit already: cut off now rather than wait for bytes that cannot be taken.
    if (budget_ == 0) return over_limit();
    // Whatever was written must go before waiting for the client (100 Continue).
    if (!flush()) return -1;
    const ssize_t got = fill();
    if (got <= 0) return got;
  }
  std::size_t n = std::min(size, end_ - pos_);
  if (n > budget_) {
    if (budget_ == 0) return over_limit();
    n = budget_;
  }
  const char* data = in_.data() + pos_;
  request_bytes_ += n;
  budget_ -= n;
  if (!head_done_) {
    const std::size_t head = scan_head(data, n);
    if (head_done_) {
      // The rest of the request's allowance is for the body.
      request_bytes_ -= n - head;
      n = head;
      budget_ = limits_.max_request_bytes > request_bytes_ ? limits_.max_request_bytes - request_bytes_ : 0;
    }
  }
  if (n == 1) *ptr = *data;
  else std::memcpy(ptr, data, n);
  pos_ += n;
  return static_cast<ssize_t>(n);
}

bool ConnectionStream::send_all(std::string_view a, std::string_view b, Clock::time_point deadline) {
  while (!a.empty() || !b.empty()) {
    const WireResult r = wire_->send(a, b);
    if (r.status == WireResult::Status::done) {
      const std::size_t from_a = std::min(r.bytes, a.size());
      a.remove_prefix(from_a);
      b.remove_prefix(std::min(r.bytes - from_a, b.size()));
      continue;
    }
    if (r.status == WireResult::Status::failed || r.status == WireResult::Status::closed) return false;
    const short event = r.status == WireResult::Status::want_read ? POLLIN : POLLOUT;
    if (wait(event, limits_.write_timeout, deadline) <= 0) return false;
  }
  return true;
}

bool ConnectionStream::flush() {
  if (broken_) return false;
  if (out_.empty()) return true;
  // cpp-httplib writes "100 Continue" on its own and flushes it before reading the body: a final
  // answer (a 408 for a body that never comes, say) may still follow it.
  if (out_.compare(0, 10, "HTTP/1.1 1") != 0) answer_started_ = true;
  if (answer_deadline_ == Clock::time_point{}) answer_deadline_ = Clock::now() + limits_.request_timeout;
  const bool ok = send_all(out_, {}, answer_deadline_);
  out_.clear();
  broken_ = !ok;
  return ok;
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  if (cut_off_ != CutOff::none || broken_) return -1;
  std::string_view data(ptr, size);
  std::string head;
  // cpp-httplib 0.11.4 writes an answer's status line and headers in one write, and gives every
  // answer without a body "Content-Length: 0", 204 and 304 included: RFC 9110 8.6 forbids it in a
  // 204, and in a 304 it would say the resource is empty. It is taken out here.
  if (!head_written_ && data.size() > 12 && data.compare(0, 9, "HTTP/1.1 ") == 0 && data[9] != '1') {
    head_written_ = true;
    if (data.compare(9, 4, "204 ") == 0 || data.compare(9, 4, "304 ") == 0) {
      head = without_content_length(data);
      data = head;
    }
  }
  if (hold_ || out_.size() + data.size() <= kGatherBytes) {
    out_.append(data);
    return static_cast<ssize_t>(size);
  }
  answer_started_ = true;
  if (answer_deadline_ == Clock::time_point{}) answer_deadline_ = Clock::now() + limits_.request_timeout;
  const bool ok = send_all(out_, data, answer_deadline_);
  out_.clear();
  broken_ = !ok;
  return ok ? static_cast<ssize_t>(size) : -1;
}

void ConnectionStream::answer_and_close(std::string_view bytes) {
  out_.clear();
  if (!bytes.empty() && !broken_) send_all(bytes, {}, Clock::now() + limits_.write_timeout);
  wire_->close_write();
  // Closing with unread bytes makes the kernel reset the connection, and a client still sending
  // could lose the answer: read what it sends for a moment (a "lingering close").
  const Clock::time_point until = Clock::now() + kLingerTime;
  std::size_t drained = 0;
  while (drained < kLingerBytes && wait(POLLIN, kLingerTime, until) > 0) {
    const ssize_t n = ::recv(sock_, in_.data(), in_.size(), MSG_DONTWAIT);
    if (n > 0) drained += static_cast<std::size_t>(n);
    else if (n == 0 || (errno != EINTR && !would_block(errno))) break;
  }
}

bool ConnectionStream::is_readable() const {
  return pos_ < end_ || wire_->buffered() || wait(POLLIN, limits_.read_timeout, request_deadline_) > 0;
}

bool ConnectionStream::is_writable() const {
  return !broken_ && cut_off_ == CutOff::none && wait(POLLOUT, limits_.write_timeout, answer_deadline_) > 0;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_ip_;
  port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = local_ip_;
  port = local_port_;
}

}  // namespace orderkit::mock
