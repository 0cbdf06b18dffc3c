#include "proxy.hpp"

#include <stdexcept>

#include "orderkit/transport/httplib_transport.hpp"
#include "proxy_record.hpp"
#include "router.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

bool api_id(std::string_view name) {
  for (const Endpoint& e : endpoints())
    if (name == e.api->id) return true;
  return false;
}

// "http(s)://host[:port][/prefix]": no user, query or fragment (the request brings its own
// query), nothing that is not printable.
Upstream parse_url(std::string_view spec, std::string api) {
  const std::string shown(spec);
  auto refuse = [&](const std::string& why) { return std::invalid_argument("--proxy '" + shown + "': " + why); };
  const std::size_t scheme_end = spec.find("://");
  const std::string scheme = lower(spec.substr(0, scheme_end == std::string_view::npos ? 0 : scheme_end));
  if (scheme != "http" && scheme != "https") throw refuse("not an http:// or https:// URL");
  for (const char c : spec)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f)
      throw refuse("a URL has no spaces, control characters or non-ASCII bytes");
  if (spec.find_first_of("?#") != std::string_view::npos) throw refuse("the URL may not have a query or fragment");
  const std::size_t path_start = spec.find('/', scheme_end + 3);
  const std::string_view authority = spec.substr(scheme_end + 3, path_start - (scheme_end + 3));
  if (authority.empty()) throw refuse("the URL has no host");
  if (authority.find('@') != std::string_view::npos) throw refuse("the URL may not carry a user name");
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    std::uint64_t port = 0;
    if (!parse_uint(authority.substr(colon + 1), 65535, port) || port == 0) throw refuse("the port is not 1-65535");
    if (colon == 0) throw refuse("the URL has no host");
  }
  Upstream u;
  u.api = std::move(api);
  u.origin = scheme + "://" + std::string(authority);
  u.prefix = path_start == std::string_view::npos ? "" : std::string(spec.substr(path_start));
  while (!u.prefix.empty() && u.prefix.back() == '/') u.prefix.pop_back();
  return u;
}

// Percent-encodes a decoded path for the request line: every byte but the unreserved ones, the
// sub-delimiters, ':', '@' and '/' (RFC 3986 3.3), so that a decoded %2F, %3F, space or CR LF
// travels as it arrived and can never end the request line or start a query.
std::string encode_path(std::string_view path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~!$&'()*+,;=:@/").find(ch) != std::string_view::npos;
    if (keep) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

// The raw query goes on as it came, but a byte that may not stand in a request target (a space,
// a control character, '#', non-ASCII) is percent-encoded.
std::string encode_query(std::string_view query) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : query) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7f || ch == '#') {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

// Request headers that are the mock's business, not the upstream's: the connection's own, the
// ones the transport writes for its connection (Host, Content-Length), Accept-Encoding (the
// answer is checked and passed on uncompressed, as the mock answers), and the X-Mock-*
// instructions.
bool kept_from_upstream(const std::string& name, std::string_view connection) {
  const std::string n = lower(name);
  return hop_by_hop(n, connection) || n == "host" || n == "content-length" || n == "expect" || n == "accept-encoding" ||
         n.rfind("x-mock-", 0) == 0;
}

}  // namespace

bool hop_by_hop(std::string_view name, std::string_view connection) {
  static const char* const names[] = {"connection",          "keep-alive", "proxy-connection", "proxy-authenticate",
                                      "proxy-authorization", "te",         "trailer",          "trailers",
                                      "transfer-encoding",   "upgrade"};
  for (const char* n : names)
    if (iequals(name, n)) return true;
  for (std::string_view listed : split(connection, ','))
    if (!trim(listed).empty() && iequals(trim(listed), name)) return true;
  return false;
}

std::vector<Upstream> parse_upstreams(const std::vector<std::string>& specs, std::string_view api) {
  std::vector<Upstream> out;
  for (const std::string& spec : specs) {
    // "API=URL": the name is what comes before the first '=', when it holds no URL characters.
    std::string name;
    std::string_view url = spec;
    const std::size_t eq = spec.find('=');
    if (eq != std::string::npos && spec.find_first_of(":/") > eq) {
      name = spec.substr(0, eq);
      url = std::string_view(spec).substr(eq + 1);
      if (!api_id(name))
        throw std::invalid_argument("--proxy '" + spec + "': '" + name +
                                    "' is not an API (broadband, contracts, mobile, licenses)");
      if (!api.empty() && name != api)
        throw std::invalid_argument("--proxy '" + spec + "': the mock serves only the " + std::string(api) +
                                    " API (--api)");
    }
    for (const Upstream& u : out)
      if (u.api == name)
        throw std::invalid_argument(
            "--proxy '" + spec + "': " +
            (name.empty() ? std::string("a second URL for every API") : "a second URL for the " + name + " API") +
            " (give one per API as API=URL)");
    out.push_back(parse_url(url, name));
  }
  return out;
}

std::string forwarded_target(const MockRequest& request, const Endpoint& endpoint, std::string_view api) {
  // The route matched, so in all-APIs mode the path starts with the base path (in any case).
  std::string_view path = request.path;
  if (api.empty()) path.remove_prefix(std::min(path.size(), base_path(endpoint).size()));
  std::string target = encode_path(path);
  if (!request.query.empty()) target += "?" + encode_query(request.query);
  return target;
}

Proxy::Proxy(const MockOptions& options) : upstreams_(parse_upstreams(options.proxy.upstreams, options.api)) {
  const std::chrono::milliseconds timeout =
      options.proxy.timeout.count() > 0 ? options.proxy.timeout : options.request_timeout;
  send_.timeouts.connect = timeout;
  send_.timeouts.read = timeout;
  send_.timeouts.write = timeout;
  send_.timeouts.attempt = timeout;
  HttplibTransportOptions transport;
  transport.max_response_bytes = options.proxy.max_answer_bytes;
  transport_ = std::make_unique<HttplibTransport>(std::move(transport));
  if (!options.proxy.record_dir.empty()) recorder_ = std::make_unique<Recorder>(options.proxy);
}

Proxy::~Proxy() = default;

const Upstream* Proxy::upstream_for(const Endpoint& endpoint) const {
  const Upstream* every = nullptr;
  for (const Upstream& u : upstreams_) {
    if (u.api == endpoint.api->id) return &u;
    if (u.api.empty()) every = &u;
  }
  return every;
}

TransportResult Proxy::forward(const Upstream& upstream, const std::string& target, const MockRequest& request) const {
  HttpRequest out;
  out.method = request.method;
  out.url = upstream.url() + target;
  const std::string connection = request.header("Connection");
  for (const auto& [name, value] : request.headers)
    if (!kept_from_upstream(name, connection)) out.headers.emplace_back(name, value);
  out.headers.emplace_back("Accept-Encoding", "identity");
  out.body = request.body;
  return transport_->send(out, send_);
}

MockResponse passed_on(const HttpResponse& answer) {
  MockResponse r;
  r.status = answer.status;
  r.body = answer.body;
  std::string connection;
  if (const std::string* c = find_header(answer.headers, "Connection")) connection = *c;
  for (const auto& [name, value] : answer.headers) {
    if (hop_by_hop(name, connection) || iequals(name, "Content-Length") || iequals(name, "Content-Encoding")) continue;
    r.headers.emplace(name, value);
  }
  return r;
}

}  // namespace orderkit::mock
