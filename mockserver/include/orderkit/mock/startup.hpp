#pragma once
// Start-up as test harnesses run the mock: the URL to reach it at, written where a harness waits
// for it (orderkit-mock --ready-file PATH), once the socket listens.
#include <string>

namespace orderkit::mock {

/// The server's base URL, "http://HOST:PORT" ("http://[::1]:PORT" for an IPv6 address;
/// "https://" when `tls`), as the ready line and the ready file give it.
std::string base_url(const std::string& host, int port, bool tls = false);

/// Writes `url` and a newline to `path` atomically: to a temporary file in the same folder, then
/// renamed over `path`, so that a harness polling for the file never reads it half-written.
/// Returns "" on success, else what failed (with the system's reason).
std::string write_ready_file(const std::string& path, const std::string& url);

}  // namespace orderkit::mock
