// Decimal: exact .NET System.Decimal values that keep the scale they were written with.
#include <boost/test/unit_test.hpp>

#include <string>

#include "orderkit/codec.hpp"
#include "orderkit/core/decimal.hpp"
#include "orderkit/mobile/models.hpp"

using orderkit::Decimal;

namespace {
std::string round_trip(const char* text) {
  auto d = Decimal::parse(text);
  return d ? d->to_string() : "<rejected>";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(decimal)

BOOST_AUTO_TEST_CASE(parse_and_format_keep_the_scale) {
  BOOST_TEST(round_trip("5") == "5");
  BOOST_TEST(round_trip("5.0") == "5.0");
  BOOST_TEST(round_trip("5.00") == "5.00");
  BOOST_TEST(round_trip("-0.5") == "-0.5");
  BOOST_TEST(round_trip("0.50") == "0.50");
  BOOST_TEST(round_trip("+12.25") == "12.25");
  BOOST_TEST(round_trip("007.10") == "7.10");
  BOOST_TEST(round_trip(".5") == "0.5");
  BOOST_TEST(round_trip("5.") == "5");
  BOOST_TEST(Decimal::parse("5.00")->scale() == 2);
}

BOOST_AUTO_TEST_CASE(holds_twenty_nine_significant_digits_up_to_two_to_the_96_minus_one) {
  BOOST_TEST(round_trip("79228162514264337593543950335") == "79228162514264337593543950335");  // 2^96-1
  BOOST_TEST(round_trip("-79228162514264337593543950335") == "-79228162514264337593543950335");
  BOOST_TEST(round_trip("7.9228162514264337593543950335") == "7.9228162514264337593543950335");
  BOOST_TEST(round_trip("1234567890123456789012345678.9") == "1234567890123456789012345678.9");
  BOOST_TEST(round_trip("0.0000000000000000000000000001") == "0.0000000000000000000000000001");  // scale 28
}

BOOST_AUTO_TEST_CASE(rejects_values_that_do_not_fit_exactly) {
  BOOST_TEST(round_trip("79228162514264337593543950336") == "<rejected>");  // 2^96
  BOOST_TEST(round_trip("99999999999999999999999999999") == "<rejected>");
  BOOST_TEST(round_trip("0.00000000000000000000000000001") == "<rejected>");  // scale 29, not zero
  BOOST_TEST(round_trip("1e29") == "<rejected>");
  BOOST_TEST(round_trip("1e100000") == "<rejected>");
}

BOOST_AUTO_TEST_CASE(drops_only_zeros_beyond_scale_28) {
  BOOST_TEST(round_trip("1.00000000000000000000000000000") == "1.0000000000000000000000000000");
  BOOST_TEST(round_trip("0e-40") == "0.0000000000000000000000000000");
}

BOOST_AUTO_TEST_CASE(reads_exponent_forms) {
  BOOST_TEST(round_trip("1.5e2") == "150");
  BOOST_TEST(round_trip("1.5E+2") == "150");
  BOOST_TEST(round_trip("2.50e1") == "25.0");
  BOOST_TEST(round_trip("1e-2") == "0.01");
  BOOST_TEST(round_trip("-12E-1") == "-1.2");
  BOOST_TEST(round_trip("7.9228162514264337593543950335E28") == "79228162514264337593543950335");
}

BOOST_AUTO_TEST_CASE(rejects_malformed_text) {
  for (const char* bad : {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "NaN", "Infinity",
                          "1..2", "--1", "1e5.5", "١"}) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!Decimal::parse(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(negative_zero_is_zero) {
  BOOST_TEST(round_trip("-0") == "0");
  BOOST_TEST(round_trip("-0.00") == "0.00");
  BOOST_TEST(!Decimal::parse("-0")->is_negative());
  BOOST_TEST((*Decimal::parse("-0") == Decimal()));
}

BOOST_AUTO_TEST_CASE(compares_numerically_whatever_the_scale) {
  auto d = [](const char* t) { return *Decimal::parse(t); };
  BOOST_TEST((d("2.0") == d("2")));
  BOOST_TEST((d("2.000") == d("2.0")));
  BOOST_TEST((d("0.00") == d("0")));
  BOOST_TEST((d("2.01") > d("2.0")));
  BOOST_TEST((d("-2.01") < d("-2")));
  BOOST_TEST((d("-1") < d("0.5")));
  BOOST_TEST((d("10") > d("9.99999")));
  BOOST_TEST((d("79228162514264337593543950335") > d("7922816251426433759354395033.5")));
  BOOST_TEST((d("1.5") <= d("1.50")));
  BOOST_TEST((d("1.5") >= d("1.50")));
  BOOST_TEST((d("1.5") != d("1.51")));
}

BOOST_AUTO_TEST_CASE(from_integer_is_exact_over_the_whole_int64_range) {
  BOOST_TEST(Decimal::from_integer(0).to_string() == "0");
  BOOST_TEST(Decimal::from_integer(-42).to_string() == "-42");
  BOOST_TEST(Decimal::from_integer(INT64_MAX).to_string() == "9223372036854775807");
  BOOST_TEST(Decimal::from_integer(INT64_MIN).to_string() == "-9223372036854775808");
}

// No binary floating point anywhere: digits that a double would lose survive JSON and XML.
BOOST_AUTO_TEST_CASE(values_beyond_double_precision_survive_json_and_xml_exactly) {
  using orderkit::mobile::OrderItem;
  for (const char* text :
       {"0.1", "0.30000000000000000000000001", "12345678901234567890.123456789", "79228162514264337593543950335",
        "-7.9228162514264337593543950335", "9007199254740993", "18446744073709551617", "100.000"}) {
    BOOST_TEST_CONTEXT(text) {
      std::string json = std::string("{\"CategoryId\":1,\"VoluntaryTopupAmount\":") + text + ",\"OrderDetail\":null}";
      auto item = orderkit::from_json<OrderItem>(json);
      BOOST_TEST_REQUIRE(item.ok(), orderkit::to_string(item.errors()));
      BOOST_TEST(item.value().VoluntaryTopupAmount.to_string() == text);
      // Newtonsoft always writes a decimal point: a scale-0 value gets ".0".
      std::string written = std::string(text).find('.') == std::string::npos ? std::string(text) + ".0" : text;
      BOOST_TEST(orderkit::to_json(item.value(), orderkit::Layout::compact) ==
                 "{\"CategoryId\":1,\"VoluntaryTopupAmount\":" + written + ",\"OrderDetail\":null}");

      std::string xml = orderkit::to_xml(item.value(), orderkit::Layout::compact);
      BOOST_TEST(xml.find(std::string(">") + text + "<") != std::string::npos);
      auto back = orderkit::from_xml<OrderItem>(xml);
      BOOST_TEST_REQUIRE(back.ok(), orderkit::to_string(back.errors()));
      BOOST_TEST(back.value().VoluntaryTopupAmount.to_string() == text);
    }
  }
}

BOOST_AUTO_TEST_CASE(what_the_writers_write_reads_back_for_twenty_nine_digit_integers) {
  // Found by fuzzing: "79228162514264337593543950335.0", which the JSON writer wrote for .NET's
  // decimal.MaxValue, was refused as too large (the ".0" made 30 digits).
  using orderkit::mobile::OrderItem;
  BOOST_TEST(round_trip("79228162514264337593543950335.0") == "79228162514264337593543950335");
  BOOST_TEST(round_trip("-79228162514264337593543950335.000") == "-79228162514264337593543950335");
  BOOST_TEST(round_trip("7922816251426433759354395033.50") == "7922816251426433759354395033.5");
  BOOST_TEST(round_trip("79228162514264337593543950336.0") == "<rejected>");
  BOOST_TEST(round_trip("7922816251426433759354395033.51") == "<rejected>");
  BOOST_TEST(round_trip("1.0") == "1.0");  // zeros are shed only when the value needs it
  for (const char* text :
       {"79228162514264337593543950335", "-1234567890123456789012345678", "9999999999999999999999999999"}) {
    BOOST_TEST_CONTEXT(text) {
      OrderItem item;
      item.VoluntaryTopupAmount = *Decimal::parse(text);
      std::string json = orderkit::to_json(item, orderkit::Layout::compact);
      auto back = orderkit::from_json<OrderItem>(json);
      BOOST_TEST_REQUIRE(back.ok(), orderkit::to_string(back.errors()));
      BOOST_TEST((back.value().VoluntaryTopupAmount == item.VoluntaryTopupAmount));
      BOOST_TEST(orderkit::to_json(back.value(), orderkit::Layout::compact) == json);
      // XML -> JSON -> XML, as the convert command does.
      auto from_xml = orderkit::from_xml<OrderItem>(orderkit::to_xml(item, orderkit::Layout::compact));
      BOOST_TEST_REQUIRE(from_xml.ok(), orderkit::to_string(from_xml.errors()));
      auto via_json = orderkit::from_json<OrderItem>(orderkit::to_json(from_xml.value(), orderkit::Layout::compact));
      BOOST_TEST_REQUIRE(via_json.ok(), orderkit::to_string(via_json.errors()));
      BOOST_TEST((via_json.value().VoluntaryTopupAmount == item.VoluntaryTopupAmount));
    }
  }
}

BOOST_AUTO_TEST_CASE(json_decimal_may_arrive_as_a_string_and_is_written_as_a_number) {
  auto item = orderkit::from_json<orderkit::mobile::OrderItem>("{\"VoluntaryTopupAmount\": \"12.50\"}");
  BOOST_TEST_REQUIRE(item.ok(), orderkit::to_string(item.errors()));
  BOOST_TEST(item.value().VoluntaryTopupAmount.to_string() == "12.50");
  BOOST_TEST(orderkit::to_json(item.value(), orderkit::Layout::compact).find("\"VoluntaryTopupAmount\":12.50,") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_writes_a_decimal_point_and_xml_writes_the_plain_value) {
  orderkit::mobile::OrderItem item;
  item.VoluntaryTopupAmount = Decimal::from_integer(5);
  std::string json = orderkit::to_json(item, orderkit::Layout::compact);
  std::string xml = orderkit::to_xml(item, orderkit::Layout::compact);
  BOOST_TEST(json.find("\"VoluntaryTopupAmount\":5.0") != std::string::npos);
  BOOST_TEST(xml.find("<VoluntaryTopupAmount>5</VoluntaryTopupAmount>") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
