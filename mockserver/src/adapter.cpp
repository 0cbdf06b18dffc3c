// The mock on cpp-httplib: every method and path goes to MockState::handle(); bodies are read
// with a hard cap (Debian's 0.11.4 enforces its payload limit on Content-Length only, not on
// chunked bodies); the server's own errors, and requests HttpServer cuts off, get ASP.NET-style
// bodies; one log line per request.
#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <mutex>

#include "cors.hpp"
#include "errors.hpp"
#include "http_server.hpp"
#include "orderkit/mock/server.hpp"
#include "request_log.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

// Headers cpp-httplib adds to a request itself: not the client's, so not journaled.
bool library_header(const std::string& name) {
  return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

MockRequest to_request(const httplib::Request& hr) {
  MockRequest r;
  r.method = hr.method;
  r.path = hr.path;
  const std::size_t q = hr.target.find('?');
  if (q != std::string::npos) r.query = hr.target.substr(q + 1);
  for (const auto& [name, value] : hr.headers)
    if (!library_header(name)) r.headers.emplace(name, value);
  // Headers HttpServer kept from cpp-httplib (so that it compresses nothing) are the client's too.
  for (const auto& [name, value] : HttpServer::withheld_headers()) r.headers.emplace(name, value);
  r.remote_addr = hr.remote_addr;
  return r;
}

void write(MockResponse&& r, httplib::Response& hr) {
  hr.status = r.status;
  if (r.fault != ConnectionFault::none) HttpServer::fault_answer(r.fault);
  std::string type;
  while (!r.headers.empty()) {
    auto node = r.headers.extract(r.headers.begin());
    if (iequals(node.key(), "Content-Type")) {
      if (type.empty()) type = std::move(node.mapped());
    } else {
      hr.headers.emplace(std::move(node.key()), std::move(node.mapped()));
    }
  }
  // As set_content() does, without copying the body.
  if (!r.body.empty() || !type.empty()) {
    hr.body = std::move(r.body);
    hr.headers.emplace("Content-Type", type.empty() ? std::string("text/plain") : std::move(type));
  }
}

// CORS on an answer made here rather than by MockState::handle() (which adds its own), so that a
// browser page can read it too.
void add_cors(const MockState& state, httplib::Response& res) {
  for (const auto& [name, value] : cors_headers(state.options())) res.set_header(name, value);
}

// When the current request started, for the log line (a worker thread serves one request at a time).
thread_local std::chrono::steady_clock::time_point t_request_start;

std::string status_message_for(int status) {
  switch (status) {
    case 400: return "The request could not be read as HTTP.";
    case 413: return "The request body is larger than the server accepts.";
    case 414: return "The request URI is too long.";
    case 416: return "The requested range is not satisfiable.";
    case 431: return "The request header fields are larger than the server accepts.";
    default: return "The request failed.";
  }
}

// One line of the request log: what the log sink receives for a request.
struct LogLine {
  std::string_view remote, method, path;
  int status = 0;
  std::chrono::steady_clock::time_point start;  // zero: unknown
  std::size_t bytes = 0;
  std::string_view request_id;
  const LogNote* note = nullptr;  // what the steps added (the contract proxy's findings)
};

// The note's part of a log line: JSON members, or words after the text line's fields.
std::string note_text(const LogNote& note, bool json) {
  std::string out;
  if (json) {
    if (!note.upstream_failure.empty()) out += ",\"upstreamFailure\":\"" + json_escape(note.upstream_failure) + "\"";
    if (!note.violations.empty()) {
      out += ",\"violations\":[";
      for (std::size_t i = 0; i < note.violations.size(); ++i) {
        const Violation& v = note.violations[i];
        out += std::string(i ? "," : "") + "{\"side\":\"" + v.side + "\",\"path\":\"" + json_escape(v.path) +
               "\",\"message\":\"" + json_escape(v.message) + "\"}";
      }
      out += "]";
    }
    return out;
  }
  if (!note.upstream_failure.empty()) out += " upstream-failure: " + json_escape(note.upstream_failure);
  for (const Violation& v : note.violations)
    out +=
        " violation: " + v.side + " " + json_escape(v.path.empty() ? "-" : v.path) + " " + json_escape(v.message) + ";";
  return out;
}

void write_log(const MockState& state, const LogLine& l) {
  const MockOptions& o = state.options();
  const double ms = l.start.time_since_epoch().count() == 0
                        ? 0.0
                        : std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - l.start).count();
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f", ms);
  std::string line;
  if (o.log == LogFormat::json) {
    line = "{\"remote\":\"" + json_escape(l.remote) + "\",\"method\":\"" + json_escape(l.method) + "\",\"path\":\"" +
           json_escape(l.path) + "\",\"status\":" + std::to_string(l.status) + ",\"ms\":" + duration +
           ",\"bytes\":" + std::to_string(l.bytes) + ",\"requestId\":\"" + json_escape(l.request_id) + "\"" +
           (l.note ? note_text(*l.note, true) : "") + "}";
  } else {
    // Escaped as in JSON too, so that a path cannot break the line (a decoded %0A) or its UTF-8.
    line = json_escape(l.remote) + " " + json_escape(l.method) + " " + json_escape(l.path) + " " +
           std::to_string(l.status) + " " + duration + "ms " + std::to_string(l.bytes) + "B " +
           json_escape(l.request_id) + (l.note ? note_text(*l.note, false) : "");
  }
  if (o.log_sink) {
    o.log_sink(line);
  } else {
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stderr);
  }
}

