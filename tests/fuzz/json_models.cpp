// Every model's JSON reader and writer: whatever the reader accepts, the writer writes, and what
// the writer writes reads back to the same value (written again: the same bytes). An input is tried
// as every model, so the seeds are the fixtures' documents as they are.
#include <cstddef>
#include <cstdint>

#include "fuzz_check.hpp"
#include "orderkit/registry.hpp"

using namespace orderkit;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  for (const ModelEntry& model : models()) {
    auto once = model.convert(text, Format::json, Format::json, Layout::compact);
    if (!once.ok()) continue;
    auto twice = model.convert(once.value(), Format::json, Format::json, Layout::compact);
    ORDERKIT_FUZZ_CHECK(twice.ok(), once.value(), to_string(twice.errors()));
    ORDERKIT_FUZZ_CHECK(twice.value() == once.value(), once.value(), twice.value());
    auto indented = model.convert(once.value(), Format::json, Format::json, Layout::indented);
    ORDERKIT_FUZZ_CHECK(indented.ok(), once.value(), to_string(indented.errors()));
    if (model.has_xml()) {
      // Writing it as XML must work too (the value came from a document that was valid JSON).
      auto xml = model.convert(once.value(), Format::json, Format::xml, Layout::compact);
      ORDERKIT_FUZZ_CHECK(xml.ok(), once.value(), to_string(xml.errors()));
      auto back = model.convert(xml.value(), Format::xml, Format::xml, Layout::compact);
      ORDERKIT_FUZZ_CHECK(back.ok() && back.value() == xml.value(), xml.value(), to_string(back.errors()));
    }
  }
  return 0;
}
