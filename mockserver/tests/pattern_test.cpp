// The stubs' regular expressions (pattern.hpp): every syntax element against subjects with known
// answers, the refusals and their messages, std::regex (ECMAScript) as the oracle over generated
// small patterns, and the patterns that make a backtracking engine take exponential time, which
// must simply answer (a hang shows as ctest's timeout; no timing is asserted).
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "pattern.hpp"

using orderkit::mock::Pattern;

namespace {

struct Case {
  const char* pattern;
  std::string subject;
  bool matches;
  bool icase = false;
};

// The compiled pattern; a refusal fails the test with its message.
Pattern compiled(const std::string& pattern, bool icase = false) {
  auto result = Pattern::compile(pattern, icase);
  if (const auto* why = std::get_if<std::string>(&result)) {
    BOOST_TEST_REQUIRE(false, "/" << pattern << "/ was refused: " << *why);
  }
  return std::get<Pattern>(std::move(result));
}

std::string refusal(const std::string& pattern) {
  auto result = Pattern::compile(pattern, false);
  const auto* why = std::get_if<std::string>(&result);
  return why ? *why : "";
}

const std::vector<Case> kCases = {
    // Literals, the empty pattern, and whole-value matching.
    {"abc", "abc", true},
    {"abc", "abcd", false},
    {"abc", "ab", false},
    {"", "", true},
    {"", "a", false},
    {"caf\xc3\xa9", "caf\xc3\xa9", true},  // bytes above 0x7F are literals
    {"]}", "]}", true},                    // ']' and '}' alone are literals
    // '.' is any byte but line ends.
    {"a.c", "abc", true},
    {"a.c",
     "a\xff"
     "c",
     true},
    {"a.c", "a\nc", false},
    {"a.c", "a\rc", false},
    {"...", "ab", false},
    // Escapes.
    {"\\d\\d", "42", true},
    {"\\d", "x", false},
    {"\\D", "x", true},
    {"\\D", "4", false},
    {"\\w+", "Az_09", true},
    {"\\w", "-", false},
    {"\\W", "-", true},
    {"\\s\\s\\s\\s\\s\\s", " \t\n\v\f\r", true},
    {"\\s", "x", false},
    {"\\S", "x", true},
    {"\\t\\n\\r\\f\\v", "\t\n\r\f\v", true},
    {"a\\0b", std::string("a\0b", 3), true},
    {"\\x41\\x7e", "A~", true},
    {"\\.\\\\\\/\\-\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$", ".\\/-*+?()[]{}|^$", true},
    {"a\\.c", "abc", false},
    // Classes: ranges, negation, escapes inside, '-' and ']' placement.
    {"[abc]", "b", true},
    {"[abc]", "d", false},
    {"[a-f0-9]+", "c0ffee", true},
    {"[a-f]", "g", false},
    {"[^a-f]", "g", true},
    {"[^a-f]", "a", false},
    {"[^\\n]", "\n", false},
    {"[\\d.]+", "1.5", true},
    {"[\\w-]+", "a-b_c", true},
    {"[-a]", "-", true},
    {"[a-]", "-", true},
    {"[\\]]", "]", true},
    {"[\\^]", "^", true},
    {"[a^]", "^", true},
    {"[\\b]", "\b", true},
    {"[\\x30-\\x39]", "7", true},
    {"[\\s]", " ", true},
    {"[\\S]", " ", false},
    {"[]", "a", false},   // ECMAScript: the empty class matches nothing
    {"[^]", "\n", true},  // and its negation any byte
    // Groups and alternation.
    {"(ab)+", "ababab", true},
    {"(ab)+", "aba", false},
    {"(?:ab|cd)*", "abcdab", true},
    {"a|b|c", "c", true},
    {"a|b|c", "d", false},
    {"ab|cd", "abd", false},
    {"a(|b)c", "ac", true},
    {"a(|b)c", "abc", true},
    {"()", "", true},
    {"(a|ab)(c|bcd)", "abcd", true},
    {"((a))", "a", true},
    // Quantifiers, greedy and lazy (the same answer for a whole match).
    {"a*", "", true},
    {"a*", "aaa", true},
    {"a+", "", false},
    {"a+", "aa", true},
    {"a?b", "b", true},
    {"a?b", "aab", false},
    {"a*?b", "aab", true},
    {"a+?", "aaa", true},
    {"a??b", "ab", true},
    {"a{3}", "aaa", true},
    {"a{3}", "aa", false},
    {"a{3}", "aaaa", false},
    {"a{2,}", "a", false},
    {"a{2,}", "aaaaa", true},
    {"a{2,3}", "aaa", true},
    {"a{2,3}", "aaaa", false},
    {"a{0,2}", "", true},
    {"a{0}", "", true},
    {"a{2,3}?", "aa", true},
    {"(ab){2}", "abab", true},
    {"(a|b){1,2}c", "bac", true},
    {"(a*)*", "aaa", true},
    {"(a*)+b", "b", true},
    {"(a?){3}", "a", true},
    {"\\d{4}-\\d{2}-\\d{2}", "2026-01-02", true},
    {"a{1000}", std::string(1000, 'a'), true},
    {"a{1000}", std::string(999, 'a'), false},
    // Anchors: only at the start and the end (no multiline).
    {"^abc$", "abc", true},
    {"^a|b$", "b", true},
    {"a^b", "ab", false},
    {"a$b", "ab", false},
    {"a\\n^b", "a\nb", false},
    {"(^a)*", "a", true},
    {"x*$", "", true},
    // Word boundaries.
    {"\\bab\\b", "ab", true},
    {"a\\bb", "ab", false},
    {"a\\Bb", "ab", true},
    {"a \\bb", "a b", true},
    {"a\\b ", "a ", true},
    {"\\B", "", true},
    {"\\b", "", false},
    // icase: ASCII letters only, in literals, classes, negated classes and ranges.
    {"abc", "AbC", true, true},
    {"abc", "AbC", false},
    {"[a-c]+", "ABC", true, true},
    {"[A-C]+", "abc", true, true},
    {"[^a]", "A", false, true},
    {"[^a]", "B", true, true},
    {"\\x41", "a", true, true},
    {"caf\xc3\xa9", "CAF\xc3\xa9", true, true},
    {"caf\xc3\xa9", "CAF\xc3\x89", false, true},  // É is not folded: bytes, not code points
    {"[_-z]", "A", false},                        // between '_' and 'z' there are only lower case letters
    {"[_-z]", "A", true, true},
    // A path pattern as stubs use them.
    {"/mobile/api/orders(/\\d+)?", "/MOBILE/api/orders/42", true, true},
    {".*@blocked\\.example", "ada@blocked.example", true},
    {".*@blocked\\.example", "ada@blocked.example.org", false},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pattern)

BOOST_AUTO_TEST_CASE(every_syntax_element_matches_as_in_ecmascript) {
  for (const Case& c : kCases) {
    const Pattern p = compiled(c.pattern, c.icase);
    BOOST_TEST(p.full_match(c.subject) == c.matches,
               "/" << c.pattern << "/" << (c.icase ? "i" : "") << " on \"" << c.subject << "\"");
  }
}

BOOST_AUTO_TEST_CASE(what_a_linear_matcher_cannot_do_is_refused_with_the_reason) {
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"(a)\\1", "backreferences (\\1) are not supported at offset 3"},
      {"(?<n>a)\\k<n>", "named groups ((?<name>...)) are not supported; write (...) or (?:...) at offset 0"},
      {"a\\k<n>", "named backreferences (\\k<name>) are not supported at offset 1"},
      {"a(?=b)", "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported at offset 1"},
      {"a(?!b)", "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported at offset 1"},
      {"(?<=a)b", "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported at offset 0"},
      {"(?<!a)b", "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported at offset 0"},
      {"(?i)a", "'(?' starts no known group; write (...) or (?:...) at offset 0"},
      {"(ab", "'(' is never closed at offset 0"},
      {"((a)", "'(' is never closed at offset 0"},
      {"ab)", "')' closes no group at offset 2"},
      {"[ab", "'[' is never closed at offset 0"},
      {"[", "'[' is never closed at offset 0"},
      {"*a", "a quantifier with nothing to repeat at offset 0"},
      {"a|+", "a quantifier with nothing to repeat at offset 2"},
      {"(?)", "'(?' starts no known group; write (...) or (?:...) at offset 0"},
      {"(*)", "a quantifier with nothing to repeat at offset 1"},
      {"a**", "a quantifier with nothing to repeat at offset 2"},
      {"a{2}{3}", "a quantifier with nothing to repeat at offset 4"},
      {"a???", "a quantifier with nothing to repeat at offset 3"},
      {"{2}", "a quantifier with nothing to repeat at offset 0"},
      {"f?]*******************", "a quantifier with nothing to repeat at offset 4"},
      {"^*", "an assertion (^, $, \\b, \\B) cannot be repeated at offset 0"},
      {"a\\b+", "an assertion (^, $, \\b, \\B) cannot be repeated at offset 1"},
      {"a{3,2}", "a repeat count {m,n} with m greater than n at offset 1"},
      {"a{1001}", "a repeat count over 1000 at offset 1"},
      {"a{0,99999999999999999999}", "a repeat count over 1000 at offset 1"},
      {"a{", "'{' starts no repeat count {n}, {n,} or {n,m} (write \\{ for a brace) at offset 1"},
      {"a{x}", "'{' starts no repeat count {n}, {n,} or {n,m} (write \\{ for a brace) at offset 1"},
      {"a{,2}", "'{' starts no repeat count {n}, {n,} or {n,m} (write \\{ for a brace) at offset 1"},
      {"a{1,2", "'{' starts no repeat count {n}, {n,} or {n,m} (write \\{ for a brace) at offset 1"},
      {"{", "'{' starts no repeat count {n}, {n,} or {n,m} (write \\{ for a brace) at offset 0"},
      {"[z-a]", "a range out of order in a class at offset 1"},
      {"[\\d-z]", "a range in a class that starts or ends with \\d, \\w or \\s at offset 1"},
      {"a\\", "a backslash that escapes nothing at offset 1"},
      {"[a\\", "a backslash that escapes nothing at offset 2"},
      {"\\q", "the escape \\q is not supported (escape only punctuation) at offset 0"},
      {"\\u0041", "the escape \\u is not supported (escape only punctuation) at offset 0"},
      {"\\x4", "\\x needs two hexadecimal digits at offset 0"},
      {"\\01", "octal escapes are not supported; write \\xHH at offset 0"},
      {"[\\B]", "the escape \\B is not supported (escape only punctuation) at offset 1"},
      {"(a{1000}){1000}",
       "the pattern compiles to more than 10000 instructions (a repeat count copies what it repeats: "
       "(a{1000}){1000} is a million)"},
      {"((((a{1000}){1000}){1000}){1000}){1000}",
       "the pattern compiles to more than 10000 instructions (a repeat count copies what it repeats: "
       "(a{1000}){1000} is a million)"},
      {std::string(101, '(') + std::string(101, ')'), "more than 100 nested groups at offset 100"},
  };
  for (const auto& [pattern, message] : refused) BOOST_TEST(refusal(pattern) == message, "/" << pattern << "/");
  // Just inside the bounds.
  BOOST_TEST(refusal(std::string(100, '(') + std::string(100, ')')) == "");
  BOOST_TEST(refusal("(a{1000}){9}") == "");
  BOOST_TEST(refusal("a{1000}") == "");
}

