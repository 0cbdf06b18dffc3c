// Text that needs escaping survives both formats, and no input string produces invalid output.
#include <boost/test/unit_test.hpp>

#include <iterator>
#include <string>

#include "fixtures.hpp"
#include "model_check.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/internal/text.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;
using test::errors_text;

namespace {

const std::string kAwkward =
    std::string("a & b < c > d \" e ' f \\ g / h ]]> i &amp; j\t tab\n lf\r cr\r\n crlf \x01\x08\x0b\x0c\x1f end ") +
    "\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE2\x80\xA8 \xC2\x85 <![CDATA[x]]> <!-- c --> &#x41;";

// One string member in each serializer family, and the 002 collection item path.
contracts::OrderBase order_with(const std::string& text) {
  auto order = documented_sample<contracts::OrderBase>(Role::response);
  order.CurrencyCode = text;
  return order;
}
mobile::OrderCreationRequest request_with(const std::string& text) {
  auto request = documented_sample<mobile::OrderCreationRequest>();
  request.OrderDetails->at(1).OrderDetail->SalesCode = text;
  request.OrderPaymentDescription = text;
  return request;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_escaping)

BOOST_AUTO_TEST_CASE(awkward_text_round_trips_in_json) {
  for (Layout layout : {Layout::indented, Layout::compact}) {
    std::string json = to_json(order_with(kAwkward), layout);
    BOOST_TEST(json.find("\\u0001\\b\\u000b\\f\\u001f") != std::string::npos, json);
    BOOST_TEST(json.find("\\t tab\\n lf\\r cr\\r\\n crlf") != std::string::npos);
    BOOST_TEST(json.find("\\u2028") != std::string::npos);  // a JavaScript line end, escaped as Newtonsoft does
    auto back = from_json<contracts::OrderBase>(json);
    BOOST_TEST_REQUIRE(back.ok(), errors_text(back.errors()));
    BOOST_TEST(back.value().CurrencyCode.value() == kAwkward);

    auto request = from_json<mobile::OrderCreationRequest>(to_json(request_with(kAwkward), layout));
    BOOST_TEST_REQUIRE(request.ok(), errors_text(request.errors()));
    BOOST_TEST(test::same_model(request.value(), request_with(kAwkward)));
  }
}

BOOST_AUTO_TEST_CASE(awkward_text_round_trips_in_xml) {
  for (Layout layout : {Layout::indented, Layout::compact}) {
    std::string xml = to_xml(order_with(kAwkward), layout);
    BOOST_TEST(xml.find("a &amp; b &lt; c &gt; d \" e ' f") != std::string::npos, xml);
    BOOST_TEST(xml.find("lf&#xD; cr&#xD;\n crlf") != std::string::npos, xml);  // CR survives end-of-line handling
    BOOST_TEST(xml.find("]]&gt; i &amp;amp; j") != std::string::npos);
    auto back = from_xml<contracts::OrderBase>(xml);
    BOOST_TEST_REQUIRE(back.ok(), errors_text(back.errors()));
    BOOST_TEST(back.value().CurrencyCode.value() == kAwkward);

    auto request = from_xml<mobile::OrderCreationRequest>(to_xml(request_with(kAwkward), layout));
    BOOST_TEST_REQUIRE(request.ok(), errors_text(request.errors()));
    BOOST_TEST(test::same_model(request.value(), request_with(kAwkward)));
  }
}

BOOST_AUTO_TEST_CASE(whitespace_only_and_empty_text_round_trip) {
  for (const char* text : {"", " ", "  \n  ", "\t", "\r\n"}) {
    BOOST_TEST_CONTEXT("'" << text << "'") {
      auto json = from_json<contracts::OrderBase>(to_json(order_with(text)));
      BOOST_TEST_REQUIRE(json.ok());
      BOOST_TEST(json.value().CurrencyCode.value() == text);
      auto xml = from_xml<contracts::OrderBase>(to_xml(order_with(text)));
      BOOST_TEST_REQUIRE(xml.ok());
      BOOST_TEST(xml.value().CurrencyCode.value() == text);
    }
  }
}

BOOST_AUTO_TEST_CASE(whitespace_only_xml_text_is_written_as_character_references) {
  BOOST_TEST(
      to_xml(order_with(" \t\r\n"), Layout::compact).find("<CurrencyCode>&#x20;&#x9;&#xD;&#xA;</CurrencyCode>") !=
      std::string::npos);
  BOOST_TEST(to_xml(order_with(" a "), Layout::compact).find("<CurrencyCode> a </CurrencyCode>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(nul_character_is_kept_in_json_and_replaced_in_xml) {
  const std::string text("a\0b", 3);
  auto json = from_json<contracts::OrderBase>(to_json(order_with(text)));
  BOOST_TEST_REQUIRE(json.ok());
  BOOST_TEST(json.value().CurrencyCode.value() == text);
  // XML has no character 0: it is written as U+FFFD rather than cutting the text short.
  std::string xml = to_xml(order_with(text), Layout::compact);
  BOOST_TEST(xml.find("<CurrencyCode>a\xEF\xBF\xBD"
                      "b</CurrencyCode>") != std::string::npos);
  auto back = from_xml<contracts::OrderBase>(xml);
  BOOST_TEST_REQUIRE(back.ok());
  BOOST_TEST(back.value().CurrencyCode.value() ==
             "a\xEF\xBF\xBD"
             "b");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_never_produces_invalid_output) {
  const std::string bad[] = {
      "\xff",
      "a\xc3",
      "\xc3(",
      "\x80 lone continuation",
      "\xc0\xaf overlong",
      "\xe0\x80\xaf over",
      "\xed\xa0\x80 surrogate",
      "\xf4\x90\x80\x80 too big",
      "\xf8\x88\x80\x80\x80",
      "ok \xe2\x82",
      "\xf0\x9f\x98",
      "mixed \xC3\xA9\xff\xE2\x82\xAC",
  };
  for (const std::string& text : bad) {
    BOOST_TEST_CONTEXT(text) {
      for (Layout layout : {Layout::indented, Layout::compact}) {
        std::string json = to_json(request_with(text), layout);
        std::string xml = to_xml(request_with(text), layout);
        std::string contracts_xml = to_xml(order_with(text), layout);
        BOOST_TEST(test::is_valid_utf8(json));
        BOOST_TEST(test::is_valid_utf8(xml));
        BOOST_TEST(test::is_valid_utf8(contracts_xml));
        // Each output decodes again, to the same text with U+FFFD for the bad bytes.
        auto from_j = from_json<mobile::OrderCreationRequest>(json);
        auto from_x = from_xml<mobile::OrderCreationRequest>(xml);
        BOOST_TEST_REQUIRE(from_j.ok(), errors_text(from_j.errors()));
        BOOST_TEST_REQUIRE(from_x.ok(), errors_text(from_x.errors()));
        const std::string& a = from_j.value().OrderPaymentDescription.value();
        const std::string& b = from_x.value().OrderPaymentDescription.value();
        BOOST_TEST(test::is_valid_utf8(a));
        BOOST_TEST(a == b);
        BOOST_TEST(a.find("\xEF\xBF\xBD") != std::string::npos);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(valid_utf8_passes_through_unchanged) {
  const std::string text = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD\xF4\x8F\xBF\xBF\xE0\xA0\x80";
  BOOST_TEST(to_json(order_with(text)).find(text) != std::string::npos);
  BOOST_TEST(to_xml(order_with(text)).find(text) != std::string::npos);
}

// JSON escaping runs inline up to the first byte that is not plain, then out of line: a byte that
// needs escaping is escaped the same wherever it sits, first, in the middle, last or alone, and
// the plain text around it is copied as it is.
BOOST_AUTO_TEST_CASE(json_escaping_is_the_same_wherever_the_first_special_byte_sits) {
  const std::string specials[] = {
      "\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", "\xC3\xA9", "\xE2\x80\xA8", "\xC2\x85", "\xFF", "\xC3"};
  const std::string expected[] = {"\\\"",     "\\\\",    "\\n",     "\\u0000", "\\u001f", "\x7f",
                                  "\xC3\xA9", "\\u2028", "\\u0085", "\\ufffd", "\\ufffd"};
  BOOST_TEST(text::json_escape("") == "");
  BOOST_TEST(text::json_escape("plain text / 123") == "plain text / 123");
  for (std::size_t k = 0; k < std::size(specials); ++k) {
    for (std::size_t before : {0, 1, 7, 8, 9, 40}) {
      for (std::size_t after : {0, 1, 16}) {
        const std::string head(before, 'a'), tail(after, 'z');
        BOOST_TEST(text::json_escape(head + specials[k] + tail) == head + expected[k] + tail,
                   "special " << k << " after " << before << " bytes");
        std::string out = "[";
        text::append_json_escaped(out, head + specials[k] + specials[k] + tail);
        BOOST_TEST(out == "[" + head + expected[k] + expected[k] + tail);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
