// Acceptance on odd input (issue 14, points 3 and 5): request variants real clients send, each run
// through .NET (decode + DataAnnotations validation, as Web API 2 binds a body), through OrderKit's
// binding (the registry's check: decode + validate) and through the mock
// (orderkit::mock::MockState::handle, the whole request path). All must accept or all refuse,
// naming the same fields, unless the row is a known difference listed below with its reason; what
// both accept must be the same value (.NET writes both readings the same); and a DataAnnotations
// message .NET gives must be OrderKit's and the mock's text too. The outcome table is generated
// into docs/models.md (between the markers "acceptance table"); the test fails when the committed
// table is stale (ORDERKIT_UPDATE_DOCS=1 rewrites it).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "oracle_process.hpp"
#include "orderkit/mock/server.hpp"
#include "orderkit/registry.hpp"

using namespace orderkit;

oracle::Process& the_oracle();  // differential_test.cpp

namespace {

struct Case {
  const char* api;
  const char* model;
  const char* format;  // "json" or "xml"
  const char* what;
  std::string body;
  const char* known;  // why OrderKit deliberately or knowingly differs, or nullptr
};

const char* const kMobileNs = "http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers";

std::string order_base(const std::string& replace_from = "", const std::string& replace_to = "") {
  std::string s =
      R"({"Id":0,"OrderCode":"A1","OrderTypeId":3,"Date":"2026-01-11T16:16:24.5248029+01:00","OrderTotalIncVat":5.0,)"
      R"("OrderTotalExVat":6.0,"CurrencyId":7,"CurrencyCode":"DKK","Deleted":true,"ChangeTimestamp":null,)"
      R"("MainStatusId":null,"AffiliateId":null})";
  if (!replace_from.empty()) s.replace(s.find(replace_from), replace_from.size(), replace_to);
  return s;
}

std::vector<Case> corpus() {
  std::string deep = "{\"Owner\":{\"Name\":\"x\",\"Unknown\":" + std::string(300, '[') + std::string(300, ']') + "}}";
  std::string ok_deep =
      "{\"Owner\":{\"Name\":\"x\",\"Unknown\":" + std::string(200, '[') + std::string(200, ']') + "}}";
  std::string mobile_xml = std::string("<OrdersController.OrderCreationRequest xmlns=\"") + kMobileNs + "\">";
  return {
      {"mobile", "OrderCreationRequest", "json", "a number as a string (\"PaymentId\":\"5\")", R"({"PaymentId":"5"})",
       nullptr},
      {"mobile", "OrderCreationRequest", "json", "\"true\" for a boolean",
       R"({"OrderDetails":[{"OrderDetail":{"NumberPorting":"true"}}]})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "names in other casing", R"({"paymentid":5,"ORDERDETAILS":[]})",
       nullptr},
      {"mobile", "OrderCreationRequest", "json", "unknown members", R"({"Nope":{"a":[1,2]},"PaymentId":5})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "a number for a string", R"({"OrderPaymentDescription":5})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "a fraction for an integer", R"({"PaymentId":1.5})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "text for an integer", R"({"PaymentId":"abc"})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "an integer beyond Int32", R"({"PaymentId":2147483648})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "an impossible date",
       R"({"OrderDetails":[{"OrderDetail":{"Date":"2026-02-30T00:00:00"}}]})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "a date without offset",
       R"({"OrderDetails":[{"OrderDetail":{"Date":"2026-02-03T04:05:06"}}]})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "an object for a collection", R"({"OrderDetails":{}})", nullptr},
      {"mobile", "OrderCreationRequest", "json", "white space around a date, GUID and decimal string",
       R"({"OrderDetails":[{"VoluntaryTopupAmount":"\t2.50\n","OrderDetail":{"Date":" 2025-04-28T00:58:52+02:00 ",)"
       R"("OrderGroupGuid":"\na7d160f7-c91a-4511-a413-a9748adfaadf "}}]})",
       nullptr},
      {"mobile", "OrderCreationRequest", "json", "an exponent and a thousands separator in decimal strings",
       R"({"OrderDetails":[{"VoluntaryTopupAmount":"1e2"},{"VoluntaryTopupAmount":"1,000"}]})",
       "OrderKit refuses digit grouping (\"1,000\"), which decimal.Parse reads in the invariant culture"},
      {"mobile", "OrderCreationRequest", "json", "a date with a space for the T",
       R"({"OrderDetails":[{"OrderDetail":{"Date":"2025-04-28 00:58:52"}}]})",
       "OrderKit reads dates in ISO 8601 only; Newtonsoft reads this one (and 04/28/2025) with DateTime.Parse"},
      {"mobile", "OrderCreationRequest", "json", "an array for the body", "[]", nullptr},
      // Newtonsoft's extensions of JSON, which Web API 2 reads (its formatter does not check for
      // content after the value either); OrderKit reads standard JSON only (docs/models.md).
      {"mobile", "OrderCreationRequest", "json", "a comment", R"({"PaymentId": 5 /* c */})",
       "OrderKit reads standard JSON (RFC 8259) only: Newtonsoft's extensions are syntax errors"},
      {"mobile", "OrderCreationRequest", "json", "single quotes and a name without quotes",
       R"({'PaymentId': 5, Id: 1})",
       "OrderKit reads standard JSON (RFC 8259) only: Newtonsoft's extensions are syntax errors"},
      {"mobile", "OrderCreationRequest", "json", "a trailing comma", R"({"PaymentId": 5,})",
       "OrderKit reads standard JSON (RFC 8259) only: Newtonsoft's extensions are syntax errors"},
      {"mobile", "OrderCreationRequest", "json", "an octal and a hex number", R"({"PaymentId": 012, "Id": 0x1F})",
       "OrderKit reads standard JSON (RFC 8259) only: Newtonsoft's extensions are syntax errors"},
      {"mobile", "OrderCreationRequest", "json", "text after the value", R"({"PaymentId": 5} {"PaymentId": 6})",
       "OrderKit refuses it; Web API 2 reads the first value and ignores the rest"},
      {"licenses", "OrderRequest", "json", "\"\" for a GUID", R"({"AccountId":""})", nullptr},
      {"licenses", "OrderRequest", "json", "null for AccountId (unknown nullability)", R"({"AccountId":null})",
       "OrderKit reads null for a member whose nullability the page cannot tell; the oracle takes the strict reading"},
      {"licenses", "OrderRequest", "json", "1e400 for an integer", R"({"Quantity": 1e400})", nullptr},
      {"licenses", "OrderRequest", "json", "1e400 for a decimal", R"({"Agreement": {"TotalAmount": -1e400}})", nullptr},
      {"licenses", "OrderRequest", "json", "1e400 for a string", R"({"Grade": 1e400})", nullptr},
      {"licenses", "OrderRequest", "json", "1e400 in an unknown member", R"({"Unknown": [1e400], "Quantity": 2})",
       nullptr},
      {"licenses", "OrderRequest", "json", "a fraction and a boolean for strings", R"({"Action": 1.50, "Ean": true})",
       nullptr},
      {"licenses", "OrderRequest", "json", "an empty body", "", nullptr},
      {"licenses", "OrderRequest", "json", "nesting 200 deep in an unknown member", ok_deep, nullptr},
      {"licenses", "OrderRequest", "json", "nesting 300 deep (beyond MaxDepth 256)", deep,
       "both refuse; OrderKit reports the depth as an error of the document, .NET at the path it reached"},
      {"licenses", "OrderRequest", "xml", "missing elements under XmlSerializer",
       "<OrderRequest><Action>x</Action></OrderRequest>", nullptr},
      {"licenses", "OrderRequest", "xml", "elements out of order under XmlSerializer",
       "<OrderRequest><Ean>1</Ean><Action>x</Action></OrderRequest>", nullptr},
      {"contracts", "OrderBase", "json", "a valid order", order_base(), nullptr},
      {"contracts", "OrderBase", "json", "required string null", order_base("\"A1\"", "null"), nullptr},
      {"contracts", "OrderBase", "json", "required string white space only", order_base("\"A1\"", "\"   \""), nullptr},
      {"contracts", "OrderBase", "json", "required string of 51 characters",
       order_base("\"A1\"", "\"" + std::string(51, 'x') + "\""), nullptr},
      {"contracts", "OrderBase", "json", "required member missing", order_base("\"Deleted\":true,", ""), nullptr},
      {"contracts", "OrderBase", "json", "null for a required integer",
       order_base("\"CurrencyId\":7", "\"CurrencyId\":null"), nullptr},
      {"contracts", "OrderBase", "json", "\"true\" for a required boolean",
       order_base("\"Deleted\":true", "\"Deleted\":\"true\""), nullptr},
      {"contracts", "OrderBase", "json", "Id 1 (a response, not an insert)", order_base("\"Id\":0", "\"Id\":1"),
       nullptr},
      {"mobile", "OrderCreationRequest", "xml", "members in DataContract order",
       mobile_xml + "<OrderPaymentDescription>d</OrderPaymentDescription><PaymentId>5</PaymentId></"
                    "OrdersController.OrderCreationRequest>",
       nullptr},
      {"mobile", "OrderCreationRequest", "xml", "members out of DataContract order (silently dropped by .NET)",
       mobile_xml + "<PaymentId>5</PaymentId><OrderPaymentDescription>d</OrderPaymentDescription></"
                    "OrdersController.OrderCreationRequest>",
       nullptr},
      {"mobile", "OrderCreationRequest", "xml", "a member twice in DataContract XML",
       mobile_xml + "<PaymentId>5</PaymentId><PaymentId>6</PaymentId></OrdersController.OrderCreationRequest>",
       nullptr},
      {"mobile", "OrderCreationRequest", "xml", "a member in the empty namespace (silently dropped by .NET)",
       mobile_xml + "<PaymentId xmlns=\"\">5</PaymentId></OrdersController.OrderCreationRequest>",
       "OrderKit refuses the member by name (`namespace`) where DataContractSerializer drops it silently"},
      {"mobile", "OrderCreationRequest", "xml", "an unknown element",
       mobile_xml + "<Nope>1</Nope><PaymentId>5</PaymentId></OrdersController.OrderCreationRequest>", nullptr},
      {"mobile", "OrderCreationRequest", "xml", "text for an integer",
       mobile_xml + "<PaymentId>x</PaymentId></OrdersController.OrderCreationRequest>",
       "both refuse; DataContractSerializer fails the whole document, OrderKit names the member"},
      {"mobile", "OrderCreationRequest", "xml", "the wrong root namespace",
       "<OrdersController.OrderCreationRequest><PaymentId>5</PaymentId></OrdersController.OrderCreationRequest>",
       nullptr},
      {"mobile", "OrderCreationRequest", "xml", "an empty body", "", nullptr},
      {"mobile", "OrderCreationRequest", "xml", "white space around a date, GUID, decimal and boolean",
       mobile_xml + "<OrderDetails><OrdersController.OrderItem><OrderDetail>"
                    "<Date xmlns=\"\">\n  2025-04-28T00:58:52.698315+02:00\n</Date>"
                    "<OrderGroupGuid xmlns=\"\"> a7d160f7-c91a-4511-a413-a9748adfaadf\t</OrderGroupGuid>"
                    "<TopUpAmount xmlns=\"\">\r\n 1 </TopUpAmount>"
                    "<NumberPorting xmlns=\"\"> true </NumberPorting></OrderDetail>"
                    "</OrdersController.OrderItem></OrderDetails></OrdersController.OrderCreationRequest>",
       nullptr},
      {"mobile", "OrderCreationRequest", "xml", "an exponent in a decimal (xsd:decimal has none)",
       mobile_xml + "<OrderDetails><OrdersController.OrderItem><VoluntaryTopupAmount>1e2</VoluntaryTopupAmount>"
                    "</OrdersController.OrderItem></OrderDetails></OrdersController.OrderCreationRequest>",
       "both refuse; DataContractSerializer fails the whole document, OrderKit names the member"},
      {"mobile", "OrderCreationRequest", "xml", "a date's time without seconds (xsd:dateTime has them)",
       mobile_xml +
           "<OrderDetails><OrdersController.OrderItem><OrderDetail><Date xmlns=\"\">2025-04-28T00:58</Date>"
           "</OrderDetail></OrdersController.OrderItem></OrderDetails></OrdersController.OrderCreationRequest>",
       "both refuse; DataContractSerializer fails the whole document, OrderKit names the member"},
      {"mobile", "OrderCreationRequest", "xml", "a date with 8 fraction digits",
       mobile_xml +
           "<OrderDetails><OrdersController.OrderItem><OrderDetail><Date xmlns=\"\">2025-04-28T00:58:52.12345678</Date>"
           "</OrderDetail></OrdersController.OrderItem></OrderDetails></OrdersController.OrderCreationRequest>",
       "OrderKit refuses digits a DateTime cannot hold (7 at most); .NET reads it into its 7 digits"},
      {"mobile", "OrderCreationRequest", "xml", "a date with the offset +14:30",
       mobile_xml +
           "<OrderDetails><OrdersController.OrderItem><OrderDetail><Date xmlns=\"\">2025-04-28T00:58:52+14:30</Date>"
           "</OrderDetail></OrdersController.OrderItem></OrderDetails></OrdersController.OrderCreationRequest>",
       "OrderKit refuses offsets beyond +-14:00 (xsd:dateTime's range); .NET takes it"},
      {"mobile", "OrderCreationRequest", "xml", "white space inside a date",
       mobile_xml + "<OrderDetails><OrdersController.OrderItem><OrderDetail>"
                    "<Date xmlns=\"\">2025-04-28 T00:58:52+02:00</Date></OrderDetail>"
                    "</OrdersController.OrderItem></OrderDetails></OrdersController.OrderCreationRequest>",
       "both refuse; DataContractSerializer fails the whole document, OrderKit names the member"},
  };
}

// What one side made of a variant: accepted, or the fields it names (path "" for the whole
// document) with their messages.
struct Outcome {
  bool applies = true;  // false: the mock has no endpoint that takes this model
  bool accepted = false;
  std::map<std::string, std::vector<std::string>> messages;       // path -> messages
  std::map<std::string, std::vector<std::string>> rule_messages;  // .NET: DataAnnotations' only
  std::vector<std::string> warnings;                              // the mock's X-Mock-Warning headers

  std::set<std::string> paths() const {
    std::set<std::string> out;
    for (const auto& [path, m] : messages) out.insert(path);
    return out;
  }
};

// .NET's answer: "path\tmessage\tkind" lines. Newtonsoft's "Required property 'X' not found" is
// logged at the enclosing object's path: it names X.
Outcome dotnet_outcome(const oracle::Answer& net) {
  Outcome o;
  o.accepted = net.status == "valid";
  if (o.accepted) return o;
  std::istringstream lines(net.payload);
  for (std::string line; std::getline(lines, line);) {
    auto tab1 = line.find('\t'), tab2 = line.rfind('\t');
    std::string path = line.substr(0, tab1);
    std::string message = line.substr(tab1 + 1, tab2 - tab1 - 1), kind = line.substr(tab2 + 1);
    auto req = message.find("Required property '");
    if (req != std::string::npos) {
      auto start = req + 19;
      std::string name = message.substr(start, message.find('\'', start) - start);
      path = path.empty() ? name : path + "." + name;
    }
    o.messages[path].push_back(message);
    if (kind == "validation") o.rule_messages[path].push_back(message);
  }
  return o;
}

Outcome sdk_outcome(const std::vector<FieldError>& errors) {
  Outcome o;
  o.accepted = errors.empty();
  for (const auto& e : errors) o.messages[e.path].push_back(e.message);
  return o;
}

// The mock's documented endpoint for a model's body, or "" (001's action binds URI parameters,
// so no endpoint takes an OrderBase).
std::string endpoint_of(const std::string& api, const std::string& model) {
  if (api == "mobile" && model == "OrderCreationRequest") return "/mobile/api/orders";
  if (api == "licenses" && model == "OrderRequest") return "/licenses/api/order/data";
  if (api == "broadband" && model == "OrderNew") return "/broadband/api/orders";
  return "";
}

// The mock's answer, its ModelState keys read back into field paths ("order.Quantity" -> "Quantity").
Outcome mock_outcome(mock::MockState& state, const Case& c) {
  Outcome o;
  const std::string path = endpoint_of(c.api, c.model);
  if (path.empty()) {
    o.applies = false;
    return o;
  }
  mock::MockRequest request;
  request.method = "POST";
  request.path = path;
  request.headers.emplace("Content-Type", std::string("application/") + c.format);
  request.headers.emplace("Accept", "application/json");  // ModelState in JSON, whatever the body
  request.body = c.body;
  const mock::MockResponse r = state.handle(request);
  auto range = r.headers.equal_range("X-Mock-Warning");
  for (auto it = range.first; it != range.second; ++it) o.warnings.push_back(it->second);
  o.accepted = r.status == 200;
  if (o.accepted) return o;
  BOOST_TEST_REQUIRE(r.status == 400, c.what << ": the mock answered " << r.status << " " << r.body);
  const nlohmann::json state_json = nlohmann::json::parse(r.body).at("ModelState");
  for (const auto& [key, messages] : state_json.items()) {
    std::string p = key == "order" ? "" : key.rfind("order.", 0) == 0 ? key.substr(6) : key.substr(5);
    for (const auto& m : messages) o.messages[p].push_back(m.get<std::string>());
  }
  return o;
}

std::string join(const std::set<std::string>& paths) {
  std::string s;
  for (const auto& p : paths) {
    std::string shown = p.size() > 40 ? p.substr(0, 40) + "..." : p;  // 300 levels of [0]
    s += (s.empty() ? "" : ", ") + (p.empty() ? std::string("(document)") : "`" + shown + "`");
  }
  return s;
}

std::string cell(const Outcome& o) {
  if (!o.applies) return "no endpoint";
  std::string s = o.accepted ? "accepted" : "refused: " + join(o.paths());
  for (const std::string& w : o.warnings) s += "; warns `" + w.substr(0, w.find(':')) + "` dropped";
  return s;
}

bool same(const Outcome& a, const Outcome& b) { return a.accepted == b.accepted && a.paths() == b.paths(); }

std::string escape_cell(std::string s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dotnet_acceptance)

BOOST_AUTO_TEST_CASE(odd_input_is_accepted_and_refused_as_dotnet_does) {
  mock::MockState mock_state;
  std::ostringstream table;
  table << "| API | model | format | input | .NET | OrderKit | mock | same |\n|---|---|---|---|---|---|---|---|\n";
  for (const Case& c : corpus()) {
    const Format format = std::string(c.format) == "xml" ? Format::xml : Format::json;
    oracle::Answer answer = the_oracle().ask("check", c.api, c.model, c.format, c.body);
    BOOST_TEST_REQUIRE((answer.status == "valid" || answer.status == "invalid"), c.what << ": " << answer.payload);
    const ModelEntry* entry = find_model(c.api, c.model);
    BOOST_TEST_REQUIRE(entry != nullptr);
    const Outcome net = dotnet_outcome(answer);
    const Outcome ours = sdk_outcome(entry->check(c.body, format));
    const Outcome mocked = mock_outcome(mock_state, c);

    // The mock binds a body as the SDK does (decode + validate): the same outcome, always.
    if (mocked.applies) {
      BOOST_TEST(same(ours, mocked), c.what << ": OrderKit " << cell(ours) << ", the mock " << cell(mocked));
    }
    const bool agree = same(net, ours) && (!mocked.applies || same(net, mocked));
    if (c.known) {
      BOOST_TEST(!agree, c.what << ": listed as a known difference but now agrees; remove it from the list");
    } else {
      BOOST_TEST(agree, c.what << ": .NET " << cell(net) << ", OrderKit " << cell(ours) << ", the mock " << cell(mocked)
                               << "\n.NET: " << answer.payload);
    }

    // Point 5: DataAnnotations' messages are the servers' ModelState text; OrderKit's validation
    // (which the mock puts in ModelState as it is) must say the same.
    for (const auto& [path, messages] : net.rule_messages) {
      for (const std::string& m : messages) {
        const auto it = ours.messages.find(path);
        BOOST_TEST((it != ours.messages.end() && std::count(it->second.begin(), it->second.end(), m) == 1),
                   c.what << ": .NET says at " << path << " \"" << m << "\"; OrderKit does not");
        if (mocked.applies) {
          const auto mt = mocked.messages.find(path);
          BOOST_TEST((mt != mocked.messages.end() && std::count(mt->second.begin(), mt->second.end(), m) == 1),
                     c.what << ": .NET says at " << path << " \"" << m << "\"; the mock does not");
        }
      }
    }

    // What both accept, both read as the same value: .NET writes its own reading and OrderKit's
    // (re-encoded) the same way.
    if (agree && net.accepted) {
      Result<std::string> ours_text = entry->convert(c.body, format, format, Layout::indented);
      BOOST_TEST_REQUIRE(ours_text.ok(), c.what << ": " << to_string(ours_text.errors()));
      oracle::Answer from_input = the_oracle().ask("roundtrip", c.api, c.model, c.format, c.body);
      oracle::Answer from_ours = the_oracle().ask("roundtrip", c.api, c.model, c.format, ours_text.value());
      BOOST_TEST(from_input.status == "ok", c.what << ": " << from_input.payload);
      BOOST_TEST(from_input.payload == from_ours.payload, c.what << ": .NET read\n"
                                                                 << from_input.payload
                                                                 << "\nOrderKit read (as .NET writes it)\n"
                                                                 << from_ours.payload);
    }

    table << "| " << c.api << " | " << c.model << " | " << c.format << " | " << escape_cell(c.what) << " | "
          << escape_cell(cell(net)) << " | " << escape_cell(cell(ours)) << " | " << escape_cell(cell(mocked)) << " | "
          << (agree ? "yes" : std::string("no: ") + escape_cell(c.known ? c.known : "UNEXPECTED")) << " |\n";
  }

  const std::string begin = "<!-- acceptance table: generated by tests/dotnet-oracle/cpp/acceptance_test.cpp -->\n";
  const std::string end = "<!-- end of acceptance table -->\n";
  const char* docs = std::getenv("ORDERKIT_DOCS_MODELS");
  BOOST_TEST_REQUIRE(docs != nullptr);
  std::ifstream in(docs, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  auto b = text.find(begin), e = text.find(end);
  BOOST_TEST_REQUIRE((b != std::string::npos && e != std::string::npos && b < e),
                     "docs/models.md lacks the table markers");
  std::string current = text.substr(b + begin.size(), e - b - begin.size());
  if (current != table.str()) {
    if (std::getenv("ORDERKIT_UPDATE_DOCS")) {
      text.replace(b + begin.size(), e - b - begin.size(), table.str());
      std::ofstream(docs, std::ios::binary) << text;
    } else {
      BOOST_ERROR("docs/models.md's acceptance table is stale; run this test with ORDERKIT_UPDATE_DOCS=1. New table:\n"
                  << table.str());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
