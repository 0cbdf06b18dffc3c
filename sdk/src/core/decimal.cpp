#include "orderkit/core/decimal.hpp"

#include <algorithm>

namespace orderkit {
namespace {

using u128 = unsigned __int128;
constexpr u128 kMaxCoefficient = (u128(1) << 96) - 1;  // .NET decimal's 96-bit coefficient

u128 coefficient(std::uint64_t lo, std::uint32_t hi) { return (u128(hi) << 64) | lo; }

// Digits of the coefficient, most significant first (at least one digit).
std::string digits_of(u128 v) {
  std::string s;
  do {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  } while (v != 0);
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

Decimal Decimal::from_integer(std::int64_t value) noexcept {
  Decimal d;
  d.negative_ = value < 0;
  // Negate in unsigned arithmetic so INT64_MIN does not overflow.
  std::uint64_t magnitude = d.negative_ ? (~static_cast<std::uint64_t>(value) + 1) : static_cast<std::uint64_t>(value);
  d.lo_ = magnitude;
  return d;
}

std::optional<Decimal> Decimal::parse(std::string_view text) noexcept {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  // Collect significant digits without leading zeros; track where the point falls.
  std::string digits;
  int scale = 0;
  bool any_digit = false, in_fraction = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      any_digit = true;
      if (in_fraction) ++scale;
      if (!(digits.empty() && c == '0')) digits.push_back(c);
      if (digits.size() > 40) return std::nullopt;  // far beyond 96 bits; refuse before overflow
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else {
      break;
    }
  }
  if (!any_digit) return std::nullopt;

  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) exp_negative = text[i++] == '-';
    if (i >= text.size()) return std::nullopt;
    int exponent = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      exponent = exponent * 10 + (text[i] - '0');
      if (exponent > 1000) return std::nullopt;
    }
    scale += exp_negative ? exponent : -exponent;
  }
  if (i != text.size()) return std::nullopt;

  // A negative scale means trailing zeros of an integer; a scale above 28 may shed trailing
  // zeros without losing anything, otherwise the value is not representable exactly.
  while (scale < 0) {
    if (!digits.empty()) digits.push_back('0');
    ++scale;
    if (digits.size() > 40) return std::nullopt;
  }
  while (scale > max_scale) {
    if (digits.empty()) {
      scale = max_scale;
      break;
    }
    if (digits.back() != '0') return std::nullopt;
    digits.pop_back();
    --scale;
  }

  // Zeros that end the fraction do not change the value: shed while the coefficient would not
  // fit otherwise. The JSON writer gives a scale-0 value a ".0" (as Newtonsoft does), so
  // 79228162514264337593543950335 (.NET's decimal.MaxValue) comes back with 30 digits, and .NET
  // reads that text as decimal.MaxValue too.
  u128 value = 0;
  for (;;) {
    value = 0;
    bool fits = true;
    for (char c : digits) {
      value = value * 10 + static_cast<unsigned>(c - '0');  // <= 2^96 * 10 + 9: no overflow
      if (value > kMaxCoefficient) {
        fits = false;
        break;
      }
    }
    if (fits) break;
    if (scale == 0 || digits.back() != '0') return std::nullopt;
    digits.pop_back();
    --scale;
  }
  Decimal d;
  d.lo_ = static_cast<std::uint64_t>(value);
  d.hi_ = static_cast<std::uint32_t>(value >> 64);
  d.scale_ = static_cast<std::uint8_t>(scale);
  d.negative_ = negative && value != 0;
  return d;
}

std::string Decimal::to_string() const {
  std::string digits = digits_of(coefficient(lo_, hi_));
  if (digits.size() <= scale_) digits.insert(0, scale_ - digits.size() + 1, '0');
  if (scale_ > 0) digits.insert(digits.size() - scale_, 1, '.');
  if (negative_) digits.insert(0, 1, '-');
  return digits;
}

int Decimal::compare(const Decimal& a, const Decimal& b) noexcept {
  bool a_zero = a.is_zero(), b_zero = b.is_zero();
  int sign_a = a_zero ? 0 : (a.negative_ ? -1 : 1);
  int sign_b = b_zero ? 0 : (b.negative_ ? -1 : 1);
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0) return 0;
  // Same sign: compare magnitudes as digit strings aligned on the decimal point.
  std::string da = digits_of(coefficient(a.lo_, a.hi_)), db = digits_of(coefficient(b.lo_, b.hi_));
  int int_a = static_cast<int>(da.size()) - a.scale_, int_b = static_cast<int>(db.size()) - b.scale_;
  int width = std::max(a.scale_, b.scale_);
  da.append(width - a.scale_, '0');
  db.append(width - b.scale_, '0');
  int lead = std::max(int_a, int_b);
  da.insert(0, static_cast<std::size_t>(std::max(0, lead - int_a)), '0');
  db.insert(0, static_cast<std::size_t>(std::max(0, lead - int_b)), '0');
  int magnitude = da.compare(db);
  magnitude = magnitude < 0 ? -1 : (magnitude > 0 ? 1 : 0);
  return sign_a * magnitude;
}

}  // namespace orderkit
