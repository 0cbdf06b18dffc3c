// Golden tests: every sample of the four help pages, decoded and written again, gives the page's
// text back (same key and element order, number formatting, namespaces and prefixes).
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "fixtures.hpp"
#include "model_check.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;
using orderkit::test::Fixture;
using orderkit::test::fixtures;

BOOST_AUTO_TEST_SUITE(golden)

BOOST_AUTO_TEST_CASE(fixtures_hold_every_sample_of_the_four_pages) {
  std::set<std::string> names;
  for (const Fixture& f : fixtures()) names.insert(f.name());
  const std::set<std::string> expected = {
      "broadband/OrderNew.request.json",          "broadband/OrderNew.response.json",
      "contracts/OrderBase.response.json",        "contracts/OrderBase.response.xml",
      "licenses/OrderRequest.request.json",       "licenses/OrderRequest.request.xml",
      "licenses/ValidationResult.response.json",  "licenses/ValidationResult.response.xml",
      "mobile/OrderCreationRequest.request.html", "mobile/OrderCreationRequest.request.json",
      "mobile/OrderCreationRequest.request.xml",  "mobile/OrderDetailResult[].response.html",
      "mobile/OrderDetailResult[].response.json", "mobile/OrderDetailResult[].response.xml",
  };
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_sample_decodes_and_encodes_back_to_the_page_text_compact) {
  for (const Fixture& f : fixtures()) {
    BOOST_TEST_CONTEXT(f.name()) {
      Result<std::string> out = f.entry->convert(f.text, f.format, f.format, Layout::compact);
      BOOST_TEST_REQUIRE(out.ok(), to_string(out.errors()));
      BOOST_TEST(out.value() == test::normalize(f.text, f.format));
    }
  }
}

BOOST_AUTO_TEST_CASE(every_sample_encodes_indented_to_the_page_text_up_to_whitespace) {
  for (const Fixture& f : fixtures()) {
    BOOST_TEST_CONTEXT(f.name()) {
      Result<std::string> out = f.entry->convert(f.text, f.format, f.format, Layout::indented);
      BOOST_TEST_REQUIRE(out.ok(), to_string(out.errors()));
      BOOST_TEST(test::normalize(out.value(), f.format) == test::normalize(f.text, f.format));
    }
  }
}

BOOST_AUTO_TEST_CASE(mobile_samples_are_reproduced_byte_for_byte_with_the_servers_whitespace) {
  int checked = 0;
  for (const Fixture& f : fixtures()) {
    if (!f.exact_whitespace()) continue;
    BOOST_TEST_CONTEXT(f.name()) {
      // text/html is Newtonsoft's unindented output; json and xml are indented.
      Layout layout = f.ext == "html" ? Layout::compact : Layout::indented;
      Result<std::string> out = f.entry->convert(f.text, f.format, f.format, layout);
      BOOST_TEST_REQUIRE(out.ok(), to_string(out.errors()));
      BOOST_TEST(out.value() == test::without_final_newline(f.text));
      ++checked;
    }
  }
  BOOST_TEST(checked == 6);
}

BOOST_AUTO_TEST_CASE(typed_api_reproduces_the_mobile_request_in_json_and_xml) {
  const Fixture& json = test::fixture("mobile/OrderCreationRequest.request.json");
  const Fixture& xml = test::fixture("mobile/OrderCreationRequest.request.xml");
  auto from_j = from_json<mobile::OrderCreationRequest>(json.text);
  auto from_x = from_xml<mobile::OrderCreationRequest>(xml.text);
  BOOST_TEST_REQUIRE(from_j.ok(), to_string(from_j.errors()));
  BOOST_TEST_REQUIRE(from_x.ok(), to_string(from_x.errors()));
  BOOST_TEST(to_json(from_j.value()) == test::without_final_newline(json.text));
  BOOST_TEST(to_xml(from_x.value()) == test::without_final_newline(xml.text));
}

