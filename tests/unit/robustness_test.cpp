// Hostile input: deterministic pseudo-random mutations of every documented sample and very deep
// nesting, fed to every decoder of the registry. Each must return a value or errors - never crash,
// hang or throw (this suite also runs under AddressSanitizer and in wasm) - and an accepted
// document must re-encode to a fixed point.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "fixtures.hpp"
#include "mutation.hpp"

using namespace orderkit;
using test::mutate;
using test::Random;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The models the pages send as documents (each fixture's model), once each.
std::vector<const ModelEntry*> document_models() {
  std::vector<const ModelEntry*> out;
  for (const test::Fixture& f : test::fixtures())
    if (std::find(out.begin(), out.end(), f.entry) == out.end()) out.push_back(f.entry);
  return out;
}

std::vector<const ModelEntry*> all_models() {
  std::vector<const ModelEntry*> out;
  for (const ModelEntry& e : models()) out.push_back(&e);
  return out;
}

// Feeds one input to each of `decoders` in `format`; returns how many decodes ran.
int feed(const std::string& input, Format format, const std::string& label,
         const std::vector<const ModelEntry*>& decoders) {
  int runs = 0;
  for (const ModelEntry* entry : decoders) {
    const ModelEntry& e = *entry;
    if (format == Format::xml && !e.has_xml()) continue;
    Result<std::string> once = e.convert(input, format, format, Layout::compact);
    ++runs;
    if (!once.ok()) {
      if (once.errors().empty()) BOOST_ERROR(label << " -> " << e.name() << ": failed without an error");
      for (const FieldError& err : once.errors())
        if (err.code.empty() || err.message.empty()) BOOST_ERROR(label << " -> " << e.name() << ": blank error");
      continue;
    }
    // Accepted: the re-encoding must be valid and a fixed point.
    if (!test::is_valid_utf8(once.value())) BOOST_ERROR(label << " -> " << e.name() << ": invalid UTF-8 output");
    Result<std::string> twice = e.convert(once.value(), format, format, Layout::compact);
    if (!twice.ok()) {
      BOOST_ERROR(label << " -> " << e.name() << ": its own output does not decode: " << to_string(twice.errors()));
    } else if (twice.value() != once.value()) {
      BOOST_ERROR(label << " -> " << e.name() << ": output is not a fixed point");
    }
  }
  return runs;
}

int feed_everywhere(const std::string& input, Format format, const std::string& label) {
  static const std::vector<const ModelEntry*> every = all_models();
  return feed(input, format, label, every);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(robustness)

BOOST_AUTO_TEST_CASE(mutated_samples_give_a_value_or_errors_in_every_decoder) {
  Random rnd(20260409);
  int inputs = 0, runs = 0;
  for (const test::Fixture& f : test::fixtures()) {
    for (int i = 0; i < 24; ++i) {
      std::string input = mutate(f.text, rnd);
      runs += feed_everywhere(input, f.format, f.name() + " mutation " + std::to_string(i));
      ++inputs;
    }
  }
  BOOST_TEST(inputs == 14 * 24);
  BOOST_TEST(runs > 10000);
}

BOOST_AUTO_TEST_CASE(samples_in_the_wrong_format_or_for_another_model_are_handled) {
  for (const test::Fixture& f : test::fixtures()) {
    feed_everywhere(f.text, Format::json, f.name() + " as JSON");
    feed_everywhere(f.text, Format::xml, f.name() + " as XML");
  }
}

BOOST_AUTO_TEST_CASE(very_deep_json_nesting_is_an_error_not_a_stack_overflow) {
  const std::size_t depth = 100000;
  const std::string cases[] = {
      repeat("[", depth),
      repeat("{\"a\":", depth),
      repeat("[", depth) + repeat("]", depth),
      "{\"Unknown\":" + repeat("[", depth) + repeat("]", depth) + "}",
      "{\"OrderDetails\":" + repeat("[", depth),
      "{\"OrderDetails\":[{\"OrderDetail\":" + repeat("{\"OrderDetail\":", depth),
      repeat("{\"Order\":", depth) + "1" + repeat("}", depth),
  };
  // Megabytes each: the documents' own models are enough to reach every decoder path.
  for (const std::string& input : cases)
    feed(input, Format::json, "deep JSON " + input.substr(0, 20), document_models());
}

BOOST_AUTO_TEST_CASE(very_deep_xml_nesting_is_an_error_not_a_stack_overflow) {
  const std::size_t depth = 100000;
  const std::string dc =
      "<OrdersController.OrderCreationRequest xmlns=\"http://schemas.datacontract.org/2004/07/"
      "LimitlessMobile.WebAPI.Controllers\">";
  const std::string cases[] = {
      repeat("<a>", depth),
      repeat("<a>", depth) + repeat("</a>", depth),
      "<OrderBase>" + repeat("<Id>", depth) + repeat("</Id>", depth) + "</OrderBase>",
      dc + repeat("<OrderDetails>", depth),
      dc + repeat("<Unknown>", depth) + repeat("</Unknown>", depth) + "</OrdersController.OrderCreationRequest>",
      repeat("<a xmlns:p=\"urn:x\">", 1000) + repeat("</a>", 1000),
  };
  for (const std::string& input : cases) feed(input, Format::xml, "deep XML " + input.substr(0, 20), document_models());
}

BOOST_AUTO_TEST_CASE(huge_flat_inputs_are_decoded_or_refused_in_one_pass) {
  // Many errors stop the decoder at its error limit instead of collecting millions.
  std::string many = "[" + repeat("{\"Id\":\"x\"},", 100000) + "{}]";
  auto errors = find_model("mobile", "Order[]")->check(many, Format::json);
  BOOST_TEST(errors.size() <= 51u);
  BOOST_TEST(errors.back().code == "limit");

  std::string xml_many =
      "<ArrayOfOrdersController.OrderDetailResult xmlns=\"http://schemas.datacontract.org/2004/07/"
      "LimitlessMobile.WebAPI.Controllers\">" +
      repeat("<OrdersController.OrderDetailResult><Success>maybe</Success></OrdersController.OrderDetailResult>",
             20000) +
      "</ArrayOfOrdersController.OrderDetailResult>";
  auto xml_errors = find_model("mobile", "OrderDetailResult[]")->check(xml_many, Format::xml);
  BOOST_TEST(xml_errors.size() <= 51u);
  BOOST_TEST(xml_errors.back().code == "limit");

  // A long valid string is kept whole.
  std::string long_text(1 << 20, 'x');
  auto order = find_model("contracts", "OrderBase")
                   ->convert("{\"CurrencyCode\":\"" + long_text +
                                 "\",\"OrderCode\":\"c\",\"OrderTypeId\":1,\"Date\":"
                                 "\"2026-01-01\",\"OrderTotalExVat\":1,\"CurrencyId\":1,\"Deleted\":false}",
                             Format::json, Format::xml, Layout::compact);
  BOOST_TEST_REQUIRE(order.ok(), to_string(order.errors()));
  BOOST_TEST(order.value().find("<CurrencyCode>" + long_text + "</CurrencyCode>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_collection_decodes_to_at_most_10000_items) {
  // A 1 MiB body of empty objects would decode to 349,000 items (350 MB): the item past the
  // limit is a "limit" error naming it, in either format, and the decoder stops there.
  const ModelEntry* request = find_model("mobile", "OrderCreationRequest");
  BOOST_TEST_REQUIRE(request != nullptr);
  auto json = [](std::size_t n) {
    return "{\"OrderDetails\":[" + repeat("{\"CategoryId\":1,\"VoluntaryTopupAmount\":1},", n - 1) +
           "{\"CategoryId\":1,\"VoluntaryTopupAmount\":1}],\"PaymentId\":1}";
  };
  auto xml = [](std::size_t n) {
    return "<OrdersController.OrderCreationRequest xmlns=\"http://schemas.datacontract.org/2004/07/"
           "LimitlessMobile.WebAPI.Controllers\"><OrderDetails>" +
           repeat(
               "<OrdersController.OrderItem><CategoryId>1</CategoryId><VoluntaryTopupAmount>1"
               "</VoluntaryTopupAmount></OrdersController.OrderItem>",
               n) +
           "</OrderDetails><PaymentId>1</PaymentId></OrdersController.OrderCreationRequest>";
  };
  auto limit_errors = [](const std::vector<FieldError>& errors) {
    return std::count_if(errors.begin(), errors.end(), [](const FieldError& e) { return e.code == "limit"; });
  };
  for (Format format : {Format::json, Format::xml}) {
    BOOST_TEST_CONTEXT((format == Format::json ? "json" : "xml")) {
      const auto at_limit = request->check(format == Format::json ? json(10000) : xml(10000), format);
      BOOST_TEST(limit_errors(at_limit) == 0, to_string(at_limit));
      const auto over = request->check(format == Format::json ? json(10001) : xml(10001), format);
      BOOST_TEST_REQUIRE(limit_errors(over) == 1, to_string(over));
      const auto it = std::find_if(over.begin(), over.end(), [](const FieldError& e) { return e.code == "limit"; });
      BOOST_TEST(it->path == "OrderDetails[10000]");
      BOOST_TEST(it->message == "more than 10000 items in a collection; stopped reading");
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
