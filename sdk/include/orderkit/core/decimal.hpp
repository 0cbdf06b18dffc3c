#pragma once
// Exact decimal with .NET System.Decimal semantics: a 96-bit unsigned coefficient, a sign and a
// scale of 0..28. The scale is kept as given ("5.00" stays "5.00"), because the APIs' serializers
// write it back that way; money must never pass through a binary floating point.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orderkit {

class Decimal {
 public:
  /// Largest scale .NET decimal supports (digits after the decimal point).
  static constexpr int max_scale = 28;

  constexpr Decimal() = default;

  /// Converts an integer exactly (scale 0).
  static Decimal from_integer(std::int64_t value) noexcept;

  /// Parses invariant-culture text: optional sign, digits, optional fraction, optional exponent
  /// ("12.50", "-3", "1.5e2"). Returns nothing when the text is malformed or the value does not
  /// fit .NET decimal exactly (more than 96 bits of coefficient or more than 28 decimal places).
  static std::optional<Decimal> parse(std::string_view text) noexcept;

  /// Formats as .NET's invariant ToString(): keeps the scale ("5", "5.00", "-0.5").
  std::string to_string() const;

  int scale() const noexcept { return scale_; }
  bool is_negative() const noexcept { return negative_; }
  bool is_zero() const noexcept { return hi_ == 0 && lo_ == 0; }

  /// Numeric comparison: 2.0 == 2 as in .NET; use to_string() to compare representations.
  friend bool operator==(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) == 0; }
  friend bool operator!=(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) != 0; }
  friend bool operator<(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) < 0; }
  friend bool operator>(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) > 0; }
  friend bool operator<=(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) <= 0; }
  friend bool operator>=(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) >= 0; }

 private:
  static int compare(const Decimal& a, const Decimal& b) noexcept;

  std::uint64_t lo_ = 0;  // low 64 bits of the coefficient
  std::uint32_t hi_ = 0;  // high 32 bits of the coefficient
  std::uint8_t scale_ = 0;
  bool negative_ = false;
};

}  // namespace orderkit
