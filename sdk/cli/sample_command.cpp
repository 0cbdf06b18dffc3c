// orderkit sample --api API --model NAME --format json|xml|html [--response] [--compact]: the
// sample a model's help page documents, rebuilt from its field list.
#include <memory>

#include "commands.hpp"
#include "support.hpp"

namespace orderkit::cli {
namespace {

struct SampleOptions {
  ModelChoice choice;
  std::string format = "json";
  bool response = false;
  bool compact = false;
};

int run_sample(const SampleOptions& options) {
  const ModelEntry& model = find_chosen_model(options.choice);
  const Role role = options.response ? Role::response : Role::request;
  // The pages' text/html sample is the JSON formatter's output without whitespace.
  const bool html = options.format == "html";
  const Format format = html ? Format::json : wire_format(model, "--format", options.format);
  const Layout layout = html || options.compact ? Layout::compact : Layout::indented;
  print_document(model.sample(format, layout, role));
  return exit_ok;
}

}  // namespace

void add_sample_command(CLI::App& app) {
  auto options = std::make_shared<SampleOptions>();
  CLI::App* command = app.add_subcommand("sample", "Print a model's documented sample");
  add_model_options(*command, options->choice);
  command->add_option("--format", options->format, "html is the pages' text/html sample: compact JSON")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"json", "xml", "html"}))
      ->capture_default_str();
  command->add_flag("--response", options->response,
                    "The response sample instead of the request sample (dates and GUIDs may differ)");
  command->add_flag("--compact", options->compact, "No whitespace between tokens");
  command->footer("Example: orderkit sample --api mobile --model OrderCreationRequest --format xml");
  command->callback([options] { finish(run_sample(*options)); });
}

}  // namespace orderkit::cli
