#include "orderkit/core/datetime.hpp"

namespace orderkit {
namespace {

// Reads exactly n digits at pos; returns -1 when they are not all digits.
int read_digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<DateTime> DateTime::parse(std::string_view s) {
  DateTime d;
  int year = read_digits(s, 0, 4), month = read_digits(s, 5, 2), day = read_digits(s, 8, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (day > days_in_month(year, month)) return std::nullopt;
  d.year_ = static_cast<std::int16_t>(year);
  d.month_ = static_cast<std::int8_t>(month);
  d.day_ = static_cast<std::int8_t>(day);

  std::size_t pos = 10;
  std::size_t seconds_at = std::string_view::npos;  // where a time without seconds lacks them
  if (pos < s.size() && s[pos] == 'T') {
    int hour = read_digits(s, pos + 1, 2), minute = read_digits(s, pos + 4, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || s[pos + 3] != ':') return std::nullopt;
    d.hour_ = static_cast<std::int8_t>(hour);
    d.minute_ = static_cast<std::int8_t>(minute);
    pos += 6;
    seconds_at = pos;
    if (pos < s.size() && s[pos] == ':') {
      seconds_at = std::string_view::npos;
      int second = read_digits(s, pos + 1, 2);
      if (second < 0 || second > 59) return std::nullopt;
      d.second_ = static_cast<std::int8_t>(second);
      pos += 3;
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        std::size_t digits = 0;
        std::uint32_t ticks = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
          if (++digits > 7) return std::nullopt;  // .NET's resolution is 100 ns
          ticks = ticks * 10 + static_cast<std::uint32_t>(s[pos++] - '0');
        }
        if (digits == 0) return std::nullopt;
        for (std::size_t i = digits; i < 7; ++i) ticks *= 10;
        d.ticks_ = ticks;
      }
    }
    if (pos < s.size() && s[pos] == 'Z') {
      d.kind_ = Kind::utc;
      ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      int oh = read_digits(s, pos + 1, 2), om = read_digits(s, pos + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || s[pos + 3] != ':' || oh * 60 + om > 14 * 60) return std::nullopt;
      d.kind_ = Kind::offset;
      d.offset_minutes_ = static_cast<std::int16_t>((s[pos] == '-' ? -1 : 1) * (oh * 60 + om));
      pos += 6;
    }
  }
  if (pos != s.size()) return std::nullopt;
  d.text_ = std::string(s);
  // A time is written with its seconds, as .NET writes every date: xsd:dateTime requires them,
  // so a value read from JSON's "2026-04-09T14:21" can go out in XML.
  if (seconds_at != std::string_view::npos) d.text_.insert(seconds_at, ":00");
  return d;
}

}  // namespace orderkit
