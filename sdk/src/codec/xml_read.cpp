#include "codec/xml_read.hpp"

#include <deque>

#include "codec/xml_pull.hpp"
#include "codec/xml_write.hpp"

namespace orderkit::codec::xml {
namespace {

constexpr std::size_t kMaxErrors = 50;
// Namespace declarations in scope at once. A prefix is resolved by a scan from the innermost
// declaration, and documents declare a handful; the cap keeps a hostile document that declares
// thousands from making every element's look-up long.
constexpr std::size_t kMaxNamespaces = 256;

struct NsDecl {
  std::string_view prefix;  // "" for the default namespace
  std::string_view uri;
  bool stored;  // uri lives in Reader::stored_uris_
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

// Whether member a of obj comes before member b in DataContract order.
bool comes_before(const ObjectNode& obj, int a, int b) {
  const FieldNode &fa = obj.fields[a], &fb = obj.fields[b];
  return data_contract_before((fa.flags & meta::kBaseClass) != 0, std::string_view(fa.name, fa.length),
                              (fb.flags & meta::kBaseClass) != 0, std::string_view(fb.name, fb.length));
}

// Fills the structs from the token stream, led by the decoding plans. Every read_* is called
// right after an element's start tag (its attributes are still current) and returns after the
// element's end tag, or early once the parser has failed: decode() then reports only that.
class Reader {
 public:
  Reader(PullParser& xml, bool data_contract, std::vector<FieldError>* dropped)
      : xml_(xml), data_contract_(data_contract), dropped_(dropped) {}
  std::vector<FieldError> errors;

  // Declarations of the element just started go on the scope stack; pop_scope() takes them off
  // after its end tag. One pass over the attributes also notes whether a nil attribute may be
  // present, which is_nil() checks while the attributes are still current.
  Scope push_scope() {
    Scope scope;
    for (const Attribute& a : xml_.attributes()) {
      std::string_view name = a.name;
      if (name.compare(0, 5, "xmlns") == 0) {
        if (name.size() == 5) declare("", a.value), ++scope.declarations;
        else if (name[5] == ':') declare(name.substr(6), a.value), ++scope.declarations;
      } else if (auto colon = name.find(':'); colon != std::string_view::npos && name.substr(colon + 1) == "nil") {
        scope.maybe_nil = true;
      }
    }
    if (scopes_.size() > kMaxNamespaces)
      xml_.refuse("more than " + std::to_string(kMaxNamespaces) + " namespace declarations in scope");
    return scope;
  }
  void pop_scope(const Scope& scope) {
    for (std::size_t i = 0; i < scope.declarations; ++i) {
      if (scopes_.back().stored) stored_uris_.pop_back();
      scopes_.pop_back();
    }
  }

  std::string_view resolve(std::string_view prefix) const {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it)
      if (same_name(it->prefix, prefix)) return it->uri;
    return prefix.empty() ? std::string_view("") : std::string_view("\x01unbound");
  }

  // Splits the current element's "p:local" and resolves p.
  void qname(std::string_view& local, std::string_view& ns) const {
    std::string_view n = xml_.name();
    auto colon = n.find(':');
    if (colon == std::string_view::npos) {
      local = n;
      ns = resolve("");
    } else {
      local = n.substr(colon + 1);
      ns = resolve(n.substr(0, colon));
    }
  }

  bool is_nil(const Scope& scope) const {
    if (!scope.maybe_nil) return false;
    for (const Attribute& a : xml_.attributes()) {
      auto colon = a.name.find(':');
      if (colon == std::string_view::npos || a.name.substr(colon + 1) != "nil") continue;
      if (resolve(a.name.substr(0, colon)) == kXsiNs) return a.value == "true";
    }
    return false;
  }

  // The path is kept as segments and spelled out only for an error.
  std::string path() const {
    std::string path;
    for (const Segment& s : path_) append_segment(path, s.field, s.index, s.field == nullptr);
    return path;
  }
  void fail(const std::string& code, const std::string& message) {
    if (errors.size() >= kMaxErrors) return;
    errors.push_back({path(), code, message});
  }

  // Reads past the end tag of the element the reader is in (the one whose start tag was just
  // read, or whose content is being read), ignoring what is left of its content.
  void skip() {
    for (std::size_t depth = 0;;) {
      Token t = xml_.next();
      if (t == Token::start_tag) ++depth;
      else if (t == Token::end_tag && depth-- == 0) return;
      else if (t == Token::error) return;
    }
  }

  void read_value(const Node* node, void* target, const Scope& scope) {
    bool nil = is_nil(scope);
    if (node->kind == Node::kOptional) {
      if (nil) {
        node->reset(target);
        return skip();
      }
      target = node->emplace(target);
      node = node->inner;
    }
    if (nil) {
      fail("type", std::string("expected ") + node->expected + ", got nil (the field is not nullable)");
      return skip();
    }
    switch (node->kind) {
      case Node::kScalar: return read_scalar(node, target);
      case Node::kObject: return read_object(*node->object, target);
      case Node::kArray: return read_array(node, target);
      case Node::kOptional: return skip();  // an optional of an optional is never declared
    }
  }

  void read_scalar(const Node* node, void* target) {
    Scalar s;
    s.kind = Scalar::string;
    Token t = xml_.next();
    if (t == Token::text) {
      s.text = xml_.text();  // stays valid over the end tag that follows
      t = xml_.next();
    }
    if (t == Token::start_tag) {
      fail("type", std::string("expected ") + node->expected + ", got element <" + std::string(xml_.name()) + ">");
      skip();         // the element inside
      return skip();  // the rest of this one
    }
    if (t != Token::end_tag) return;
    std::string code, msg;
    if (!node->set(target, s, code, msg)) fail(code, msg);
  }

