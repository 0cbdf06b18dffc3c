// orderkit-mock: the mock server of the four order APIs, for integrators' tests and CI.
// A thin command line over the orderkit_mock library: options, bind, ready line, signals.
#include <signal.h>
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <thread>

#include "config_file.hpp"
#include "orderkit/mock/mock_server.hpp"
#include "orderkit/mock/server.hpp"
#include "orderkit/mock/startup.hpp"
#include "orderkit/version.hpp"

namespace {

// SIGINT and SIGTERM are blocked in every thread and taken by one waiting thread, which stops the
// server from ordinary code (no work inside a signal handler).
void block_stop_signals(sigset_t& set) {
  // A shell starts background commands with SIGINT ignored, and an ignored signal is discarded
  // even while blocked: restore the default so that sigwait() receives it.
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// What the command line asks for.
struct CommandLine {
  orderkit::mock::MockOptions options;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string ready_file;
  bool print_openapi = false;
};

// Parses the command line into `line`; an exit code when the program should stop there (--help,
// --version: 0; a bad option: 2, after CLI11 printed why).
std::optional<int> parse_command_line(int argc, char** argv, CommandLine& line) {
  using orderkit::mock::LogFormat;
  using orderkit::mock::Mode;
  orderkit::mock::MockOptions& options = line.options;
  std::string& host = line.host;
  int& port = line.port;
  bool& print_openapi = line.print_openapi;
  std::string mode = "sample", log = "text";
  unsigned delay_ms = 0, read_timeout = 5, write_timeout = 5, request_timeout_ms = 5000, proxy_timeout_ms = 0;

  CLI::App app{
      "orderkit-mock: the four OrderKit order APIs as documented, with a request journal, faults on "
      "demand, idempotency and CORS.\n"
      "All APIs are served under their base paths (/broadband/api/orders,\n"
      "/contracts/v1/CustomerContracts/{id}/Orders, /mobile/api/orders, /licenses/api/order/data);\n"
      "--api serves one at the documented path. Admin: /__admin/requests, /__admin/health,\n"
      "/__admin/openapi.json, POST /__admin/reset, /__admin/stubs (programmed answers, also --stubs FILE).\n"
      "Per-request faults: X-Mock-Status, X-Mock-Delay-Ms,\n"
      "X-Mock-Fail-Times (+ X-Mock-Fail-Key; default key: method, path and body).\n"
      "Help pages: GET /Help (with --api), else /broadband/Help, /contracts/Help, ..."};
  app.set_version_flag("--version", std::string("orderkit-mock ") + orderkit::version);
  app.add_option("--host", host, "Address to bind")->capture_default_str();
  app.add_option("--port", port, "Port to bind (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  app.add_option("--api", options.api, "Serve one API at its documented path")
      ->check(CLI::IsMember({"broadband", "contracts", "mobile", "licenses"}));
  app.add_option("--mode", mode, "sample: the documented sample; echo: what a real server would answer")
      ->capture_default_str()
      ->check(CLI::IsMember({"sample", "echo"}));
  app.add_option("--threads", options.threads, "Worker threads (each open connection holds one)")
      ->capture_default_str()
      ->check(CLI::Range(1u, 4096u));
  app.add_option("--max-body-bytes", options.max_body_bytes, "Larger request bodies get 413")->capture_default_str();
  app.add_option("--cors-origin", options.cors_origin,
                 "Access-Control-Allow-Origin of the APIs ('' to disable CORS; never on /__admin/*)")
      ->capture_default_str();
  app.add_option("--allowed-host", options.allowed_hosts,
                 "A Host name /__admin/* answers besides localhost, 127.0.0.1, [::1] and --host (repeatable)");
  app.add_flag("--journal-secrets", options.journal_secrets,
               "Keep Authorization, Cookie and API-key header values in the journal (default: redacted)");
  app.add_option("--static", options.static_dir, "Serve the files of this folder for other GET paths")
      ->check(CLI::ExistingDirectory);
  app.add_option("--static-csp", options.static_csp, "Content-Security-Policy of the --static files ('' for none)")
      ->capture_default_str();
  app.add_option("--delay-ms", delay_ms, "Delay before every API answer (capped at --request-timeout-ms)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 60000u));
  app.add_option("--log", log, "One line per request on stderr")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "text", "off"}));
  app.add_option("--journal-size", options.journal_size, "Requests kept by /__admin/requests")->capture_default_str();
  app.add_option("--journal-body-bytes", options.journal_body_bytes, "Body bytes kept per journal entry")
      ->capture_default_str();
  app.add_option("--journal-bytes", options.journal_bytes, "Bytes the whole journal may hold (the oldest go first)")
      ->capture_default_str();
  app.add_option("--fault-status", options.fault_status, "Answer API requests with this status (global fault)")
      ->check(CLI::Range(400, 599));
  app.add_option("--fault-every", options.fault_every, "With --fault-status: fail every N-th API request")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1000000u));
  app.add_option("--read-timeout", read_timeout, "Seconds a read may stall")
      ->capture_default_str()
      ->check(CLI::Range(1u, 3600u));
  app.add_option("--write-timeout", write_timeout, "Seconds a write may stall")
      ->capture_default_str()
      ->check(CLI::Range(1u, 3600u));
  app.add_option("--request-timeout-ms", request_timeout_ms,
                 "Milliseconds a whole request may take to arrive, from its first byte (and its answer to be sent); "
                 "slower clients get 408 and a closed connection")
      ->capture_default_str()
      ->check(CLI::Range(1u, 3600000u));

  CLI::Option* tls_cert =
      app.add_option("--tls-cert", options.tls_cert_file,
                     "Serve HTTPS with this certificate (PEM; intermediates after it); needs --tls-key")
          ->check(CLI::ExistingFile);
  CLI::Option* tls_key = app.add_option("--tls-key", options.tls_key_file,
                                        "The certificate's private key (PEM, no passphrase); needs --tls-cert")
                             ->check(CLI::ExistingFile);
  tls_cert->needs(tls_key);
  tls_key->needs(tls_cert);

  app.add_option(
         "--stubs", options.stub_files,
         "Load stubs (programmed answers, the JSON of POST /__admin/stubs) from this file at start (repeatable)")
      ->check(CLI::ExistingFile);

  orderkit::mock::ProxyOptions& proxy = options.proxy;
  app.add_option("--proxy", proxy.upstreams,
                 "Forward API requests to a real server and check both directions against the contract: URL for "
                 "every API, or API=URL for one (repeatable); the URL may end in a path prefix");
  app.add_flag("--proxy-strict", proxy.strict, "With --proxy: answer 502 naming the violations instead of passing on");
  app.add_option("--proxy-timeout-ms", proxy_timeout_ms,
                 "With --proxy: milliseconds the whole exchange with the upstream may take (0: --request-timeout-ms)")
      ->capture_default_str()
      ->check(CLI::Range(0u, 3600000u));
  app.add_option("--proxy-max-answer-bytes", proxy.max_answer_bytes,
                 "With --proxy: an upstream answer with a larger body is a 502")
      ->capture_default_str();
  app.add_option("--record", proxy.record_dir,
                 "With --proxy: write each forwarded exchange to this folder as a stub file (--stubs loads it)");
  app.add_option("--record-max-files", proxy.record_max_files, "With --record: files one run writes at most")
      ->capture_default_str();
  app.add_option("--record-max-bytes", proxy.record_max_bytes, "With --record: bytes one run writes at most")
      ->capture_default_str();

  app.add_option("--ready-file", line.ready_file,
                 "Once listening, write the URL (http(s)://HOST:PORT and a newline) to this file, atomically");
  orderkit::mock::add_config_option(app);
  app.footer(
      "Exit status: 0 stopped by SIGINT or SIGTERM (or --help, --version, --print-openapi), 1 cannot listen "
      "or write --ready-file, 2 usage error (also a bad --config, --stubs, --tls-cert or --tls-key file).");

  app.add_flag("--print-openapi", print_openapi, "Print the OpenAPI document (as /__admin/openapi.json) and exit");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  options.mode = mode == "echo" ? Mode::echo : Mode::sample;
  options.log = log == "json" ? LogFormat::json : log == "off" ? LogFormat::off : LogFormat::text;
  options.delay = std::chrono::milliseconds(delay_ms);
  options.read_timeout = std::chrono::seconds(read_timeout);
  options.write_timeout = std::chrono::seconds(write_timeout);
  options.request_timeout = std::chrono::milliseconds(request_timeout_ms);
  options.proxy.timeout = std::chrono::milliseconds(proxy_timeout_ms);
  if (!options.proxy.record_dir.empty() && options.proxy.upstreams.empty()) {
    std::cerr << "orderkit-mock: --record needs --proxy (it records what the upstream answers)\n";
    return 2;
  }
  return std::nullopt;
}

