#pragma once
// The contract proxy's forwarding (docs/mock.md, "Contract proxy"): which upstream serves each
// API, the request sent there, and the parts of the upstream's answer that are passed on. The
// exchange goes over the SDK's native transport, which keeps it bounded: one deadline for the
// whole exchange, a cap on the answer's body, no redirects followed.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "apis.hpp"
#include "orderkit/core/transport.hpp"
#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

class Recorder;

/// Where one API's requests go: "http://staging:9000" and the path prefix "/mobile" (no slash at
/// the end; "" for none).
struct Upstream {
  std::string api;  // "" for every served API
  std::string origin;
  std::string prefix;

  /// The URL as the messages show it.
  std::string url() const { return origin + prefix; }
};

/// Parses ProxyOptions::upstreams for the served APIs (`api`: MockOptions::api). Throws
/// std::invalid_argument naming a malformed entry, an unknown API, an API given twice or an API
/// that --api does not serve.
std::vector<Upstream> parse_upstreams(const std::vector<std::string>& specs, std::string_view api);

/// The path an API request is forwarded to, relative to its upstream: the documented path as
/// the client sent it (its case, its {id}), without the API's base path in all-APIs mode,
/// percent-encoded, and the query as it came.
std::string forwarded_target(const MockRequest& request, const Endpoint& endpoint, std::string_view api);

/// The forwarding of API requests to their upstreams. Thread-safe.
class Proxy {
 public:
  /// Throws std::invalid_argument for malformed upstreams or a --record folder that cannot be
  /// created.
  explicit Proxy(const MockOptions& options);
  ~Proxy();
  Proxy(const Proxy&) = delete;
  Proxy& operator=(const Proxy&) = delete;

  /// The upstream of an endpoint's API, or nullptr when the mock answers it itself.
  const Upstream* upstream_for(const Endpoint& endpoint) const;

  /// Sends the request to `upstream` + `target`: the client's end-to-end headers (not the
  /// hop-by-hop ones, Host, Content-Length, Accept-Encoding or X-Mock-*), the body as it came.
  TransportResult forward(const Upstream& upstream, const std::string& target, const MockRequest& request) const;

  /// The exchange's deadline, as the messages name it.
  std::chrono::milliseconds timeout() const { return send_.timeouts.attempt; }

  /// The recorder of --record, or nullptr.
  Recorder* recorder() const { return recorder_.get(); }

 private:
  std::vector<Upstream> upstreams_;
  SendOptions send_;
  std::unique_ptr<Transport> transport_;
  std::unique_ptr<Recorder> recorder_;
};

/// Whether a header belongs to one connection rather than to the message (RFC 9110 7.6.1), so a
/// proxy must not pass it on: Connection, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding,
/// Upgrade, and any name the Connection header lists (`connection`: its value).
bool hop_by_hop(std::string_view name, std::string_view connection);

/// The upstream's answer as the client gets it: status, body, Content-Type and the end-to-end
/// headers (not the hop-by-hop ones, Content-Length, or a Content-Encoding the transport has
/// already undone).
MockResponse passed_on(const HttpResponse& answer);

}  // namespace orderkit::mock
