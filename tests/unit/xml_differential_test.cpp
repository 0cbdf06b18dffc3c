// The pull reader against the DOM reader it replaced (tinyxml2 plus OrderKit's checks, kept as
// tests/support/xml_oracle.cpp), on the robustness suite's mutated samples and on a few hundred
// truncations, byte changes and mutations of every XML sample. Wherever the DOM reader took a
// document, the pull reader must decode the same value or report the same errors; where the
// two disagree on whether a document is well-formed, the difference must be one listed below,
// confirmed at the offset the pull reader names.
#include <boost/test/unit_test.hpp>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "codec/text.hpp"
#include "differential.hpp"
#include "fixtures.hpp"
#include "model_check.hpp"
#include "mutation.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"
#include "xml_oracle.hpp"

using namespace orderkit;
using test::errors_text;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t offset_in(const std::string& message) {
  auto at = message.find(" at offset ");
  return at == std::string::npos ? std::string::npos : std::stoul(message.substr(at + 11));
}

// A document the pull reader refuses and tinyxml2 took: XML does not allow it, and tinyxml2
// does not check. `confirm` checks the document at the offset of the message.
struct Stricter {
  const char* message;  // a part of the pull reader's message
  const char* why;
  bool (*confirm)(std::string_view doc, std::size_t at);
};

const Stricter kStricter[] = {
    {"control character", "XML allows no C0 control character but tab, LF and CR (tinyxml2 reads them)",
     [](std::string_view d, std::size_t at) {
       unsigned char c = static_cast<unsigned char>(d[at]);
       return c < 0x20 && !is_xml_space(d[at]);
     }},
    {"']]>'", "']]>' may not stand in text",
     [](std::string_view d, std::size_t at) { return d.substr(at, 3) == "]]>"; }},
    {"inside a comment", "a comment may not contain '--'",
     [](std::string_view d, std::size_t at) { return d.substr(at, 2) == "--"; }},
    {"XML declaration", "one XML declaration, only at the very start (tinyxml2 takes several, after white space)",
     [](std::string_view d, std::size_t at) {
       std::string target(d.substr(at, 5));
       for (char& c : target) c = static_cast<char>(c | 0x20);  // "<?XmL" too: the name is reserved
       return target == "<?xml";
     }},
    {"has no target name", "a processing instruction starts with a name (tinyxml2 takes any <?...?> before the root)",
     [](std::string_view d, std::size_t at) { return d.substr(at, 2) == "<?"; }},
    {"names no XML character",
     "no references to surrogates, U+FFFE, U+FFFF or beyond U+10FFFF (tinyxml2 writes invalid UTF-8)",
     [](std::string_view d, std::size_t at) { return d.substr(at, 2) == "&#"; }},
    {"in an attribute value", "'<' may not stand in an attribute value",
     [](std::string_view d, std::size_t at) { return d[at] == '<'; }},
    {"white space before attribute", "attributes are separated by white space",
     [](std::string_view d, std::size_t at) { return at > 0 && (d[at - 1] == '"' || d[at - 1] == '\''); }},
    {"starts no comment or CDATA section", "tinyxml2 keeps <!...> declarations it does not know",
     [](std::string_view d, std::size_t at) { return d.substr(at, 2) == "<!"; }},
    {"starts no tag", "a tag's name follows '<' at once (tinyxml2 skips white space there)",
     [](std::string_view d, std::size_t at) { return d[at] == '<' && at + 1 < d.size() && is_xml_space(d[at + 1]); }},
    {"to close end tag", "an end tag has no attributes (tinyxml2 reads them)",
     [](std::string_view d, std::size_t at) {
       std::size_t open = d.rfind("</", at);
       return open != std::string_view::npos && d[at] != '>' &&
              d.substr(open + 2, at - open - 2).find_first_of("<>\"'=") == std::string_view::npos;
     }},
    {"document type declaration", "DTDs are refused",
     [](std::string_view d, std::size_t at) { return d.substr(at, 9) == "<!DOCTYPE"; }},
    {"namespace declarations in scope", "the reader's cap on declarations in scope (prefixes are resolved by a scan)",
     [](std::string_view d, std::size_t at) { return d[at] == '<'; }},
    {"not UTF-8", "a document is UTF-8 throughout, names and text (tinyxml2 takes any bytes)",
     [](std::string_view d, std::size_t at) { return static_cast<unsigned char>(d[at]) >= 0x80; }},
};

