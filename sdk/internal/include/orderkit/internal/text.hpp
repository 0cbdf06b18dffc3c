#pragma once
// Text helpers shared by the SDK, the mock server and the JS bindings (an internal library: not
// installed, no part of the public API). UTF-8 checks, JSON string escaping, base64, trimming.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace orderkit::text {

/// Length of the well-formed UTF-8 sequence that starts at s[i] (2 to 4 bytes, s[i] >= 0x80), or
/// 0 when the bytes there are not one: a stray or invalid lead byte, a missing continuation, an
/// overlong form, a surrogate or a code point beyond U+10FFFF (RFC 3629). Sets `cp` to the code
/// point. Writers replace such bytes with U+FFFD, one per byte, so their output is always UTF-8.
/// Inline: the codecs call it in their per-byte loops.
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, std::uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
  if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
  return len;
}

/// Appends code point `cp` (a Unicode scalar value) as UTF-8.
inline void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

/// Whether `s` is well-formed UTF-8 (RFC 3629).
bool is_utf8(std::string_view s);

/// `n`, or less so as not to cut a UTF-8 character of `s` in two (for keeping a prefix).
std::size_t utf8_boundary(std::string_view s, std::size_t n);

/// Whether a byte stands for itself inside a JSON string literal, read or written: printable ASCII
/// but the quote and the backslash. Every other byte is looked at by the reader's escape and
/// UTF-8 checks, or by append_json_escaped_from (text.cpp), which holds the writing rules.
constexpr bool json_plain_byte(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

/// json_plain_byte on eight bytes at once (SWAR), the bytes read from memory into a word: each
/// byte that is not plain marked by its high bit (the classic "has zero byte" and "has byte less
/// than n" tricks). A borrow only carries into more significant bytes, from a byte that is marked
/// itself, so the mask is zero exactly for a plain word, and its least significant mark is exact:
/// on a little-endian machine, the first byte in memory that is not plain.
constexpr std::uint64_t json_unplain_bytes(std::uint64_t x) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto zero_bytes = [](std::uint64_t y) { return (y - 0x0101010101010101ULL) & ~y & 0x8080808080808080ULL; };
  return (x & highs) | ((x - ones * 0x20) & ~x & highs) | zero_bytes(x ^ (ones * '"')) | zero_bytes(x ^ (ones * '\\'));
}
static_assert(json_unplain_bytes(0x2020202020202020ULL) == 0 && json_unplain_bytes(0x7E7E7E7E7E7E7E7EULL) == 0);
static_assert(json_unplain_bytes(0x2020202220202020ULL) == 0x0000008000000000ULL);
static_assert(json_unplain_bytes(0x5C20202020202020ULL) == 0x8000000000000000ULL);
static_assert((json_unplain_bytes(0x202020202020201FULL) & 0xFF) == 0x80 &&
              json_unplain_bytes(0x2020202020802020ULL) != 0);

/// Appends s[from...] escaped, s[from] being a byte that is not plain (append_json_escaped's rest).
void append_json_escaped_from(std::string& out, std::string_view s, std::size_t from);

/// Appends `s` escaped for the inside of a JSON string literal (no quotes), as Newtonsoft's
/// default StringEscapeHandling does: quote, backslash, control characters and the three line
/// separators JavaScript treats as line ends; bytes that are not UTF-8 become U+FFFD (\ufffd),
/// so the output is always valid JSON. Inline up to the first byte that is not plain: the typed
/// JSON writer calls it for every string, and most strings have none (docs/benchmarks.md).
inline void append_json_escaped(std::string& out, std::string_view s) {
  std::size_t i = 0;
  // Eight plain bytes at a time, then byte by byte up to the first that is not plain.
  for (std::uint64_t word; s.size() - i >= 8; i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if (json_unplain_bytes(word) != 0) break;
  }
  while (i < s.size() && json_plain_byte(static_cast<unsigned char>(s[i]))) ++i;
  out.append(s.data(), i);
  if (i < s.size()) append_json_escaped_from(out, s, i);
}

/// `s` escaped as append_json_escaped does.
std::string json_escape(std::string_view s);

/// Standard base64 (RFC 4648 section 4) with padding.
std::string base64(std::string_view bytes);

/// `s` without leading and trailing `chars` (by default HTTP's optional whitespace).
inline std::string_view trim(std::string_view s, std::string_view chars = " \t") {
  const std::size_t first = s.find_first_not_of(chars);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(chars) - first + 1);
}

}  // namespace orderkit::text
