// Validation: the rules of the pages' "Additional information" column and 001's period rule,
// every failure returned with its path.
#include <boost/test/unit_test.hpp>

#include <string>

#include "codec/validate.hpp"
#include "fixtures.hpp"
#include "model_check.hpp"
#include "orderkit/contracts/models.hpp"

using namespace orderkit;
using test::errors_text;

namespace {

// A valid order for insert: the page's sample with Id 0.
contracts::OrderBase valid_order() {
  contracts::OrderBase order = documented_sample<contracts::OrderBase>(Role::response);
  order.Id = 0;
  return order;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validation)

BOOST_AUTO_TEST_CASE(valid_order_has_no_failures) { BOOST_TEST(validate(valid_order()).empty()); }

BOOST_AUTO_TEST_CASE(order_code_is_required_and_not_empty) {
  auto order = valid_order();
  order.OrderCode.reset();
  auto errors = validate(order);
  BOOST_TEST_REQUIRE(errors.size() == 1u, errors_text(errors));
  BOOST_TEST(errors[0].path == "OrderCode");
  BOOST_TEST(errors[0].code == "required");
  BOOST_TEST(errors[0].message == "The OrderCode field is required.");

  order.OrderCode = "";
  BOOST_TEST(errors_text(validate(order)) == "OrderCode: The OrderCode field is required.");
}

// .NET's RequiredAttribute trims: whitespace-only text is missing (the .NET oracle's
// required_string_refuses_whitespace finding), with the same message.
BOOST_AUTO_TEST_CASE(order_code_refuses_whitespace_only_text_as_dotnet_does) {
  auto order = valid_order();
  for (const char* blank : {"   ", "\t\r\n", "\xc2\xa0", "\xe3\x80\x80 "}) {
    order.OrderCode = blank;
    BOOST_TEST(errors_text(validate(order)) == "OrderCode: The OrderCode field is required.");
  }
  order.OrderCode = " x ";
  BOOST_TEST(validate(order).empty());
  order.OrderCode = "\xe2\x80\x8b";  // U+200B ZERO WIDTH SPACE is not white space in .NET
  BOOST_TEST(validate(order).empty());
}

BOOST_AUTO_TEST_CASE(order_code_is_at_most_fifty_characters) {
  auto order = valid_order();
  order.OrderCode = std::string(50, 'x');
  BOOST_TEST(validate(order).empty());
  order.OrderCode = std::string(51, 'x');
  auto errors = validate(order);
  BOOST_TEST_REQUIRE(errors.size() == 1u, errors_text(errors));
  BOOST_TEST(errors[0].code == "max_length");
  BOOST_TEST(to_string(errors[0]) ==
             "OrderCode: The field OrderCode must be a string or array type with a maximum length of '50'.");
}

BOOST_AUTO_TEST_CASE(order_code_length_counts_characters_not_bytes) {
  auto order = valid_order();
  order.OrderCode = repeat("\xC3\xA9", 50);  // 50 x U+00E9, 100 bytes
  BOOST_TEST(validate(order).empty());
  order.OrderCode = repeat("\xE2\x82\xAC", 50);  // 50 x U+20AC, 150 bytes
  BOOST_TEST(validate(order).empty());
  order.OrderCode = repeat("\xC3\xA9", 51);
  BOOST_TEST(validate(order).size() == 1u);
}

BOOST_AUTO_TEST_CASE(order_code_length_counts_utf16_units_as_dotnet_does) {
  // .NET's string.Length counts UTF-16 code units: a character beyond U+FFFF counts two.
  auto order = valid_order();
  order.OrderCode = repeat("\xF0\x9F\x98\x80", 25);  // 25 x U+1F600: 50 units
  BOOST_TEST(validate(order).empty());
  order.OrderCode = repeat("\xF0\x9F\x98\x80", 26);  // 52 units
  BOOST_TEST(validate(order).size() == 1u);
}

// "Must be 0 (for insert operations)" is an insert rule: it applies to a request body, and 001's
// OrderBase is only ever a response (its sample has Id 1), so validate() leaves it out there.
BOOST_AUTO_TEST_CASE(id_must_be_zero_only_for_insert_requests) {
  auto order = valid_order();
  order.Id = 7;
  BOOST_TEST(validate(order).empty(), errors_text(validate(order)));
  BOOST_TEST(validate(documented_sample<contracts::OrderBase>(Role::response)).empty());

  auto errors = codec::validate_root(order, /*insert=*/true);
  BOOST_TEST_REQUIRE(errors.size() == 1u, errors_text(errors));
  BOOST_TEST(errors[0].code == "must_be_zero");
  BOOST_TEST(to_string(errors[0]) == "Id: The field Id must be 0 (for insert operations).");
}

BOOST_AUTO_TEST_CASE(returns_every_failure_not_only_the_first) {
  auto order = valid_order();
  order.Id = -1;
  order.OrderCode = std::string(60, 'y');
  auto errors = codec::validate_root(order, /*insert=*/true);
  BOOST_TEST(errors_text(errors) ==
             "Id: The field Id must be 0 (for insert operations).\n"
             "OrderCode: The field OrderCode must be a string or array type with a maximum length of '50'.");
}

BOOST_AUTO_TEST_CASE(failures_in_a_collection_carry_their_index) {
  std::vector<contracts::OrderBase> orders(3, valid_order());
  orders[1].OrderCode.reset();
  orders[2].Id = 2;
  orders[2].OrderCode = "";
  BOOST_TEST(errors_text(codec::validate_root(orders, /*insert=*/true)) ==
             "[1].OrderCode: The OrderCode field is required.\n"
             "[2].Id: The field Id must be 0 (for insert operations).\n"
             "[2].OrderCode: The OrderCode field is required.");
}

BOOST_AUTO_TEST_CASE(period_needs_both_ends_or_neither) {
  contracts::GenerateOrderQuery query;
  query.id = 12;
  BOOST_TEST(validate(query).empty());

  query.from = DateTime::parse("2026-01-01");
  auto errors = validate(query);
  BOOST_TEST_REQUIRE(errors.size() == 1u, errors_text(errors));
  BOOST_TEST(errors[0].code == "period");
  BOOST_TEST(to_string(errors[0]) == "till: from and till must both have values or both be null");

  query.till = DateTime::parse("2026-01-31");
  BOOST_TEST(validate(query).empty());

  query.from.reset();
  BOOST_TEST(errors_text(validate(query)) == "from: from and till must both have values or both be null");
}

BOOST_AUTO_TEST_CASE(period_rule_applies_inside_collections_with_the_path) {
  std::vector<contracts::GenerateOrderQuery> queries(2);
  queries[1].till = DateTime::parse("2026-01-31");
  BOOST_TEST(errors_text(validate(queries)) == "[1].from: from and till must both have values or both be null");
}

BOOST_AUTO_TEST_CASE(registry_check_reports_decode_errors_else_validation_failures) {
  const ModelEntry* entry = find_model("contracts", "OrderBase");
  BOOST_TEST_REQUIRE(entry != nullptr);
  // The page's own sample has Id 1: a response, not an insert, so it is valid.
  BOOST_TEST(errors_text(entry->check(test::fixture("contracts/OrderBase.response.json").text, Format::json)) == "");
  BOOST_TEST(errors_text(entry->check(test::fixture("contracts/OrderBase.response.xml").text, Format::xml)) == "");
  // A decode error comes alone: validation runs on decoded values only.
  auto errors = entry->check("{\"Id\": \"x\"}", Format::json);
  BOOST_TEST(errors.at(0).code == "type");

  const ModelEntry* list = find_model("contracts", "OrderBase[]");
  BOOST_TEST_REQUIRE(list != nullptr);
  std::string two = "[" + to_json(valid_order()) + "," + to_json(valid_order()) + "]";
  BOOST_TEST(list->check(two, Format::json).empty());
  std::string bad = "[" + to_json(valid_order()) +
                    ",{\"Id\":0,\"OrderCode\":\"\",\"OrderTypeId\":1,\"Date\":\"2026-01-01\","
                    "\"OrderTotalExVat\":1,\"CurrencyId\":1,\"Deleted\":false}]";
  BOOST_TEST(errors_text(list->check(bad, Format::json)) == "[1].OrderCode: The OrderCode field is required.");
}

BOOST_AUTO_TEST_CASE(every_documented_sample_is_valid) {
  for (const test::Fixture& f : test::fixtures()) {
    BOOST_TEST_CONTEXT(f.name()) { BOOST_TEST(f.entry->check(f.text, f.format).empty()); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
