#include "orderkit/mock/mock_server.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "http_server.hpp"
#include "orderkit/mock/startup.hpp"

namespace orderkit::mock {

struct MockServer::Impl {
  explicit Impl(MockOptions options) : state(std::move(options)) {}
  MockState state;
  HttpServer server;
  std::string host;
  int port = 0;
  std::atomic<bool> stopping{false}, done{false};
  std::thread thread;  // start()'s
};

namespace {
// The bound address is a name the admin routes answer to (MockOptions::allowed_hosts).
MockOptions with_bound_host(MockOptions options, const std::string& host) {
  options.allowed_hosts.push_back(host);
  return options;
}
}  // namespace

MockServer::MockServer(MockOptions options, const std::string& host, int port)
    : impl_(std::make_unique<Impl>(with_bound_host(std::move(options), host))) {
  const MockOptions& o = impl_->state.options();
  if (!o.tls_cert_file.empty() || !o.tls_key_file.empty()) {
    if (o.tls_cert_file.empty() || o.tls_key_file.empty())
      throw std::invalid_argument("HTTPS needs both a certificate and its key (tls_cert_file, tls_key_file)");
    try {
      impl_->server.set_tls(o.tls_cert_file, o.tls_key_file);
    } catch (const std::runtime_error& e) {
      throw std::invalid_argument(e.what());
    }
  }
  configure_server(impl_->server, o);
  register_routes(impl_->server, impl_->state);
  impl_->host = host;
  impl_->port = impl_->server.bind(host, port);
  if (impl_->port <= 0) throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port));
}

MockServer::~MockServer() {
  if (impl_->thread.joinable()) {
    stop();
    impl_->thread.join();
  }
}

int MockServer::port() const { return impl_->port; }

std::string MockServer::url() const { return base_url(impl_->host, impl_->port, impl_->server.tls()); }

MockState& MockServer::state() { return impl_->state; }
const MockState& MockServer::state() const { return impl_->state; }

bool MockServer::serve() {
  bool ok = true;
  if (!impl_->stopping) ok = impl_->server.listen_after_bind();
  impl_->done = true;
  return ok;
}

void MockServer::start() {
  impl_->thread = std::thread([this] { serve(); });
}

void MockServer::stop() {
  impl_->stopping = true;
  // Delays in flight would hold their workers, and so the stop, for up to the request timeout.
  impl_->state.shut_down();
  // cpp-httplib 0.11.4's stop() does nothing until the accept loop runs, and a stop can come
  // before it does (right after the ready line, or a test that makes no request): wait for the
  // loop, or for serve() to have ended, then stop it.
  while (!impl_->done) {
    if (impl_->server.is_running()) {
      impl_->server.stop();
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace orderkit::mock
