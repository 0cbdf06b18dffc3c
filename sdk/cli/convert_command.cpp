// orderkit convert --api API --model NAME --from json|xml --to json|xml [--compact] [FILE|-]:
// decodes a document into the typed model and writes it again, as the API's server would.
#include <memory>

#include "commands.hpp"
#include "support.hpp"

namespace orderkit::cli {
namespace {

struct ConvertOptions {
  ModelChoice choice;
  std::string from;
  std::string to;
  bool compact = false;
  std::string input = "-";
};

int run_convert(const ConvertOptions& options) {
  const ModelEntry& model = find_chosen_model(options.choice);
  // Both formats are checked before any input is read, so a usage error never waits on stdin.
  const Format from = wire_format(model, "--from", options.from);
  const Format to = wire_format(model, "--to", options.to);
  const std::optional<std::string> text = read_input(options.input);
  if (!text) return exit_invalid;
  const Result<std::string> converted =
      model.convert(*text, from, to, options.compact ? Layout::compact : Layout::indented);
  if (!converted) {
    print_errors(converted.errors());
    return exit_invalid;
  }
  print_document(converted.value());
  return exit_ok;
}

}  // namespace

void add_convert_command(CLI::App& app) {
  auto options = std::make_shared<ConvertOptions>();
  CLI::App* command = app.add_subcommand("convert", "Decode a document and write it again in JSON or XML");
  add_model_options(*command, options->choice);
  command->add_option("--from", options->from, "Format of the input")
      ->type_name("FORMAT")
      ->required()
      ->check(CLI::IsMember({"json", "xml"}));
  command->add_option("--to", options->to, "Format of the output")
      ->type_name("FORMAT")
      ->required()
      ->check(CLI::IsMember({"json", "xml"}));
  command->add_flag("--compact", options->compact, "No whitespace between tokens");
  add_input_argument(*command, options->input);
  command->footer(
      "Example: orderkit convert --api mobile --model OrderCreationRequest --from json --to xml order.json");
  command->callback([options] { finish(run_convert(*options)); });
}

}  // namespace orderkit::cli
