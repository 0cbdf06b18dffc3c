#include "orderkit/transport/httplib_transport.hpp"

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "attempt_watch.hpp"
#include "socket_tap.hpp"

namespace orderkit {
namespace {

struct Target {
  std::string origin;  // "https://host:port"
  std::string path;    // "/base/api/orders?x=y"
};

// Splits an absolute http(s) URL; the path and query are sent exactly as built (the operations
// percent-encode what they put there).
std::optional<Target> split_url(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return std::nullopt;
  std::string scheme = url.substr(0, scheme_end);
  if (!iequals(scheme, "http") && !iequals(scheme, "https")) return std::nullopt;
  auto path_start = url.find_first_of("/?#", scheme_end + 3);
  Target t;
  t.origin = url.substr(0, path_start);
  if (t.origin.size() == scheme_end + 3) return std::nullopt;  // no host
  t.path = path_start == std::string::npos ? "/" : url.substr(path_start);
  if (!t.path.empty() && t.path[0] != '/') t.path.insert(0, "/");
  auto fragment = t.path.find('#');
  if (fragment != std::string::npos) t.path.erase(fragment);
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return std::nullopt;
  }
  return t;
}

TransportFailure failure(httplib::Error error, bool read_timed_out) {
  using E = httplib::Error;
  std::string what = httplib::to_string(error);
  switch (error) {
    case E::Connection:
    case E::BindIPAddress: return {TransportErrorCode::connect, "could not connect (" + what + ")", false};
    case E::ConnectionTimeout: return {TransportErrorCode::connect, "connect timed out", false};
    case E::SSLConnection:
      return {TransportErrorCode::tls,
              "TLS handshake failed (not a TLS server, or no protocol version or cipher in common)", false};
    case E::SSLLoadingCerts:
      return {TransportErrorCode::tls, "TLS failed: cannot load the CA certificates (ca_cert_file, ca_cert_dir)",
              false};
    case E::SSLServerVerification:  // tls_failure() tells the certificate from the host name
      return {TransportErrorCode::tls, "TLS failed (" + what + ")", false};
    case E::Read:
      if (read_timed_out) return {TransportErrorCode::timeout, "no response within the read timeout", true};
      return {TransportErrorCode::connection, "connection broke while reading the response", true};
    case E::Write: return {TransportErrorCode::connection, "connection broke while sending the request", true};
    case E::Canceled: return {TransportErrorCode::connection, "response body exceeds the size limit", true};
    default: return {TransportErrorCode::other, what, true};
  }
}

// Why the server's certificate was refused. cpp-httplib 0.11.4 reports both checks as
// SSLServerVerification; the chain's verify result tells them apart (it is X509_V_OK when the
// chain was trusted and the host name did not match).
std::string certificate_refusal(long verify_result, const std::string& origin) {
  if (verify_result == X509_V_OK) {
    return "TLS host name verification failed: the server's certificate is not for the host of " + origin;
  }
  std::string reason;
  switch (verify_result) {
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT: reason = "the certificate is self-signed"; break;
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN: reason = "its chain ends in an untrusted root (self-signed)"; break;
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: reason = "its issuer is not a trusted CA"; break;
    case X509_V_ERR_CERT_HAS_EXPIRED: reason = "the certificate has expired"; break;
    case X509_V_ERR_CERT_NOT_YET_VALID: reason = "the certificate is not valid yet"; break;
    case X509_V_ERR_CERT_REVOKED: reason = "the certificate is revoked"; break;
    case X509_V_ERR_INVALID_PURPOSE: reason = "the certificate is not for TLS servers"; break;
    default: reason = "OpenSSL verify error " + std::to_string(verify_result); break;
  }
  return "TLS certificate verification failed: " + reason +
         " (ca_cert_file or ca_cert_dir name the CA that issued it; orderkit submit --ca-file)";
}

// The most a response's status line and headers may take. cpp-httplib caps each header line at 8 KiB
// but not their number; real answers' heads are a few KiB.
constexpr std::uint64_t kMaxHeadBytes = 1u << 20;

// A limit no larger than the attempt's deadline, so that no single wait outlasts the attempt.
std::chrono::milliseconds within(std::chrono::milliseconds limit, std::chrono::milliseconds attempt) {
  return attempt.count() > 0 ? std::min(limit, attempt) : limit;
}

}  // namespace

// A client and what it tells of its socket (SocketTap: for the attempt watch's byte limits).
struct Connection {
  std::unique_ptr<detail::SocketTap> tap;
  std::unique_ptr<httplib::Client> client;
};

struct HttplibTransport::Impl {
  HttplibTransportOptions options;
  detail::AttemptWatch watch;
  std::mutex mutex;
  // Idle connections per origin. A send takes one out (or makes one) and puts it back after, so
  // concurrent calls never share a connection and sequential calls reuse it (keep-alive).
  std::map<std::string, std::vector<Connection>> idle;

