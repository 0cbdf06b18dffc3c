// Guid: accepts the forms Guid.Parse accepts, writes .NET's lower-case "D" form.
#include <boost/test/unit_test.hpp>

#include <string>

#include "orderkit/core/guid.hpp"

using orderkit::Guid;

BOOST_AUTO_TEST_SUITE(guid)

BOOST_AUTO_TEST_CASE(parses_d_n_b_and_p_forms_in_any_case) {
  const std::string expected = "7a320186-cd4f-4cf0-8ced-754e90e1d009";
  for (const char* text : {"7a320186-cd4f-4cf0-8ced-754e90e1d009", "7A320186-CD4F-4CF0-8CED-754E90E1D009",
                           "7a320186cd4f4cf08ced754e90e1d009", "{7a320186-cd4f-4cf0-8ced-754e90e1d009}",
                           "(7a320186-CD4F-4cf0-8ced-754e90e1d009)", "7A320186cd4f4CF08ced754e90e1d009"}) {
    BOOST_TEST_CONTEXT(text) {
      auto g = Guid::parse(text);
      BOOST_TEST_REQUIRE(g.has_value());
      BOOST_TEST(g->to_string() == expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(rejects_malformed_guids) {
  for (const char* bad : {"", "7a320186-cd4f-4cf0-8ced-754e90e1d00", "7a320186-cd4f-4cf0-8ced-754e90e1d0099",
                          "7a320186-cd4f-4cf0-8ced-754e90e1d00g", "7a320186cd4f-4cf0-8ced-754e90e1d009-",
                          "7a3201-86cd4f-4cf0-8ced-754e90e1d009", "{7a320186-cd4f-4cf0-8ced-754e90e1d009)",
                          "{7a320186cd4f4cf08ced754e90e1d009}", "7a320186_cd4f_4cf0_8ced_754e90e1d009",
                          " 7a320186-cd4f-4cf0-8ced-754e90e1d009", "7a320186-cd4f-4cf0-8ced-754e90e1d009 ",
                          "{0x7a320186,0xcd4f,0x4cf0,{0x8c,0xed,0x75,0x4e,0x90,0xe1,0xd0,0x09}}",
                          "7a320186-cd4f-4cf0-8ced-754e90e1d0\xc3\xa9", "+a320186-cd4f-4cf0-8ced-754e90e1d009"}) {
    BOOST_TEST_CONTEXT("'" << bad << "'") { BOOST_TEST(!Guid::parse(bad).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(formats_as_lower_case_d_and_compares_by_value) {
  auto a = Guid::parse("ADADF5AF-8A09-4CAC-8DFB-787C2303E3E5");
  auto b = Guid::parse("adadf5af8a094cac8dfb787c2303e3e5");
  BOOST_TEST(a->to_string() == "adadf5af-8a09-4cac-8dfb-787c2303e3e5");
  BOOST_TEST((*a == *b));
  BOOST_TEST((*a != Guid()));
  BOOST_TEST(a->bytes()[0] == 0xad);
  BOOST_TEST(a->bytes()[15] == 0xe5);
}

BOOST_AUTO_TEST_CASE(default_is_the_empty_guid) {
  Guid g;
  BOOST_TEST(g.is_empty());
  BOOST_TEST(g.to_string() == "00000000-0000-0000-0000-000000000000");
  BOOST_TEST(Guid::parse("00000000-0000-0000-0000-000000000000")->is_empty());
  BOOST_TEST(!Guid::parse("00000000-0000-0000-0000-000000000001")->is_empty());
}

BOOST_AUTO_TEST_SUITE_END()
