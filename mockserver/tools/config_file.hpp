#pragma once
// orderkit-mock --config FILE: every command-line option read from a JSON object whose keys are
// the long option names without "--" ({"port": 0, "mode": "echo", "cors-origin": ""}). Values
// given on the command line win over the file's. Unknown keys, nested objects and values of the
// wrong kind are refused with an error naming the key.
#include <CLI/CLI.hpp>

#include <istream>
#include <string>
#include <vector>

namespace orderkit::mock {

/// CLI11's reader for --config files, in JSON. `app` is the application whose options the keys
/// must name; it must outlive the reader.
class JsonConfig final : public CLI::Config {
 public:
  explicit JsonConfig(const CLI::App& app) : app_(app) {}
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;
  /// Writes the options that have values as a JSON object (CLI11's --config output hook).
  std::string to_config(const CLI::App* app, bool default_also, bool write_description,
                        std::string prefix) const override;

 private:
  const CLI::App& app_;
};

/// Installs --config FILE on `app` with the JSON reader.
void add_config_option(CLI::App& app);

}  // namespace orderkit::mock