  void read_object(const ObjectNode& obj, void* target) {
    std::string_view member_ns = data_contract_ ? obj.info->xml_ns : "";
    int hint = 0;
    int last = -1;  // the member read last (DataContract order)
    Token t;
    while ((t = xml_.next()) == Token::start_tag || t == Token::text) {
      if (t == Token::text) continue;  // text beside members is ignored, as it always was
      Scope scope = push_scope();
      std::string_view local, ns;
      qname(local, ns);
      int i = find_field(obj, local, hint, /*json=*/false);
      if (i < 0) {
        skip();  // unknown elements are ignored, as ASP.NET does
      } else if (data_contract_ && last >= 0 && !comes_before(obj, last, i)) {
        // DataContractSerializer looks for each element among the members after the last one it
        // read, in contract order: an element of an earlier (or the same) member is an unknown
        // element to it, skipped without an error. The server never sees the value; neither
        // does this reader, and the caller who asked is told which member was lost.
        path_.push_back({obj.fields[i].name, 0});
        if (dropped_ && dropped_->size() < kMaxErrors)
          dropped_->push_back({path(), "out_of_order",
                               std::string("dropped: it comes after <") + obj.fields[last].name +
                                   ">, and DataContractSerializer reads members only in contract order"});
        path_.pop_back();
        skip();
      } else {
        hint = i + 1;
        last = i;
        path_.push_back({obj.fields[i].name, 0});
        if (ns != member_ns) {
          fail("namespace",
               "expected element in namespace '" + std::string(member_ns) + "', got '" + std::string(ns) + "'");
          skip();
        } else {
          read_value(obj.fields[i].node, obj.fields[i].locate(target), scope);
        }
        path_.pop_back();
      }
      pop_scope(scope);
    }
    // A missing element is not an error in XML: XmlSerializer and DataContractSerializer leave the
    // member at its default ([Required] is DataAnnotations', checked by validation afterwards), as
    // the .NET oracle's differential test shows with 001's OrderBase and a null OrderCode.
  }

  void read_array(const Node* node, void* target) {
    node->reset(target);
    std::string_view item_ns = data_contract_ ? node->xml_item_ns : "";
    std::size_t index = 0;
    Token t;
    while ((t = xml_.next()) == Token::start_tag || t == Token::text) {
      if (t == Token::text) continue;
      Scope scope = push_scope();
      std::string_view local, ns;
      qname(local, ns);
      path_.push_back({nullptr, index++});
      if (index > kMaxCollectionItems) {
        fail("limit", collection_limit_message());
        path_.pop_back();
        pop_scope(scope);
        skip();         // this item
        return skip();  // the rest of the collection, unread
      }
      if (local != node->xml_item_name || ns != item_ns) {
        fail("element", std::string("expected <") + node->xml_item_name + "> item" +
                            (item_ns.empty() ? "" : " in namespace '" + std::string(item_ns) + "'") + ", got <" +
                            std::string(local) + ">");
        skip();
      } else {
        read_value(node->inner, node->emplace(target), scope);
      }
      path_.pop_back();
      pop_scope(scope);
      if (errors.size() >= kMaxErrors) return skip();  // the rest of the collection, unread
    }
  }

 private:
  // A declaration's value is a view into the document, unless it needed processing: then the
  // parser holds it only until the next start tag, and a copy is kept for the element's scope.
  void declare(std::string_view prefix, std::string_view uri) {
    bool stored = !xml_.in_document(uri);
    if (stored) uri = stored_uris_.emplace_back(uri);
    scopes_.push_back({prefix, uri, stored});
  }

  PullParser& xml_;
  bool data_contract_;
  std::vector<FieldError>* dropped_;  // members dropped as the server's serializer drops them, or null
  std::vector<NsDecl> scopes_;
  std::deque<std::string> stored_uris_;  // a deque: its strings stay where they are as it grows
  std::vector<Segment> path_;
};

std::vector<FieldError> syntax_error(const PullParser& xml) { return {{"", "syntax", xml.error()}}; }

}  // namespace

std::vector<FieldError> decode(std::string_view text, const RootSpec& spec, const Node& root, void* target,
                               std::vector<FieldError>* dropped) {
  PullParser xml(text);
  if (xml.next() != Token::start_tag) return syntax_error(xml);
  Reader r(xml, spec.data_contract, dropped);
  Scope scope = r.push_scope();
  std::string_view local, ns;
  r.qname(local, ns);
  if (local != spec.name || ns != spec.ns) {
    // The rest is still read: a document that is not well-formed is a syntax error first.
    r.skip();
    if (xml.next() != Token::end_of_document) return syntax_error(xml);
    std::string expected = "<" + spec.name + ">" + (*spec.ns ? " in namespace '" + std::string(spec.ns) + "'" : "");
    std::string got = "<" + std::string(local) + ">" + (ns.empty() ? "" : " in namespace '" + std::string(ns) + "'");
    return {{"", "root", "expected root element " + expected + ", got " + got}};
  }
  if (root.kind == Node::kArray) r.read_array(&root, target);
  else r.read_value(&root, target, scope);
  r.pop_scope(scope);
  if (xml.next() != Token::end_of_document) return syntax_error(xml);
  if (r.errors.size() >= kMaxErrors) r.errors.push_back({"", "limit", "too many errors; stopped reading"});
  return std::move(r.errors);
}

}  // namespace orderkit::codec::xml