// Patterns that take a backtracking engine exponential time (or recursion per byte) answer at once.
BOOST_AUTO_TEST_CASE(catastrophic_backtracking_patterns_answer) {
  const std::string as(40, 'a');
  BOOST_TEST(!compiled("(a*)*b").full_match(as));
  BOOST_TEST(compiled("(a*)*b").full_match(as + "b"));
  BOOST_TEST(!compiled("(a|aa)*c").full_match(as));
  BOOST_TEST(compiled("(a+)+$").full_match(as));
  BOOST_TEST(!compiled("(a+)+$").full_match(as + "!"));
  BOOST_TEST(!compiled("(.*a){20}").full_match(std::string(30, 'a') + "b"));
  BOOST_TEST(!compiled("(x+x+)+y").full_match(std::string(5000, 'x')));
  // 1000 optional copies before 1000 required ones: 3000 instructions, most alive at each byte.
  const Pattern wide = compiled("((a?){100}){10}a{1000}");
  BOOST_TEST(!wide.full_match(std::string(999, 'a')));
  BOOST_TEST(wide.full_match(std::string(2000, 'a')));
  BOOST_TEST(!wide.full_match(std::string(2001, 'a')));
  // A value of a megabyte: no recursion per byte (std::regex overflows its stack on ".*" here).
  BOOST_TEST(compiled("(a|b)*").full_match(std::string(1 << 20, 'a')));
  BOOST_TEST(compiled(".*").full_match(std::string(1 << 20, 'a')));
}

