// orderkit validate --api API --model NAME --format json|xml [FILE|-]: decodes a document and
// checks the pages' rules, listing every failure with its path.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "support.hpp"

namespace orderkit::cli {
namespace {

struct ValidateOptions {
  ModelChoice choice;
  std::string format = "json";
  std::string input = "-";
};

int run_validate(const ValidateOptions& options) {
  const ModelEntry& model = find_chosen_model(options.choice);
  const Format format = wire_format(model, "--format", options.format);
  const std::optional<std::string> text = read_input(options.input);
  if (!text) return exit_invalid;
  const std::vector<FieldError> errors = model.check(*text, format);
  if (!errors.empty()) {
    print_errors(errors);
    return exit_invalid;
  }
  std::cout << "valid\n";
  return exit_ok;
}

}  // namespace

void add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate", "Decode and validate a document; print \"valid\", or every failure as \"path: message\"");
  add_model_options(*command, options->choice);
  add_format_option(*command, options->format);
  add_input_argument(*command, options->input);
  command->footer("Example: orderkit validate --api contracts --model OrderBase --format xml order.xml");
  command->callback([options] { finish(run_validate(*options)); });
}

}  // namespace orderkit::cli
