// orderkit submit --api API --base-url URL [--format json|xml] [--header K:V]... [--retries N]
//                 [--ca-file FILE] [FILE|-]          (001: --id N [--from DATE --till DATE] instead of a file)
// Reads an order, validates it, sends it with the API's client over the native transport, and
// prints the server's answer (exit 0; exit 1 when a 002 item came back with Success false) or the
// error with its status and ModelState (exit 1).
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "orderkit/broadband/client.hpp"
#include "orderkit/contracts/client.hpp"
#include "orderkit/licenses/client.hpp"
#include "orderkit/mobile/client.hpp"
#include "orderkit/transport/httplib_transport.hpp"
#include "support.hpp"

namespace orderkit::cli {
namespace {

struct SubmitOptions {
  std::string api;
  std::string base_url;
  std::string format = "json";
  std::vector<std::string> headers;
  int retries = 2;
  int timeout_ms = 30000;
  std::string request_id;
  std::string ca_file;
  bool no_validate = false;
  std::string input = "-";
  std::optional<std::int32_t> id;
  std::string from, till;
};

Headers parse_headers(const std::vector<std::string>& raw) {
  Headers headers;
  for (const std::string& h : raw) {
    auto colon = h.find(':');
    std::string name = h.substr(0, colon);
    if (colon == std::string::npos || name.empty() || name.find_first_of(" \t") != std::string::npos) {
      throw UsageError("--header: expected NAME:VALUE, got '" + h + "'");
    }
    std::string value = h.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    headers.emplace_back(std::move(name), std::move(value));
  }
  return headers;
}

// Writes the answer in the format asked for.
template <class T>
void print_value(const T& value, Format format) {
  print_document(encode(value, format));
}

template <class T>
int report(const ApiResult<T>& result, Format format) {
  if (!result.ok()) {
    const ClientError& e = result.error();
    std::cerr << "orderkit: " << to_string(e) << '\n';
    if (!e.request_id.empty()) std::cerr << "request id: " << e.request_id << '\n';
    return exit_invalid;
  }
  const Response<T>& r = result.value();
  std::cerr << r.status << ' ' << r.reason << " (request id " << r.request_id << ", " << r.attempts
            << (r.attempts == 1 ? " attempt)\n" : " attempts)\n");
  if constexpr (meta::is_optional_v<T>) {
    if (!r.value) {
      std::cerr << "no order generated\n";
      print_document("null");
    } else {
      print_value(*r.value, format);
    }
  } else {
    print_value(r.value, format);
  }
  // 002 answers 200 even when some items failed: a script must still see that the order is not
  // (completely) placed.
  int status = exit_ok;
  if constexpr (std::is_same_v<T, std::vector<mobile::OrderDetailResult>>) {
    for (std::size_t i = 0; i < r.value.size(); ++i) {
      if (!r.value[i].Success) {
        std::cerr << "item " << i << " failed: " << r.value[i].ErrorMessage.value_or("(no message)") << '\n';
        status = exit_invalid;
      }
    }
  }
  return status;
}

// Reads the order document in the chosen format.
template <class T>
std::optional<T> read_order(const SubmitOptions& options, Format format) {
  const std::optional<std::string> text = read_input(options.input);
  if (!text) return std::nullopt;
  Result<T> decoded = decode<T>(*text, format);
  if (!decoded) {
    print_errors(decoded.errors());
    return std::nullopt;
  }
  return std::move(decoded).value();
}

std::optional<DateTime> parse_date(const std::string& option, const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto date = DateTime::parse(text);
  if (!date) throw UsageError(option + ": '" + text + "' is not a date (e.g. 2026-01-31 or 2026-01-31T00:00:00+01:00)");
  return date;
}

int run_submit(const SubmitOptions& options) {
  const bool contracts = options.api == "contracts";
  if (contracts && !options.id) throw UsageError("--id is required for the contracts API");
  if (!contracts && (options.id || !options.from.empty() || !options.till.empty())) {
    throw UsageError("--id, --from and --till belong to the contracts API");
  }
  if (contracts && options.input != "-") throw UsageError("the contracts API takes --id, not a FILE");
  if (options.from.empty() != options.till.empty()) throw UsageError("--from and --till go together");
  if (options.retries < 0) throw UsageError("--retries must be 0 or more");

  const ModelEntry* model = find_model(options.api, contracts                    ? "OrderBase"
                                                    : options.api == "broadband" ? "OrderNew"
                                                    : options.api == "mobile"    ? "OrderCreationRequest"
                                                                                 : "OrderRequest");
  const Format format = wire_format(*model, "--format", options.format);

  ClientOptions client;
  client.base_url = options.base_url;
  client.format = format;
  client.default_headers = parse_headers(options.headers);
  client.retry.max_attempts = options.retries + 1;
  client.timeouts.read = std::chrono::milliseconds(options.timeout_ms);
  client.timeouts.attempt = std::chrono::milliseconds(options.timeout_ms);
  client.validate_before_send = !options.no_validate;
  CallOptions call;
  call.request_id = options.request_id;
  HttplibTransportOptions transport_options;
  transport_options.ca_cert_file = options.ca_file;
  auto transport = make_httplib_transport(std::move(transport_options));

  if (options.api == "broadband") {
    auto order = read_order<broadband::OrderNew>(options, format);
    if (!order) return exit_invalid;
    return report(broadband::Client(client, transport).try_create_order(*order, call), format);
  }
  if (options.api == "mobile") {
    auto order = read_order<mobile::OrderCreationRequest>(options, format);
    if (!order) return exit_invalid;
    return report(mobile::Client(client, transport).try_create_orders(*order, call), format);
  }
  if (options.api == "licenses") {
    auto order = read_order<licenses::OrderRequest>(options, format);
    if (!order) return exit_invalid;
    return report(licenses::Client(client, transport).try_submit_order(*order, call), format);
  }
  contracts::GenerateOrderQuery query;
  query.id = *options.id;
  query.from = parse_date("--from", options.from);
  query.till = parse_date("--till", options.till);
  return report(contracts::Client(client, transport).try_generate_order(query, call), format);
}

}  // namespace

void add_submit_command(CLI::App& app) {
  auto options = std::make_shared<SubmitOptions>();
  CLI::App* command =
      app.add_subcommand("submit", "Send an order to an API (or, for contracts, generate one) and print the answer");
  add_api_option(*command, options->api)->required();
  command->add_option("--base-url", options->base_url, "Where the API lives, e.g. http://127.0.0.1:8080/mobile")
      ->type_name("URL")
      ->required();
  add_format_option(*command, options->format)->description("Format of the order and of the answer");
  command->add_option("--header", options->headers, "An extra request header (repeatable)")
      ->type_name("K:V")
      ->allow_extra_args(false);  // one value per --header, so FILE is not taken for a header
  command->add_option("--retries", options->retries, "Retries after a connection failure or 429/502/503/504")
      ->type_name("N")
      ->capture_default_str();
  command
      ->add_option("--timeout-ms", options->timeout_ms,
                   "Time limit of each attempt: connect, send and the whole answer")
      ->type_name("MS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--request-id", options->request_id, "X-Request-Id to send (default: a fresh GUID)")
      ->type_name("ID");
  command
      ->add_option("--ca-file", options->ca_file,
                   "For https: trust the CAs in this PEM file instead of the system's (a test CA, say)")
      ->type_name("FILE")
      ->check(CLI::ExistingFile);
  command->add_flag("--no-validate", options->no_validate, "Send without checking the page's rules first");
  command->add_option("--id", options->id, "contracts: the customer contract id")->type_name("N");
  command->add_option("--from", options->from, "contracts: start of the period (with --till)")->type_name("DATE");
  command->add_option("--till", options->till, "contracts: end of the period (with --from)")->type_name("DATE");
  add_input_argument(*command, options->input);
  command->footer(
      "Examples:\n"
      "  orderkit submit --api mobile --base-url http://127.0.0.1:8080/mobile order.json\n"
      "  orderkit submit --api contracts --base-url http://127.0.0.1:8080/contracts --id 42 --format xml\n"
      "Exit status: 0 answered 2xx (the answer on stdout), 1 refused, failed or invalid input (the error with\n"
      "its status and ModelState on stderr), 2 usage error.");
  command->callback([options] { finish(run_submit(*options)); });
}

}  // namespace orderkit::cli
