#include "socket_tap.hpp"

#if defined(__linux__)
#include <linux/tcp.h>  // tcp_info with tcpi_bytes_received (glibc's netinet/tcp.h has an older one)
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstddef>
#endif

namespace orderkit::detail {

std::optional<std::uint64_t> bytes_received(int fd) {
#if defined(__linux__)
  if (fd < 0) return std::nullopt;
  tcp_info info{};
  socklen_t length = sizeof info;
  if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0) return std::nullopt;
  // An older kernel fills in less of the struct.
  if (length < offsetof(tcp_info, tcpi_bytes_received) + sizeof info.tcpi_bytes_received) return std::nullopt;
  return info.tcpi_bytes_received;
#else
  (void)fd;
  return std::nullopt;
#endif
}

}  // namespace orderkit::detail
