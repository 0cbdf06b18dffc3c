#pragma once
// Where the benchmarks find the help page's sample. The build passes the source tree's fixtures
// directory; --fixtures overrides it (for a binary run from elsewhere).
#ifndef ORDERKIT_FIXTURES_DIR
#define ORDERKIT_FIXTURES_DIR "tests/fixtures"
#endif
