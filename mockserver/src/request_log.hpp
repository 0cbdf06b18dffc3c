#pragma once
// What a step adds to the log line of the request it answers (the contract proxy's violations,
// an upstream's failure). The log line is written by the HTTP adapter after the answer, on the
// worker thread that read the request and ran the steps, so the note is kept per thread; the
// adapter clears it before each request.
#include <string>
#include <vector>

#include "journal.hpp"

namespace orderkit::mock {

struct LogNote {
  std::vector<Violation> violations;
  std::string upstream_failure;
};

/// This thread's note for the request it is answering.
inline LogNote& log_note() {
  thread_local LogNote note;
  return note;
}

}  // namespace orderkit::mock