// std::regex_match (ECMAScript) as the oracle: patterns drawn deterministically from a small
// alphabet of the syntax both accept, on short subjects (where backtracking costs nothing).
BOOST_AUTO_TEST_CASE(agrees_with_std_regex_on_generated_patterns) {
  const std::vector<std::string> atoms = {"a",   "b",    ".",   "[ab]", "[^a]",   "(a|b)",  "(a*)",  "(?:ab|a)", "^",
                                          "$",   "\\w",  "\\d", "(|a)", "\\b",    "[a-c]",  "x",     "\\s",      "\\B",
                                          "\\.", "[-a]", "\\W", "(b+)", "[\\d.]", "(?:a|)", "[^\\w]"};
  const std::vector<std::string> quantifiers = {"",    "",      "",     "*",  "+",  "?",
                                                "{2}", "{1,2}", "{0,}", "*?", "+?", "{0,1}?"};
  const std::vector<std::string> subjects = {"",    "a",  "b",     "ab",   "ba",  "aa", "aab",  "abab", "bbb", "a1",
                                             "1.5", "x",  "aaaa",  "a b",  "abx", ".",  "a\nb", "-",    "A",   "aB",
                                             "BA",  "_a", "a.b.c", "b\na", " ",   "c",  "abc",  "AAB"};
  std::uint32_t seed = 20261203;
  const auto next = [&seed](std::size_t n) {
    seed = seed * 1103515245u + 12345u;
    return static_cast<std::size_t>(seed >> 16) % n;
  };
  int compared = 0, skipped = 0;
  for (int k = 0; k < 4000; ++k) {
    std::string pattern;
    const std::size_t parts = 1 + next(4);
    for (std::size_t j = 0; j < parts; ++j) {
      pattern += atoms[next(atoms.size())] + quantifiers[next(quantifiers.size())];
      if (next(8) == 0) pattern += '|';
    }
    if (next(6) == 0) pattern = "(" + pattern + ")" + quantifiers[next(quantifiers.size())];
    const bool icase = next(4) == 0;
    std::regex oracle;
    try {
      oracle = std::regex(pattern, icase ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      ++skipped;  // ^* and the like: refused by both
      BOOST_TEST(refusal(pattern) != "", "/" << pattern << "/ is refused by std::regex only");
      continue;
    }
    const Pattern ours = compiled(pattern, icase);
    for (const std::string& subject : subjects) {
      ++compared;
      BOOST_TEST(ours.full_match(subject) == std::regex_match(subject, oracle),
                 "/" << pattern << "/" << (icase ? "i" : "") << " on \"" << subject << "\"");
    }
  }
  BOOST_TEST_MESSAGE(compared << " pairs compared, " << skipped << " patterns std::regex refuses");
  BOOST_TEST(compared > 50000);
}

BOOST_AUTO_TEST_SUITE_END()
