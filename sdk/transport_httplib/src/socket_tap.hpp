#pragma once
// What the attempt watch needs of a client's socket: which one it is now (cpp-httplib opens a new
// one on connect and on reconnect, and says so through its socket-options hook) and how many bytes
// it has received so far (Linux's TCP_INFO; elsewhere unknown, and then only the deadline applies).
#include <atomic>
#include <cstdint>
#include <optional>

namespace orderkit::detail {

struct SocketTap {
  std::atomic<int> fd{-1};
  std::atomic<std::uint64_t> generation{0};  // one more for each socket the client opens

  void opened(int socket) {
    fd.store(socket);
    generation.fetch_add(1);
  }
};

/// The bytes a TCP socket has received so far, where the system tells.
std::optional<std::uint64_t> bytes_received(int fd);

}  // namespace orderkit::detail
