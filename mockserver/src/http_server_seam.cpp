// The one place where the mock reaches into cpp-httplib's internals.
//
// What it replaces: Server::process_and_close_socket, a private virtual of cpp-httplib 0.11.4
// (C++ lets a derived class override a private virtual), which runs detail::process_server_socket:
// a SocketStream per request, each read timed out but no request, and process_request() until the
// client or the keep-alive count ends the connection. This loop keeps that logic (stop when the
// server stops, at most keep_alive_max_count_ requests, keep_alive_timeout_sec_ idle) over one
// ConnectionStream for the whole connection (over the socket, or over TLS with set_tls: the same
// loop and limits either way), and adds what 0.11.4 cannot be told: a deadline and
// a byte cap per request, a look at each head before cpp-httplib acts on it (process_request's
// setup_request callback), idle connections that give their worker up while others wait, and an
// answer instead of std::terminate when serving a request throws (0.11.4 lets a std::bad_alloc
// from its parser or its range writer out of its handler guard).
//
// Why here and guarded: process_and_close_socket, process_request and the members used below are
// not part of cpp-httplib's API, and later versions change them (by 0.20 process_request takes the
// peer's and the server's addresses; where Range, Expect and Content-Encoding are handled moves).
// An upgrade must fail to compile here, and then be checked against this file and
// docs/reliability.md, not silently lose the limits.
#include <sys/socket.h>
#include <unistd.h>

#include <new>
#include <string_view>

#include "http_server.hpp"

static_assert(std::string_view(CPPHTTPLIB_VERSION) == "0.11.4",
              "http_server_seam.cpp overrides cpp-httplib 0.11.4's internals: check it against the new version "
              "(and the advisories in docs/reliability.md) before changing this version");

namespace orderkit::mock {

bool HttpServer::process_and_close_socket(socket_t sock) {
  const auto accepted = accepted_at();
  // Closes the socket and forgets the stream however this returns.
  struct Closer {
    socket_t sock;
    ~Closer() {
      set_current_stream(nullptr);
      ::shutdown(sock, SHUT_RDWR);
      ::close(sock);
    }
  } closer{sock};
  std::unique_ptr<Wire> wire;
  if (!tls_) {
    wire = std::make_unique<PlainWire>(sock);
  } else if (!(wire = accept_tls(sock, accepted))) {
    return false;
  }
  ConnectionStream stream(std::move(wire), limits());
  set_current_stream(&stream);
  return serve_connection(stream, accepted);
}

bool HttpServer::serve_connection(ConnectionStream& stream, std::chrono::steady_clock::time_point accepted) {
  const auto idle = std::chrono::seconds(keep_alive_timeout_sec_);
  const std::size_t most = keep_alive_max_count_;
  bool ret = false;
  for (std::size_t left = most; left > 0 && !stopping(); --left) {
    const bool first = left == most;
    // While other connections wait for this worker, an idle connection gives it up at once, a
    // new one once its grace is over (its request may still be on the way).
    const auto give_up = [&] {
      return stopping() ||
             (workers_short() && (!first || std::chrono::steady_clock::now() - accepted >= kFirstRequestGrace));
    };
    if (!stream.wait_for_request(std::chrono::duration_cast<std::chrono::milliseconds>(idle), give_up)) break;
    stream.begin_request();
    take_fault();  // none left from an earlier request
    // The answer says "Connection: close" when it is the last one.
    const bool last = left == 1 || workers_short();
    bool connection_closed = false;
    try {
      ret = process_request(stream, last, connection_closed,
                            [this, &stream](httplib::Request& req) { screen(req, stream); });
    } catch (const Refused&) {
      // screen() cut the request off: its answer follows.
    } catch (const std::exception&) {
      // Out of memory, most likely: answer 500 and close, rather than let the exception end the
      // worker thread (and with it the process).
      if (stream.cut_off() == CutOff::none) stream.cut_off(CutOff::server_failure);
    } catch (...) {
      if (stream.cut_off() == CutOff::none) stream.cut_off(CutOff::server_failure);
    }
    if (stream.cut_off() != CutOff::none) {
      answer_cut_off(stream);
      return false;
    }
    // A stub's fault: the answer (held back whole) is cut, and the connection closed.
    if (const ConnectionFault fault = take_fault(); fault != ConnectionFault::none) {
      break_answer(stream, fault);
      return false;
    }
    // The answer was gathered; it goes out here in one send.
    if (!stream.flush()) ret = false;
    if (!ret || connection_closed || last) break;
  }
  return ret;
}

}  // namespace orderkit::mock
