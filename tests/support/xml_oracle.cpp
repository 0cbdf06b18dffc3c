// The XML decoder as it was before the pull reader: tinyxml2's DOM (entities processed,
// whitespace preserved) plus the checks tinyxml2 leaves out, walked with the same decoding plans.
// Kept word for word as the differential test's oracle; see xml_oracle.hpp.
#include "xml_oracle.hpp"

#include <tinyxml2.h>
#include <cstring>

#include "codec/xml_write.hpp"

namespace orderkit::test::oracle {
namespace {

using namespace orderkit::codec;
using codec::xml::kXsiNs;

constexpr std::size_t kMaxErrors = 50;

// Whether position i of s lies inside a section that runs from `open` to `close`.
bool inside(std::string_view s, std::size_t i, std::string_view open, std::string_view close) {
  std::size_t o = s.rfind(open, i);
  if (o == std::string_view::npos) return false;
  std::size_t c = s.find(close, o + open.size());
  return c == std::string_view::npos || c > i;
}

// tinyxml2 keeps an '&' that starts no reference ("a & b", "&bogus;") as literal text, where XML
// requires a predefined entity or a character reference. Returns the first such '&' outside
// CDATA sections and comments, or npos. Only a bad '&' pays for the section look-up.
std::size_t bad_reference(std::string_view s) {
  for (std::size_t i = s.find('&'); i != std::string_view::npos; i = s.find('&', i + 1)) {
    std::size_t semi = s.find(';', i);
    std::string_view ref = semi == std::string_view::npos ? std::string_view() : s.substr(i + 1, semi - i - 1);
    bool ok = ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos";
    if (!ok && ref.size() >= 2 && ref[0] == '#') {
      bool hex = ref[1] == 'x';
      std::string_view digits = ref.substr(hex ? 2 : 1);
      ok = !digits.empty() && digits.size() <= 8;
      for (char c : digits)
        ok = ok && ((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))));
      // XML has no character 0, and tinyxml2 would end the text there.
      ok = ok && digits.find_first_not_of('0') != std::string_view::npos;
    }
    if (!ok && !inside(s, i, "<![CDATA[", "]]>") && !inside(s, i, "<!--", "-->")) return i;
  }
  return std::string_view::npos;
}

struct NsDecl {
  std::string_view prefix;  // "" for the default namespace
  std::string_view uri;
};

// One step of the path to the value being read: a member name, or an index when `field` is null.
struct Segment {
  const char* field;
  std::size_t index;
};

// What push_scope() saw on an element's attributes.
struct Scope {
  std::size_t declarations = 0;  // namespace declarations pushed
  bool maybe_nil = false;        // some attribute is named "nil" (checked by is_nil())
};

class Reader {
 public:
  Reader(bool data_contract) : data_contract_(data_contract) {}
  std::vector<FieldError> errors;

