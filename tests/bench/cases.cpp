#include "cases.hpp"

#include <tinyxml2.h>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "orderkit/codec.hpp"
#include "typed_client.hpp"

namespace orderkit::bench {
namespace {

// Typed decode, either shape of document.
template <class T>
std::size_t decode_json(std::string_view text) {
  auto r = from_json<T>(text);
  if (!r) throw std::runtime_error("decode failed: " + to_string(r.errors()));
  if constexpr (meta::is_vector_v<T>) return r.value().size();
  else return static_cast<std::size_t>(r.value().PaymentId);
}
template <class T>
std::size_t decode_xml(std::string_view text) {
  auto r = from_xml<T>(text);
  if (!r) throw std::runtime_error("decode failed: " + to_string(r.errors()));
  if constexpr (meta::is_vector_v<T>) return r.value().size();
  else return static_cast<std::size_t>(r.value().PaymentId);
}

// nlohmann's SAX interface with nothing behind it: the cost of tokenising alone.
struct NoopSax final : nlohmann::json_sax<nlohmann::json> {
  std::size_t events = 0;
  bool hit() {
    ++events;
    return true;
  }
  bool null() override { return hit(); }
  bool boolean(bool) override { return hit(); }
  bool number_integer(number_integer_t) override { return hit(); }
  bool number_unsigned(number_unsigned_t) override { return hit(); }
  bool number_float(number_float_t, const string_t&) override { return hit(); }
  bool string(string_t&) override { return hit(); }
  bool binary(binary_t&) override { return hit(); }
  bool start_object(std::size_t) override { return hit(); }
  bool key(string_t&) override { return hit(); }
  bool end_object() override { return hit(); }
  bool start_array(std::size_t) override { return hit(); }
  bool end_array() override { return hit(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

void add_document_cases(std::vector<Case>& cases, const Document& doc) {
  using mobile::OrderCreationRequest;
  using Batch = std::vector<OrderCreationRequest>;
  const std::string p = doc.name + "/";
  const bool batch = doc.is_batch;
  const Layout layout = batch ? Layout::compact : Layout::indented;
  const int indent = batch ? -1 : 2;
  std::string_view json = doc.json, xml = doc.xml;

  // ---- JSON decode ----
  cases.push_back(
      {p + "json/nlohmann_dom_parse", "", 0, json.size(), [json] { return nlohmann::json::parse(json).size(); }});
  cases.push_back({p + "json/nlohmann_sax_noop", p + "json/nlohmann_dom_parse", 0, json.size(), [json] {
                     NoopSax sax;
                     nlohmann::json::sax_parse(json.begin(), json.end(), &sax);
                     return sax.events;
                   }});
  cases.push_back({p + "json/typed_decode", p + "json/nlohmann_dom_parse", 1.2, json.size(),
                   batch ? std::function<std::size_t()>([json] { return decode_json<Batch>(json); })
                         : std::function<std::size_t()>([json] { return decode_json<OrderCreationRequest>(json); })});
  cases.push_back({p + "json/dom_then_map", p + "json/nlohmann_dom_parse", 0, json.size(), [json, batch] {
                     if (batch) {
                       Batch out;
                       return typed_client::decode(json, out);
                     }
                     OrderCreationRequest out;
                     return typed_client::decode(json, out);
                   }});

  // ---- JSON encode ----
  auto dom = std::make_shared<const nlohmann::json>(nlohmann::json::parse(json));
  cases.push_back({p + "json/nlohmann_dump", "", 0, json.size(), [dom, indent] { return dom->dump(indent).size(); }});
  cases.push_back({p + "json/typed_encode", p + "json/nlohmann_dump", 1.0, json.size(), [&doc, batch, layout] {
                     return batch ? to_json(doc.orders, layout).size() : to_json(doc.orders.front(), layout).size();
                   }});
  cases.push_back({p + "json/map_then_dump", p + "json/nlohmann_dump", 0, json.size(), [&doc, batch] {
                     return batch ? typed_client::encode(doc.orders, !batch).size()
                                  : typed_client::encode(doc.orders.front(), !batch).size();
                   }});

  // ---- XML decode ----
  cases.push_back({p + "xml/tinyxml2_parse", "", 0, xml.size(), [xml] {
                     tinyxml2::XMLDocument d;  // the defaults: entities processed, whitespace preserved
                     d.Parse(xml.data(), xml.size());
                     return static_cast<std::size_t>(d.ErrorID()) + (d.RootElement() != nullptr);
                   }});
  cases.push_back({p + "xml/typed_decode", p + "xml/tinyxml2_parse", 0.8, xml.size(),
                   batch ? std::function<std::size_t()>([xml] { return decode_xml<Batch>(xml); })
                         : std::function<std::size_t()>([xml] { return decode_xml<OrderCreationRequest>(xml); })});

  // ---- XML encode ----
  auto tree = std::make_shared<tinyxml2::XMLDocument>();
  tree->Parse(xml.data(), xml.size());
  cases.push_back({p + "xml/tinyxml2_print", "", 0, xml.size(), [tree, batch] {
                     tinyxml2::XMLPrinter printer(nullptr, /*compact=*/batch);
                     tree->Print(&printer);
                     return static_cast<std::size_t>(printer.CStrSize());
                   }});
  cases.push_back({p + "xml/typed_encode", p + "xml/tinyxml2_print", 0, xml.size(), [&doc, batch, layout] {
                     return batch ? to_xml(doc.orders, layout).size() : to_xml(doc.orders.front(), layout).size();
                   }});
}

}  // namespace

std::vector<Case> make_cases(const std::vector<const Document*>& docs) {
  std::vector<Case> cases;
  for (const Document* d : docs) add_document_cases(cases, *d);
  return cases;
}

bool print_summary(const std::vector<Ratio>& rows, const char* title) {
  bool all_met = true;
  std::printf("\n%s\n\n", title);
  std::printf("| case | MB/s | compared with | ratio | target |\n|---|---:|---|---:|---|\n");
  for (const Ratio& r : rows) {
    const Case& c = *r.c;
    std::printf("| %s | %.1f |", c.name.c_str(), r.mb_per_s);
    if (c.anchor.empty() || r.anchor_mb_per_s <= 0) {
      std::printf(" %s | | |\n", c.anchor.empty() ? "(anchor)" : "(anchor not run)");
      continue;
    }
    double ratio = r.mb_per_s / r.anchor_mb_per_s;
    std::printf(" %s | %.2fx |", c.anchor.substr(c.anchor.rfind('/') + 1).c_str(), ratio);
    if (c.target > 0) {
      bool met = ratio >= c.target;
      all_met = all_met && met;
      std::printf(" >= %.1fx %s |\n", c.target, met ? "met" : "**not met**");
    } else {
      std::printf(" |\n");
    }
  }
  std::fflush(stdout);
  return all_met;
}

}  // namespace orderkit::bench