void log_line(const MockState& state, const httplib::Request& req, const httplib::Response& res) {
  if (state.options().log == LogFormat::off) return;
  // A cut-off request is logged with the answer it really got, by answer_cut_off.
  if (HttpServer::serving_cut_off_request()) return;
  const std::string id = res.get_header_value("X-Request-Id");
  write_log(state,
            {req.remote_addr, req.method, req.path, res.status, t_request_start, res.body.size(), id, &log_note()});
  t_request_start = {};
  log_note() = {};
}

// The answer to a request the server cut off (too slow, too large): an ASP.NET-style error body,
// CORS so that a browser page can read it, and a log line with what arrived of the request line.
void answer_cut_off(const MockState& state, const CutOffRequest& cut, httplib::Response& res) {
  const MockOptions& o = state.options();
  std::string message;
  switch (cut.reason) {
    case CutOff::timeout:
      message = "The request did not arrive in time (the server waits " + std::to_string(o.request_timeout.count()) +
                " ms for a whole request, " + std::to_string(o.read_timeout.count()) + " s for each read).";
      break;
    case CutOff::head_too_large:
      message = "The request line and header fields are larger than the server accepts (" +
                std::to_string(HttpServer::kMaxHeadBytes) + " bytes).";
      break;
    case CutOff::unsupported_encoding:
      message =
          "The request body's Content-Encoding '" + cut.content_encoding + "' is not supported (send it uncompressed).";
      break;
    case CutOff::ambiguous_framing:
      message = "The request's length is ambiguous (" + cut.framing +
                "): send one Content-Length, or Transfer-Encoding: chunked alone.";
      break;
    case CutOff::plain_http: message = "This port serves HTTPS only: use an https:// URL."; break;
    case CutOff::server_failure: message = "The mock server failed."; break;
    case CutOff::body_too_large:
    case CutOff::none:
      message = "The request body is larger than the server accepts (" + std::to_string(o.max_body_bytes) + " bytes).";
      break;
  }
  res.set_content(error_body(message, BodyFormat::json), "application/json; charset=utf-8");
  add_cors(state, res);
  if (o.log == LogFormat::off) return;
  // "METHOD TARGET VERSION", as far as it arrived.
  const std::string_view line = cut.request_line;
  const std::size_t space = line.find(' ');
  const std::string_view method = line.substr(0, space);
  std::string_view path = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
  path = path.substr(0, std::min(path.find(' '), path.find('?')));
  write_log(state, {cut.remote_addr, method, path, res.status, cut.start, res.body.size(), {}});
}

// Reads a request's body into r.body, keeping at most max_body bytes and reading and dropping the
// rest so the connection stays in step. Returns whether the body was read, and sets too_large.
bool read_body(const httplib::ContentReader& reader, std::size_t max_body, MockRequest& r, bool& too_large) {
  auto receive = [&](const char* data, std::size_t n) {
    if (too_large || r.body.size() + n > max_body) {
      too_large = true;
      r.body.clear();
    } else {
      r.body.append(data, n);
    }
    return true;
  };
  // Headers are looked up in `r` (inline case folding) rather than in the httplib::Request (a
  // libc tolower call per character compared).
  const std::string length = r.header("Content-Length");
  // The declared length (when within the limit) up front: growing the body as chunks arrive
  // costs a reallocation and copy per doubling.
  std::uint64_t declared = 0;
  if (parse_uint(length, max_body, declared)) r.body.reserve(static_cast<std::size_t>(declared));
  if (length.empty() && r.header("Transfer-Encoding").empty()) {
    // HTTP/1.1 (RFC 9112 6.3): a request with neither has no body. 0.11.4 would wait for the
    // connection to close instead.
    return true;
  }
  if (r.header("Content-Type").rfind("multipart/form-data", 0) == 0) {
    // Not a documented format: read it to the end and let the pipeline answer 415. (The test is
    // cpp-httplib's is_multipart_form_data(): its reader then needs multipart receivers.)
    return reader([](const httplib::MultipartFormData&) { return true; },
                  [&](const char* data, std::size_t n) { return receive(data, n); });
  }
  return reader(receive);
}

