#include "tls_wire.hpp"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <stdexcept>

namespace orderkit::mock {

namespace {

// The first byte of every TLS connection: a handshake record.
constexpr unsigned char kTlsHandshakeRecord = 0x16;

// OpenSSL's reason for the last failure on this thread, for an error message.
std::string openssl_reason() {
  std::string reason;
  while (const unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    reason = text;  // the last is the most specific
  }
  return reason.empty() ? "unknown OpenSSL error" : reason;
}

// OpenSSL writes to the socket with write(), which raises SIGPIPE when the client has gone (the
// plain path sends with MSG_NOSIGNAL). Blocked on the worker threads that serve TLS: a SIGPIPE
// raised there stays pending on that thread, harmlessly, instead of ending the process.
void block_sigpipe_on_this_thread() {
  thread_local bool blocked = false;
  if (blocked) return;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  blocked = true;
}

// Waits for `events` on `sock` until `deadline`, at most `slice` at a time, asking `give_up`
// before each slice when it is given. > 0 ready, 0 time is up or given up, < 0 error.
int wait_for(socket_t sock, short events, std::chrono::steady_clock::time_point deadline,
             std::chrono::milliseconds slice, const std::function<bool()>* give_up) {
  for (;;) {
    if (give_up && (*give_up)()) return 0;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return 0;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
    pollfd p{sock, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min(left, slice).count()));
    if (ready > 0) return ready;
    if (ready < 0 && errno != EINTR) return ready;
  }
}

}  // namespace

