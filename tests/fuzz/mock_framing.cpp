// The mock's HTTP framing: a ConnectionStream over one end of a socket pair receives the input as
// a client would send it (the peer then closes), and reads it in chunks whose sizes come from the
// input's first byte, request after request, as the server's keep-alive loop does. It must never
// hand out more than arrived, never go past its byte caps, and always end.
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "connection_stream.hpp"
#include "fuzz_check.hpp"

using namespace orderkit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > 64 * 1024) return -1;  // a socket pair's buffer holds it without a reader
  const std::size_t chunk = 1 + data[0] % 64 * 97;
  const std::string_view bytes = fuzz::as_text(data + 1, size - 1);

  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return 0;
  for (std::size_t sent = 0; sent < bytes.size();) {
    ssize_t n = ::send(fds[1], bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fds[1], SHUT_WR);

  mock::StreamLimits limits;
  limits.read_timeout = std::chrono::milliseconds(50);
  limits.write_timeout = std::chrono::milliseconds(50);
  limits.request_timeout = std::chrono::milliseconds(200);
  limits.max_head_bytes = 1024;
  limits.max_request_bytes = 8 * 1024;
  {
    mock::ConnectionStream stream(fds[0], limits);
    std::size_t total = 0;
    std::string buffer(chunk, '\0');
    while (stream.wait_for_request(std::chrono::milliseconds(0), [] { return false; })) {
      stream.begin_request();
      std::size_t request_bytes = 0;
      ssize_t n;
      while ((n = stream.read(buffer.data(), buffer.size())) > 0) {
        ORDERKIT_FUZZ_CHECK(static_cast<std::size_t>(n) <= buffer.size(), bytes, "read past the buffer");
        request_bytes += static_cast<std::size_t>(n);
        total += static_cast<std::size_t>(n);
      }
      ORDERKIT_FUZZ_CHECK(total <= bytes.size(), bytes, "more bytes read than were sent");
      ORDERKIT_FUZZ_CHECK(request_bytes <= limits.max_request_bytes, bytes, "a request past its cap");
      (void)stream.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 38);
      (void)stream.flush();
      if (stream.cut_off() != mock::CutOff::none || n < 0) break;
    }
  }
  ::close(fds[0]);
  ::close(fds[1]);
  return 0;
}