  Connection take(const std::string& origin) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      auto& pool = idle[origin];
      if (!pool.empty()) {
        Connection connection = std::move(pool.back());
        pool.pop_back();
        return connection;
      }
    }
    auto tap = std::make_unique<detail::SocketTap>();
    auto client = std::make_unique<httplib::Client>(origin);
    client->set_socket_options([t = tap.get()](socket_t socket) { t->opened(static_cast<int>(socket)); });
    client->set_keep_alive(options.keep_alive);
    client->set_url_encode(false);
    client->set_follow_location(false);
    client->enable_server_certificate_verification(options.verify_tls);
    if (!options.ca_cert_file.empty() || !options.ca_cert_dir.empty()) {
      client->set_ca_cert_path(options.ca_cert_file, options.ca_cert_dir);
    }
    if (!options.proxy.empty()) {
      std::string proxy = options.proxy;
      if (auto scheme = proxy.find("://"); scheme != std::string::npos) proxy = proxy.substr(scheme + 3);
      while (!proxy.empty() && proxy.back() == '/') proxy.pop_back();
      auto colon = proxy.rfind(':');
      int port = 80;
      if (colon != std::string::npos) {
        port = std::atoi(proxy.c_str() + colon + 1);
        proxy.erase(colon);
      }
      client->set_proxy(proxy, port);
      if (!options.proxy_user.empty()) client->set_proxy_basic_auth(options.proxy_user, options.proxy_password);
    }
    return {std::move(tap), std::move(client)};
  }

  void give_back(const std::string& origin, Connection connection) {
    if (!options.keep_alive) return;
    std::lock_guard<std::mutex> lock(mutex);
    idle[origin].push_back(std::move(connection));
  }
};

HttplibTransport::HttplibTransport(HttplibTransportOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
}

HttplibTransport::~HttplibTransport() = default;

TransportResult HttplibTransport::send(const HttpRequest& request, const SendOptions& options) {
  auto target = split_url(request.url);
  if (!target) return TransportFailure{TransportErrorCode::invalid_url, "not an http(s) URL: " + request.url, false};

  Connection connection;
  try {
    connection = impl_->take(target->origin);
  } catch (const std::exception& e) {  // e.g. an https origin when OpenSSL cannot initialise
    return TransportFailure{TransportErrorCode::invalid_url, e.what(), false};
  }
  httplib::Client& client = *connection.client;
  const auto attempt = options.timeouts.attempt;
  client.set_connection_timeout(within(options.timeouts.connect, attempt));
  client.set_read_timeout(within(options.timeouts.read, attempt));
  client.set_write_timeout(within(options.timeouts.write, attempt));

  httplib::Request req;
  req.method = request.method;
  req.path = target->path;
  for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
  req.body = request.body;
  std::string body;
  std::atomic<bool> body_started{false};
  const std::size_t limit = impl_->options.max_response_bytes;
  req.content_receiver = [&](const char* data, std::size_t size, std::uint64_t, std::uint64_t) {
    body_started.store(true);
    if (body.size() + size > limit) return false;
    body.append(data, size);
    return true;
  };

  httplib::Response res;
  httplib::Error error = httplib::Error::Success;
  auto started = std::chrono::steady_clock::now();
  detail::AttemptWatch::Bounds bounds;
  if (attempt.count() > 0) bounds.deadline = started + attempt;
  bounds.head_bytes = kMaxHeadBytes;
  // The body as sent may be larger than as kept (chunk framing, trailers) or smaller (gzip):
  // what the receiver keeps is capped by `limit`, what the socket takes by twice that.
  bounds.total_bytes = kMaxHeadBytes + 2 * static_cast<std::uint64_t>(limit);
  const std::uint64_t watch = impl_->watch.arm(client, *connection.tap, body_started, bounds);
  bool sent = client.send(req, res, error);
  const auto verdict = impl_->watch.disarm(watch);
  using Verdict = detail::AttemptWatch::Verdict;
  if (verdict == Verdict::head_too_large || verdict == Verdict::too_large) {
    return TransportFailure{TransportErrorCode::connection,
                            verdict == Verdict::head_too_large
                                ? "the response's status line and headers exceed " + std::to_string(kMaxHeadBytes) +
                                      " bytes: the connection was closed"
                                : "the response exceeds " + std::to_string(bounds.total_bytes) +
                                      " bytes on the wire (twice max_response_bytes): the connection was closed",
                            true};
  }
  if (!sent || error != httplib::Error::Success) {
    if (verdict == Verdict::past_deadline) {
      bool connected = error != httplib::Error::Connection && error != httplib::Error::ConnectionTimeout;
      return TransportFailure{
          TransportErrorCode::timeout,
          "no complete response within the attempt's " + std::to_string(attempt.count()) + " ms (timeouts.attempt)",
          connected};
    }
    // httplib reports a read timeout as a read error; the clock tells them apart.
    auto elapsed = std::chrono::steady_clock::now() - started;
    bool timed_out = elapsed >= within(options.timeouts.read, attempt) - std::chrono::milliseconds(50);
    TransportFailure f = failure(error, timed_out);  // the connection is dropped, not pooled
    if (error == httplib::Error::SSLServerVerification)
      f.message = certificate_refusal(client.get_openssl_verify_result(), target->origin);
    return f;
  }

  HttpResponse response;
  response.status = res.status;
  response.reason = res.reason;
  for (const auto& [name, value] : res.headers) response.headers.emplace_back(name, value);
  response.body = std::move(body);
  impl_->give_back(target->origin, std::move(connection));
  return response;
}

std::shared_ptr<Transport> make_httplib_transport(HttplibTransportOptions options) {
  return std::make_shared<HttplibTransport>(std::move(options));
}

}  // namespace orderkit
