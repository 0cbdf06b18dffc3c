// orderkit models [--api API] [--model NAME] [--fields]: what the registry knows, for a user who
// is looking for the right --api and --model values.
#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "support.hpp"

namespace orderkit::cli {
namespace {

struct ModelsOptions {
  std::string api;
  std::string model;
  bool fields = false;
};

std::string formats_of(const ModelEntry& model) {
  if (!model.info->has_body) return "json (sent in the request URI)";
  return model.has_xml() ? "json, xml" : "json";
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string notes_of(const FieldSummary& field) {
  std::vector<std::string> notes;
  if (field.max_length != 0) notes.push_back("max length " + std::to_string(field.max_length));
  if (field.json_only) notes.emplace_back("JSON only");
  if (field.computed) notes.emplace_back("computed, not sent");
  if (!field.documented) notes.emplace_back("not in the page's table");
  return CLI::detail::join(notes, ", ");
}

void print_fields(const ModelEntry& model) {
  const std::vector<FieldSummary> fields = model.fields();
  std::vector<std::vector<std::string>> rows = {{"FIELD", "TYPE", "NULLABLE", "REQUIRED", "NOTES"}};
  for (const FieldSummary& f : fields)
    rows.push_back({f.name, f.type, yes_no(f.nullable), yes_no(f.required), notes_of(f)});
  std::vector<std::size_t> width(rows.front().size(), 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
  for (const auto& row : rows) {
    std::string line = "    ";
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(width[i] - row[i].size() + 2, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    std::cout << line << '\n';
  }
}

/// "OrderItem, OrderItem[]": a model and its collection form, when the registry has one.
std::string names_of(const ModelEntry& model) {
  std::string names = model.name();
  if (find_model(model.api->id, names + "[]") != nullptr) names += ", " + names + "[]";
  return names;
}

/// One line per model, formats in a column: "  OrderItem, OrderItem[]   json, xml".
void print_models(const std::vector<const ModelEntry*>& listed, bool with_fields) {
  std::size_t width = 0;
  for (const ModelEntry* model : listed) width = std::max(width, names_of(*model).size());
  const meta::ApiInfo* api = nullptr;
  for (const ModelEntry* model : listed) {
    if (model->api != api) {
      api = model->api;
      std::cout << api->id << "  " << api->title << '\n';
    }
    const std::string names = names_of(*model);
    std::cout << "  " << names << std::string(width - names.size() + 2, ' ') << formats_of(*model) << '\n';
    if (with_fields) print_fields(*model);
  }
}

int run_models(const ModelsOptions& options) {
  if (!options.model.empty()) {
    if (options.api.empty()) throw UsageError("--model needs --api (model names are per API)");
    const ModelEntry& model = find_chosen_model({options.api, options.model});
    std::cout << model.name() << " (" << model.api->id << " API; " << formats_of(model) << ")\n";
    print_fields(model);
    return exit_ok;
  }
  std::vector<const ModelEntry*> listed;
  for (const ModelEntry& model : models())
    if (!model.collection && (options.api.empty() || options.api == model.api->id)) listed.push_back(&model);
  print_models(listed, options.fields);
  return exit_ok;
}

}  // namespace

void add_models_command(CLI::App& app) {
  auto options = std::make_shared<ModelsOptions>();
  CLI::App* command = app.add_subcommand("models", "List the APIs and their models, with formats and fields");
  add_api_option(*command, options->api)->description("Only this API");
  command->add_option("--model", options->model, "Show this model's fields (needs --api)")->type_name("NAME");
  command->add_flag("--fields", options->fields, "Show every listed model's fields");
  command->footer("Example: orderkit models --api mobile --model OrderItem");
  command->callback([options] { finish(run_models(*options)); });
}

}  // namespace orderkit::cli
