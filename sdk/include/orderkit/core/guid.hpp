#pragma once
// A validated GUID. Parsing accepts the forms .NET's Guid.Parse accepts (D, N, B and P, any case);
// formatting gives .NET's default "D" form in lower case, as the APIs write it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace orderkit {

class Guid {
 public:
  constexpr Guid() = default;  // the all-zero GUID (Guid.Empty)

  /// Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", its 32-digit form, or either in {} or ().
  static std::optional<Guid> parse(std::string_view text) noexcept;

  /// Formats as 36 lower-case characters with hyphens.
  std::string to_string() const;

  bool is_empty() const noexcept;
  const std::array<std::uint8_t, 16>& bytes() const noexcept { return bytes_; }

  friend bool operator==(const Guid& a, const Guid& b) noexcept { return a.bytes_ == b.bytes_; }
  friend bool operator!=(const Guid& a, const Guid& b) noexcept { return a.bytes_ != b.bytes_; }

 private:
  std::array<std::uint8_t, 16> bytes_{};  // in text order
};

}  // namespace orderkit
