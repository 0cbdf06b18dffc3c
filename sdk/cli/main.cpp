// orderkit: the SDK's models from the command line. Each subcommand lives in its own file
// (commands.hpp); this file only assembles them.
#include <string>

#include "commands.hpp"
#include "orderkit/version.hpp"
#include "support.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "OrderKit: list the documented order models, print their samples, and convert and validate "
      "order documents in JSON and XML.",
      "orderkit"};
  app.set_version_flag("--version", std::string("orderkit ") + orderkit::version_string());
  app.require_subcommand(0, 1);  // none is a usage error, reported by run() with the list
  app.footer(
      "Exit status: 0 ok, 1 invalid input (errors with paths on stderr), 2 usage error.\n"
      "Run 'orderkit COMMAND --help' for a command's options.");

  orderkit::cli::add_models_command(app);
  orderkit::cli::add_sample_command(app);
  orderkit::cli::add_convert_command(app);
  orderkit::cli::add_validate_command(app);
  orderkit::cli::add_submit_command(app);

  return orderkit::cli::run(app, argc, argv);
}
