// The OpenAPI document against the SDK: its property names are the keys the codecs write.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "openapi.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/licenses/models.hpp"

using nlohmann::ordered_json;

namespace {

const ordered_json& schema_of(const ordered_json& doc, const std::string& component) {
  return doc.at("components").at("schemas").at(component);
}

// The member names of the JSON the SDK writes for T's documented sample, in order.
template <class T>
std::vector<std::string> written_keys() {
  std::vector<std::string> keys;
  const ordered_json written = ordered_json::parse(orderkit::to_json(orderkit::documented_sample<T>()));
  for (const auto& item : written.items()) keys.push_back(item.key());
  return keys;
}

std::vector<std::string> property_names(const ordered_json& schema) {
  std::vector<std::string> names;
  for (const auto& item : schema.at("properties").items()) names.push_back(item.key());
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi)

BOOST_AUTO_TEST_CASE(property_names_are_the_keys_the_codec_writes) {
  const ordered_json doc = ordered_json::parse(orderkit::mock::openapi_document({}));
  const auto customer = property_names(schema_of(doc, "broadband.Customer"));
  BOOST_TEST(customer == written_keys<orderkit::broadband::Customer>(), boost::test_tools::per_element());
  BOOST_TEST(std::count(customer.begin(), customer.end(), "SSN") == 1);
  // 003's results are camel-cased model-wide, by the codecs' rule.
  BOOST_TEST(property_names(schema_of(doc, "licenses.ValidationFailure")) ==
                 written_keys<orderkit::licenses::ValidationFailure>(),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_nullable_model_reference_is_wrapped_in_all_of) {
  const ordered_json doc = ordered_json::parse(orderkit::mock::openapi_document({}));
  bool seen = false;
  for (const auto& schema : doc.at("components").at("schemas"))
    for (const auto& property : schema.at("properties"))
      if (property.contains("allOf")) {
        seen = true;
        BOOST_TEST(property.at("nullable") == true);
        BOOST_TEST(property.at("allOf").size() == 1u);
        BOOST_TEST(property.at("allOf").at(0).contains("$ref"));
        BOOST_TEST(!property.contains("$ref"));
      }
  BOOST_TEST(seen);
}

BOOST_AUTO_TEST_SUITE_END()
