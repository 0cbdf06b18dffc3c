#pragma once
// The one-pass JSON reader, a template over what takes its events: the decoder of the codecs
// (json_read.cpp, compiled for speed) and the small tree the servers' error bodies are read into
// (core/client_error.cpp, compiled for size), so both take the same documents as JSON.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "codec/text.hpp"

namespace orderkit::codec::json::reading {

// A byte that stands for itself inside a string (text::json_plain_byte), as a table: most strings
// are runs of these, read without a copy.
inline constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = text::json_plain_byte(static_cast<unsigned char>(c));
  return t;
}();

// Eight bytes at a time: text::json_unplain_bytes marks the bytes of a word that end a plain run.
inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

inline int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads RFC 8259 JSON in one pass, straight into the decoder's events. It takes the documents
// nlohmann's strict parser takes (the SDK's reader before this one, kept as the oracle of the
// differential test): an optional UTF-8 byte order mark, one value, white space; strings of
// well-formed UTF-8, control characters escaped, surrogate escapes in pairs; numbers as the grammar
// writes them. Unlike nlohmann's, it also takes numbers beyond a double (1e400): Newtonsoft reads
// those as any other number, and the field's type decides (an integer or a decimal refuses it by
// name, a string keeps its text), as the .NET oracle shows. Strings without escapes are handed on
// as views of the text, without a copy. Open containers are kept on a stack of bytes, not by
// recursion, so nesting costs one byte per level and never the thread's stack. `Sink` takes the
// events: the decoder (json_decoder.hpp), or the tree of an error body (core/client_error.cpp).
template <class Sink>
class Reader {
 public:
  static constexpr std::size_t kMaxDepth = 256;

  Reader(std::string_view text, Sink& out) : begin_(text.data()), p_(begin_), end_(begin_ + text.size()), out_(out) {}

  // False when the document is not well-formed (the decoder has the syntax error) or when the
  // decoder asked to stop.
  bool run() {
    if (p_ < end_ && static_cast<unsigned char>(*p_) == 0xEF) {
      if (end_ - p_ < 3 || static_cast<unsigned char>(p_[1]) != 0xBB || static_cast<unsigned char>(p_[2]) != 0xBF)
        return fail("an incomplete byte order mark", "EF BB BF");
      p_ += 3;
    }
    for (;;) {
      skip_space();
      if (p_ == end_) return fail("end of input", "a value");
      if (*p_ == '{' || *p_ == '[') {
        // ASP.NET Web API 2 reads JSON with JsonReader.MaxDepth = 256
        // (FormattingUtilities.DefaultMaxDepth): 256 containers, the root included, empty or not.
        if (open_.size() >= kMaxDepth) return fail("nesting deeper than 256 levels (the servers' MaxDepth)", nullptr);
        bool object = *p_ == '{';
        ++p_;
        if (!(object ? out_.start_object() : out_.start_array())) return false;
        skip_space();
        if (p_ == end_ || *p_ != (object ? '}' : ']')) {
          open_.push_back(object);
          if (object && !key()) return false;
          continue;  // the first member's or item's value
        }
        ++p_;
        if (!(object ? out_.end_object() : out_.end_array())) return false;
      } else if (!scalar()) {
        return false;
      }
      // After a value: a comma and the next member or item, or the end of containers, or the end.
      for (;;) {
        skip_space();
        if (open_.empty()) return p_ == end_ || fail(found(), "the end of the document");
        bool object = open_.back();
        const char* expected = object ? "',' or '}'" : "',' or ']'";
        if (p_ == end_) return fail("end of input", expected);
        if (*p_ == ',') {
          ++p_;
          if (object) {
            skip_space();
            if (!key()) return false;
          }
          break;
        }
        if (*p_ != (object ? '}' : ']')) return fail(found(), expected);
        ++p_;
        open_.pop_back();
        if (!(object ? out_.end_object() : out_.end_array())) return false;
      }
    }
  }

