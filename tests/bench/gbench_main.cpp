// orderkit_codec_bench: the codec benchmarks under Google Benchmark (native builds).
// Every case reports MB/s of the document it reads or writes (bytes_per_second); at the end a
// table gives each OrderKit case's ratio to its anchor from the same run (medians when
// --benchmark_repetitions is given), which is what docs/benchmarks.md reports.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <string>

#include "cases.hpp"
#include "options.hpp"

namespace {

using orderkit::bench::Case;

// Shows the usual console output and keeps bytes_per_second per case: the median aggregate when
// there are repetitions, else the single run.
class CollectingReporter final : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> bytes_per_second;

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      auto it = r.counters.find("bytes_per_second");
      if (it == r.counters.end()) continue;
      bool median = r.run_type == Run::RT_Aggregate && r.aggregate_name == "median";
      bool single = r.run_type == Run::RT_Iteration && r.repetitions <= 1;
      if (median || single) bytes_per_second[r.run_name.function_name] = it->second.value;
    }
  }
};

void usage(std::FILE* to) {
  std::fprintf(to,
               "Usage: orderkit_codec_bench [--fixtures DIR] [--benchmark_* options]\n"
               "Measures OrderKit's JSON and XML codecs on the 002 request sample and a 1000-order\n"
               "batch, next to nlohmann/json and tinyxml2 on the same bytes, and prints each ratio.\n"
               "  --fixtures DIR   the tests/fixtures directory (default: the source tree's)\n"
               "  --help           this text, then Google Benchmark's options\n"
               "Exit status: 0 ok (a missed target is reported, not an error), 1 failure, 2 usage.\n");
}

}  // namespace

int main(int argc, char** argv) {
  std::string fixtures = ORDERKIT_FIXTURES_DIR;
  // Our own options first; the rest goes to Google Benchmark.
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--fixtures") == 0 && i + 1 < argc) {
      fixtures = argv[++i];
    } else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      argv[kept++] = argv[i];  // Google Benchmark prints its own options and exits 0
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    usage(stderr);
    return 2;
  }

  try {
    auto sample = orderkit::bench::sample_document(fixtures);
    auto batch = orderkit::bench::batch_document(1000);
    auto cases = orderkit::bench::make_cases({&sample, &batch});
    for (const Case& c : cases) {
      c.run();  // throws if an OrderKit case fails to decode its document
      benchmark::RegisterBenchmark(c.name.c_str(), [&c](benchmark::State& state) {
        for (auto _ : state) benchmark::DoNotOptimize(c.run());
        state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes));
      });
    }
    CollectingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    std::vector<orderkit::bench::Ratio> rows;
    for (const Case& c : cases) {
      auto it = reporter.bytes_per_second.find(c.name);
      if (it == reporter.bytes_per_second.end()) continue;
      auto anchor = reporter.bytes_per_second.find(c.anchor);
      rows.push_back({&c, it->second / 1e6, anchor == reporter.bytes_per_second.end() ? 0 : anchor->second / 1e6});
    }
    orderkit::bench::print_summary(rows, "Summary (MB/s = 10^6 bytes of the document per CPU second)");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orderkit_codec_bench: %s\n", e.what());
    return 1;
  }
}
