#pragma once
// A cpp-httplib server with the two things Debian's 0.11.4 cannot be told through its API: a
// listen backlog wider than its compiled-in 5 (32 clients connecting at once would otherwise see
// SYN retries of a second), and SO_REUSEADDR without SO_REUSEPORT (which would let a second
// server silently share the port).
#include <httplib.h>
#include <sys/socket.h>

#include <string>

namespace orderkit::mock {

class HttpServer : public httplib::Server {
 public:
  HttpServer() {
    set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
  }

  /// Binds host:port (0: any free port). Returns the port, or -1 when it cannot bind.
  int bind(const std::string& host, int port) {
    const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
    // listen() again on a listening socket only changes its backlog.
    if (bound > 0) ::listen(svr_sock_, SOMAXCONN);
    return bound;
  }
};

}  // namespace orderkit::mock
