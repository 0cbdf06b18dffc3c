#pragma once
// The subcommands of the orderkit tool. Each lives in its own <name>_command.cpp and registers
// itself on the top-level app; main.cpp calls the registration functions in help order.
//
// Adding a subcommand: write <name>_command.cpp with `void add_<name>_command(CLI::App&)`,
// declare it here, call it from main.cpp and list the file in CMakeLists.txt.
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

}  // namespace orderkit::cli
