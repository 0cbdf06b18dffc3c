#pragma once
// What the subcommands share: exit codes, usage errors, choosing a model by API and name, and
// reading the input document. Nothing here knows a particular model; everything goes through
// orderkit/registry.hpp.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "orderkit/registry.hpp"

namespace orderkit::cli {

/// Exit statuses of every subcommand.
enum Exit : int {
  exit_ok = 0,       // done
  exit_invalid = 1,  // the input is invalid or unreadable (details on stderr)
  exit_usage = 2,    // bad command line: unknown API, model, format or flag
};

/// Largest document read from a file or stdin. Orders are kilobytes; the cap keeps a wrong
/// file (or an endless pipe) from exhausting memory.
inline constexpr std::size_t max_input_bytes = std::size_t{64} << 20;

/// A usage error found after parsing (an unknown model, XML for a JSON-only model). Reported
/// like CLI11's own parse errors, with exit status 2.
class UsageError : public CLI::ParseError {
 public:
  explicit UsageError(std::string message) : CLI::ParseError("UsageError", std::move(message), exit_usage) {}
};

/// Ends a subcommand's callback with `status` (does nothing for exit_ok).
void finish(int status);

/// Parses the command line and runs the chosen subcommand; returns the process exit status.
int run(CLI::App& app, int argc, char** argv);

/// The registry's API ids ("broadband", "contracts", "mobile", "licenses").
std::vector<std::string> api_ids();
/// Adds --api, checked against api_ids(); returns it so a command can make it required.
CLI::Option* add_api_option(CLI::App& command, std::string& api);
/// Adds --format (json or xml, default json) for the document a command reads.
CLI::Option* add_format_option(CLI::App& command, std::string& format);

/// The --api and --model options of the commands that work on one model.
struct ModelChoice {
  std::string api;
  std::string model;
};
/// Adds required --api and --model options.
void add_model_options(CLI::App& command, ModelChoice& choice);
/// Finds the chosen model; throws UsageError naming the API's models when there is none.
const ModelEntry& find_chosen_model(const ModelChoice& choice);
/// The wire format `name` ("json" or "xml") given as `option` for `model`; throws UsageError when the model's
/// page documents no such format.
Format wire_format(const ModelEntry& model, const std::string& option, const std::string& name);

/// Adds the optional document argument: a file name, or "-" (the default) for stdin.
void add_input_argument(CLI::App& command, std::string& path);
/// Reads the whole document; on failure prints why on stderr and returns nothing (exit 1).
std::optional<std::string> read_input(const std::string& path);

/// Writes a document to stdout, ending it with a newline.
void print_document(const std::string& text);
/// Writes one "path: message" line per failure to stderr.
void print_errors(const std::vector<FieldError>& errors);

}  // namespace orderkit::cli
