// Differential tests against the .NET oracle (issue 14, point 2): seeded random values of every
// documented body model, encoded by OrderKit, decoded and encoded again by the real serializers
// configured as Web API 2 configures them. The two encodings must be the same bytes (then .NET
// read the same value, and OrderKit reads .NET's text back to the same value), unless the
// difference is listed in docs/models.md as deliberate.
#define BOOST_TEST_MODULE orderkit_oracle
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "oracle_process.hpp"
#include "orderkit/broadband/models.hpp"
#include "orderkit/codec.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"
#include "orderkit/registry.hpp"
#include "value_generator.hpp"

using namespace orderkit;

oracle::Process& the_oracle();

/// The one oracle process of the run, started on first use (acceptance_test.cpp uses it too).
oracle::Process& the_oracle() {
  static std::unique_ptr<oracle::Process> p = [] {
    const char* script = std::getenv("ORDERKIT_ORACLE_SCRIPT");
    const char* out = std::getenv("ORDERKIT_ORACLE_OUT");
    if (!script || !out) throw std::runtime_error("ORDERKIT_ORACLE_SCRIPT and ORDERKIT_ORACLE_OUT must be set");
    return std::make_unique<oracle::Process>(script, out);
  }();
  return *p;
}

namespace {

// The first line where two texts differ, for messages.
std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  auto line_of = [&](const std::string& s) {
    std::size_t start = s.rfind('\n', i == 0 ? 0 : i - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::size_t end = s.find('\n', i);
    return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  return "OrderKit: " + line_of(a) + "\n   .NET: " + line_of(b);
}

struct Tally {
  int same = 0;
  int differ = 0;
};

template <class T>
Tally run_cases(const std::string& api, const std::string& model, Format format, int count, std::uint64_t seed) {
  Tally tally;
  const bool xml = format == Format::xml;
  oracle::Generator gen(seed, oracle::GenOptions{xml});
  for (int i = 0; i < count; ++i) {
    T value = gen.model<T>();
    std::string ours;
    if constexpr (has_xml<T>()) ours = xml ? to_xml(value) : to_json(value);
    else ours = to_json(value);
    oracle::Answer a = the_oracle().ask("roundtrip", api, model, xml ? "xml" : "json", ours);
    if (a.status != "ok") {
      ++tally.differ;
      BOOST_ERROR(api << "/" << model << (xml ? " xml" : " json") << " case " << i
                      << ": .NET refused OrderKit's text: " << a.payload.substr(0, 400) << "\n"
                      << ours.substr(0, 2000));
      continue;
    }
    if (a.payload != ours) {
      ++tally.differ;
      BOOST_ERROR(api << "/" << model << (xml ? " xml" : " json") << " case " << i << ": encodings differ\n"
                      << first_difference(ours, a.payload));
      continue;
    }
    Result<T> back = from_json<T>(a.payload);
    if constexpr (has_xml<T>()) {
      if (xml) back = from_xml<T>(a.payload);
    }
    if (!back.ok() || !(back.value() == value)) {
      ++tally.differ;
      BOOST_ERROR(api << "/" << model << " case " << i << ": OrderKit does not read .NET's text back to the value: "
                      << (back.ok() ? std::string("a different value") : to_string(back.errors())) << "\n"
                      << a.payload.substr(0, 3000));
      continue;
    }
    ++tally.same;
  }
  BOOST_TEST_MESSAGE(api << "/" << model << (xml ? " xml" : " json") << ": " << tally.same << " same, " << tally.differ
                         << " different");
  return tally;
}

constexpr int kCases = 400;

}  // namespace

BOOST_AUTO_TEST_SUITE(dotnet_differential)

BOOST_AUTO_TEST_CASE(broadband_order_new_json) {
  BOOST_TEST(run_cases<broadband::OrderNew>("broadband", "OrderNew", Format::json, kCases, 1).same == kCases);
}

BOOST_AUTO_TEST_CASE(contracts_order_base_json_and_xml) {
  BOOST_TEST(run_cases<contracts::OrderBase>("contracts", "OrderBase", Format::json, kCases, 2).same == kCases);
  BOOST_TEST(run_cases<contracts::OrderBase>("contracts", "OrderBase", Format::xml, kCases, 3).same == kCases);
}

BOOST_AUTO_TEST_CASE(licenses_order_request_json_and_xml) {
  BOOST_TEST(run_cases<licenses::OrderRequest>("licenses", "OrderRequest", Format::json, kCases, 4).same == kCases);
  BOOST_TEST(run_cases<licenses::OrderRequest>("licenses", "OrderRequest", Format::xml, kCases, 5).same == kCases);
}

BOOST_AUTO_TEST_CASE(mobile_order_creation_request_json_and_xml) {
  using R = mobile::OrderCreationRequest;
  BOOST_TEST(run_cases<R>("mobile", "OrderCreationRequest", Format::json, kCases, 6).same == kCases);
  BOOST_TEST(run_cases<R>("mobile", "OrderCreationRequest", Format::xml, kCases, 7).same == kCases);
}

BOOST_AUTO_TEST_CASE(mobile_order_detail_results_json_and_xml) {
  using R = std::vector<mobile::OrderDetailResult>;
  BOOST_TEST(run_cases<R>("mobile", "OrderDetailResult[]", Format::json, kCases, 8).same == kCases);
  BOOST_TEST(run_cases<R>("mobile", "OrderDetailResult[]", Format::xml, kCases, 9).same == kCases);
}

// A string of white space alone in XML (the generator leaves it out above): OrderKit writes it as
// character references, .NET as it is, and each side reads the other's text to the same value.
// Before OrderKit's reader kept such text, a value from a real server arrived empty.
template <class T, class Set>
void white_space_alone(const std::string& api, const std::string& model, Set set) {
  oracle::Generator gen(10, oracle::GenOptions{true});
  for (const std::string text : {" ", "   ", "\t \n "}) {
    T value = gen.model<T>();
    set(value, text);
    oracle::Answer a = the_oracle().ask("roundtrip", api, model, "xml", to_xml(value));
    BOOST_TEST_REQUIRE(a.status == "ok", a.payload.substr(0, 400));
    BOOST_TEST_CONTEXT(api << "/" << model << " '" << text << "'\n" << a.payload.substr(0, 3000)) {
      BOOST_TEST(a.payload.find(">" + text + "</") != std::string::npos);  // .NET writes it as it is
      Result<T> back = from_xml<T>(a.payload);
      BOOST_TEST_REQUIRE(back.ok(), to_string(back.errors()));
      BOOST_TEST((back.value() == value));
    }
  }
}

BOOST_AUTO_TEST_CASE(white_space_alone_in_xml_reads_both_ways) {
  white_space_alone<contracts::OrderBase>("contracts", "OrderBase",
                                          [](contracts::OrderBase& v, const std::string& t) { v.CurrencyCode = t; });
  white_space_alone<mobile::OrderCreationRequest>(
      "mobile", "OrderCreationRequest",
      [](mobile::OrderCreationRequest& v, const std::string& t) { v.OrderPaymentDescription = t; });
}

BOOST_AUTO_TEST_SUITE_END()
