#include "config_file.hpp"

#include <nlohmann/json.hpp>

#include <memory>

namespace orderkit::mock {

namespace {

// Options that make no sense in a file: the file itself, and the ones that only print and exit.
bool file_may_set(const std::string& name) { return name != "config" && name != "help" && name != "version"; }

std::string scalar(const std::string& key, const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  throw CLI::ConfigError("--config: \"" + key + "\" takes a string, a whole number or true/false, not " +
                         std::string(value.type_name()) + " (" + value.dump() + ")");
}

}  // namespace

std::vector<CLI::ConfigItem> JsonConfig::from_config(std::istream& input) const {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(input);
  } catch (const nlohmann::json::parse_error& e) {
    throw CLI::ConfigError(std::string("--config: the file is not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) throw CLI::ConfigError("--config: the file must hold one JSON object of options");
  std::vector<CLI::ConfigItem> found;
  for (const auto& [key, value] : doc.items()) {
    const CLI::Option* option = app_.get_option_no_throw("--" + key);
    if (!option || !file_may_set(key)) {
      std::string known;
      for (const CLI::Option* o : app_.get_options()) {
        const std::string name = o->get_lnames().empty() ? "" : o->get_lnames().front();
        if (!name.empty() && file_may_set(name)) known += (known.empty() ? "" : ", ") + name;
      }
      throw CLI::ConfigError("--config: unknown option \"" + key +
                             "\" (the keys are the long options without --: " + known + ")");
    }
    CLI::ConfigItem item;
    item.name = key;
    if (value.is_array()) {
      for (const auto& v : value) item.inputs.push_back(scalar(key, v));
    } else {
      item.inputs.push_back(scalar(key, value));
    }
    found.push_back(std::move(item));
  }
  return found;
}

std::string JsonConfig::to_config(const CLI::App* app, bool default_also, bool, std::string) const {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const CLI::Option* o : app->get_options()) {
    if (o->get_lnames().empty() || !file_may_set(o->get_lnames().front())) continue;
    std::string value = o->count() ? o->as<std::string>() : default_also ? o->get_default_str() : "";
    if (!value.empty()) out[o->get_lnames().front()] = value;
  }
  return out.dump(2) + "\n";
}

void add_config_option(CLI::App& app) {
  app.config_formatter(std::make_shared<JsonConfig>(app));
  app.set_config("--config", "",
                 "Read options from this JSON file ({\"port\": 0, \"mode\": \"echo\"}); "
                 "the command line wins");
}

}  // namespace orderkit::mock
