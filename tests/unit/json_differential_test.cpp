// The SDK's JSON reader against the one it replaced, nlohmann's strict SAX parser driving the same
// decoder (tests/support/json_oracle.cpp): on the robustness suite's mutated samples, on
// truncations, byte changes and mutations of every JSON sample, and on a list of the grammar's
// corners, the two must decode the same value or report the same errors, and refuse the same
// documents as not well-formed (each with its own wording of the syntax error).
#include <boost/test/unit_test.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "differential.hpp"
#include "fixtures.hpp"
#include "json_oracle.hpp"
#include "model_check.hpp"
#include "mutation.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;
using test::errors_text;

namespace {

struct Tally {
  int same_value = 0, same_errors = 0, both_malformed = 0, stricter = 0, beyond_double = 0, differ = 0;
};

// The listed differences. First: nlohmann's lexer takes a NUL byte for the end of the input, so
// it reads "{...}\0anything" as "{...}" and drops the rest unread; the SDK's reader refuses the
// NUL as a byte that does not belong there.
template <class T>
bool refused_nul(const Result<T>& ours, const std::string& doc) {
  if (ours.ok()) return false;
  const std::string& message = ours.errors().front().message;
  auto at = message.find("(offset ");
  if (message.find("byte 0x00") == std::string::npos || at == std::string::npos) return false;
  std::size_t offset = std::stoul(message.substr(at + 8));
  return offset < doc.size() && doc[offset] == '\0';
}

// Second: nlohmann refuses a number beyond a double (1e400) as malformed JSON; the SDK's reader
// hands it to the field, whose type decides, as Newtonsoft does (the .NET oracle's acceptance
// suite): an integer or a decimal refuses it by name, a string keeps its text.
template <class T>
bool refused_beyond_double(const Result<T>& oracle, const Result<T>& ours) {
  if (oracle.ok() || oracle.errors().front().message.find("number overflow") == std::string::npos) return false;
  for (const FieldError& e : ours.errors())
    if (e.code == "syntax") return false;
  return true;
}

template <class T>
bool malformed(const Result<T>& r) {
  return !r.ok() && r.errors().size() == 1 && r.errors().front().code == "syntax";
}

template <class T>
std::string answer(const Result<T>& r) {
  return r.ok() ? to_json(r.value(), Layout::compact) : errors_text(r.errors());
}

// Decodes `doc` as T with both readers; any disagreement fails the test.
template <class T>
void compare(const std::string& doc, const std::string& label, Tally& tally) {
  Result<T> oracle = test::oracle::from_json<T>(doc);
  Result<T> ours = from_json<T>(doc);
  if (oracle.ok() && ours.ok() && oracle.value() == ours.value() &&
      to_json(oracle.value(), Layout::compact) == to_json(ours.value(), Layout::compact)) {
    ++tally.same_value;
  } else if (malformed(oracle) && malformed(ours)) {
    ++tally.both_malformed;
  } else if (!oracle.ok() && !ours.ok() && errors_text(oracle.errors()) == errors_text(ours.errors())) {
    ++tally.same_errors;
  } else if (oracle.ok() && refused_nul(ours, doc)) {
    ++tally.stricter;
  } else if (refused_beyond_double(oracle, ours)) {
    ++tally.beyond_double;
  } else {
    ++tally.differ;
    BOOST_ERROR(label << ": the readers disagree\nnlohmann: " << answer(oracle) << "\nours:     " << answer(ours));
  }
}

using Compare = std::function<void(const std::string&, const std::string&, Tally&)>;

// Every JSON sample's model, by fixture name (002's text/html samples are compact JSON).
const std::map<std::string, Compare>& decoders() {
  static const std::map<std::string, Compare> all = {
      {"broadband/OrderNew.request.json", compare<broadband::OrderNew>},
      {"broadband/OrderNew.response.json", compare<broadband::OrderNew>},
      {"contracts/OrderBase.response.json", compare<contracts::OrderBase>},
      {"licenses/OrderRequest.request.json", compare<licenses::OrderRequest>},
      {"licenses/ValidationResult.response.json", compare<licenses::ValidationResult>},
      {"mobile/OrderCreationRequest.request.json", compare<mobile::OrderCreationRequest>},
      {"mobile/OrderCreationRequest.request.html", compare<mobile::OrderCreationRequest>},
      {"mobile/OrderDetailResult[].response.json", compare<std::vector<mobile::OrderDetailResult>>},
      {"mobile/OrderDetailResult[].response.html", compare<std::vector<mobile::OrderDetailResult>>},
  };
  return all;
}

void report(const Tally& t) {
  BOOST_TEST_MESSAGE("same value " << t.same_value << ", same errors " << t.same_errors << ", both malformed "
                                   << t.both_malformed << ", refused NUL " << t.stricter
                                   << ", numbers beyond a double read " << t.beyond_double);
}

std::string with(std::string doc, const std::string& from, const std::string& to) {
  auto at = doc.find(from);
  BOOST_TEST_REQUIRE(at != std::string::npos, from);
  return doc.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_differential)

BOOST_AUTO_TEST_CASE(every_json_sample_has_a_decoder_here) {
  test::check_a_decoder_per_fixture(decoders(), Format::json);
}

BOOST_AUTO_TEST_CASE(truncated_changed_and_mutated_samples_decode_alike) {
  Tally tally;
  test::Random rnd(20261124);
  test::compare_variants(decoders(), rnd, tally);
  report(tally);
  BOOST_TEST(tally.differ == 0);
  BOOST_TEST(tally.same_value > 300);
  BOOST_TEST(tally.same_errors > 100);
  BOOST_TEST(tally.both_malformed > 1000);
}

// The grammar's corners, as a member the model does not know (read, checked and skipped) and as
// the values of an integer, a decimal and a string field.
BOOST_AUTO_TEST_CASE(the_grammars_corners_decode_alike) {
  const std::string base = test::fixture("mobile/OrderCreationRequest.request.json").text;
  const std::string values[] = {
      // numbers
      "0",
      "-0",
      "1",
      "-1",
      "01",
      "-01",
      "00",
      "1.",
      ".5",
      "1.5",
      "-1.5",
      "1e5",
      "1E+5",
      "1e-5",
      "1e",
      "1e+",
      "-",
      "+1",
      "2147483647",
      "2147483648",
      "-2147483649",
      "9223372036854775807",
      "9223372036854775808",
      "-9223372036854775808",
      "-9223372036854775809",
      "18446744073709551615",
      "18446744073709551616",
      "99999999999999999999999999999",
      "0.0000000000000000000000000000001",
      "1e308",
      "1e309",
      "-1e309",
      "1e-400",
      "1.7976931348623157e308",
      "1.7976931348623159e308",
      "179769313486231570000" + std::string(288, '0'),
      "1" + std::string(309, '0'),
      "0." + std::string(400, '0') + "1e709",
      // halfway between the largest double and 2^1024 (rounds to infinity), and just below it
      "1.79769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096"
      "330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730"
      "270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497"
      "792e308",
      "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070963"
      "302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757302"
      "700698555713669596228429148198608349364752927190741684443655107043427115596995080930428801779041744977"
      "91",
      "1.7976931348623158079372897140530341507993413271003782693617377898044496829276475094664901797758720709"
      "63302864166928879109465555478519404026306574886715058206819089020007083836762738548458177115317644757"
      "30270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174"
      "4977920000001e308",
      "0.1e310",
      "10e307",
      "1e99999999999999999999",
      "1e-99999999999999999999",
      "1.5e2",
      "NaN",
      "Infinity",
      "0x10",
      "1_000",
      // literals
      "true",
      "false",
      "null",
      "tru",
      "nul",
      "True",
      "NULL",
      "truex",
      "nullnull",
      // strings
      "\"\"",
      "\"plain\"",
      "\"a\\\"b\"",
      "\"\\\\\"",
      "\"\\/\"",
      "\"\\b\\f\\n\\r\\t\"",
      "\"\\u0041\"",
      "\"\\u00e9\"",
      "\"\\u0000\"",
      "\"\\uD83D\\uDE00\"",
      "\"\\ud83d\\ude00\"",
      "\"\\uD83D\"",
      "\"\\uDE00\"",
      "\"\\uD83Dx\"",
      "\"\\uD83D\\u0041\"",
      "\"\\u12\"",
      "\"\\u12G4\"",
      "\"\\x41\"",
      "\"\\'\"",
      "\"a\tb\"",
      "\"a\nb\"",
      std::string("\"a\0b\"", 5),
      "\"\x7f\"",
      "\"\xc3\xa9\"",
      "\"\xc3\"",
      "\"\xc0\x80\"",
      "\"\xed\xa0\x80\"",
      "\"\xf4\x8f\xbf\xbf\"",
      "\"\xf4\x90\x80\x80\"",
      "\"\xf5\x80\x80\x80\"",
      "\"\xe2\x82\"",
      "\"\xff\"",
      "\"unclosed",
      "'single'",
      // containers
      "[]",
      "{}",
      "[1,2]",
      "[1,]",
      "[,1]",
      "[1 2]",
      "{\"a\":1}",
      "{\"a\":1,}",
      "{\"a\" 1}",
      "{a:1}",
      "{\"a\":}",
      "{1:2}",
      "[[[[[[]]]]]]",
      "[" + std::string(5000, '[') + std::string(5000, ']') + "]",
      std::string(5000, '['),
      "{\"a\":{\"b\":[{}]}}",
      "[\"x\"",
      "{\"a\"",
  };
  const char* slots[] = {"\"X\": ", "\"CategoryId\": ", "\"VoluntaryTopupAmount\": ", "\"DonorAccountNumber\": "};
  const std::string originals[] = {"", "\"CategoryId\": 1", "\"VoluntaryTopupAmount\": 2.0",
                                   "\"DonorAccountNumber\": \"sample string 1\""};
  Tally tally;
  for (const std::string& value : values) {
    for (int s = 0; s < 4; ++s) {
      std::string doc = s == 0 ? with(base, "{", "{" + std::string(slots[0]) + value + ",")
                               : with(base, originals[s], slots[s] + value);
      compare<mobile::OrderCreationRequest>(doc, std::string(slots[s]) + value.substr(0, 40), tally);
    }
  }
  report(tally);
  BOOST_TEST(tally.differ == 0);
  BOOST_TEST(tally.same_value > 80);
  BOOST_TEST(tally.same_errors > 50);
  BOOST_TEST(tally.both_malformed > 100);
  // 1e309, -1e309, 1.7976931348623159e308, 1 and 309 zeros, the halfway value and one above it,
  // 0.1e310, 1e99999999999999999999: in every slot.
  BOOST_TEST(tally.beyond_double == 8 * 4);
}

// The reader skips a string's plain bytes eight at a time: every byte that ends a plain run, at
// every place within and across those words, and strings that end before, at and after one.
BOOST_AUTO_TEST_CASE(a_strings_special_bytes_read_alike_wherever_they_sit) {
  const std::string base = test::fixture("mobile/OrderCreationRequest.request.json").text;
  const std::string original = "\"DonorAccountNumber\": \"sample string 1\"";
  const std::string specials[] = {
      "",     "\\\"", "\\\\",         "\\u00e9",  "\\n",          "\\x",
      "\x1f", "\t",   "\x7f",         "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
      "\xc3", "\xff", "\xed\xa0\x80", "\x80",     "\"",
  };
  Tally tally;
  for (const std::string& special : specials) {
    for (std::size_t before = 0; before <= 17; ++before) {
      for (std::size_t after : {0, 1, 6, 7, 8, 9, 15}) {
        const std::string value = std::string(before, 'a') + special + std::string(after, 'z');
        compare<mobile::OrderCreationRequest>(with(base, original, "\"DonorAccountNumber\": \"" + value + "\""),
                                              "special " + std::to_string(&special - specials) + " after " +
                                                  std::to_string(before) + " bytes, then " + std::to_string(after),
                                              tally);
      }
    }
  }
  report(tally);
  BOOST_TEST(tally.differ == 0);
  BOOST_TEST(tally.same_value > 1000);     // plain, escapes, control characters' neighbours, UTF-8
  BOOST_TEST(tally.both_malformed > 500);  // raw control characters, bytes that are not UTF-8, \\x, early quotes
}

// The reader skips runs of spaces eight at a time: the sample indented with every width of run,
// around and between the words, and with the other white space mixed in.
BOOST_AUTO_TEST_CASE(white_space_of_every_width_reads_alike) {
  const std::string base = test::fixture("mobile/OrderCreationRequest.request.json").text;
  // Every line's indentation replaced by `indent`, and the space after each colon by `colon`.
  auto reindent = [&](const std::string& indent, const std::string& colon) {
    std::string out;
    bool line_start = true;
    for (std::size_t i = 0; i < base.size(); ++i) {
      const char c = base[i];
      if (line_start && c == ' ') continue;
      line_start = c == '\n';
      if (c == ':' && i + 1 < base.size() && base[i + 1] == ' ') {
        out += ":" + colon;
        ++i;
        continue;
      }
      out += c;
      if (line_start) out += indent;
    }
    return out;
  };
  Tally tally;
  for (std::size_t width = 0; width <= 17; ++width) {
    const std::string run(width, ' ');
    const std::string label = std::to_string(width) + " spaces";
    compare<mobile::OrderCreationRequest>(reindent(run, run), label, tally);
    compare<mobile::OrderCreationRequest>(reindent(run + "\t" + run, "\r\n" + run), label + " around a tab", tally);
    compare<mobile::OrderCreationRequest>(reindent(run + "\f", run), label + ", then a form feed", tally);
    compare<mobile::OrderCreationRequest>(reindent(run + "\xc2\xa0", " "), label + ", then U+00A0", tally);
  }
  report(tally);
  BOOST_TEST(tally.differ == 0);
  BOOST_TEST(tally.same_value == 36);      // spaces, tabs, CR and LF are white space
  BOOST_TEST(tally.both_malformed == 36);  // a form feed or U+00A0 is not
}

BOOST_AUTO_TEST_CASE(the_document_around_the_value_reads_alike) {
  const std::string base = test::fixture("licenses/ValidationResult.response.json").text;
  const std::string docs[] = {
      "",
      " ",
      "\n\t\r ",
      "\xEF\xBB\xBF" + base,
      "\xEF\xBB" + base,
      "\xEF" + base,
      " \xEF\xBB\xBF" + base,
      base + " \n",
      base + "x",
      base + base,
      base + std::string(1, '\0'),
      std::string(1, '\0') + base,
      "\v" + base,
      base + "\f",
      "\xC2\xA0" + base,
      "[" + base + "]",
      "null",
      "1",
      "\"x\"",
      "{\"errors\": [], \"errors\": null}",
      "{\"errors\": [], \"errors\": [{}]}",
  };
  Tally tally;
  int i = 0;
  for (const std::string& doc : docs)
    compare<licenses::ValidationResult>(doc, "document " + std::to_string(i++), tally);
  report(tally);
  BOOST_TEST(tally.differ == 0);
  BOOST_TEST(tally.same_value >= 3);
  BOOST_TEST(tally.both_malformed >= 10);
  BOOST_TEST(tally.stricter == 1);  // base + NUL: see refused_nul
}

BOOST_AUTO_TEST_SUITE_END()