// The document as XML reads it before any parser sees it, where tinyxml2 does not: line ends
// normalised everywhere (tinyxml2 reads LF CR as one line end, XML as two), and tab, LF and CR
// in attribute values as spaces (tinyxml2 keeps them). Comments, CDATA sections and processing
// instructions are skipped over, so that quotes inside them are not taken for values. And an
// element's content of white space alone, which tinyxml2 drops and .NET (and the pull reader)
// read as the element's text, is spelled as references, which tinyxml2 keeps.
std::string xml_normalised(std::string_view doc) {
  std::string lines;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    if (doc[i] != '\r') lines += doc[i];
    else if (i + 1 < doc.size() && doc[i + 1] == '\n') continue;  // CR LF: the LF stays
    else lines += '\n';
  }
  std::string out;
  char quote = 0;
  bool in_tag = false;
  std::size_t tag_start = std::string::npos;   // in `out`, of the tag being read
  std::size_t blank_from = std::string::npos;  // in `out`: white space alone since a start tag
  for (std::size_t i = 0; i < lines.size(); ++i) {
    char c = lines[i];
    if (!in_tag && c == '<' && i + 1 < lines.size() && lines[i + 1] == '/' && blank_from != std::string::npos &&
        blank_from < out.size()) {
      std::string refs;
      for (std::size_t k = blank_from; k < out.size(); ++k) refs += "&#" + std::to_string(int(out[k])) + ";";
      out.replace(blank_from, std::string::npos, refs);
    }
    if (!in_tag && blank_from != std::string::npos && !is_xml_space(c)) blank_from = std::string::npos;
    if (!in_tag && c == '<') {
      for (std::string_view open_close : {"<!--|-->", "<![CDATA[|]]>", "<?|?>"}) {
        auto bar = open_close.find('|');
        if (std::string_view(lines).substr(i, bar) != open_close.substr(0, bar)) continue;
        std::size_t close = lines.find(open_close.substr(bar + 1), i + bar);
        std::size_t stop = close == std::string::npos ? lines.size() : close + open_close.size() - bar - 1;
        out.append(lines, i, stop - i);
        i = stop - 1;
        c = 0;
        break;
      }
      if (c == 0) continue;
      in_tag = true;
      tag_start = out.size();
    } else if (in_tag && quote == 0 && c == '>') {
      in_tag = false;
      bool start_tag =
          out[tag_start + 1] != '/' && out.back() != '/' && out[tag_start + 1] != '?' && out[tag_start + 1] != '!';
      if (start_tag) blank_from = out.size() + 1;
    } else if (in_tag && (c == '"' || c == '\'')) {
      quote = quote == 0 ? c : quote == c ? 0 : quote;
    } else if (quote != 0 && (c == '\t' || c == '\n')) {
      c = ' ';
    }
    out += c;
  }
  return out;
}

enum class Verdict { same_value, same_errors, both_malformed, stricter, normalised, differ };

struct Tally {
  std::map<Verdict, int> by_verdict;
  std::map<std::string, int> by_rule;  // stricter, by kStricter message
  int count(Verdict v) const { return by_verdict.count(v) ? by_verdict.at(v) : 0; }
};

// Both answers alike: the same value, or the same errors, or both a syntax error.
template <class T>
bool alike(const Result<T>& a, const Result<T>& b, Verdict& verdict) {
  auto syntax = [](const Result<T>& r) { return !r.ok() && r.errors().front().code == "syntax"; };
  if (a.ok() && b.ok()) {
    verdict = Verdict::same_value;
    return a.value() == b.value() && to_xml(a.value(), Layout::compact) == to_xml(b.value(), Layout::compact);
  }
  if (a.ok() || b.ok()) return false;
  verdict = syntax(a) && syntax(b) ? Verdict::both_malformed : Verdict::same_errors;
  return verdict == Verdict::both_malformed || errors_text(a.errors()) == errors_text(b.errors());
}

template <class T>
std::string answer(const Result<T>& r) {
  return r.ok() ? to_xml(r.value(), Layout::compact) : errors_text(r.errors());
}

// Compares the two readers on one document, decoding as T; a disagreement that is not a
// listed one fails the test.
// The document with each byte that is not UTF-8 replaced by U+FFFD. tinyxml2 takes any bytes and
// the pull reader refuses them (a document is UTF-8 throughout: decode_errors and xml_pull test
// that rule), so the readers are compared on text, where mutations still reach everything else.
std::string as_utf8(const std::string& raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size();) {
    std::uint32_t cp = 0;
    std::size_t len = static_cast<unsigned char>(raw[i]) < 0x80 ? 1 : codec::utf8_sequence(raw, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(raw, i, len);
      i += len;
    }
  }
  return out;
}

