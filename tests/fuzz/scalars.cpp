// Decimal, DateTime and Guid: whatever parses formats to text that parses to the same value, and
// formatting is stable (parse -> format -> parse -> format gives the same text).
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "orderkit/core/datetime.hpp"
#include "orderkit/core/decimal.hpp"
#include "orderkit/core/guid.hpp"

using namespace orderkit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  if (auto d = Decimal::parse(text)) {
    const std::string once = d->to_string();
    auto again = Decimal::parse(once);
    ORDERKIT_FUZZ_CHECK(again.has_value(), text, once);
    ORDERKIT_FUZZ_CHECK(*d == *again && again->to_string() == once, once, again->to_string());
  }
  if (auto t = DateTime::parse(text)) {
    auto again = DateTime::parse(t->text());
    ORDERKIT_FUZZ_CHECK(again.has_value() && *again == *t, text, t->text());
  }
  if (auto g = Guid::parse(text)) {
    const std::string once = g->to_string();
    auto again = Guid::parse(once);
    ORDERKIT_FUZZ_CHECK(again.has_value() && again->to_string() == once, text, once);
  }
  return 0;
}
