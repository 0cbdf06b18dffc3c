#include "orderkit/version.hpp"

namespace orderkit {

const char* version_string() noexcept { return ORDERKIT_VERSION_STRING; }

}  // namespace orderkit
