#pragma once
// The mock on the HTTP server the orderkit-mock binary runs (request deadlines, byte caps, a wide
// listen backlog), bound and served in this process: what the binary, the mock's tests and the
// client tests all start, so that they all exercise the same server.
#include <memory>
#include <string>

#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

/// A bound mock server. Serves on the calling thread (serve()) or on a thread of its own
/// (start()); stops on stop() or when destroyed.
class MockServer final {
 public:
  /// Binds host:port (0: a free port the system picks) with the server settings of `options`
  /// and the mock installed. Throws std::runtime_error when it cannot bind, and
  /// std::invalid_argument (naming the file and why) when the TLS certificate or key of
  /// `options` cannot be used.
  explicit MockServer(MockOptions options = {}, const std::string& host = "127.0.0.1", int port = 0);
  /// Stops serving and joins the thread start() began.
  ~MockServer();
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  /// The bound port.
  int port() const;
  /// "http://127.0.0.1:PORT" ("https://" when the options give a TLS certificate).
  std::string url() const;
  MockState& state();
  const MockState& state() const;

  /// Serves on the calling thread until stop(). Returns false when the accept loop failed.
  bool serve();
  /// Serves from a thread of its own until stop() or destruction.
  void start();
  /// Stops serving, from any thread; a stop that comes before serve() has begun its loop is kept
  /// (cpp-httplib 0.11.4's own stop() is lost then). Call it only once serve() or start() has
  /// been or is about to be called.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace orderkit::mock
