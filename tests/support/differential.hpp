#pragma once
// What the JSON and XML differential tests share: each keeps a table of decoders, one per sample
// fixture of its format (fixture name -> a function that decodes a document with the SDK's reader
// and with the oracle and tallies the verdict), and runs it over the same corpus.
#include <boost/test/unit_test.hpp>

#include <string>

#include "fixtures.hpp"
#include "mutation.hpp"

namespace orderkit::test {

/// Every sample fixture in `format` has a decoder in the table, and no decoder lacks its fixture.
template <class Decoders>
void check_a_decoder_per_fixture(const Decoders& decoders, Format format) {
  std::size_t samples = 0;
  for (const Fixture& f : fixtures()) {
    if (f.format != format) continue;
    ++samples;
    BOOST_TEST(decoders.count(f.name()) == 1u, f.name());
  }
  BOOST_TEST(samples == decoders.size());
}

/// Each decoder on its fixture's variants (for_each_variant), in the table's order.
template <class Decoders, class Tally>
void compare_variants(const Decoders& decoders, Random& rnd, Tally& tally) {
  for (const auto& decoder : decoders) {  // not a structured binding: C++17 lambdas cannot capture those
    const auto& compare = decoder.second;
    for_each_variant(fixture(decoder.first).text, decoder.first, rnd,
                     [&](const std::string& doc, const std::string& label) { compare(doc, label, tally); });
  }
}

}  // namespace orderkit::test
