#include "orderkit/core/guid.hpp"

namespace orderkit {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<Guid> Guid::parse(std::string_view text) noexcept {
  // Strip the B ({...}) or P ((...)) brackets; then it must be the D (hyphenated) or N form.
  if (text.size() == 38 &&
      ((text.front() == '{' && text.back() == '}') || (text.front() == '(' && text.back() == ')'))) {
    text = text.substr(1, 36);
  }
  bool hyphenated = text.size() == 36;
  if (!hyphenated && text.size() != 32) return std::nullopt;

  Guid g;
  std::size_t pos = 0;
  for (std::size_t byte = 0; byte < 16; ++byte) {
    if (hyphenated && (pos == 8 || pos == 13 || pos == 18 || pos == 23)) {
      if (text[pos] != '-') return std::nullopt;
      ++pos;
    }
    int high = hex_value(text[pos]), low = hex_value(text[pos + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    g.bytes_[byte] = static_cast<std::uint8_t>(high * 16 + low);
    pos += 2;
  }
  return g;
}

std::string Guid::to_string() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string s;
  s.reserve(36);
  for (std::size_t byte = 0; byte < 16; ++byte) {
    if (byte == 4 || byte == 6 || byte == 8 || byte == 10) s.push_back('-');
    s.push_back(kHex[bytes_[byte] >> 4]);
    s.push_back(kHex[bytes_[byte] & 15]);
  }
  return s;
}

bool Guid::is_empty() const noexcept {
  for (auto b : bytes_)
    if (b != 0) return false;
  return true;
}

}  // namespace orderkit
