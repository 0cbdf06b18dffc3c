#pragma once
// The subcommands of the orderkit tool. Each lives in its own <name>_command.cpp and registers
// itself on the top-level app; main.cpp calls the registration functions in help order.
//
// Adding a subcommand (say `orderkit submit`) touches no other command:
//  1. submit_command.cpp defines `void add_submit_command(CLI::App& app)`: it adds the
//     subcommand and its options (bound to a std::make_shared options struct) and sets
//     `command->callback([options] { finish(run_submit(*options)); })`, where run_submit returns
//     an Exit status and throws UsageError for a usage error found after parsing. support.hpp
//     has the shared pieces (add_api_option, add_format_option, add_input_argument, read_input,
//     wire_format, print_errors, print_document);
//  2. declare it below and call it from main.cpp;
//  3. list the file in CMakeLists.txt (and link what it needs, e.g. orderkit::transport_httplib);
//  4. add tests/cli/submit.cmake (using the checks in tests/cli/check.cmake) to the test list there.
namespace CLI {
class App;
}

namespace orderkit::cli {

/// Registers `orderkit models`: the APIs, their models and formats, and model fields.
void add_models_command(CLI::App& app);
/// Registers `orderkit sample`: a model's documented sample in JSON, XML or the text/html form.
void add_sample_command(CLI::App& app);
/// Registers `orderkit convert`: decodes a document and writes it again in either format.
void add_convert_command(CLI::App& app);
/// Registers `orderkit validate`: decodes and validates a document, listing every failure.
void add_validate_command(CLI::App& app);
/// Registers `orderkit submit`: sends an order to an API with its client and prints the answer.
void add_submit_command(CLI::App& app);

}  // namespace orderkit::cli
