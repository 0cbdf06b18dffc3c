#include "support.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace orderkit::cli {

void finish(int status) {
  // CLI11 reports a RuntimeError thrown from a callback as its exit code, without a message.
  if (status != exit_ok) throw CLI::RuntimeError(status);
}

int run(CLI::App& app, int argc, char** argv) {
  int status = exit_ok;
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      std::vector<std::string> names;
      const CLI::App& all = app;
      for (const CLI::App* command : all.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(command->get_name());
      throw UsageError("a command is required: " + CLI::detail::join(names, ", "));
    }
  } catch (const CLI::ParseError& e) {
    // Prints --help, --version or the error the way CLI11 does. CLI11 numbers its parse errors
    // itself (105, 106, ...); the tool promises 2 for every usage error.
    status = app.exit(e);
    const bool from_callback = e.get_name() == "RuntimeError";
    if (status != exit_ok && !from_callback) status = exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "orderkit: " << e.what() << '\n';
    return exit_invalid;
  }
  std::cout.flush();
  if (!std::cout && status == exit_ok) {
    std::cerr << "orderkit: cannot write the output\n";
    return exit_invalid;
  }
  return status;
}

std::vector<std::string> api_ids() {
  std::vector<std::string> ids;
  for (const meta::ApiInfo* api : apis()) ids.emplace_back(api->id);
  return ids;
}

CLI::Option* add_api_option(CLI::App& command, std::string& api) {
  return command.add_option("--api", api, "The API")->type_name("API")->check(CLI::IsMember(api_ids()));
}

CLI::Option* add_format_option(CLI::App& command, std::string& format) {
  return command.add_option("--format", format, "Format of the input")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"json", "xml"}))
      ->capture_default_str();
}

void add_model_options(CLI::App& command, ModelChoice& choice) {
  add_api_option(command, choice.api)->required();
  command.add_option("--model", choice.model, "The model as documented, a collection as NAME[]")
      ->type_name("NAME")
      ->required();
}

const ModelEntry& find_chosen_model(const ModelChoice& choice) {
  if (const ModelEntry* model = find_model(choice.api, choice.model)) return *model;
  std::vector<std::string> names;
  for (const ModelEntry& m : models())
    if (!m.collection && m.api->id == choice.api) names.emplace_back(m.info->name);
  throw UsageError("--model: the " + choice.api + " API has no model '" + choice.model + "'; its models are " +
                   CLI::detail::join(names, ", ") + " (a collection is NAME[])");
}

Format wire_format(const ModelEntry& model, const std::string& option, const std::string& name) {
  Format format{};
  if (!parse_format(name, format)) throw UsageError(option + ": unknown format '" + name + "' (json or xml)");
  if (format == Format::xml && !model.has_xml()) {
    throw UsageError(option + " xml: " +
                     (model.info->has_body ? "the " + std::string(model.api->id) + " API documents JSON only"
                                           : model.name() + " travels in the request URI, not as XML") +
                     "; use json");
  }
  return format;
}

void add_input_argument(CLI::App& command, std::string& path) {
  command.add_option("FILE", path, "The document to read; - or none for stdin")->type_name("");
}

std::optional<std::string> read_input(const std::string& path) {
  const bool from_stdin = path == "-";
  const std::string source = from_stdin ? std::string("stdin") : path;
#ifdef _WIN32
  // Read stdin as bytes, like the file: no CRLF translation, no end at ^Z.
  if (from_stdin) _setmode(_fileno(stdin), _O_BINARY);
#endif
  std::FILE* file = from_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    std::cerr << "orderkit: cannot open " << source << ": " << std::strerror(errno) << '\n';
    return std::nullopt;
  }
  std::string text;
  bool too_large = false;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, file);
    if (text.size() + n > max_input_bytes) {
      too_large = true;
      break;
    }
    text.append(buffer, n);
    if (n < sizeof buffer) break;  // end of input or an error, told apart below
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  if (!from_stdin) std::fclose(file);
  if (too_large) {
    std::cerr << "orderkit: " << source << " is larger than " << (max_input_bytes >> 20)
              << " MiB, the most orderkit reads\n";
    return std::nullopt;
  }
  if (failed) {
    std::cerr << "orderkit: cannot read " << source << ": " << std::strerror(error) << '\n';
    return std::nullopt;
  }
  return text;
}

void print_document(const std::string& text) {
  std::cout << text;
  if (text.empty() || text.back() != '\n') std::cout << '\n';
}

void print_errors(const std::vector<FieldError>& errors) {
  for (const FieldError& error : errors) std::cerr << to_string(error) << '\n';
}

}  // namespace orderkit::cli