// Serves until SIGINT or SIGTERM: 0 then, 1 when the server cannot bind or its loop fails.
int serve(const CommandLine& line) {
  if (!line.ready_file.empty()) std::remove(line.ready_file.c_str());  // a stale URL must not look ready

  sigset_t stop_signals;
  block_stop_signals(stop_signals);

  std::optional<orderkit::mock::MockServer> server;
  try {
    server.emplace(line.options, line.host, line.port);
  } catch (const std::invalid_argument& e) {
    // A --stubs file the mock refuses (the message names the file and the JSON path), or TLS
    // certificate and key files it cannot use, or a --proxy or --record it cannot act on.
    std::cerr << "orderkit-mock: " << e.what() << '\n';
    return 2;
  } catch (const std::runtime_error&) {
    std::cerr << "orderkit-mock: cannot listen on " << line.host << ":" << line.port
              << " (in use, or not a local address)\n";
    return 1;
  }
  if (!line.ready_file.empty()) {
    const std::string url = server->url();
    if (const std::string error = orderkit::mock::write_ready_file(line.ready_file, url); !error.empty()) {
      std::cerr << "orderkit-mock: --ready-file: " << error << '\n';
      return 1;
    }
  }

  std::atomic<bool> signalled{false};
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    server->stop();
  });

  const bool tls = !line.options.tls_cert_file.empty();
  std::cout << orderkit::mock::ready_line(line.host, server->port(), tls)
            << std::endl;  // endl flushes: scripts wait for it
  const bool ok = server->serve();
  // A stop that did not come from a signal (listen failed): wake the waiter so it can be joined.
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!line.ready_file.empty()) std::remove(line.ready_file.c_str());
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CommandLine line;
  if (std::optional<int> exit_code = parse_command_line(argc, argv, line)) return *exit_code;
  if (line.print_openapi) {
    orderkit::mock::MockOptions options = line.options;
    options.proxy = {};  // the document is the contract's; nothing to forward or record
    try {
      std::cout << orderkit::mock::MockState(options).openapi() << '\n';
    } catch (const std::invalid_argument& e) {
      std::cerr << "orderkit-mock: " << e.what() << '\n';
      return 2;
    }
    return 0;
  }
  return serve(line);
}