 private:
  void skip_space() {
    while (p_ < end_ && is_space(*p_)) {
      ++p_;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      // Indentation: runs of spaces, eight at a time, up to the first byte that is not a space.
      while (end_ - p_ >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p_, 8);
        const std::uint64_t others = word ^ (kOnes * ' ');
        if (others != 0) {
          p_ += __builtin_ctzll(others) / 8;
          break;
        }
        p_ += 8;
      }
#endif
    }
  }

  // A member's name and the colon after it.
  bool key() {
    if (p_ == end_ || *p_ != '"') return fail(found(), "a string (the member's name)");
    std::string_view name;
    if (!string(name)) return false;
    skip_space();
    if (p_ == end_ || *p_ != ':') return fail(found(), "':'");
    ++p_;
    return out_.key(name);
  }

  bool scalar() {
    std::string_view text;
    switch (*p_) {
      case '"': return string(text) && out_.string(text);
      case 't': return literal("true") && out_.boolean(true);
      case 'f': return literal("false") && out_.boolean(false);
      case 'n': return literal("null") && out_.null();
      default:
        if (*p_ == '-' || is_digit(*p_)) return number();
        return fail(found(), "a value");
    }
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0)
      return fail("an invalid literal", "true, false or null");
    p_ += word.size();
    return true;
  }

  bool number() {
    const char* start = p_;
    bool negative = *p_ == '-';
    if (negative) ++p_;
    const char* int_start = p_;
    if (!digits()) return fail("an invalid number", "a digit", p_);
    if (*int_start == '0' && p_ - int_start > 1) return fail("an invalid number (a leading zero)", nullptr, int_start);
    const char* int_end = p_;
    const char* frac_start = p_;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      frac_start = p_;
      if (!digits()) return fail("an invalid number", "a digit after '.'", p_);
    }
    const char* frac_end = p_;
    const char* exp_start = p_;
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      exp_start = p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return fail("an invalid number", "a digit in the exponent", p_);
    }
    bool integral = frac_start == int_end && exp_start == frac_end;
    if (integral) {
      std::uint64_t v = 0;
      if (fits_64_bits(int_start, int_end, v)) {
        if (!negative) return out_.unsigned_integer(v);
        if (v <= std::uint64_t{1} << 63) return out_.integer(static_cast<std::int64_t>(0 - v));
      }
    }
    // A number with a fraction or an exponent, or an integer beyond 64 bits: passed on as text,
    // whatever its magnitude (the decoders' decimals are parsed from the text).
    return out_.number(std::string_view(start, static_cast<std::size_t>(p_ - start)));
  }

  bool digits() {
    if (p_ == end_ || !is_digit(*p_)) return false;
    while (p_ < end_ && is_digit(*p_)) ++p_;
    return true;
  }

  static bool fits_64_bits(const char* p, const char* end, std::uint64_t& v) {
    if (end - p <= 19) {  // 19 digits always fit
      for (; p < end; ++p) v = v * 10 + static_cast<unsigned>(*p - '0');
      return true;
    }
    for (; p < end; ++p) {
      unsigned d = static_cast<unsigned>(*p - '0');
      if (v > (UINT64_MAX - d) / 10) return false;
      v = v * 10 + d;
    }
    return true;
  }

  // A string, after its opening quote; `out` views the text or, after escapes, the buffer.
  bool string(std::string_view& out) {
    const char* open = p_++;
    const char* run = p_;  // start of the bytes not yet copied
    bool copied = false;
    for (;;) {
      // Strings are mostly long plain runs: skip them a word at a time, then byte by byte up to
      // the byte that ends the run.
      while (end_ - p_ >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p_, 8);
        const std::uint64_t enders = text::json_unplain_bytes(word);
        if (enders == 0) {
          p_ += 8;
          continue;
        }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        p_ += __builtin_ctzll(enders) / 8;  // memory order is significance order: the lowest mark
#endif
        break;
      }
      while (p_ < end_ && kPlain[static_cast<unsigned char>(*p_)]) ++p_;
      if (p_ == end_) return fail("end of input in the string opened", "'\"'", open);
      unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        if (copied) {
          buffer_.append(run, p_);
          out = buffer_;
        } else {
          out = std::string_view(run, static_cast<std::size_t>(p_ - run));
        }
        ++p_;
        return true;
      }
      if (c >= 0x80) {
        std::uint32_t cp = 0;
        std::size_t len = utf8_sequence(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0, cp);
        if (len == 0) return fail("a byte that is not UTF-8 in a string", nullptr);
        p_ += len;
        continue;
      }
      if (c < 0x20) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        return fail(std::string("control character U+00") + kHex[c >> 4] + kHex[c & 15] + " in a string",
                    "it escaped (\\n, \\t, \\u00XX)");
      }
      if (!copied) {
        buffer_.clear();
        copied = true;
      }
      buffer_.append(run, p_);
      if (!escape()) return false;
      run = p_;
    }
  }

  // One escape sequence, at its backslash, appended to the buffer.
  bool escape() {
    const char* at = p_++;
    if (p_ == end_) return fail("end of input in an escape", nullptr);
    char c = *p_++;
    switch (c) {
      case '"': buffer_ += '"'; return true;
      case '\\': buffer_ += '\\'; return true;
      case '/': buffer_ += '/'; return true;
      case 'b': buffer_ += '\b'; return true;
      case 'f': buffer_ += '\f'; return true;
      case 'n': buffer_ += '\n'; return true;
      case 'r': buffer_ += '\r'; return true;
      case 't': buffer_ += '\t'; return true;
      case 'u': break;
      default: return fail("an invalid escape", "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at);
    }
    std::uint32_t cp = 0;
    if (!hex4(cp)) return fail("an invalid \\u escape", "four hexadecimal digits", at);
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail("a low surrogate escape without a high one before it", nullptr, at);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      std::uint32_t low = 0;
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u' || (p_ += 2, !hex4(low)) || low < 0xDC00 || low > 0xDFFF)
        return fail("a high surrogate escape without a low one after it", nullptr, at);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(buffer_, cp);
    return true;
  }

  bool hex4(std::uint32_t& cp) {
    if (end_ - p_ < 4) return false;
    for (int i = 0; i < 4; ++i) {
      int h = hex_value(p_[i]);
      if (h < 0) return false;
      cp = cp << 4 | static_cast<std::uint32_t>(h);
    }
    p_ += 4;
    return true;
  }

  // What stands at the current position, for a message.
  std::string found() const {
    if (p_ == end_) return "end of input";
    unsigned char c = static_cast<unsigned char>(*p_);
    if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
  }

  // Reports "<what> at line L, column C (offset O); expected <expected>"; lines and columns count
  // from 1, columns and offsets in bytes. Always false.
  bool fail(const std::string& what, const char* expected, const char* at = nullptr) {
    if (at == nullptr) at = p_;
    std::size_t line = 1;
    const char* line_start = begin_;
    for (const char* q = begin_; q < at; ++q) {
      if (*q == '\n') {
        ++line;
        line_start = q + 1;
      }
    }
    std::string message = what + " at line " + std::to_string(line) + ", column " +
                          std::to_string(at - line_start + 1) + " (offset " + std::to_string(at - begin_) + ")";
    if (expected != nullptr) message += std::string("; expected ") + expected;
    out_.syntax_error(std::move(message));
    return false;
  }

  const char* begin_;
  const char* p_;
  const char* end_;
  Sink& out_;
  std::string buffer_;      // a string with escapes, unescaped
  std::vector<bool> open_;  // the open containers, innermost last: true for an object
};

}  // namespace orderkit::codec::json::reading