template <class T>
Verdict compare(const std::string& doc, const std::string& label, Tally& tally) {
  Result<T> dom = test::oracle::from_xml<T>(doc);
  Result<T> pull = from_xml<T>(doc);
  Verdict verdict = Verdict::differ;
  if (!alike(dom, pull, verdict)) {
    verdict = Verdict::differ;
    if (!pull.ok() && pull.errors().front().code == "syntax" && (dom.ok() || dom.errors().front().code != "syntax")) {
      const std::string& message = pull.errors().front().message;
      std::size_t at = offset_in(message);
      for (const Stricter& s : kStricter) {
        if (message.find(s.message) != std::string::npos && at < doc.size() && s.confirm(doc, at)) {
          ++tally.by_rule[s.message];
          verdict = Verdict::stricter;
          break;
        }
      }
    } else if (std::string normal = xml_normalised(doc); normal != doc) {
      Verdict ignored;
      if (alike(test::oracle::from_xml<T>(normal), pull, ignored)) verdict = Verdict::normalised;
    }
    if (verdict == Verdict::differ)
      BOOST_ERROR(label << ": the readers disagree\nDOM:  " << answer(dom) << "\npull: " << answer(pull));
  }
  ++tally.by_verdict[verdict];
  return verdict;
}

using Compare = std::function<Verdict(const std::string&, const std::string&, Tally&)>;

// Every XML sample's model, by fixture name.
const std::map<std::string, Compare>& decoders() {
  static const std::map<std::string, Compare> all = {
      {"contracts/OrderBase.response.xml", compare<contracts::OrderBase>},
      {"licenses/OrderRequest.request.xml", compare<licenses::OrderRequest>},
      {"licenses/ValidationResult.response.xml", compare<licenses::ValidationResult>},
      {"mobile/OrderCreationRequest.request.xml", compare<mobile::OrderCreationRequest>},
      {"mobile/OrderDetailResult[].response.xml", compare<std::vector<mobile::OrderDetailResult>>},
  };
  return all;
}

// The decoders on mutated documents, made UTF-8 first (see as_utf8).
const std::map<std::string, Compare>& decoders_on_text() {
  static const std::map<std::string, Compare> all = [] {
    std::map<std::string, Compare> out;
    for (const auto& [name, compare] : decoders()) {
      out[name] = [compare = compare](const std::string& doc, const std::string& label, Tally& tally) {
        return compare(as_utf8(doc), label, tally);
      };
    }
    return out;
  }();
  return all;
}

void report(const Tally& t) {
  BOOST_TEST_MESSAGE("same value " << t.count(Verdict::same_value) << ", same errors " << t.count(Verdict::same_errors)
                                   << ", both malformed " << t.count(Verdict::both_malformed) << ", stricter "
                                   << t.count(Verdict::stricter) << ", normalised " << t.count(Verdict::normalised));
  for (const auto& [rule, n] : t.by_rule) BOOST_TEST_MESSAGE("  stricter: " << rule << ": " << n);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xml_differential)

BOOST_AUTO_TEST_CASE(every_xml_sample_has_a_decoder_here) {
  test::check_a_decoder_per_fixture(decoders(), Format::xml);
}

BOOST_AUTO_TEST_CASE(robustness_mutations_decode_alike_in_every_model) {
  // The robustness suite's inputs: the same seed, walking every fixture in the same order.
  test::Random rnd(20260409);
  Tally tally;
  for (const test::Fixture& f : test::fixtures()) {
    for (int i = 0; i < 24; ++i) {
      std::string input = test::mutate(f.text, rnd);
      if (f.format != Format::xml) continue;
      for (const auto& [name, compare] : decoders_on_text())
        compare(input, f.name() + " mutation " + std::to_string(i) + " as " + name, tally);
    }
  }
  report(tally);
  BOOST_TEST(tally.count(Verdict::differ) == 0);
  BOOST_TEST(tally.count(Verdict::same_value) + tally.count(Verdict::same_errors) > 50);
}

BOOST_AUTO_TEST_CASE(truncated_changed_and_mutated_samples_decode_alike) {
  Tally tally;
  test::Random rnd(20261124);
  test::compare_variants(decoders_on_text(), rnd, tally);
  report(tally);
  BOOST_TEST(tally.count(Verdict::differ) == 0);
  BOOST_TEST(tally.count(Verdict::same_value) > 300);
  BOOST_TEST(tally.count(Verdict::same_errors) > 50);
}

