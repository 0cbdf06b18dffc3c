#pragma once
// A .NET DateTime/DateTimeOffset value that keeps the exact round-trip text it was given
// ("2026-04-09T14:21:11.4460179+02:00", "...Z", no offset, 0-7 fraction digits), so a decoded
// order is written back byte for byte. The components are validated and exposed read-only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orderkit {

class DateTime {
 public:
  /// How the text places the instant: no offset (.NET Kind Unspecified), "Z" (Utc), or an offset.
  enum class Kind : std::uint8_t { unspecified, utc, offset };

  DateTime() = default;  // 0001-01-01T00:00:00, .NET's DateTime.MinValue

  /// Parses ISO 8601 as .NET writes and reads it: YYYY-MM-DD, optionally followed by
  /// Thh:mm[:ss[.f{1,7}]] and Z or +hh:mm / -hh:mm. Returns nothing for anything else, or for an
  /// impossible date (Feb 30), hour, minute, second or offset beyond +-14:00.
  static std::optional<DateTime> parse(std::string_view text);

  /// The exact text this value was parsed from.
  const std::string& text() const noexcept { return text_; }

  int year() const noexcept { return year_; }
  int month() const noexcept { return month_; }
  int day() const noexcept { return day_; }
  int hour() const noexcept { return hour_; }
  int minute() const noexcept { return minute_; }
  int second() const noexcept { return second_; }
  /// Fraction of the second in 100-nanosecond ticks (0..9999999).
  std::uint32_t fraction_ticks() const noexcept { return ticks_; }
  Kind kind() const noexcept { return kind_; }
  /// Offset from UTC in minutes (0 for Utc and Unspecified).
  int offset_minutes() const noexcept { return offset_minutes_; }

  /// Equality of the text: two values are equal when they would be written identically.
  friend bool operator==(const DateTime& a, const DateTime& b) noexcept { return a.text_ == b.text_; }
  friend bool operator!=(const DateTime& a, const DateTime& b) noexcept { return a.text_ != b.text_; }

 private:
  std::string text_ = "0001-01-01T00:00:00";
  std::int16_t year_ = 1;
  std::int8_t month_ = 1, day_ = 1, hour_ = 0, minute_ = 0, second_ = 0;
  Kind kind_ = Kind::unspecified;
  std::int16_t offset_minutes_ = 0;
  std::uint32_t ticks_ = 0;
};

}  // namespace orderkit
