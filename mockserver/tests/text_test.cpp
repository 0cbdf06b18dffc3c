// Text helpers: escaping for JSON and XML always gives UTF-8 (journal, log lines and error bodies
// quote whatever a client sent), percent-decoding, base64, and cutting text between characters.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <mutex>
#include <string>
#include <vector>

#include "orderkit/codec.hpp"
#include "orderkit/licenses/models.hpp"
#include "support.hpp"
#include "text.hpp"

using namespace orderkit::mock;

namespace {

// Bytes that are not UTF-8: stray continuation, invalid lead bytes, a truncated sequence, an
// overlong '/', a surrogate, a code point past U+10FFFF, and NUL and control characters.
const std::vector<std::string> kHostile = {
    "\x80",
    "a\xff"
    "b",
    "\xc3",
    "\xc0\xaf",
    "\xed\xa0\x80",
    "\xf4\x90\x80\x80",
    std::string("a\0b", 3),
    "\x01\x1f\x7f",
    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",  // valid: café € 😀
};

// An oracle independent of the code under test: nlohmann refuses to write a string that is not
// UTF-8 (type_error 316).
bool valid_utf8(const std::string& s) {
  try {
    (void)nlohmann::json(s).dump();
    return true;
  } catch (const nlohmann::json::type_error&) {
    return false;
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(json_escape_always_gives_a_valid_json_string) {
  for (const std::string& s : kHostile) {
    BOOST_TEST_CONTEXT(nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace)) {
      const std::string literal = "\"" + json_escape(s) + "\"";
      nlohmann::json parsed;
      BOOST_REQUIRE_NO_THROW(parsed = nlohmann::json::parse(literal));
      // Well-formed text comes back as it was.
      if (valid_utf8(s)) BOOST_TEST(parsed.get<std::string>() == s);
    }
  }
  BOOST_TEST(json_escape("a\xff"
                         "b") == "a\\ufffdb");
  BOOST_TEST(json_escape("\xc3\xa9") == "\xc3\xa9");
  BOOST_TEST(json_escape(std::string("\0\"\\\n", 4)) == "\\u0000\\\"\\\\\\n");
}

BOOST_AUTO_TEST_CASE(json_escape_is_the_sdks_string_escaping) {
  // The mock's journal, log lines and error bodies escape as the SDK writes JSON strings:
  // Newtonsoft's rules, which also escape the line separators JavaScript treats as line ends.
  const std::string s =
      "a\xc2\x85"
      "b\xe2\x80\xa8"
      "c\xe2\x80\xa9\x7f";
  BOOST_TEST(json_escape(s) == "a\\u0085b\\u2028c\\u2029\x7f");
  orderkit::licenses::ValidationFailure failure;
  failure.ErrorMessage = s;
  const std::string written = orderkit::to_json(failure, orderkit::Layout::compact);
  BOOST_TEST(written.find("\"" + json_escape(s) + "\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xml_escape_always_gives_utf8_xml_text) {
  for (const std::string& s : kHostile) {
    const std::string xml = xml_escape(s);
    BOOST_TEST(valid_utf8(xml));
    for (const char c : xml) BOOST_TEST((static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
  }
  BOOST_TEST(xml_escape("a\xff<") == "a\xef\xbf\xbd&lt;");
  BOOST_TEST(xml_escape("\xef\xbf\xbf") == "\xef\xbf\xbd");  // U+FFFF is no XML character
  BOOST_TEST(xml_escape("caf\xc3\xa9") == "caf\xc3\xa9");
}

BOOST_AUTO_TEST_CASE(is_utf8_agrees_with_an_independent_check) {
  for (const std::string& s : kHostile)
    BOOST_TEST(is_utf8(s) == valid_utf8(s),
               nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
}

BOOST_AUTO_TEST_CASE(utf8_boundary_never_cuts_a_character) {
  const std::string s =
      "ab\xc3\xa9"
      "c\xf0\x9f\x98\x80";                // a b é c 😀
  BOOST_TEST(utf8_boundary(s, 3) == 2u);  // inside é
  BOOST_TEST(utf8_boundary(s, 4) == 4u);  // after é
  BOOST_TEST(utf8_boundary(s, 7) == 5u);  // inside 😀
  BOOST_TEST(utf8_boundary(s, 9) == 9u);
  BOOST_TEST(utf8_boundary(s, 50) == s.size());
  for (std::size_t n = 0; n <= s.size(); ++n) BOOST_TEST(is_utf8(s.substr(0, utf8_boundary(s, n))));
}

BOOST_AUTO_TEST_CASE(base64_follows_rfc_4648) {
  // RFC 4648 section 10 test vectors.
  BOOST_TEST(base64("") == "");
  BOOST_TEST(base64("f") == "Zg==");
  BOOST_TEST(base64("fo") == "Zm8=");
  BOOST_TEST(base64("foo") == "Zm9v");
  BOOST_TEST(base64("foob") == "Zm9vYg==");
  BOOST_TEST(base64("fooba") == "Zm9vYmE=");
  BOOST_TEST(base64("foobar") == "Zm9vYmFy");
  BOOST_TEST(base64(std::string("\xff\x00\xfe", 3)) == "/wD+");
}

BOOST_AUTO_TEST_CASE(percent_decode_takes_exactly_two_hex_digits) {
  BOOST_TEST(percent_decode("a%2Fb%2fc", false) == "a/b/c");
  BOOST_TEST(percent_decode("%zz%4", false) == "%zz%4");
  BOOST_TEST(percent_decode("%+1%-1", false) == "%+1%-1");  // no sign
  BOOST_TEST(percent_decode("a+b%20c", true) == "a b c");
  BOOST_TEST(percent_decode("a+b", false) == "a+b");
  BOOST_TEST(percent_decode("%FF", false) == "\xff");
}

BOOST_AUTO_TEST_CASE(the_journal_and_the_log_stay_valid_utf8_json_for_any_bytes) {
  orderkit::mock::MockOptions options;
  std::mutex mutex;
  std::vector<std::string> lines;
  options.log = orderkit::mock::LogFormat::json;
  options.log_sink = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex);
    lines.push_back(line);
  };
  mock_test::Server server(options);
  const std::string binary("PK\x03\x04\x00\xff\xfe\x80 binary", 16);
  // A binary body, and a path and header that decode to bytes that are not UTF-8.
  const std::string request =
      "POST /mobile/api/orders%FF%C3?q=%FF HTTP/1.1\r\nHost: localhost\r\nX-Note: caf\xe9\r\n"
      "Content-Type: application/octet-stream\r\nContent-Length: " +
      std::to_string(binary.size()) + "\r\nConnection: close\r\n\r\n" + binary;
  BOOST_TEST(mock_test::raw_status(mock_test::raw_exchange(server.port(), request)) == 404);

  auto journal = server.client().Get("/__admin/requests");
  BOOST_REQUIRE(journal);
  BOOST_TEST(valid_utf8(journal->body));
  nlohmann::json parsed;
  BOOST_REQUIRE_NO_THROW(parsed = nlohmann::json::parse(journal->body));
  const nlohmann::json& entry = parsed.at("requests").at(0);
  BOOST_TEST(entry.at("bodyEncoding") == "base64");
  BOOST_TEST(entry.at("body") == base64(binary));  // every byte kept
  BOOST_TEST(entry.at("path") == "/mobile/api/orders\xef\xbf\xbd\xef\xbf\xbd");
  BOOST_TEST(entry.at("headers").at("X-Note") == "caf\xef\xbf\xbd");

  std::lock_guard<std::mutex> lock(mutex);
  BOOST_REQUIRE(!lines.empty());
  for (const std::string& line : lines) BOOST_CHECK_NO_THROW(nlohmann::json::parse(line));
  BOOST_TEST(nlohmann::json::parse(lines[0]).at("path") == "/mobile/api/orders\xef\xbf\xbd\xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(a_text_body_is_journaled_as_text_and_cut_between_characters) {
  orderkit::mock::MockOptions options;
  options.journal_body_bytes = 7;
  orderkit::mock::MockState state(options);
  orderkit::mock::MockRequest request;
  request.method = "POST";
  request.path = "/licenses/api/order/data";
  request.headers.emplace("Content-Type", "application/json");
  request.body = "{\"\xc3\xa9\xc3\xa9\xc3\xa9\":1}";  // a 7-byte cut falls inside the third é
  state.handle(request);
  const nlohmann::json entry = nlohmann::json::parse(state.journal_json()).at("requests").at(0);
  BOOST_TEST(entry.at("bodyEncoding") == "utf-8");
  BOOST_TEST(entry.at("body") == "{\"\xc3\xa9\xc3\xa9");
  BOOST_TEST(entry.at("bodyTruncated") == true);
  BOOST_TEST(entry.at("bodyBytes") == request.body.size());
}

BOOST_AUTO_TEST_SUITE_END()
