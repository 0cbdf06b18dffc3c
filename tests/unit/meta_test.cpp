// The rules the field lists carry for every layer: JSON member names, XML availability.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "orderkit/broadband/models.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"

namespace meta_test {
namespace meta = orderkit::meta;
inline constexpr meta::ApiInfo api{"test", "a camel-cased model with acronyms", meta::XmlStyle::none, false};
#define META_TEST_ACRONYMS(F, C)       \
  F(SSN, std::string, meta::none)      \
  F(URLValue, std::string, meta::none) \
  F(IsValid, bool, meta::none)         \
  F(x, std::int32_t, meta::none)
ORDERKIT_MODEL(Acronyms, META_TEST_ACRONYMS, &api, "Acronyms", "", meta::NameCase::camel)
}  // namespace meta_test

using namespace orderkit;

BOOST_AUTO_TEST_SUITE(meta_rules)

BOOST_AUTO_TEST_CASE(camel_cased_json_names_lower_a_leading_acronym_as_newtonsoft_does) {
  BOOST_TEST(meta::json_name<meta_test::Acronyms>("SSN") == "ssn");
  BOOST_TEST(meta::json_name<meta_test::Acronyms>("URLValue") == "urlValue");
  BOOST_TEST(meta::json_name<meta_test::Acronyms>("IsValid") == "isValid");
  BOOST_TEST(meta::json_name<meta_test::Acronyms>("x") == "x");
}

BOOST_AUTO_TEST_CASE(json_names_are_the_member_names_unless_the_model_is_camel_cased) {
  BOOST_TEST(meta::json_name<broadband::OrderNew>("SSN") == "SSN");
  BOOST_TEST(meta::json_name<licenses::ValidationFailure>("PropertyName") == "propertyName");
}

BOOST_AUTO_TEST_CASE(every_field_of_a_camel_cased_model_gets_its_json_name) {
  std::vector<std::string> names;
  meta::for_each_field<meta_test::Acronyms>(
      [&](const auto& f) { names.push_back(meta::json_name<meta_test::Acronyms>(f.name)); });
  const std::vector<std::string> expected{"ssn", "urlValue", "isValid", "x"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(xml_is_documented_for_body_models_of_apis_with_an_xml_serializer) {
  static_assert(!has_xml<broadband::OrderNew>());
  static_assert(has_xml<mobile::OrderCreationRequest>());
  static_assert(has_xml<std::vector<mobile::OrderDetailResult>>());
  static_assert(has_xml<std::optional<licenses::ValidationResult>>());
  static_assert(!has_xml<contracts::GenerateOrderQuery>());
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(decoding_xml_of_a_json_only_model_is_an_error_naming_the_format) {
  const Result<broadband::OrderNew> r = decode<broadband::OrderNew>("<OrderNew/>", Format::xml);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(r.errors().at(0).code == "format");
}

BOOST_AUTO_TEST_SUITE_END()