// The answer to a body over the limit (413) or one that could not be read (400), made here
// because the request never reaches MockState::handle().
void answer_unread_body(const MockState& state, const MockRequest& r, bool too_large, std::size_t max_body,
                        httplib::Response& res) {
  if (too_large) {
    res.status = 413;
    res.set_content(
        error_body("The request body is larger than the server accepts (" + std::to_string(max_body) + " bytes).",
                   BodyFormat::json),
        "application/json; charset=utf-8");
    if (const std::string id = r.header("X-Request-Id"); !id.empty() && id.size() <= 200 && printable(id))
      res.set_header("X-Request-Id", id);
  } else {
    res.status = 400;
    res.set_content(error_body("The request body could not be read.", BodyFormat::json),
                    "application/json; charset=utf-8");
  }
  add_cors(state, res);
}

}  // namespace

void register_routes(httplib::Server& server, MockState& state) {
  const std::size_t max_body = state.options().max_body_bytes;

  httplib::Server::Handler plain = [&state](const httplib::Request& hr, httplib::Response& res) {
    t_request_start = std::chrono::steady_clock::now();
    log_note() = {};
    write(state.handle(to_request(hr)), res);
  };

  httplib::Server::HandlerWithContentReader with_body =
      [&state, max_body](const httplib::Request& hr, httplib::Response& res, const httplib::ContentReader& reader) {
        t_request_start = std::chrono::steady_clock::now();
        log_note() = {};
        MockRequest r = to_request(hr);
        bool too_large = false;
        const bool read = read_body(reader, max_body, r, too_large);
        // 413 also when cpp-httplib refused a Content-Length over its payload limit.
        too_large = too_large || res.status == 413;
        if (too_large || !read) return answer_unread_body(state, r, too_large, max_body, res);
        write(state.handle(std::move(r)), res);
      };

  server.Get(".*", plain);
  server.Options(".*", plain);
  server.Post(".*", with_body);
  server.Put(".*", with_body);
  server.Patch(".*", with_body);
  server.Delete(".*", with_body);

  // Methods cpp-httplib parses but routes nowhere (TRACE, CONNECT): 405 like any other path.
  server.set_pre_routing_handler([&state](const httplib::Request& hr, httplib::Response& res) {
    static const char* const routed[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    for (const char* m : routed)
      if (hr.method == m) return httplib::Server::HandlerResponse::Unhandled;
    t_request_start = std::chrono::steady_clock::now();
    log_note() = {};
    write(state.handle(to_request(hr)), res);
    return httplib::Server::HandlerResponse::Handled;
  });

  // The server's own errors (malformed request line or headers, URI too long, body over the
  // Content-Length limit) get a body like every other error.
  server.set_error_handler(httplib::Server::HandlerWithResponse([&state](const httplib::Request&,
                                                                         httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    res.set_content(error_body(status_message_for(res.status), BodyFormat::json), "application/json; charset=utf-8");
    add_cors(state, res);
    return httplib::Server::HandlerResponse::Handled;
  }));

  server.set_exception_handler([&state](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(error_body("The mock server failed.", BodyFormat::json), "application/json; charset=utf-8");
    add_cors(state, res);
  });

  server.set_logger([&state](const httplib::Request& req, const httplib::Response& res) { log_line(state, req, res); });

  if (auto* own = dynamic_cast<HttpServer*>(&server))
    own->set_cut_off_handler(
        [&state](const CutOffRequest& cut, httplib::Response& res) { answer_cut_off(state, cut, res); });
}

void configure_server(httplib::Server& server, const MockOptions& o) {
  server.set_payload_max_length(o.max_body_bytes);
  server.set_read_timeout(static_cast<time_t>(o.read_timeout.count()), 0);
  server.set_write_timeout(static_cast<time_t>(o.write_timeout.count()), 0);
  server.set_keep_alive_timeout(static_cast<time_t>(o.keep_alive_timeout.count()));
  // 0.11.4 closes a keep-alive connection after 5 requests by default.
  server.set_keep_alive_max_count(1000000);
  // Without it, Nagle's algorithm and delayed ACKs add ~40 ms to every keep-alive response.
  // Accepted sockets inherit it from the listening socket on Linux.
  server.set_tcp_nodelay(true);
  const unsigned threads = o.threads ? o.threads : 1;
  if (auto* own = dynamic_cast<HttpServer*>(&server)) {
    own->set_request_timeout(o.request_timeout);
    own->set_workers(threads);
  } else {
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  }
}

}  // namespace orderkit::mock
