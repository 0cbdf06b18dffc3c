// DateTime: keeps the exact .NET round-trip text it was given, and rejects impossible dates.
#include <boost/test/unit_test.hpp>

#include <string>

#include "orderkit/core/datetime.hpp"

using orderkit::DateTime;

BOOST_AUTO_TEST_SUITE(datetime)

BOOST_AUTO_TEST_CASE(keeps_every_round_trip_text_dotnet_writes) {
  for (const char* text :
       {"2026-04-09T14:21:11.4460179+02:00", "2025-04-28T00:58:52.698315+02:00", "2026-04-09T14:21:11.4460179Z",
        "2026-04-09T14:21:11Z", "2026-04-09T14:21:11", "2026-04-09T14:21:11.5", "2026-04-09T14:21:11.44-05:30",
        "2026-04-09", "0001-01-01T00:00:00", "9999-12-31T23:59:59.9999999+14:00", "2026-04-09T14:21:11-14:00",
        "2026-04-09T14:21:11+00:00"}) {
    BOOST_TEST_CONTEXT(text) {
      auto d = DateTime::parse(text);
      BOOST_TEST_REQUIRE(d.has_value());
      BOOST_TEST(d->text() == text);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_time_without_seconds_is_kept_with_them) {
  // .NET never writes one, and XML (xsd:dateTime) refuses it: the text gains ":00".
  BOOST_TEST(DateTime::parse("2026-04-09T14:21")->text() == "2026-04-09T14:21:00");
  BOOST_TEST(DateTime::parse("2026-04-09T14:21+02:00")->text() == "2026-04-09T14:21:00+02:00");
  BOOST_TEST(DateTime::parse("2026-04-09T14:21Z")->text() == "2026-04-09T14:21:00Z");
  BOOST_TEST((DateTime::parse("2026-04-09T14:21:00").value() == DateTime::parse("2026-04-09T14:21").value()));
}

BOOST_AUTO_TEST_CASE(exposes_the_components) {
  auto d = DateTime::parse("2026-04-09T14:21:11.4460179+02:00");
  BOOST_TEST_REQUIRE(d.has_value());
  BOOST_TEST(d->year() == 2026);
  BOOST_TEST(d->month() == 4);
  BOOST_TEST(d->day() == 9);
  BOOST_TEST(d->hour() == 14);
  BOOST_TEST(d->minute() == 21);
  BOOST_TEST(d->second() == 11);
  BOOST_TEST(d->fraction_ticks() == 4460179u);
  BOOST_TEST((d->kind() == DateTime::Kind::offset));
  BOOST_TEST(d->offset_minutes() == 120);

  auto fewer = DateTime::parse("2025-04-28T00:58:52.698315-03:30");
  BOOST_TEST(fewer->fraction_ticks() == 6983150u);  // six digits: ticks are 100 ns
  BOOST_TEST(fewer->offset_minutes() == -210);
  BOOST_TEST((DateTime::parse("2026-04-09T14:21:11Z")->kind() == DateTime::Kind::utc));
  BOOST_TEST((DateTime::parse("2026-04-09T14:21:11")->kind() == DateTime::Kind::unspecified));
  auto date_only = DateTime::parse("2026-04-09");
  BOOST_TEST(date_only->hour() == 0);
  BOOST_TEST((date_only->kind() == DateTime::Kind::unspecified));
}

BOOST_AUTO_TEST_CASE(leap_days_follow_the_gregorian_rules) {
  BOOST_TEST(DateTime::parse("2024-02-29").has_value());
  BOOST_TEST(DateTime::parse("2000-02-29T00:00:00").has_value());
  BOOST_TEST(!DateTime::parse("2025-02-29").has_value());
  BOOST_TEST(!DateTime::parse("1900-02-29").has_value());
  BOOST_TEST(!DateTime::parse("2024-02-30").has_value());
  BOOST_TEST(!DateTime::parse("2026-04-31").has_value());
  BOOST_TEST(DateTime::parse("2026-12-31").has_value());
}

BOOST_AUTO_TEST_CASE(rejects_impossible_or_malformed_texts) {
  for (const char* bad : {"",
                          "garbage",
                          "2026",
                          "2026-04",
                          "2026-4-9",
                          "2026-04-9",
                          "26-04-09",
                          "0000-01-01",
                          "2026-00-10",
                          "2026-13-01",
                          "2026-04-00",
                          "2026-04-09T24:00:00",
                          "2026-04-09T23:60:00",
                          "2026-04-09T23:59:60",
                          "2026-04-09T14:21:11.12345678",
                          "2026-04-09T14:21:11.",
                          "2026-04-09T14:21:11+14:01",
                          "2026-04-09T14:21:11+15:00",
                          "2026-04-09T14:21:11-14:30",
                          "2026-04-09T14:21:11+02",
                          "2026-04-09T14:21:11+0200",
                          "2026-04-09T14:21:11+02:60",
                          "2026-04-09T14",
                          "2026-04-09T14:2",
                          "2026-04-09 14:21:11",
                          "2026-04-09T14:21:11ZZ",
                          "2026-04-09T14:21:11 ",
                          " 2026-04-09",
                          "2026-04-09T",
                          "2026/04/09",
                          "2026-04-09t14:21:11",
                          "2026-04-09T14:21:11.44600x"}) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!DateTime::parse(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(equality_is_equality_of_the_written_text) {
  BOOST_TEST((*DateTime::parse("2026-04-09T14:21:11Z") == *DateTime::parse("2026-04-09T14:21:11Z")));
  // The same instant written differently is a different value: it would be sent differently.
  BOOST_TEST((*DateTime::parse("2026-04-09T14:21:11Z") != *DateTime::parse("2026-04-09T16:21:11+02:00")));
  BOOST_TEST((*DateTime::parse("2026-04-09T14:21:11.5") != *DateTime::parse("2026-04-09T14:21:11.50")));
}

BOOST_AUTO_TEST_CASE(default_is_dotnet_min_value) {
  DateTime d;
  BOOST_TEST(d.text() == "0001-01-01T00:00:00");
  BOOST_TEST(d.year() == 1);
  BOOST_TEST((d == *DateTime::parse("0001-01-01T00:00:00")));
}

BOOST_AUTO_TEST_SUITE_END()