  // Declarations of `e` go on the scope stack; pop_scope() takes them off afterwards. One pass
  // over the attributes also notes whether a nil attribute may be present.
  Scope push_scope(const tinyxml2::XMLElement* e) {
    Scope scope;
    for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next()) {
      const char* name = a->Name();
      if (std::strncmp(name, "xmlns", 5) == 0) {
        if (name[5] == '\0') scopes_.push_back({"", a->Value()}), ++scope.declarations;
        else if (name[5] == ':') scopes_.push_back({name + 6, a->Value()}), ++scope.declarations;
      } else if (const char* colon = std::strchr(name, ':'); colon && std::strcmp(colon + 1, "nil") == 0) {
        scope.maybe_nil = true;
      }
    }
    return scope;
  }
  void pop_scope(const Scope& scope) { scopes_.resize(scopes_.size() - scope.declarations); }

  std::string_view resolve(std::string_view prefix) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
      if (it->prefix == prefix) return it->uri;
    return prefix.empty() ? std::string_view("") : std::string_view("\x01unbound");
  }

  // Splits "p:local" and resolves p.
  void qname(const char* raw, std::string_view& local, std::string_view& ns) const {
    std::string_view n(raw);
    auto colon = n.find(':');
    if (colon == std::string_view::npos) {
      local = n;
      ns = resolve("");
    } else {
      local = n.substr(colon + 1);
      ns = resolve(n.substr(0, colon));
    }
  }

  bool is_nil(const tinyxml2::XMLElement* e, const Scope& scope) const {
    if (!scope.maybe_nil) return false;
    for (const tinyxml2::XMLAttribute* a = e->FirstAttribute(); a; a = a->Next()) {
      std::string_view n(a->Name());
      auto colon = n.find(':');
      if (colon == std::string_view::npos || n.substr(colon + 1) != "nil") continue;
      if (resolve(n.substr(0, colon)) == kXsiNs) return std::strcmp(a->Value(), "true") == 0;
    }
    return false;
  }

  // The path is kept as segments and spelled out only for an error.
  void fail(const std::string& code, const std::string& message) {
    if (errors.size() >= kMaxErrors) return;
    std::string path;
    for (const Segment& s : path_) append_segment(path, s.field, s.index, s.field == nullptr);
    errors.push_back({std::move(path), code, message});
  }

  void read_value(const Node* node, void* target, const tinyxml2::XMLElement* e, const Scope& scope) {
    bool nil = is_nil(e, scope);
    if (node->kind == Node::kOptional) {
      if (nil) return node->reset(target);
      target = node->emplace(target);
      node = node->inner;
    }
    if (nil) return fail("type", std::string("expected ") + node->expected + ", got nil (the field is not nullable)");
    switch (node->kind) {
      case Node::kScalar: return read_scalar(node, target, e);
      case Node::kObject: return read_object(*node->object, target, e);
      case Node::kArray: return read_array(node, target, e);
      case Node::kOptional: return;  // an optional of an optional is never declared
    }
  }

  void read_scalar(const Node* node, void* target, const tinyxml2::XMLElement* e) {
    Scalar s;
    s.kind = Scalar::string;
    std::string joined;  // only when the text comes in pieces (comments, CDATA sections)
    const tinyxml2::XMLNode* first = e->FirstChild();
    if (first && !first->NextSibling() && first->ToText()) {
      s.text = first->Value();  // the usual case: one text node, read in place
    } else {
      for (const tinyxml2::XMLNode* c = first; c; c = c->NextSibling()) {
        if (c->ToElement())
          return fail("type", std::string("expected ") + node->expected + ", got element <" + c->Value() + ">");
        if (const tinyxml2::XMLText* t = c->ToText()) joined += t->Value();
      }
      s.text = joined;
    }
    std::string code, msg;
    if (!node->set(target, s, code, msg)) fail(code, msg);
  }

  void read_object(const ObjectNode& obj, void* target, const tinyxml2::XMLElement* e) {
    std::string_view member_ns = data_contract_ ? obj.info->xml_ns : "";
    std::uint64_t seen = 0;
    int hint = 0;
    for (const tinyxml2::XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
      Scope scope = push_scope(c);
      std::string_view local, ns;
      qname(c->Name(), local, ns);
      int i = find_field(obj, local, hint, /*json=*/false);
      if (i >= 0) {  // unknown elements are ignored, as ASP.NET does
        hint = i + 1;
        seen |= std::uint64_t{1} << i;
        path_.push_back({obj.fields[i].name, 0});
        if (ns != member_ns) {
          fail("namespace",
               "expected element in namespace '" + std::string(member_ns) + "', got '" + std::string(ns) + "'");
        } else {
          read_value(obj.fields[i].node, obj.fields[i].locate(target), c, scope);
        }
        path_.pop_back();
      }
      pop_scope(scope);
    }
    // A missing element is not an error in XML (the SDK's reader, as the .NET serializers).
    (void)seen;
  }

  void read_array(const Node* node, void* target, const tinyxml2::XMLElement* e) {
    node->reset(target);
    std::string_view item_ns = data_contract_ ? node->xml_item_ns : "";
    std::size_t index = 0;
    for (const tinyxml2::XMLElement* c = e->FirstChildElement(); c; c = c->NextSiblingElement()) {
      Scope scope = push_scope(c);
      std::string_view local, ns;
      qname(c->Name(), local, ns);
      path_.push_back({nullptr, index++});
      if (local != node->xml_item_name || ns != item_ns) {
        fail("element", std::string("expected <") + node->xml_item_name + "> item" +
                            (item_ns.empty() ? "" : " in namespace '" + std::string(item_ns) + "'") + ", got <" +
                            std::string(local) + ">");
      } else {
        read_value(node->inner, node->emplace(target), c, scope);
      }
      path_.pop_back();
      pop_scope(scope);
      if (errors.size() >= kMaxErrors) return;
    }
  }

 private:
  bool data_contract_;
  std::vector<NsDecl> scopes_;
  std::vector<Segment> path_;
};

}  // namespace

std::vector<FieldError> decode(std::string_view text, const codec::xml::RootSpec& spec, const Node& root,
                               void* target) {
  // tinyxml2 reads a C string: a NUL byte would silently end the document there. XML allows none.
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return {{"", "syntax", "malformed XML: NUL character at offset " + std::to_string(nul)}};
  }
  tinyxml2::XMLDocument doc(/*processEntities=*/true, tinyxml2::PRESERVE_WHITESPACE);
  if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
    std::string what = doc.ErrorStr() ? doc.ErrorStr() : "unknown error";
    return {{"", "syntax", "malformed XML: " + what}};
  }
  if (std::size_t at = bad_reference(text); at != std::string_view::npos) {
    return {{"", "syntax",
             "malformed XML: '&' at offset " + std::to_string(at) +
                 " starts no entity or character reference (write &amp;)"}};
  }
  const tinyxml2::XMLElement* e = doc.RootElement();
  if (!e) return {{"", "syntax", "malformed XML: no root element"}};
  // tinyxml2 accepts several top-level elements and text beside the root; XML allows one root
  // element with only whitespace, comments and declarations around it. Reading just the first
  // element would silently drop the rest.
  for (const tinyxml2::XMLNode* n = doc.FirstChild(); n; n = n->NextSibling()) {
    if (n->ToElement() && n != e) return {{"", "syntax", "malformed XML: more than one root element"}};
    if (const tinyxml2::XMLText* t = n->ToText()) {
      for (const char* c = t->Value(); *c; ++c)
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
          return {{"", "syntax", "malformed XML: text outside the root element"}};
    }
  }

  Reader r(spec.data_contract);
  Scope scope = r.push_scope(e);
  std::string_view local, ns;
  r.qname(e->Name(), local, ns);
  if (local != spec.name || ns != spec.ns) {
    std::string expected = "<" + spec.name + ">" + (*spec.ns ? " in namespace '" + std::string(spec.ns) + "'" : "");
    std::string got = "<" + std::string(local) + ">" + (ns.empty() ? "" : " in namespace '" + std::string(ns) + "'");
    return {{"", "root", "expected root element " + expected + ", got " + got}};
  }
  if (root.kind == Node::kArray) r.read_array(&root, target, e);
  else r.read_value(&root, target, e, scope);
  r.pop_scope(scope);
  if (r.errors.size() >= kMaxErrors) r.errors.push_back({"", "limit", "too many errors; stopped reading"});
  return std::move(r.errors);
}

}  // namespace orderkit::test::oracle
