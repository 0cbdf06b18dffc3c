#include "wire.hpp"

#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>

#include <cerrno>

namespace orderkit::mock {

namespace {

bool would_block(int error) { return error == EAGAIN || error == EWOULDBLOCK; }

WireResult received(ssize_t n) {
  if (n > 0) return {WireResult::Status::done, static_cast<std::size_t>(n)};
  if (n == 0) return {WireResult::Status::closed, 0};
  if (errno == EINTR || would_block(errno)) return {WireResult::Status::want_read, 0};
  return {WireResult::Status::failed, 0};
}

}  // namespace

PlainWire::PlainWire(socket_t sock) : Wire(sock) {}

WireResult PlainWire::receive(char* data, std::size_t size) {
  return received(::recv(sock_, data, size, MSG_DONTWAIT));
}

WireResult PlainWire::receive_within(char* data, std::size_t size, std::chrono::milliseconds slice) {
  // One call that waits and receives: a poll and then a receive would be two, and under load the
  // request is often there already. Every other receive is MSG_DONTWAIT, so this timeout applies
  // to this wait alone.
  if (slice != slice_) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(slice).count();
    timeval tv{static_cast<time_t>(us / 1000000), static_cast<suseconds_t>(us % 1000000)};
    ::setsockopt(sock_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    slice_ = slice;
  }
  return received(::recv(sock_, data, size, 0));
}

WireResult PlainWire::send(std::string_view a, std::string_view b) {
  iovec parts[2] = {{const_cast<char*>(a.data()), a.size()}, {const_cast<char*>(b.data()), b.size()}};
  msghdr message{};
  message.msg_iov = a.empty() ? parts + 1 : parts;
  message.msg_iovlen = a.empty() ? 1 : 2;
  const ssize_t n = ::sendmsg(sock_, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
  if (n >= 0) return {WireResult::Status::done, static_cast<std::size_t>(n)};
  if (errno == EINTR || would_block(errno)) return {WireResult::Status::want_write, 0};
  return {WireResult::Status::failed, 0};
}

void PlainWire::close_write() { ::shutdown(sock_, SHUT_WR); }

}  // namespace orderkit::mock