TlsContext::TlsContext(const std::string& cert_file, const std::string& key_file) {
  ERR_clear_error();
  ctx_ = SSL_CTX_new(TLS_server_method());
  if (!ctx_) throw std::runtime_error("cannot set up TLS: " + openssl_reason());
  auto fail = [this](const std::string& what) {
    const std::string message = what + ": " + openssl_reason();
    SSL_CTX_free(ctx_);
    ctx_ = nullptr;
    throw std::runtime_error(message);
  };
  SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
  // No renegotiation (a client could make the server redo handshakes at will), no compression
  // (CRIME), and a client that closes without close_notify is a closed connection, not an error.
  SSL_CTX_set_options(ctx_, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION | SSL_OP_IGNORE_UNEXPECTED_EOF);
  // SSL_write() may send part of a buffer, as send() does, and be called again with the rest;
  // idle connections give their buffers back.
  SSL_CTX_set_mode(ctx_,
                   SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
  // An encrypted key is refused rather than asked for on the terminal.
  SSL_CTX_set_default_passwd_cb(ctx_, [](char*, int, int, void*) { return 0; });
  // The key first: a certificate set after it that does not match drops it, and the check below
  // says so (the other way round, OpenSSL reports a mismatch as a key it cannot use).
  if (SSL_CTX_use_PrivateKey_file(ctx_, key_file.c_str(), SSL_FILETYPE_PEM) != 1)
    fail("cannot use the TLS key '" + key_file + "' (a PEM private key without a passphrase)");
  if (SSL_CTX_use_certificate_chain_file(ctx_, cert_file.c_str()) != 1)
    fail("cannot use the TLS certificate '" + cert_file + "'");
  if (SSL_CTX_check_private_key(ctx_) != 1)
    fail("the TLS key '" + key_file + "' does not belong to the certificate '" + cert_file + "'");
}

TlsContext::~TlsContext() { SSL_CTX_free(ctx_); }

TlsContext::Accepted TlsContext::accept(socket_t sock, std::chrono::steady_clock::time_point deadline,
                                        std::chrono::milliseconds slice, const std::function<bool()>& give_up,
                                        std::unique_ptr<Wire>& wire) const {
  block_sigpipe_on_this_thread();
  // The first byte tells TLS from plain HTTP. Until it comes the connection is idle, and gives
  // its worker up as an idle one does; once it has come, only the deadline ends the handshake.
  for (;;) {
    unsigned char first = 0;
    const ssize_t n = ::recv(sock, &first, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n == 1) {
      if (first == kTlsHandshakeRecord) break;
      // A request line starts with a method (upper-case letters); anything else is no client of ours.
      return first >= 'A' && first <= 'Z' ? Accepted::plain_http : Accepted::failed;
    }
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return Accepted::failed;
    if (wait_for(sock, POLLIN, deadline, slice, &give_up) <= 0) return Accepted::failed;
  }

  const int flags = ::fcntl(sock, F_GETFL, 0);
  if (flags < 0 || ::fcntl(sock, F_SETFL, flags | O_NONBLOCK) != 0) return Accepted::failed;
  SSL* ssl = SSL_new(ctx_);
  if (!ssl) return Accepted::failed;
  if (SSL_set_fd(ssl, sock) != 1) {
    SSL_free(ssl);
    return Accepted::failed;
  }
  for (;;) {
    ERR_clear_error();
    const int ret = SSL_accept(ssl);
    if (ret == 1) {
      wire = std::make_unique<TlsWire>(sock, ssl);
      return Accepted::secure;
    }
    const int error = SSL_get_error(ssl, ret);
    short event = 0;
    if (error == SSL_ERROR_WANT_READ) event = POLLIN;
    else if (error == SSL_ERROR_WANT_WRITE) event = POLLOUT;
    if (event == 0 || wait_for(sock, event, deadline, slice, nullptr) <= 0) {
      // A failed handshake sends its alert itself; nothing more is owed to this client.
      SSL_free(ssl);
      return Accepted::failed;
    }
  }
}

TlsWire::TlsWire(socket_t sock, SSL* ssl) : Wire(sock), ssl_(ssl) {}

TlsWire::~TlsWire() {
  close_write_notify();
  SSL_free(ssl_);
}

WireResult TlsWire::result_of(int ret) {
  switch (SSL_get_error(ssl_, ret)) {
    case SSL_ERROR_WANT_READ: return {WireResult::Status::want_read, 0};
    case SSL_ERROR_WANT_WRITE: return {WireResult::Status::want_write, 0};
    case SSL_ERROR_ZERO_RETURN: return {WireResult::Status::closed, 0};  // close_notify, or EOF
    case SSL_ERROR_SYSCALL:
      if (errno == EINTR) return {WireResult::Status::want_read, 0};
      [[fallthrough]];
    default:
      failed_ = true;  // OpenSSL forbids SSL_shutdown() after these
      return {WireResult::Status::failed, 0};
  }
}

WireResult TlsWire::receive(char* data, std::size_t size) {
  if (failed_) return {WireResult::Status::failed, 0};
  ERR_clear_error();
  std::size_t n = 0;
  const int ret = SSL_read_ex(ssl_, data, size, &n);
  if (ret == 1) return {WireResult::Status::done, n};
  return result_of(ret);
}

WireResult TlsWire::receive_within(char* data, std::size_t size, std::chrono::milliseconds slice) {
  const WireResult r = receive(data, size);
  if (r.status != WireResult::Status::want_read && r.status != WireResult::Status::want_write) return r;
  pollfd p{sock_, r.status == WireResult::Status::want_read ? short(POLLIN) : short(POLLOUT), 0};
  if (::poll(&p, 1, static_cast<int>(slice.count())) <= 0) return r;
  return receive(data, size);
}

WireResult TlsWire::send(std::string_view a, std::string_view b) {
  if (failed_) return {WireResult::Status::failed, 0};
  // One record per part: a is the gathered head (and a small body), b a large body.
  const std::string_view part = a.empty() ? b : a;
  ERR_clear_error();
  std::size_t n = 0;
  const int ret = SSL_write_ex(ssl_, part.data(), part.size(), &n);
  if (ret == 1) return {WireResult::Status::done, n};
  const WireResult r = result_of(ret);
  // The peer closed its side while we still answer: the answer cannot arrive.
  return r.status == WireResult::Status::closed ? WireResult{WireResult::Status::failed, 0} : r;
}

bool TlsWire::buffered() const { return SSL_pending(ssl_) > 0; }

void TlsWire::close_write() {
  close_write_notify();
  ::shutdown(sock_, SHUT_WR);
}

void TlsWire::close_write_notify() {
  // close_notify tells the client the answer is complete (one try: the socket does not block).
  if (failed_ || notified_) return;
  notified_ = true;
  ERR_clear_error();
  SSL_shutdown(ssl_);
}

}  // namespace orderkit::mock
