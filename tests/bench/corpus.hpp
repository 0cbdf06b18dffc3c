#pragma once
// The documents every benchmark reads and writes: the 002 request sample (the help page's own
// text) and a batch of 1000 varied orders built in code. Each comes as typed values and as the
// JSON and XML text our encoders write for them, so every case works on the same bytes.
#include <string>
#include <vector>

#include "orderkit/mobile/models.hpp"

namespace orderkit::bench {

struct Document {
  std::string name;  // "sample" or "batch1000"
  std::string json;  // as sent on the wire
  std::string xml;
  // The typed values (one for the sample, 1000 for the batch). Encoders write `orders` for the
  // batch and `orders.front()` for the sample.
  std::vector<mobile::OrderCreationRequest> orders;
  bool is_batch = false;
};

/// Reads the help page's request sample (indented, as documented) from the fixtures directory.
Document sample_document(const std::string& fixtures_dir);

/// Builds `count` orders that differ in size, nulls, numbers and text (deterministic), written
/// compact, as a client would send them.
Document batch_document(std::size_t count);

}  // namespace orderkit::bench
