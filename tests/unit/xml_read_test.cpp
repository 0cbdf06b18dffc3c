// The XML reader in one pass: what surrounds and encodes a document does not change its value,
// and a document that is not well-formed is only a syntax error, wherever the fault lies.
#include <boost/test/unit_test.hpp>

#include <string>

#include "fixtures.hpp"
#include "model_check.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/mobile/models.hpp"

using namespace orderkit;
using test::errors_text;

namespace {

const std::string& mobile_xml() { return test::fixture("mobile/OrderCreationRequest.request.xml").text; }
const std::string& contracts_xml() { return test::fixture("contracts/OrderBase.response.xml").text; }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

template <class T>
T decoded(const std::string& text) {
  auto r = from_xml<T>(text);
  BOOST_TEST_REQUIRE(r.ok(), errors_text(r.errors()));
  return r.value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xml_read)

BOOST_AUTO_TEST_CASE(prolog_line_ends_comments_and_references_leave_the_value_as_it_is) {
  auto plain = decoded<mobile::OrderCreationRequest>(mobile_xml());
  const std::string variants[] = {
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<!-- order -->\n<?app x?>" + mobile_xml() +
          "<!-- end -->",
      replace_all(mobile_xml(), "\n", "\r\n"),
      replace_all(mobile_xml(), "<Co>", "<!-- c --><Co><?pi?>"),
      replace_all(mobile_xml(), "sample string", "sample<![CDATA[ ]]>string"),
      replace_all(mobile_xml(), "sample string", "s&#x61;mple&#32;string"),
      // Namespace names spelled with references are kept beyond the start tag that declares them.
      replace_all(mobile_xml(), "xmlns=\"http://schemas.datacontract.org/2004/07/",
                  "xmlns=\"http:&#x2F;&#47;schemas.datacontract.org/2004/07/"),
      replace_all(mobile_xml(), "xmlns:d5p1=\"http://schemas.microsoft.com/",
                  "xmlns:d5p1=\"http&#58;//schemas.microsoft.com/"),
  };
  for (const std::string& text : variants) {
    BOOST_TEST_CONTEXT(text.substr(0, 120)) {
      BOOST_TEST(test::same_model(decoded<mobile::OrderCreationRequest>(text), plain));
    }
  }

  std::string nil = replace_all(replace_all(mobile_xml(), "xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"",
                                            "xmlns:i='http://www.w3.org/2001/XMLSchema&#x2D;instance'"),
                                "<OrderPaymentDescription>sample string 3</OrderPaymentDescription>",
                                "<OrderPaymentDescription i:nil=\"true\" />");
  plain.OrderPaymentDescription.reset();
  BOOST_TEST(test::same_model(decoded<mobile::OrderCreationRequest>(nil), plain));
}

BOOST_AUTO_TEST_CASE(a_string_of_white_space_from_a_server_is_read_as_it_is) {
  // .NET's serializers write such a string as it is (OrderKit's writer uses references), and
  // read it back as it is: in both serializers' documents it is the value, not indentation.
  auto order = decoded<contracts::OrderBase>(replace_all(
      contracts_xml(), "<CurrencyCode>sample string 8</CurrencyCode>", "<CurrencyCode>  \t </CurrencyCode>"));
  BOOST_TEST(order.CurrencyCode.value() == "  \t ");
  auto request = decoded<mobile::OrderCreationRequest>(
      replace_all(mobile_xml(), "<City>sample string 3</City>", "<City>\r\n   </City>"));
  BOOST_TEST(request.NewBillingAddress.value().Address.value().City.value() == "\n   ");
  // And where the member is no string, white space alone is no value.
  auto r = from_xml<contracts::OrderBase>(replace_all(contracts_xml(), "<Id>1</Id>", "<Id> </Id>"));
  BOOST_TEST(errors_text(r.errors()) == "Id: expected integer, got \" \"");
}

BOOST_AUTO_TEST_CASE(white_space_around_a_value_that_is_no_string_is_ignored_as_dotnet_does) {
  // XmlConvert trims it for numbers, booleans, dates and GUIDs, in both serializers' documents
  // (the .NET oracle's acceptance suite); indented documents from other tools have it.
  auto plain = decoded<mobile::OrderCreationRequest>(mobile_xml());
  std::string spaced = mobile_xml();
  for (const char* value : {"2025-04-28T00:58:52.698315+02:00", "a7d160f7-c91a-4511-a413-a9748adfaadf",
                            "true</DonorContractTypePrepaid", "1</TopUpAmount", "2</VoluntaryTopupAmount"}) {
    std::string v = value;
    auto lt = v.find('<');
    std::string text = v.substr(0, lt), rest = lt == std::string::npos ? "<" : v.substr(lt);
    spaced = replace_all(spaced, ">" + text + rest, ">\n  " + text + " \t" + rest);
  }
  BOOST_TEST(spaced != mobile_xml());
  BOOST_TEST(test::same_model(decoded<mobile::OrderCreationRequest>(spaced), plain));

  auto order = decoded<contracts::OrderBase>(
      replace_all(replace_all(contracts_xml(), "<Deleted>true<", "<Deleted>\r\n true <"),
                  "<Date>2026-01-11T16:16:24.5248029+01:00<", "<Date> 2026-01-11T16:16:24.5248029+01:00\n<"));
  BOOST_TEST(order.Deleted == true);
  BOOST_TEST((order.Date == decoded<contracts::OrderBase>(contracts_xml()).Date));
  // Inside the value it is still no date.
  auto r = from_xml<contracts::OrderBase>(
      replace_all(contracts_xml(), "<Date>2026-01-11T16:16:24.5248029+01:00<", "<Date>2026-01-11 T16:16:24+01:00<"));
  BOOST_TEST(!r.ok());
}

BOOST_AUTO_TEST_CASE(a_fault_anywhere_is_only_a_syntax_error) {
  // Field errors come before the fault, a wrong root before the rest: the fault still wins.
  std::string bad_fields = replace_all(contracts_xml(), "<Id>1</Id>", "<Id>x</Id>");
  const std::string cases[] = {
      bad_fields + "<x/>",
      replace_all(bad_fields, "<Deleted>true</Deleted>", "<Deleted>true</Deleted><y>"),
      "<OrderNew><Id>1</Id>",
      replace_all(contracts_xml(), "</OrderBase>", "</OrderBase><!DOCTYPE x>"),
  };
  for (const std::string& text : cases) {
    BOOST_TEST_CONTEXT(text) {
      auto r = from_xml<contracts::OrderBase>(text);
      BOOST_TEST_REQUIRE(!r.ok());
      BOOST_TEST(r.errors().size() == 1u, errors_text(r.errors()));
      BOOST_TEST(r.errors()[0].code == "syntax");
    }
  }
}

BOOST_AUTO_TEST_CASE(entities_from_a_dtd_are_never_expanded) {
  std::string laughs =
      "<!DOCTYPE OrderBase [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
      replace_all(contracts_xml(), "sample string 8", "&b;");
  auto r = from_xml<contracts::OrderBase>(laughs);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(errors_text(r.errors()) == "malformed XML: document type declaration at offset 0 (DTDs are not accepted)");
}

BOOST_AUTO_TEST_CASE(unknown_elements_nested_to_the_limit_are_skipped_and_beyond_it_refused) {
  auto nested = [](int depth) {
    std::string open, close;
    for (int i = 0; i < depth; ++i) open += "<Unknown>", close += "</Unknown>";
    return replace_all(contracts_xml(), "<Id>1</Id>", "<Id>1</Id>" + open + close);
  };
  BOOST_TEST(decoded<contracts::OrderBase>(nested(255)).Id == 1);  // the root is level 1
  auto deep = from_xml<contracts::OrderBase>(nested(256));
  BOOST_TEST_REQUIRE(!deep.ok());
  BOOST_TEST(deep.errors()[0].message.rfind("malformed XML: element nested deeper than 256 levels at offset ", 0) ==
             0u);
}

BOOST_AUTO_TEST_CASE(namespace_declarations_in_scope_are_capped) {
  auto declarations = [](const std::string& prefix, int n) {
    std::string attributes;
    for (int i = 0; i < n; ++i)
      attributes += " xmlns:" + prefix + std::to_string(i) + "='urn:" + std::to_string(i) + "'";
    return attributes;
  };
  // The sample's root declares two; 256 in scope are read, more refused.
  auto root_declaring = [&](int n) {
    return replace_all(contracts_xml(), "<OrderBase ", "<OrderBase" + declarations("p", n) + " ");
  };
  BOOST_TEST(decoded<contracts::OrderBase>(root_declaring(254)).Id == 1);
  auto many = from_xml<contracts::OrderBase>(root_declaring(255));
  BOOST_TEST_REQUIRE(!many.ok());
  BOOST_TEST(errors_text(many.errors()) == "malformed XML: more than 256 namespace declarations in scope at offset 0");

  // Declarations leave scope with their element: 250 members declaring 50 each are read.
  std::string siblings;
  for (int i = 0; i < 250; ++i) siblings += "<Unknown" + declarations("q", 50) + "/>";
  std::string text = replace_all(root_declaring(200), "<Id>1</Id>", "<Id>1</Id>" + siblings);
  BOOST_TEST(decoded<contracts::OrderBase>(text).Id == 1);
  BOOST_TEST(!from_xml<contracts::OrderBase>(replace_all(text, "<Id>", "<Id" + declarations("r", 60) + ">")).ok());
}

// DataContractSerializer reads members only in contract order (base-class members first, then
// ordinally): an element of a member that comes before the last one read, or of the same member
// again, is an unknown element to it and is lost without an error (the .NET oracle's findings).
// The reader drops it too, and names it to a caller who asks.
BOOST_AUTO_TEST_CASE(datacontract_members_out_of_order_are_dropped_as_the_server_drops_them) {
  const std::string ns = "http://schemas.datacontract.org/2004/07/LimitlessMobile.WebAPI.Controllers";
  const std::string doc = "<OrdersController.OrderCreationRequest xmlns=\"" + ns +
                          "\">"
                          "<PaymentId>5</PaymentId><OrderPaymentDescription>late</OrderPaymentDescription>"
                          "<PaymentId>6</PaymentId></OrdersController.OrderCreationRequest>";
  std::vector<FieldError> dropped;
  auto r = from_xml<mobile::OrderCreationRequest>(doc, dropped);
  BOOST_TEST_REQUIRE(r.ok(), errors_text(r.errors()));
  BOOST_TEST(r.value().PaymentId == 5);
  BOOST_TEST(!r.value().OrderPaymentDescription.has_value());
  BOOST_TEST_REQUIRE(dropped.size() == 2u, errors_text(dropped));
  BOOST_TEST(dropped[0].path == "OrderPaymentDescription");
  BOOST_TEST(dropped[0].code == "out_of_order");
  BOOST_TEST(dropped[0].message.find("after <PaymentId>") != std::string::npos, dropped[0].message);
  BOOST_TEST(dropped[1].path == "PaymentId");
  // Without the list, the same value: nothing the server would keep is kept.
  BOOST_TEST((decoded<mobile::OrderCreationRequest>(doc) == r.value()));

  // Nested objects keep their own order; base-class members (OrderDetail's) come first.
  std::string item = mobile_xml();
  const std::string first = "<SimTypeId xmlns=\"\">8</SimTypeId>";
  auto at = item.find(first);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  item.erase(at, first.size());
  const std::string base_member = "<BankInformationId xmlns=\"\">1</BankInformationId>";
  auto base_at = item.find(base_member);
  BOOST_TEST_REQUIRE(base_at != std::string::npos);
  item.insert(base_at, first);  // a derived-class member before a base-class one
  dropped.clear();
  auto nested = from_xml<mobile::OrderCreationRequest>(item, dropped);
  BOOST_TEST_REQUIRE(nested.ok(), errors_text(nested.errors()));
  BOOST_TEST_REQUIRE(!dropped.empty());
  BOOST_TEST(dropped[0].path == "OrderDetails[0].OrderDetail.BankInformationId", errors_text(dropped));

  // XmlSerializer (001, 003) reads members in any order: nothing is dropped.
  dropped.clear();
  auto contracts = from_xml<contracts::OrderBase>("<OrderBase><OrderCode>B</OrderCode><Id>1</Id></OrderBase>", dropped);
  BOOST_TEST_REQUIRE(contracts.ok(), errors_text(contracts.errors()));
  BOOST_TEST(contracts.value().Id == 1);
  BOOST_TEST(dropped.empty());
}

BOOST_AUTO_TEST_SUITE_END()
