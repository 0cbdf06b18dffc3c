#pragma once
// Deterministic pseudo-random mutations of documents, for the robustness and differential tests:
// bit flips, truncations, deletions, duplications, random bytes and tokens that mean something
// to one of the parsers.
#include <cstdint>
#include <string>

namespace orderkit::test {

// splitmix64: a fixed seed gives the same cases on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

inline const char* const kTokens[] = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    ":",
    ",",
    "null",
    "true",
    "-",
    "1e999",
    "0.0000000000000000000000000000001",
    "99999999999999999999999999999",
    "\\u0000",
    "\\ud800",
    "\\",
    "\xff",
    "\xc3",
    "" /* a NUL byte */,
    "<",
    ">",
    "</",
    "/>",
    "<a>",
    "</a>",
    "&",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "xmlns=\"\"",
    " i:nil=\"true\"",
    " xsi:nil=\"true\"",
    "xmlns:d5p1=\"urn:x\"",
    "<?xml version=\"1.0\"?>",
    "\"sample string",
    "2026-02-30",
    "-2147483649",
    "<OrderDetails>",
    "{\"OrderDetails\":[",
};

inline std::string mutate(const std::string& text, Random& rnd) {
  std::string s = text;
  int edits = 1 + static_cast<int>(rnd.below(4));
  for (int e = 0; e < edits; ++e) {
    std::size_t pos = rnd.below(s.size() + 1);
    switch (rnd.below(6)) {
      case 0:  // flip one bit
        if (pos < s.size()) s[pos] = static_cast<char>(s[pos] ^ (1 << rnd.below(8)));
        break;
      case 1:  // truncate
        s.resize(pos);
        break;
      case 2: {  // insert a token that means something to one of the parsers
        const char* token = kTokens[rnd.below(sizeof kTokens / sizeof kTokens[0])];
        s.insert(pos, token[0] == '\0' ? std::string(1, '\0') : std::string(token));
        break;
      }
      case 3:  // delete a run
        s.erase(pos, rnd.below(40));
        break;
      case 4: {  // duplicate a run
        std::size_t len = rnd.below(200);
        s.insert(pos, s.substr(pos, len));
        break;
      }
      default:  // random byte
        if (pos < s.size()) s[pos] = static_cast<char>(rnd.below(256));
        break;
    }
  }
  return s;
}

/// Calls `check(document, label)` for `text` itself, then for 100 truncations, 200 single-byte
/// changes and 300 mutations of it, drawn from `rnd` in that order: the differential tests' corpus.
template <class Check>
void for_each_variant(const std::string& text, const std::string& name, Random& rnd, Check check) {
  check(text, name);
  for (int i = 0; i < 100; ++i) check(text.substr(0, rnd.below(text.size())), name + " truncated");
  for (int i = 0; i < 200; ++i) {
    std::string changed = text;
    changed[rnd.below(changed.size())] = static_cast<char>(rnd.below(256));
    check(changed, name + " byte " + std::to_string(i));
  }
  for (int i = 0; i < 300; ++i) check(mutate(text, rnd), name + " mutation " + std::to_string(i));
}

}  // namespace orderkit::test
