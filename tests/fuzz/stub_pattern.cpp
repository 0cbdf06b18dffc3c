// The stubs' regular expressions (mockserver/src/pattern.hpp): the input is a pattern and a
// subject, split at the first NUL (its length's parity picks icase). Any pattern is compiled or
// refused; a compiled one answers on any subject (a hang is libFuzzer's timeout). A short pattern
// of the syntax both share, on a short subject, answers as std::regex_match (ECMAScript) does:
// short, because std::regex backtracks and its own time must not be the finding.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <regex>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "pattern.hpp"

using namespace orderkit;

namespace {

// Literals, '.', groups, alternation, * + ? and anchors: std::regex and ours read these alike.
// (Not classes: libstdc++ reads "[]" differently; not escapes: it accepts "\q"; not counts:
// "(|){31}" is 2^31 paths for std::regex, which the seed timeout-stdregex-counted-empty keeps;
// nested stars are exponential in the value for it, hence values of 6 bytes at most, and at most
// two quantifiers: "((a*)*.*)*b" on 6 bytes takes std::regex 27 s.)
bool shared_syntax(std::string_view pattern) {
  if (pattern.size() > 12 || pattern.find_first_not_of("abAB.*+?|()^$") != std::string_view::npos) return false;
  return std::count_if(pattern.begin(), pattern.end(), [](char c) { return c == '*' || c == '+' || c == '?'; }) <= 2;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  const std::size_t nul = input.find('\0');
  const std::string_view pattern = input.substr(0, nul);
  const std::string_view subject = nul == std::string_view::npos ? std::string_view{} : input.substr(nul + 1);
  if (pattern.size() > 1000 || subject.size() > 4096) return -1;  // the stubs' own caps
  const bool icase = size % 2 == 1;
  auto compiled = mock::Pattern::compile(pattern, icase);
  const auto* ours = std::get_if<mock::Pattern>(&compiled);
  if (!ours) {
    ORDERKIT_FUZZ_CHECK(!std::get<std::string>(compiled).empty(), pattern, "refused without a reason");
    return 0;
  }
  ORDERKIT_FUZZ_CHECK(ours->size() <= mock::Pattern::kMaxInstructions, pattern, std::to_string(ours->size()));
  const bool matched = ours->full_match(subject);
  if (!shared_syntax(pattern) || subject.size() > 6) return 0;
  try {
    const std::regex oracle(pattern.begin(), pattern.end(),
                            icase ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript);
    const bool expected = std::regex_match(subject.begin(), subject.end(), oracle);
    ORDERKIT_FUZZ_CHECK(matched == expected, std::string(pattern) + (icase ? " (icase)" : ""),
                        std::string(subject) + (expected ? ": std::regex matches" : ": std::regex does not match"));
  } catch (const std::regex_error&) {
    // A pattern std::regex refuses (or gives up on) that ours accepts: nothing to compare.
  }
  return 0;
}
