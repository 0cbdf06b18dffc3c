#pragma once
// The benchmark cases, shared by both runners (Google Benchmark natively, the self-timed runner
// natively and in wasm), so that every figure compares the same work on the same bytes.
//
// Each OrderKit case names an anchor, the library operation it is measured against in the same
// run (nlohmann's DOM parse or dump, tinyxml2's parse or print), and the target ratio.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace orderkit::bench {

struct Case {
  std::string name;                  // "<document>/<format>/<operation>", e.g. "sample/json/typed_decode"
  std::string anchor;                // name of the case this one is compared with; empty for anchors
  double target = 0;                 // required ratio to the anchor (0: reported for context only)
  std::size_t bytes = 0;             // bytes of the document, counted per run
  std::function<std::size_t()> run;  // one operation; the result keeps the optimiser honest
};

/// Builds every case for `docs`. A run of an OrderKit decode case throws std::runtime_error when
/// the document does not decode, so a runner's first (warm-up) run checks it.
std::vector<Case> make_cases(const std::vector<const Document*>& docs);

/// How a result compares with its anchor, for the summaries both runners print.
struct Ratio {
  const Case* c;
  double mb_per_s;
  double anchor_mb_per_s;  // 0 when the anchor was not run (filtered out)
};

/// Prints a Markdown table: case, MB/s, anchor, ratio, target, met. Returns false when a
/// target was missed.
bool print_summary(const std::vector<Ratio>& rows, const char* title);

}  // namespace orderkit::bench
