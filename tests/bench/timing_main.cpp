// orderkit_codec_timing: the same cases as orderkit_codec_bench, timed by a small loop of our own,
// because Google Benchmark does not build for Emscripten. Built natively and in wasm (run under
// node), so that native and wasm figures come from the same harness.
//
// Each case runs once to warm up, then repeatedly until --min-time seconds have passed on the
// steady clock; that is one repetition. The figure is the median of --repetitions repetitions.
// Throughput is computed from the process's CPU time by default (as Google Benchmark does), so
// that figures from a busy machine stay comparable; --clock wall uses the steady clock.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include "cases.hpp"
#include "options.hpp"

#if defined(__EMSCRIPTEN__)
#include <emscripten.h>
// Node's CPU time for the process (user + system), in seconds.
EM_JS(double, process_cpu_seconds, (), {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
});
#else
#include <ctime>
static double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}
#endif

namespace {

using orderkit::bench::Case;
using Clock = std::chrono::steady_clock;

void usage(std::FILE* to) {
  std::fprintf(to,
               "Usage: orderkit_codec_timing [--min-time SECONDS] [--repetitions N] [--iterations N]\n"
               "                             [--filter TEXT] [--batch N] [--fixtures DIR]\n"
               "Measures OrderKit's JSON and XML codecs on the 002 request sample and an N-order batch,\n"
               "next to nlohmann/json and tinyxml2 on the same bytes, and prints MB/s and each ratio.\n"
               "  --min-time SECONDS  time per repetition (default 0.5)\n"
               "  --repetitions N     repetitions per case; the median is reported (default 3)\n"
               "  --clock cpu|wall    divide by the process's CPU time (default) or by wall time\n"
               "  --iterations N      at least N runs per repetition (with --min-time 0: exactly N,\n"
               "                      e.g. for instruction counts under valgrind --tool=callgrind)\n"
               "  --filter TEXT       only cases whose name contains TEXT (anchors of the chosen\n"
               "                      cases always run, so that ratios can be computed)\n"
               "  --batch N           orders in the batch document (default 1000)\n"
               "  --fixtures DIR      the tests/fixtures directory (default: the source tree's)\n"
               "  --help              this text\n"
               "Exit status: 0 ok (a missed target is reported, not an error), 1 failure, 2 usage.\n");
}

volatile std::size_t g_sink;  // results go here, so no run can be optimised away

// Megabytes (10^6 bytes) per second of one repetition: at least `min_iterations` runs and at
// least `min_seconds`.
double time_once(const Case& c, double min_seconds, std::size_t min_iterations, bool cpu_clock) {
  std::size_t sink = 0;
  std::size_t iterations = 0;
  const double cpu_start = process_cpu_seconds();
  const auto start = Clock::now();
  const auto budget = std::chrono::duration<double>(min_seconds);
  Clock::time_point now;
  do {
    sink += c.run();
    ++iterations;
    now = Clock::now();
  } while (now - start < budget || iterations < min_iterations);
  g_sink = g_sink + sink;
  double seconds = cpu_clock ? process_cpu_seconds() - cpu_start : std::chrono::duration<double>(now - start).count();
  return static_cast<double>(c.bytes) * static_cast<double>(iterations) / seconds / 1e6;
}

bool parse_number(const char* text, double& out) {
  char* end = nullptr;
  out = std::strtod(text, &end);
  return end != text && *end == '\0' && out >= 0;
}

}  // namespace

int main(int argc, char** argv) {
  double min_time = 0.5, repetitions = 3, batch_size = 1000, iterations = 1;
  std::string filter, fixtures = ORDERKIT_FIXTURES_DIR, clock = "cpu";
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool has_value = i + 1 < argc;
    if (arg == "--help" || arg == "-h") {
      usage(stdout);
      return 0;
    } else if (arg == "--min-time" && has_value && parse_number(argv[i + 1], min_time)) {
      ++i;
    } else if (arg == "--repetitions" && has_value && parse_number(argv[i + 1], repetitions) && repetitions >= 1) {
      ++i;
    } else if (arg == "--iterations" && has_value && parse_number(argv[i + 1], iterations) && iterations >= 1) {
      ++i;
    } else if (arg == "--batch" && has_value && parse_number(argv[i + 1], batch_size) && batch_size >= 1) {
      ++i;
    } else if (arg == "--clock" && has_value &&
               (std::strcmp(argv[i + 1], "cpu") == 0 || std::strcmp(argv[i + 1], "wall") == 0)) {
      clock = argv[++i];
    } else if (arg == "--filter" && has_value) {
      filter = argv[++i];
    } else if (arg == "--fixtures" && has_value) {
      fixtures = argv[++i];
    } else {
      std::fprintf(stderr, "orderkit_codec_timing: bad argument '%s'\n", arg.c_str());
      usage(stderr);
      return 2;
    }
  }

  try {
    auto sample = orderkit::bench::sample_document(fixtures);
    auto batch = orderkit::bench::batch_document(static_cast<std::size_t>(batch_size));
    std::printf("documents: %s json %zu bytes, xml %zu bytes; %s json %zu bytes, xml %zu bytes\n", sample.name.c_str(),
                sample.json.size(), sample.xml.size(), batch.name.c_str(), batch.json.size(), batch.xml.size());
    auto cases = orderkit::bench::make_cases({&sample, &batch});

    // The chosen cases and their anchors.
    std::vector<bool> chosen(cases.size(), filter.empty());
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (chosen[i] || cases[i].name.find(filter) == std::string::npos) continue;
      chosen[i] = true;
      for (std::size_t k = 0; k < cases.size(); ++k)
        if (cases[k].name == cases[i].anchor) chosen[k] = true;
    }

    std::map<std::string, double> mb_per_s;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (!chosen[i]) continue;
      const Case& c = cases[i];
      g_sink = g_sink + c.run();  // warm-up; throws if an OrderKit case fails to decode
      std::vector<double> reps;
      for (int r = 0; r < static_cast<int>(repetitions); ++r)
        reps.push_back(time_once(c, min_time, static_cast<std::size_t>(iterations), clock == "cpu"));
      std::sort(reps.begin(), reps.end());
      double median = reps.size() % 2 ? reps[reps.size() / 2] : (reps[reps.size() / 2 - 1] + reps[reps.size() / 2]) / 2;
      mb_per_s[c.name] = median;
      std::printf("%-32s %10.1f MB/s  (min %.1f, max %.1f)\n", c.name.c_str(), median, reps.front(), reps.back());
      std::fflush(stdout);
    }

    std::vector<orderkit::bench::Ratio> rows;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (!chosen[i]) continue;
      auto anchor = mb_per_s.find(cases[i].anchor);
      rows.push_back({&cases[i], mb_per_s[cases[i].name], anchor == mb_per_s.end() ? 0 : anchor->second});
    }
#if defined(__EMSCRIPTEN__)
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    std::string title = std::string("Summary, ") + platform + " (MB/s = 10^6 bytes of the document per " +
                        (clock == "cpu" ? "CPU second of the process)" : "second of wall time)");
    orderkit::bench::print_summary(rows, title.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "orderkit_codec_timing: %s\n", e.what());
    return 1;
  }
}
