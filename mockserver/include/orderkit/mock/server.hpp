#pragma once
// The OrderKit mock server: the four documented APIs, answered as their ASP.NET Web API servers
// would, plus the tools integrators need in their test suites (request journal, faults on demand,
// idempotency, CORS, an OpenAPI document).
//
// The server is a library: register_routes() installs it on any cpp-httplib server, and
// MockState::handle() is the same logic as a pure function of a request, for tests and embedding.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
class Server;
}

namespace orderkit::mock {

/// What the APIs answer to a valid request.
enum class Mode : std::uint8_t {
  sample,  // exactly the documented sample response
  echo,    // what a real server would answer for this request
};

/// One line per request on the log sink, or nothing.
enum class LogFormat : std::uint8_t { off, text, json };

/// The contract proxy (docs/mock.md, "Contract proxy"): API requests forwarded to a real server
/// and both directions checked against the field lists.
struct ProxyOptions final {
  /// Where requests go: "URL" for every served API, or "API=URL" ("mobile=http://staging:9000/m")
  /// for one; an API without a URL is answered by the mock. An API request is forwarded to the
  /// URL (its path a prefix) plus the endpoint's documented path ("/api/orders") and the query.
  /// Empty: no proxy. MockState throws std::invalid_argument for a malformed entry.
  std::vector<std::string> upstreams;
  /// Answers 502 naming the violations instead of passing an answer with violations on.
  bool strict = false;
  /// The whole exchange with the upstream (connect, send, the complete answer); 0: the
  /// request timeout (MockOptions::request_timeout).
  std::chrono::milliseconds timeout{0};
  /// An upstream answer with a larger body is a 502.
  std::size_t max_answer_bytes = 4 * 1024 * 1024;
  /// Folder each forwarded exchange is written to as a stub file ("" records nothing), and the
  /// files and bytes one run writes at most.
  std::string record_dir;
  std::size_t record_max_files = 1000;
  std::size_t record_max_bytes = 64 * 1024 * 1024;
};

/// Options of a mock server. The defaults are the documented command-line defaults.
struct MockOptions final {
  /// "" serves all four APIs, each under its base path (/broadband, /contracts, /mobile,
  /// /licenses); "broadband", "contracts", "mobile" or "licenses" serves one at the documented path.
  std::string api;
  Mode mode = Mode::sample;
  /// Request bodies above this answer 413.
  std::size_t max_body_bytes = 1024 * 1024;
  /// Access-Control-Allow-Origin of every response but the admin routes' ("" disables CORS headers).
  std::string cors_origin = "*";
  /// Host names the admin routes (/__admin/*) answer besides localhost, 127.0.0.1 and [::1]
  /// (MockServer adds the address it binds): a request with another Host, or from a page of
  /// another origin, gets 403, so that no web page can read the journal or reset the mock
  /// (DNS rebinding included).
  std::vector<std::string> allowed_hosts;
  /// Whether the journal keeps the values of credential headers (Authorization, Cookie,
  /// Proxy-Authorization, API-key headers); by default they are recorded as "[redacted]".
  bool journal_secrets = false;
  /// Folder served for GET requests that match no API (the example checkout page); "" for none.
  std::string static_dir;
  /// Content-Security-Policy sent with every static file ("" sends none). The default is the
  /// policy payment pages run (no 'unsafe-eval'), so the checkout page proves the SDK works under it.
  std::string static_csp =
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  /// Added before every API answer (with X-Mock-Delay-Ms), capped at request_timeout, and cut
  /// short when the server stops.
  std::chrono::milliseconds delay{0};
  /// Requests kept by the journal (the last N), body bytes kept per journal entry, and the bytes
  /// the whole journal may hold (the oldest entries go first).
  std::size_t journal_size = 1000;
  std::size_t journal_body_bytes = 16 * 1024;
  std::size_t journal_bytes = 32 * 1024 * 1024;
  /// Global faults: when fault_status is non-zero, every fault_every-th API request (1: all)
  /// answers fault_status instead.
  int fault_status = 0;
  unsigned fault_every = 1;
  /// Idempotency keys remembered (oldest forgotten first), and the bytes their stored answers may
  /// take together (an answer over an eighth of it is not stored). Keys of X-Mock-Fail-Times are
  /// remembered up to idempotency_keys too; 0 keeps none.
  std::size_t idempotency_keys = 10000;
  std::size_t idempotency_bytes = 32 * 1024 * 1024;
  LogFormat log = LogFormat::off;
  /// Receives one line per request (without newline); defaults to standard error.
  std::function<void(const std::string&)> log_sink;
  /// Worker threads of the server (each keep-alive connection holds one while it is open).
  unsigned threads = 64;
  /// Per-read and per-write socket timeouts, and how long an idle keep-alive connection is kept.
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
  std::chrono::seconds keep_alive_timeout{5};
  /// How long one request may take to arrive, from its first byte to its last, and its answer to
  /// be sent: a client trickling a request slower gets 408 and a closed connection, so it cannot
  /// hold a worker. (Requests are also capped at max_body_bytes plus 64 KiB of request line and
  /// headers: 431 or 413.) Applies on the mock's own server (the orderkit-mock binary's);
  /// cpp-httplib's Server has no such limit.
  std::chrono::milliseconds request_timeout{5000};
  /// HTTPS: the server's certificate (PEM, followed by any intermediate certificates) and its
  /// private key (PEM, no passphrase). Both or neither ("": plain HTTP). A TLS handshake must end
  /// within request_timeout, and a plain HTTP request to the port gets 400. Applies on the mock's
  /// own server (MockServer, the orderkit-mock binary's); register_routes() on another server
  /// leaves TLS to that server.
  std::string tls_cert_file;
  std::string tls_key_file;
  /// Stub files (the JSON of POST /__admin/stubs) loaded when the state is made, in order; a
  /// file that cannot be read or holds a stub the mock refuses makes MockState's constructor
  /// throw std::invalid_argument naming the file and the JSON path. See docs/mock.md, Stubs.
  std::vector<std::string> stub_files;
  /// Forwarding API requests to a real server instead of answering them.
  ProxyOptions proxy;
};

/// Header names compared case-insensitively, as HTTP does.
struct HeaderLess {
  bool operator()(const std::string& a, const std::string& b) const;
};
using MockHeaders = std::multimap<std::string, std::string, HeaderLess>;

/// A request as the mock sees it: the decoded path, the raw query (after '?') and the body.
struct MockRequest {
  std::string method;
  std::string path;
  std::string query;
  MockHeaders headers;
  std::string body;
  std::string remote_addr;

