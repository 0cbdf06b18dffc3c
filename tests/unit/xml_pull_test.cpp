// The XML tokenizer under the typed decoder: what each construct reads as, and that everything
// XML does not allow (and DTDs, and deep nesting) is a "malformed XML" error with its offset.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include "codec/xml_pull.hpp"

using orderkit::codec::xml::PullParser;
using orderkit::codec::xml::Token;

namespace {

// The document as its tokens: <a x='1'> for a start tag, [text], </a>, then $ at the end of the
// document or "! message" at an error.
std::string trace(std::string_view doc) {
  PullParser xml(doc);
  std::string out;
  for (;;) {
    switch (xml.next()) {
      case Token::start_tag:
        out += "<" + std::string(xml.name());
        for (const auto& a : xml.attributes()) out += " " + std::string(a.name) + "='" + std::string(a.value) + "'";
        out += ">";
        break;
      case Token::end_tag: out += "</" + std::string(xml.name()) + ">"; break;
      case Token::text: out += "[" + std::string(xml.text()) + "]"; break;
      case Token::end_of_document: return out + "$";
      case Token::error: return out + "! " + xml.error();
    }
  }
}

// The error message, or "" when the whole document reads.
std::string error_of(std::string_view doc) {
  std::string t = trace(doc);
  auto bang = t.find("! ");
  return bang == std::string::npos ? "" : t.substr(bang + 2);
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xml_pull)

BOOST_AUTO_TEST_CASE(reads_tags_attributes_and_text) {
  BOOST_TEST(trace("<a x=\"1\" y='2'>t<b/><c></c></a>") == "<a x='1' y='2'>[t]<b></b><c></c></a>$");
  BOOST_TEST(trace("<p:a xmlns:p=\"urn:x\"><p:b>1</p:b></p:a>") == "<p:a xmlns:p='urn:x'><p:b>[1]</p:b></p:a>$");
  BOOST_TEST(trace("<a\n  x = \"1\"\t/>") == "<a x='1'></a>$");
  BOOST_TEST(trace("<a></a >") == "<a></a>$");
  BOOST_TEST(trace("<a.b-c_d:e/>") == "<a.b-c_d:e></a.b-c_d:e>$");
  BOOST_TEST(trace("<caf\xC3\xA9/>") == "<caf\xC3\xA9></caf\xC3\xA9>$");  // non-ASCII names
}

BOOST_AUTO_TEST_CASE(replaces_the_predefined_entities_and_character_references) {
  BOOST_TEST(trace("<a>&lt;&gt;&amp;&quot;&apos;</a>") == "<a>[<>&\"']</a>$");
  BOOST_TEST(trace("<a>&#65;&#x42;&#x63;&#0067;</a>") == "<a>[ABcC]</a>$");
  BOOST_TEST(trace("<a>&#xE9;&#8364;&#x1F600;&#x10FFFF;</a>") ==
             "<a>[\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF]</a>$");
  // The writer sends control characters as references (XML 1.1 style), so they read back.
  BOOST_TEST(trace("<a>&#x1;&#x1F;&#9;</a>") == "<a>[\x01\x1F\t]</a>$");
  BOOST_TEST(trace("<a x=\"&lt;&#x41;&amp;\"/>") == "<a x='<A&'></a>$");
}

BOOST_AUTO_TEST_CASE(refuses_references_to_no_character_and_bare_ampersands) {
  for (const char* ref : {"&#0;", "&#x0;", "&#00;", "&#xD800;", "&#xDFFF;", "&#xFFFE;", "&#xFFFF;", "&#x110000;",
                          "&#99999999999999999999;"}) {
    BOOST_TEST(error_of(std::string("<a>") + ref + "</a>") ==
                   "malformed XML: character reference " + std::string(ref) + " at offset 3 names no XML character",
               ref);
  }
  for (const char* bad :
       {"&", "& b", "&bogus;", "&amp", "&lt", "&#;", "&#x;", "&#X41;", "&#65", "&#xZZ;", "&#1a;", "&AMP;", "&#-1;"}) {
    BOOST_TEST(error_of(std::string("<a>") + bad + "</a>") ==
                   "malformed XML: '&' at offset 3 starts no entity or character reference (write &amp;)",
               bad);
  }
  BOOST_TEST(error_of("<a x=\"a&b\"/>") ==
             "malformed XML: '&' at offset 7 starts no entity or character reference (write &amp;)");
}

BOOST_AUTO_TEST_CASE(joins_cdata_sections_and_skips_comments_and_processing_instructions) {
  BOOST_TEST(trace("<a>x<![CDATA[<&amp;>]]>y</a>") == "<a>[x<&amp;>y]</a>$");
  BOOST_TEST(trace("<a>x<!-- <b> & -->y<?pi data?>z</a>") == "<a>[xyz]</a>$");
  BOOST_TEST(trace("<a><![CDATA[]]></a>") == "<a>[]</a>$");
  BOOST_TEST(trace("<a><![CDATA[ ]] ]]]></a>") == "<a>[ ]] ]]</a>$");
  BOOST_TEST(trace("<a><![CDATA[x]]><b/><![CDATA[y]]></a>") == "<a>[x]<b></b>[y]</a>$");
  BOOST_TEST(trace("<a><!----></a>") == "<a></a>$");
  BOOST_TEST(trace("<a><?pi?></a>") == "<a></a>$");
}

BOOST_AUTO_TEST_CASE(white_space_beside_child_elements_is_no_text) {
  // Indentation: before, between and after child elements, with CR LF line ends, comments and
  // processing instructions among it, and after a self-closing child.
  BOOST_TEST(trace("<a>\n  <b>1</b>\n  <c/>\n</a>") == "<a><b>[1]</b><c></c></a>$");
  BOOST_TEST(trace("<a>\r\n  <b>1</b>\r\n</a>") == "<a><b>[1]</b></a>$");
  BOOST_TEST(trace("<a> <!-- c --> <?pi?> <b/> <!-- c --> </a>") == "<a><b></b></a>$");
  BOOST_TEST(trace("<a><b/>  </a>") == "<a><b></b></a>$");
  // Text that is not white space alone stays whole, its white space included.
  BOOST_TEST(trace("<a> x <b/> y </a>") == "<a>[ x ]<b></b>[ y ]</a>$");
}

BOOST_AUTO_TEST_CASE(white_space_that_is_all_an_element_holds_is_its_text) {
  // A string of spaces, as .NET's serializers write it and read it back: without this, a value
  // from a real server would arrive empty.
  BOOST_TEST(trace("<a>   </a>") == "<a>[   ]</a>$");
  BOOST_TEST(trace("<a><b> \t\n </b></a>") == "<a><b>[ \t\n ]</b></a>$");
  BOOST_TEST(trace("<a><b> \r\n\r </b></a>") == "<a><b>[ \n\n ]</b></a>$");  // line ends normalised
  BOOST_TEST(trace("<a> <!-- c --> x<!-- c --> </a>") == "<a>[  x ]</a>$");
  BOOST_TEST(trace("<a> <![CDATA[ ]]> </a>") == "<a>[   ]</a>$");
  BOOST_TEST(trace("<a>&#x20;&#x9;</a>") == "<a>[ \t]</a>$");
  BOOST_TEST(trace("<a></a><!-- c -->") == "<a></a>$");
  BOOST_TEST(trace("<a/>") == "<a></a>$");
}

BOOST_AUTO_TEST_CASE(normalises_line_ends_and_attribute_white_space) {
  BOOST_TEST(trace("<a>1\r\n2\r3\n4\n\r5</a>") == "<a>[1\n2\n3\n4\n\n5]</a>$");
  BOOST_TEST(trace("<a><![CDATA[1\r\n2\r3]]></a>") == "<a>[1\n2\n3]</a>$");
  BOOST_TEST(trace("<a x=\"1\t2\n3\r\n4\r5&#x9;6&#xA;7&#xD;\"/>") == "<a x='1 2 3 4 5\t6\n7\r'></a>$");
  BOOST_TEST(trace("<a x=' \"q\" '/>") == "<a x=' \"q\" '></a>$");
  BOOST_TEST(trace("<a x=\">\"/>") == "<a x='>'></a>$");
}

BOOST_AUTO_TEST_CASE(reads_the_prolog_and_what_follows_the_root) {
  BOOST_TEST(trace("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<a/>") == "<a></a>$");
  BOOST_TEST(trace("\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>") == "<a></a>$");
  BOOST_TEST(trace("\xEF\xBB\xBF<a/>") == "<a></a>$");
  BOOST_TEST(trace(" <!-- c --> <?pi x?>\n<a/>\n<!-- c --><?pi?> \n") == "<a></a>$");
}

BOOST_AUTO_TEST_CASE(refuses_what_may_not_stand_outside_the_root) {
  BOOST_TEST(error_of("") == "malformed XML: no root element");
  BOOST_TEST(error_of(" <!-- only --> ") == "malformed XML: no root element");
  BOOST_TEST(error_of("<a/><b/>") == "malformed XML: more than one root element (another starts at offset 4)");
  BOOST_TEST(error_of("<a/>x") == "malformed XML: text outside the root element at offset 4");
  BOOST_TEST(error_of("x<a/>") == "malformed XML: text outside the root element at offset 0");
  BOOST_TEST(error_of("&amp;<a/>") == "malformed XML: text outside the root element at offset 0");
  BOOST_TEST(error_of("<a/></a>") == "malformed XML: end tag outside the root element at offset 4");
  BOOST_TEST(error_of("<![CDATA[x]]><a/>") == "malformed XML: CDATA section outside the root element at offset 0");
  BOOST_TEST(error_of("<!ELEMENT a ANY><a/>") == "malformed XML: '<!' at offset 0 starts no comment or CDATA section");
  BOOST_TEST(error_of(" <?xml version=\"1.0\"?><a/>") ==
             "malformed XML: XML declaration at offset 1 is not at the start of the document");
  BOOST_TEST(error_of("<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>") ==
             "malformed XML: XML declaration at offset 21 is not at the start of the document");
  BOOST_TEST(error_of("<a><?XML x?></a>") ==
             "malformed XML: XML declaration at offset 3 is not at the start of the document");
  BOOST_TEST(error_of("<a/>\xEF\xBB\xBF") == "malformed XML: text outside the root element at offset 4");
}

BOOST_AUTO_TEST_CASE(refuses_document_type_declarations) {
  // No DTD, so no entity is ever expanded (no "billion laughs", no external entities).
  BOOST_TEST(error_of("<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>") ==
             "malformed XML: document type declaration at offset 0 (DTDs are not accepted)");
  BOOST_TEST(error_of("<?xml version=\"1.0\"?>\n<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>") ==
             "malformed XML: document type declaration at offset 22 (DTDs are not accepted)");
  BOOST_TEST(error_of("<a><!DOCTYPE a></a>") ==
             "malformed XML: document type declaration at offset 3 (DTDs are not accepted)");
  BOOST_TEST(error_of("<a><!ENTITY e \"x\"></a>") ==
             "malformed XML: '<!' at offset 3 starts no comment or CDATA section");
}

BOOST_AUTO_TEST_CASE(limits_nesting_to_256_elements) {
  std::string deepest = repeat("<a>", 256) + repeat("</a>", 256);
  BOOST_TEST(error_of(deepest) == "");
  BOOST_TEST(error_of(repeat("<a>", 255) + "<a/>" + repeat("</a>", 255)) == "");
  BOOST_TEST(error_of(repeat("<a>", 257) + repeat("</a>", 257)) ==
             "malformed XML: element nested deeper than 256 levels at offset 768");
  BOOST_TEST(error_of(repeat("<a>", 256) + "<b/>" + repeat("</a>", 256)) ==
             "malformed XML: element nested deeper than 256 levels at offset 768");
  // A million open elements stop at the limit, long before memory or the stack matter.
  BOOST_TEST(error_of(repeat("<a>", 1000000)) == "malformed XML: element nested deeper than 256 levels at offset 768");
}

BOOST_AUTO_TEST_CASE(every_unterminated_construct_is_an_error) {
  const std::string doc =
      "\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><?pi d?><a x=\"1\" y='&lt;'>t&amp;<![CDATA[c]]><b/>"
      "<!-- d --><c>&#x41;</c></a><!-- e -->";
  BOOST_TEST_REQUIRE(error_of(doc) == "");
  std::size_t root_end = doc.rfind("</a>") + 4;
  for (std::size_t n = 0; n < root_end; ++n) {
    std::string message = error_of(doc.substr(0, n));
    BOOST_TEST(message.rfind("malformed XML: ", 0) == 0u, n << " bytes: " << message);
  }
  BOOST_TEST(error_of("<a>") == "malformed XML: the document ends inside element <a>");
  BOOST_TEST(error_of("<a") == "malformed XML: start tag <a> at offset 0 is not closed");
  BOOST_TEST(error_of("<a x=\"1") == "malformed XML: attribute value at offset 5 is not closed");
  BOOST_TEST(error_of("<a><!-- x") == "malformed XML: comment at offset 3 is not closed");
  BOOST_TEST(error_of("<a><!-- x --") == "malformed XML: comment at offset 3 is not closed");
  BOOST_TEST(error_of("<a><![CDATA[x]]") == "malformed XML: CDATA section at offset 3 is not closed");
  BOOST_TEST(error_of("<a><?pi x?") == "malformed XML: processing instruction at offset 3 is not closed");
  BOOST_TEST(error_of("<?xml version=\"1.0\"") == "malformed XML: processing instruction at offset 0 is not closed");
  BOOST_TEST(error_of("<a>&amp") ==
             "malformed XML: '&' at offset 3 starts no entity or character reference (write &amp;)");
  BOOST_TEST(error_of("<a></a") == "malformed XML: expected '>' to close end tag </a> at offset 6");
}

BOOST_AUTO_TEST_CASE(refuses_malformed_tags) {
  BOOST_TEST(error_of("<a><b></a>") == "malformed XML: end tag </a> at offset 6 does not match <b>");
  BOOST_TEST(error_of("<a></A>") == "malformed XML: end tag </A> at offset 3 does not match <a>");
  BOOST_TEST(error_of("<a></ab>") == "malformed XML: end tag </ab> at offset 3 does not match <a>");
  BOOST_TEST(error_of("<ab></a>") == "malformed XML: end tag </a> at offset 4 does not match <ab>");
  BOOST_TEST(error_of("<a></a x=\"1\">") == "malformed XML: expected '>' to close end tag </a> at offset 7");
  BOOST_TEST(error_of("< a/>") == "malformed XML: '<' at offset 0 starts no tag");
  BOOST_TEST(error_of("<a>< b/></a>") == "malformed XML: '<' at offset 3 starts no tag (write &lt; in text)");
  BOOST_TEST(error_of("<a>1 < 2</a>") == "malformed XML: '<' at offset 5 starts no tag (write &lt; in text)");
  BOOST_TEST(error_of("<a/ >") == "malformed XML: '/' at offset 2 not followed by '>'");
  BOOST_TEST(error_of("<1a/>") == "malformed XML: '<' at offset 0 starts no tag");
  BOOST_TEST(error_of("<a>]]></a>") == "malformed XML: ']]>' at offset 3 in text (write ]]&gt;)");
  BOOST_TEST(error_of("<a><!-- a -- b --></a>") == "malformed XML: '--' at offset 10 inside a comment");
  BOOST_TEST(error_of("<a><!-- a ---></a>") == "malformed XML: '--' at offset 10 inside a comment");
  BOOST_TEST(error_of("<a><? x?></a>") == "malformed XML: processing instruction at offset 3 has no target name");
  BOOST_TEST(error_of("<a><?pi\x01?></a>") == "malformed XML: control character U+0001 at offset 7");
  BOOST_TEST(error_of("<a \xFF=\"1\"/>") == "malformed XML: name with bytes that are not UTF-8 at offset 3");
  BOOST_TEST(error_of("<a\xC3/>") == "malformed XML: name with bytes that are not UTF-8 at offset 2");
}

BOOST_AUTO_TEST_CASE(refuses_malformed_attributes) {
  BOOST_TEST(error_of("<a x=1/>") == "malformed XML: attribute value at offset 5 is not in quotes");
  BOOST_TEST(error_of("<a x/>") == "malformed XML: expected '=' after attribute x at offset 4");
  BOOST_TEST(error_of("<a x=/>") == "malformed XML: attribute value at offset 5 is not in quotes");
  BOOST_TEST(error_of("<a x=\"1\"y=\"2\"/>") == "malformed XML: expected white space before attribute at offset 8");
  BOOST_TEST(error_of("<a x=\"<\"/>") == "malformed XML: '<' at offset 6 in an attribute value (write &lt;)");
  BOOST_TEST(error_of("<a x=\"1\" x='2'/>") == "malformed XML: attribute x at offset 9 appears a second time");
  BOOST_TEST(error_of("<a p:x=\"1\" y=\"\" p:x=\"1\"/>") ==
             "malformed XML: attribute p:x at offset 16 appears a second time");
  BOOST_TEST(error_of("<a x=\"1\" =\"2\"/>") == "malformed XML: expected an attribute, '>' or '/>' at offset 9");
  // Many attributes are checked in n log n, with the same answer.
  std::string many = "<a";
  for (int i = 0; i < 5000; ++i) many += " a" + std::to_string(i) + "=\"\"";
  BOOST_TEST(error_of(many + "/>") == "");
  std::string offset = std::to_string(many.size() + 1);
  BOOST_TEST(error_of(many + " a4321=\"\"/>") ==
             "malformed XML: attribute a4321 at offset " + offset + " appears a second time");
}

BOOST_AUTO_TEST_CASE(names_nul_and_control_characters_wherever_they_are) {
  const std::string nul(1, '\0');
  BOOST_TEST(error_of("<a>x" + nul + "</a>") == "malformed XML: NUL character at offset 4");
  BOOST_TEST(error_of("<a/>" + nul) == "malformed XML: NUL character at offset 4");
  BOOST_TEST(error_of(nul + "<a/>") == "malformed XML: NUL character at offset 0");
  BOOST_TEST(error_of("<a" + nul + "/>") == "malformed XML: NUL character at offset 2");
  BOOST_TEST(error_of("<a x=\"" + nul + "\"/>") == "malformed XML: NUL character at offset 6");
  BOOST_TEST(error_of("<a><!--" + nul + "--></a>") == "malformed XML: NUL character at offset 7");
  BOOST_TEST(error_of("<a><![CDATA[" + nul + "]]></a>") == "malformed XML: NUL character at offset 12");
  BOOST_TEST(error_of("<a>\x08</a>") == "malformed XML: control character U+0008 at offset 3");
  BOOST_TEST(error_of("<a>\x1F</a>") == "malformed XML: control character U+001F at offset 3");
  BOOST_TEST(error_of("<a x='\x0B'/>") == "malformed XML: control character U+000B at offset 6");
  // DEL, C1 controls and non-characters beyond ASCII are not checked: they pass as they are.
  // A byte that is not UTF-8 is refused (XML 1.0, 4.3.3), with the element it is in.
  BOOST_TEST(trace("<a>\x7F\xC2\x85</a>") == "<a>[\x7F\xC2\x85]</a>$");
  BOOST_TEST(error_of("<a>\x7F\xC2\x85\xFF</a>") == "malformed XML: a byte that is not UTF-8 at offset 6 in /a");
  BOOST_TEST(error_of("<a x='\xC3'/>").rfind("malformed XML: a byte that is not UTF-8 at offset 6", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(error_is_final) {
  PullParser xml("<a><b></a><c/>");
  BOOST_TEST((xml.next() == Token::start_tag));
  BOOST_TEST((xml.next() == Token::start_tag));
  BOOST_TEST((xml.next() == Token::error));
  BOOST_TEST((xml.next() == Token::error));
  BOOST_TEST(xml.failed());
  BOOST_TEST(xml.error() == "malformed XML: end tag </a> at offset 6 does not match <b>");
}

BOOST_AUTO_TEST_CASE(texts_and_attribute_values_stay_valid_as_documented) {
  // A processed text outlives the end tag after it; a processed attribute value outlives the
  // text and end tags before the next start tag.
  PullParser xml("<a x=\"&#x41;\r\n\"><b y=\"1&amp;2\" z=\"&lt;\">1&amp;2</b></a>");
  BOOST_TEST((xml.next() == Token::start_tag));
  BOOST_TEST((xml.next() == Token::start_tag));
  std::string_view y = xml.attributes().at(0).value, z = xml.attributes().at(1).value;
  BOOST_TEST((xml.next() == Token::text));
  std::string_view text = xml.text();
  BOOST_TEST((xml.next() == Token::end_tag));
  BOOST_TEST(text == "1&2");
  BOOST_TEST(y == "1&2");
  BOOST_TEST(z == "<");
  BOOST_TEST(!xml.in_document(y));
  BOOST_TEST((xml.next() == Token::end_tag));
  BOOST_TEST((xml.next() == Token::end_of_document));
  BOOST_TEST((xml.next() == Token::end_of_document));

  PullParser plain("<a x=\"v\">t</a>");
  BOOST_TEST((plain.next() == Token::start_tag));
  BOOST_TEST(plain.in_document(plain.attributes().at(0).value));
  BOOST_TEST((plain.next() == Token::text));
  BOOST_TEST(plain.in_document(plain.text()));  // read in place
}

BOOST_AUTO_TEST_SUITE_END()
