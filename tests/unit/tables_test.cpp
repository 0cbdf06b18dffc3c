// The pages' field tables against the field lists: every documented field present with its
// documented type, and every field the code has beyond the table flagged undocumented. A drift
// between the help pages and the models fails here.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "fixtures.hpp"

using namespace orderkit;

namespace {

struct Row {
  std::string field, type, info;
};

// model -> rows, in table order, from tests/fixtures/<api>/tables.tsv.
std::map<std::string, std::vector<Row>> read_table(const std::string& api) {
  std::map<std::string, std::vector<Row>> out;
  std::istringstream in(test::read_file(test::fixtures_dir() + "/" + api + "/tables.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::size_t start = 0, tab;
    while ((tab = line.find('\t', start)) != std::string::npos) {
      cells.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    cells.push_back(line.substr(start));
    BOOST_TEST_REQUIRE(cells.size() == 4u, api << " tables.tsv: '" << line << "'");
    out[cells[0]].push_back({cells[1], cells[2], cells[3]});
  }
  return out;
}

const FieldSummary* find_field(const std::vector<FieldSummary>& fields, const std::string& name) {
  for (const FieldSummary& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tables)

BOOST_AUTO_TEST_CASE(every_page_table_is_read) {
  std::set<std::string> documented;
  for (const meta::ApiInfo* api : apis())
    for (const auto& [model, rows] : read_table(api->id)) documented.insert(std::string(api->id) + "/" + model);
  const std::set<std::string> expected = {
      "broadband/OrderNew",        "contracts/GenerateOrderQuery", "contracts/OrderBase",      "licenses/OrderRequest",
      "licenses/ValidationResult", "mobile/OrderCreationRequest",  "mobile/OrderDetailResult",
  };
  BOOST_TEST(documented == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_documented_field_is_in_the_model_with_its_type) {
  int checked = 0;
  for (const meta::ApiInfo* api : apis()) {
    for (const auto& [model, rows] : read_table(api->id)) {
      const ModelEntry* entry = find_model(api->id, model);
      BOOST_TEST_REQUIRE(entry != nullptr, api->id << " documents " << model << ", which the registry lacks");
      std::vector<FieldSummary> fields = entry->fields();
      for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(api->id << "/" << model << "." << row.field) {
          const FieldSummary* f = find_field(fields, row.field);
          BOOST_TEST_REQUIRE(f != nullptr, "documented field missing from the model");
          BOOST_TEST(f->type == row.type);
          BOOST_TEST(f->documented, "documented field flagged undocumented");
          ++checked;
        }
      }
    }
  }
  BOOST_TEST(checked == 8 + 16 + 9 + 21);
}

BOOST_AUTO_TEST_CASE(fields_beyond_the_table_are_flagged_undocumented_and_only_those) {
  std::set<std::string> undocumented;
  for (const meta::ApiInfo* api : apis()) {
    for (const auto& [model, rows] : read_table(api->id)) {
      const ModelEntry* entry = find_model(api->id, model);
      BOOST_TEST_REQUIRE(entry != nullptr);
      std::set<std::string> in_table;
      for (const Row& row : rows) in_table.insert(row.field);
      for (const FieldSummary& f : entry->fields()) {
        BOOST_TEST_CONTEXT(api->id << "/" << model << "." << f.name) {
          BOOST_TEST(f.documented == (in_table.count(f.name) == 1));
          if (!f.documented) undocumented.insert(std::string(api->id) + "/" + model + "." + f.name);
        }
      }
    }
  }
  const std::set<std::string> expected = {"licenses/OrderRequest.Source", "licenses/OrderRequest.AccountId"};
  BOOST_TEST(undocumented == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(documented_rules_are_field_options) {
  // The "Additional information" column, as the field list states it.
  for (const meta::ApiInfo* api : apis()) {
    for (const auto& [model, rows] : read_table(api->id)) {
      std::vector<FieldSummary> fields = find_model(api->id, model)->fields();
      for (const Row& row : rows) {
        BOOST_TEST_CONTEXT(api->id << "/" << model << "." << row.field << " '" << row.info << "'") {
          const FieldSummary* f = find_field(fields, row.field);
          BOOST_TEST_REQUIRE(f != nullptr);
          bool says_required = row.info.rfind("Required", 0) == 0;
          // A required non-nullable value is always present once decoded; [Required] is
          // enforced where the model can hold "absent".
          if (says_required) BOOST_TEST((f->required || !f->nullable));
          if (row.info.find("Max length: 50") != std::string::npos) BOOST_TEST(f->max_length == 50u);
          if (row.info.find("Is Optional") != std::string::npos) BOOST_TEST(f->nullable);
        }
      }
    }
  }
  auto fields = find_model("contracts", "OrderBase")->fields();
  BOOST_TEST(find_field(fields, "OrderCode")->required);
  BOOST_TEST(find_field(fields, "Type")->json_only);
}

BOOST_AUTO_TEST_CASE(computed_is_valid_counts_as_a_present_field) {
  auto fields = find_model("licenses", "ValidationResult")->fields();
  const FieldSummary* is_valid = find_field(fields, "IsValid");
  BOOST_TEST_REQUIRE(is_valid != nullptr);
  BOOST_TEST(is_valid->computed);
  BOOST_TEST(is_valid->type == "boolean");
}

BOOST_AUTO_TEST_CASE(documented_fields_come_in_the_tables_order_computed_ones_included) {
  // The help pages list the fields in this order; 003's IsValid (computed) comes before Errors.
  for (const meta::ApiInfo* api : apis()) {
    for (const auto& [model, rows] : read_table(api->id)) {
      BOOST_TEST_CONTEXT(api->id << "/" << model) {
        std::vector<std::string> listed, table;
        for (const FieldSummary& f : find_model(api->id, model)->fields())
          if (f.documented) listed.push_back(f.name);
        for (const Row& row : rows) table.push_back(row.field);
        BOOST_TEST(listed == table, boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(descriptions_are_the_pages_and_only_where_the_page_has_them) {
  auto fields = find_model("contracts", "OrderBase")->fields();
  BOOST_TEST(find_field(fields, "OrderCode")->description == "Gets or sets the order code.");
  BOOST_TEST(find_field(fields, "Id")->must_be_zero);
  BOOST_TEST(find_field(find_model("contracts", "GenerateOrderQuery")->fields(), "id")->description ==
             "The customer contract id.");
  // 000, 002 and 003 document no field.
  for (const ModelEntry& e : models())
    if (std::string(e.api->id) != "contracts")
      for (const FieldSummary& f : e.fields()) BOOST_TEST(f.description.empty(), e.info->name << "." << f.name);
}

BOOST_AUTO_TEST_CASE(json_only_fields_are_the_documented_quirks) {
  std::set<std::string> json_only;
  for (const ModelEntry& e : models()) {
    if (e.collection) continue;
    for (const FieldSummary& f : e.fields())
      if (f.json_only) json_only.insert(std::string(e.api->id) + "/" + e.info->name + "." + f.name);
  }
  // ValidationResult.Errors: XmlSerializer skips the get-only IList (the .NET oracle's finding).
  const std::set<std::string> expected = {"contracts/OrderBase.Type", "licenses/OrderRequest.AccountId",
                                          "licenses/OrderRequest.Source", "licenses/ValidationResult.Errors"};
  BOOST_TEST(json_only == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
