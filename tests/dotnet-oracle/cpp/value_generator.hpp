#pragma once
// Seeded random model values for the differential tests, walking the field tables (one generic
// walk, no field typed twice): nulls, empty and non-ASCII strings, control characters (JSON only:
// XML 1.0 cannot carry them), extreme decimals, dates with offsets and 7-digit fractions, empty and
// long collections.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mutation.hpp"
#include "orderkit/codec.hpp"

namespace orderkit::oracle {

struct GenOptions {
  bool xml = false;  // values that XML can carry (and no JSON-only members)
};

class Generator {
 public:
  Generator(std::uint64_t seed, GenOptions options) : rnd_(seed), options_(options) {}

  template <class T>
  T model() {
    T v{};
    fill(v, 0);
    return v;
  }

 private:
  bool chance(int percent) { return static_cast<int>(rnd_.below(100)) < percent; }

  template <class T>
  void fill(T& v, int depth) {
    if constexpr (meta::is_optional_v<T>) {
      if (chance(20)) {
        v.reset();
      } else {
        v.emplace();
        fill(*v, depth);
      }
    } else if constexpr (meta::is_vector_v<T>) {
      std::size_t n = chance(15) ? 0 : chance(10) ? 20 + rnd_.below(30) : 1 + rnd_.below(3);
      if (depth > 2) n = std::min<std::size_t>(n, 2);
      v.resize(n);
      for (auto& item : v) fill(item, depth + 1);
    } else if constexpr (meta::is_model_v<T>) {
      meta::for_each_field<T>([&](const auto& f) {
        using M = typename std::decay_t<decltype(f)>::value_type;
        M& x = f.get(v);
        // A get-only member keeps its default: .NET neither reads nor sets it.
        if (f.opts.has(meta::kGetOnly) && !meta::is_vector_v<M>) return;
        if (options_.xml && f.opts.has(meta::kJsonOnly)) return;
        if constexpr (meta::is_optional_v<M>) {
          // Unknown nullability: the oracle takes the strict reading (a plain value type), and
          // OrderKit leaves an unset one out; the findings test that case, here it is set.
          if (f.opts.has(meta::kOmitWhenUnset)) {
            x.emplace();
            fill(*x, depth + 1);
            return;
          }
        }
        fill(x, depth + 1);
      });
    } else if constexpr (std::is_same_v<T, bool>) {
      v = chance(50);
    } else if constexpr (std::is_enum_v<T>) {
      v = T{};
    } else if constexpr (std::is_same_v<T, std::int32_t>) {
      static const std::int32_t edges[] = {0, 1, -1, 2147483647, -2147483647 - 1, 42};
      v = chance(40) ? edges[rnd_.below(6)] : static_cast<std::int32_t>(rnd_.next());
    } else if constexpr (std::is_same_v<T, std::string>) {
      v = text();
    } else if constexpr (std::is_same_v<T, Decimal>) {
      v = *Decimal::parse(decimal_text());
    } else if constexpr (std::is_same_v<T, DateTime>) {
      v = *DateTime::parse(date_text());
    } else if constexpr (std::is_same_v<T, Guid>) {
      static const char hex[] = "0123456789abcdef";
      std::string g;
      for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20) g += '-';
        g += hex[rnd_.below(16)];
      }
      v = *Guid::parse(g);
    }
  }

  std::string text() {
    static const char* const pieces[] = {"sample string 1",
                                         "a",
                                         " x",
                                         "y  z",
                                         "\xc3\xa6\xc3\xb8\xc3\xa5 \xc3\x86\xc3\x98\xc3\x85",
                                         "\xe2\x82\xac",
                                         "\xf0\x9f\x98\x80",
                                         "<tag>",
                                         "a & b",
                                         "\"quoted\"",
                                         "back\\slash",
                                         "it's",
                                         "]]>",
                                         "tab\there",
                                         "\xe4\xb8\xad\xe6\x96\x87",
                                         "0",
                                         "null",
                                         "true",
                                         "\xc2\xa0nbsp"};
    static const char* const controls[] = {"\x01", "\x1f", "\n", "\r\n", "\b", "\f", "\x7f"};
    if (chance(10)) return std::string();
    // XML: no text of white space only, and no CR: OrderKit writes both as character references,
    // .NET as they are (docs/models.md); white space alone reads back both ways (the test
    // white_space_alone_in_xml_reads_both_ways), a CR does not (.NET writes it as a line end). The other
    // control characters are written as references by both (&#x1;) and read back by both.
    std::string s;
    int parts = 1 + static_cast<int>(rnd_.below(3));
    for (int i = 0; i < parts; ++i) {
      if (chance(15)) {
        const char* control = controls[rnd_.below(sizeof controls / sizeof *controls)];
        if (!options_.xml || std::string_view(control).find('\r') == std::string_view::npos) s += control;
      }
      s += pieces[rnd_.below(sizeof pieces / sizeof *pieces)];
    }
    if (!options_.xml && chance(5)) s = "   ";
    if (chance(3)) s += std::string(300, 'x');
    return s;
  }

  std::string decimal_text() {
    static const char* const edges[] = {"0", "1", "-1", "2.50", "0.1", "-0.0001",
                                        // ±decimal.MaxValue (.NET writes it with ".0" in JSON)
                                        "79228162514264337593543950335", "-79228162514264337593543950335",
                                        "-7922816251426433759354395033.5", "0.0000000000000000000000000001",
                                        "7.9228162514264337593543950335", "123456789.123456789", "1000000"};
    if (chance(50)) return edges[rnd_.below(sizeof edges / sizeof *edges)];
    std::string s = chance(30) ? "-" : "";
    s += std::to_string(rnd_.below(1000000));
    if (chance(60)) s += "." + std::to_string(rnd_.below(10000));
    return s;
  }

  // Offsets the servers' zone (Central European time) has on that date: a DateTime read by the
  // real servers is converted to their local time, so other offsets come back shifted (a
  // documented difference, docs/models.md). Months away from the clock changes (summer time ended
  // in late September until 1995).
  std::string date_text() {
    char buf[64];
    int year = 1990 + static_cast<int>(rnd_.below(60));
    bool summer = chance(50);
    int month = summer ? 5 + static_cast<int>(rnd_.below(4)) : (chance(50) ? 1 + static_cast<int>(rnd_.below(2)) : 12);
    int day = 1 + static_cast<int>(rnd_.below(28));
    int hour = static_cast<int>(rnd_.below(24)), minute = static_cast<int>(rnd_.below(60)),
        second = static_cast<int>(rnd_.below(60));
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
    std::string s = buf;
    switch (rnd_.below(4)) {
      case 0: break;  // whole seconds
      case 1:
        s += "." + std::to_string(1000000 + rnd_.below(9000000) / 10 * 10 + 1 + rnd_.below(9));
        break;  // 7 digits
      case 2: s += ".5"; break;
      default: s += "." + std::to_string(100000 + rnd_.below(900000) / 10 * 10 + 1 + rnd_.below(9)); break;  // 6 digits
    }
    // No trailing zero in the fraction: .NET writes the fraction without them (FFFFFFF) and
    // OrderKit writes a date as it was given, a documented difference (docs/models.md).
    s += summer ? "+02:00" : "+01:00";
    return s;
  }

  test::Random rnd_;
  GenOptions options_;
};

}  // namespace orderkit::oracle