BOOST_AUTO_TEST_CASE(each_listed_difference_is_real) {
  const std::string& base = test::fixture("contracts/OrderBase.response.xml").text;
  auto with = [&](const std::string& from, const std::string& to) {
    std::string doc = base;
    auto at = doc.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    return doc.replace(at, from.size(), to);
  };
  const std::string code = "<CurrencyCode>sample string 8</CurrencyCode>";
  const std::string root = "<OrderBase ";
  // Documents tinyxml2 took and the pull reader refuses, one per rule of kStricter.
  const std::pair<std::string, const char*> stricter[] = {
      {with(code, "<CurrencyCode>a\x01b</CurrencyCode>"), "control character"},
      {with(code, "<CurrencyCode>a]]>b</CurrencyCode>"), "']]>'"},
      {with(code, "<!-- a -- b -->" + code), "inside a comment"},
      {"\n<?xml version=\"1.0\"?>" + base, "XML declaration"},
      {"<?xml version=\"1.0\"?><?xml version=\"1.0\"?>" + base, "XML declaration"},
      {"<? x?>" + base, "has no target name"},
      {with(code, "<CurrencyCode>&#xD800;</CurrencyCode>"), "names no XML character"},
      {with(code, "<CurrencyCode>&#x110000;</CurrencyCode>"), "names no XML character"},
      {with(root, "<OrderBase a=\"<\" "), "in an attribute value"},
      {with(root, "<OrderBase a=\"1\"b=\"2\" "), "white space before attribute"},
      {"<!ELEMENT OrderBase ANY>" + base, "starts no comment or CDATA section"},
      {with(code, "<!ELEMENT x ANY>" + code), "starts no comment or CDATA section"},
      {"<!DOCTYPE OrderBase>" + base, "document type declaration"},
      {with(code, "< CurrencyCode>x< /CurrencyCode>"), "starts no tag"},
      {with(code, "<CurrencyCode>x</CurrencyCode a=\"1\">"), "to close end tag"},
      {with(code, code + "<X\xFF>1</X\xFF>"), "not UTF-8"},
      {with(
           root, "<OrderBase " +
                     [] {
                       std::string attributes;
                       for (int i = 0; i < 300; ++i) attributes += "xmlns:p" + std::to_string(i) + "='urn:x' ";
                       return attributes;
                     }()),
       "namespace declarations in scope"},
  };
  Tally tally;
  for (const auto& [doc, rule] : stricter) {
    BOOST_TEST_CONTEXT(rule) {
      BOOST_TEST(test::oracle::from_xml<contracts::OrderBase>(doc).ok());
      BOOST_TEST((compare<contracts::OrderBase>(doc, rule, tally) == Verdict::stricter));
    }
  }
  BOOST_TEST(tally.by_rule.size() == std::size(kStricter));  // every rule has its example

  // Values XML normalises and tinyxml2 did not: LF CR is two line ends, and white space in an
  // attribute value (here a namespace name, shown in the error) is a space.
  std::string lf_cr = with(code, "<CurrencyCode>a\n\rb</CurrencyCode>");
  BOOST_TEST(test::oracle::from_xml<contracts::OrderBase>(lf_cr).value().CurrencyCode.value() == "a\nb");
  BOOST_TEST(from_xml<contracts::OrderBase>(lf_cr).value().CurrencyCode.value() == "a\n\nb");
  BOOST_TEST((compare<contracts::OrderBase>(lf_cr, "LF CR", tally) == Verdict::normalised));
  std::string tab = with(root, "<OrderBase xmlns=\"urn:a\tb\" ");
  BOOST_TEST(errors_text(from_xml<contracts::OrderBase>(tab).errors()) ==
             "expected root element <OrderBase>, got <OrderBase> in namespace 'urn:a b'");
  BOOST_TEST((compare<contracts::OrderBase>(tab, "tab", tally) == Verdict::normalised));
  // A value of white space alone: tinyxml2 drops it, .NET reads it (and so does the pull reader).
  std::string blank = with(code, "<CurrencyCode> \t\r\n</CurrencyCode>");
  BOOST_TEST(test::oracle::from_xml<contracts::OrderBase>(blank).value().CurrencyCode.value() == "");
  BOOST_TEST(from_xml<contracts::OrderBase>(blank).value().CurrencyCode.value() == " \t\n");
  BOOST_TEST((compare<contracts::OrderBase>(blank, "white space alone", tally) == Verdict::normalised));
  // Indentation is no value for either reader: the document with its white space as it is.
  BOOST_TEST((compare<contracts::OrderBase>(base, "indentation", tally) == Verdict::same_value));

  // And what tinyxml2 refused that XML allows: processing instructions inside and after the
  // root, '&' in one, character references with leading zeros, nesting between 100 and 256.
  const std::string laxer[] = {
      with(code, "<?pi x?>" + code),
      base + "<?pi x?>",
      "<?pi a & b?>" + base,
      with(code, "<CurrencyCode>&#000000065;</CurrencyCode>"),
      with(code, code + repeat("<x>", 150) + repeat("</x>", 150)),
  };
  for (const std::string& doc : laxer) {
    BOOST_TEST_CONTEXT(doc.substr(0, 60)) {
      BOOST_TEST(test::oracle::from_xml<contracts::OrderBase>(doc).errors().at(0).code == "syntax");
      BOOST_TEST(from_xml<contracts::OrderBase>(doc).ok());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