BOOST_AUTO_TEST_CASE(html_and_json_samples_of_mobile_decode_to_the_same_value) {
  auto a = from_json<mobile::OrderCreationRequest>(test::fixture("mobile/OrderCreationRequest.request.json").text);
  auto b = from_json<mobile::OrderCreationRequest>(test::fixture("mobile/OrderCreationRequest.request.html").text);
  BOOST_TEST_REQUIRE((a.ok() && b.ok()));
  BOOST_TEST(test::same_model(a.value(), b.value()));

  auto c =
      from_json<std::vector<mobile::OrderDetailResult>>(test::fixture("mobile/OrderDetailResult[].response.json").text);
  auto d =
      from_json<std::vector<mobile::OrderDetailResult>>(test::fixture("mobile/OrderDetailResult[].response.html").text);
  BOOST_TEST_REQUIRE((c.ok() && d.ok()));
  BOOST_TEST((c.value() == d.value()));
  BOOST_TEST(c.value().size() == 2u);
}

// The same sample in JSON and XML is the same value, compared numerically: the page's JSON writes
// decimal 2 as 2.0 (scale 1) and its XML as 2 (scale 0).
template <class T>
void check_json_and_xml_agree(const std::string& json_name, const std::string& xml_name) {
  BOOST_TEST_CONTEXT(json_name << " vs " << xml_name) {
    auto j = from_json<T>(test::fixture(json_name).text);
    auto x = from_xml<T>(test::fixture(xml_name).text);
    BOOST_TEST_REQUIRE(j.ok(), to_string(j.errors()));
    BOOST_TEST_REQUIRE(x.ok(), to_string(x.errors()));
    T from_json_value = j.value();
    test::clear_json_only(from_json_value);  // XML does not carry JSON-only members
    BOOST_TEST(test::same_model(x.value(), from_json_value));
  }
}

BOOST_AUTO_TEST_CASE(json_and_xml_samples_of_one_model_decode_to_the_same_value) {
  check_json_and_xml_agree<contracts::OrderBase>("contracts/OrderBase.response.json",
                                                 "contracts/OrderBase.response.xml");
  check_json_and_xml_agree<mobile::OrderCreationRequest>("mobile/OrderCreationRequest.request.json",
                                                         "mobile/OrderCreationRequest.request.xml");
  check_json_and_xml_agree<std::vector<mobile::OrderDetailResult>>("mobile/OrderDetailResult[].response.json",
                                                                   "mobile/OrderDetailResult[].response.xml");
  check_json_and_xml_agree<licenses::OrderRequest>("licenses/OrderRequest.request.json",
                                                   "licenses/OrderRequest.request.xml");
  check_json_and_xml_agree<licenses::ValidationResult>("licenses/ValidationResult.response.json",
                                                       "licenses/ValidationResult.response.xml");
}

BOOST_AUTO_TEST_CASE(json_decimal_keeps_its_scale_when_written_as_xml) {
  auto j = from_json<mobile::OrderCreationRequest>(test::fixture("mobile/OrderCreationRequest.request.json").text);
  BOOST_TEST_REQUIRE(j.ok());
  const Decimal& amount = j.value().OrderDetails->at(0).VoluntaryTopupAmount;
  BOOST_TEST(amount.scale() == 1);
  BOOST_TEST(amount.to_string() == "2.0");
  // .NET writes the decimal's own scale in XML: 2.0 stays 2.0 (the page's XML came from a 2).
  BOOST_TEST(to_xml(j.value()).find("<VoluntaryTopupAmount>2.0</VoluntaryTopupAmount>") != std::string::npos);

  auto x = from_xml<mobile::OrderCreationRequest>(test::fixture("mobile/OrderCreationRequest.request.xml").text);
  BOOST_TEST_REQUIRE(x.ok());
  const Decimal& from_xml_amount = x.value().OrderDetails->at(0).VoluntaryTopupAmount;
  BOOST_TEST(from_xml_amount.scale() == 0);
  BOOST_TEST((from_xml_amount == amount));
  // ... and Newtonsoft writes a scale-0 decimal with ".0".
  BOOST_TEST(to_json(x.value(), Layout::compact).find("\"VoluntaryTopupAmount\":2.0,") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
