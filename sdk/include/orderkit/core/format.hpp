#pragma once
// The wire formats the help pages document, shared by the model registry and the clients.
#include <cstdint>

namespace orderkit {

/// JSON (every page) or XML (001, 002 and 003).
enum class Format : std::uint8_t { json, xml };

}  // namespace orderkit