  /// The first value of a header, or "".
  std::string header(std::string_view name) const;
};

/// What a stub's answer does to the connection instead of a plain answer. Applied by the
/// mock's own server (MockServer, the binary); another cpp-httplib server sends the answer whole.
enum class ConnectionFault : std::uint8_t {
  none,
  close,      // the connection is closed without an answer
  half_body,  // the status line, the headers (with the whole Content-Length) and half the body, then closed
};

/// A response of the mock.
struct MockResponse {
  int status = 200;
  MockHeaders headers;
  std::string body;
  ConnectionFault fault = ConnectionFault::none;

  std::string header(std::string_view name) const;
};

/// What adding stubs gives: the stored stubs as JSON ({"stubs": [...]}, each with its id), or
/// why none was added ("stubs[1].request.body.OrderDetails[0].Nope: OrderItem has no field 'Nope'").
struct StubsAdded {
  std::string json;
  std::string error;
  bool ok() const { return error.empty(); }
};

/// The mock's state shared by all worker threads: options, journal, fault counters, idempotency
/// store and the id counter of echo mode. Thread-safe.
class MockState {
 public:
  /// Throws std::invalid_argument for options it cannot act on: a malformed --proxy URL, a
  /// --record folder that cannot be created.
  explicit MockState(MockOptions options = {});
  ~MockState();
  MockState(const MockState&) = delete;
  MockState& operator=(const MockState&) = delete;

  const MockOptions& options() const;

  /// Answers one request: the whole mock as a pure function of the request and the state.
  /// Never throws; bad input gets a 4xx answer.
  MockResponse handle(const MockRequest& request);
  /// The same, taking the request's parts for the journal instead of copying them.
  MockResponse handle(MockRequest&& request);

  /// The journal as JSON, oldest first (what GET /__admin/requests answers): the entries whose
  /// "seq" is greater than `since`, at most `limit` of them; "next" is the `since` of the next page.
  std::string journal_json(unsigned long long since = 0, std::size_t limit = static_cast<std::size_t>(-1)) const;
  /// The OpenAPI 3.0 document of the served APIs (what GET /__admin/openapi.json answers).
  const std::string& openapi() const;
  /// Forgets the journal.
  void clear_journal();
  /// Forgets the journal, fault counters and idempotency keys, and resets the stubs' scenarios
  /// and `times` counts (the stubs stay).
  void reset();

  /// Adds stubs (programmable answers; the format is in docs/mock.md, Stubs): `json` is
  /// {"stubs": [STUB, ...]} or one STUB, as POST /__admin/stubs takes it. Every stub is checked
  /// against the endpoint's field lists first; one refused stub adds none. A stub with the id of
  /// a stored one replaces it. At most kMaxStubs stubs of kMaxStubBytes of JSON are held, and
  /// their patterns (matches, pathPattern) compile to at most kMaxStubPatternSteps instructions.
  StubsAdded add_stubs(std::string_view json);
  /// Every stub, in the order they are tried ({"stubs": [...]}, each with "answered": N).
  std::string stubs_json() const;
  /// One stub's JSON, or "" when no stub has this id.
  std::string stub_json(std::string_view id) const;
  /// Removes one stub; false when no stub has this id.
  bool remove_stub(std::string_view id);
  /// Removes every stub.
  void remove_stubs();
  /// Puts every scenario back in "Started" (stubs and their `times` counts are kept).
  void reset_scenarios();
  static constexpr std::size_t kMaxStubs = 1000;
  static constexpr std::size_t kMaxStubBytes = 16 * 1024 * 1024;
  /// A pattern of 20 characters can compile to 10,000 instructions (about 120 KB: "(a{1000}){9}"),
  /// so the JSON cap alone would let 16 MiB of stubs hold tens of GB of programs. This bounds them
  /// to about 12 MB in all.
  static constexpr std::size_t kMaxStubPatternSteps = 1000 * 1000;

  /// Ends the delays (--delay-ms, X-Mock-Delay-Ms) of requests in progress, and skips those of
  /// later requests, so that a server stopping is not held up by them. Called by MockServer::stop().
  void shut_down();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// Installs the mock on `server`: every method and path goes to state.handle(), the server's own
/// errors (malformed HTTP, body too large) get ASP.NET-style bodies, and the log is written.
/// `state` must outlive the server's use.
void register_routes(httplib::Server& server, MockState& state);

/// Applies the options that belong to the server itself: body limit, timeouts, keep-alive,
/// TCP_NODELAY and the worker pool, and on the mock's own server the request timeout.
void configure_server(httplib::Server& server, const MockOptions& options);

/// The line printed when the server is ready: "orderkit-mock listening on http://HOST:PORT"
/// (https:// when `tls`).
std::string ready_line(const std::string& host, int port, bool tls = false);

}  // namespace orderkit::mock
