#include "codec/xml_pull.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "codec/text.hpp"

namespace orderkit::codec::xml {
namespace {

// Character classes: the scanning loops test one table entry per byte.
enum : std::uint8_t {
  kNameStart = 1,    // letters, '_', ':' and every byte >= 0x80 (no Unicode tables, as tinyxml2)
  kName = 2,         // also digits, '.', '-'
  kSpace = 4,        // XML's white space: space, tab, LF, CR
  kForbidden = 8,    // control characters XML does not allow, NUL included
  kTextStop = 16,    // ends a plain run of text: '<', '&', CR, ']' (for "]]>"), forbidden, >= 0x80
  kValueStop = 32,   // ends a plain run of an attribute value: quotes, '<', '&', tab, LF, CR, forbidden, >= 0x80
  kSectionStop = 64  // ends a plain run in comments, PIs, CDATA: '-', '?', ']', CR, forbidden, >= 0x80
};

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    int f = 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80) f |= kNameStart | kName;
    if ((c >= '0' && c <= '9') || c == '.' || c == '-') f |= kName;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') f |= kSpace;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') f |= kForbidden | kTextStop | kValueStop | kSectionStop;
    if (c == '<' || c == '&' || c == '\r' || c == ']') f |= kTextStop;
    if (c == '"' || c == '\'' || c == '<' || c == '&' || c == '\t' || c == '\n' || c == '\r') f |= kValueStop;
    if (c == '-' || c == '?' || c == ']' || c == '\r') f |= kSectionStop;
    // A document is UTF-8 throughout (XML 1.0, 4.3.3): every non-ASCII byte is checked, so that
    // no value changes on its way through (the writers would turn such bytes into U+FFFD).
    if (c >= 0x80) f |= kTextStop | kValueStop | kSectionStop;
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(f);
  }
  return t;
}
constexpr std::array<std::uint8_t, 256> kClass = make_classes();

inline bool is(char c, std::uint8_t cls) { return (kClass[static_cast<unsigned char>(c)] & cls) != 0; }

inline bool starts_with(const char* p, const char* end, std::string_view s) {
  return static_cast<std::size_t>(end - p) >= s.size() && std::memcmp(p, s.data(), s.size()) == 0;
}

inline std::string_view view(const char* begin, const char* end) {
  return std::string_view(begin, static_cast<std::size_t>(end - begin));
}

// XML's Char production without NUL, and with the C0 controls that XML 1.0 allows only in
// XML 1.1: the writer sends text's control characters as references (&#x1;), so they come back.
bool referable(std::uint32_t cp) {
  return (cp >= 0x1 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

}  // namespace

PullParser::PullParser(std::string_view document)
    : begin_(document.data()),
      end_(document.data() + document.size()),
      start_(starts_with(begin_, end_, "\xEF\xBB\xBF") ? begin_ + 3 : begin_),  // a UTF-8 byte order mark
      p_(start_) {}

Token PullParser::next() {
  if (close_pending_) {  // name_ still names the self-closing element
    close_pending_ = false;
    if (open_.empty()) state_ = State::epilog;
    return Token::end_tag;
  }
  switch (state_) {
    case State::content: return content();
    case State::prolog:
    case State::epilog: return misc();
    case State::done: return Token::end_of_document;
    case State::failed: break;
  }
  return Token::error;
}

Token PullParser::misc() {
  for (;;) {
    while (p_ < end_ && is(*p_, kSpace)) ++p_;
    if (p_ == end_) {
      if (state_ == State::prolog) return fail(nullptr, "no root element");
      state_ = State::done;
      return Token::end_of_document;
    }
    if (*p_ != '<') return fail(p_, "text outside the root element");
    char c = p_ + 1 < end_ ? p_[1] : '\0';
    if (c == '?') {
      if (!processing_instruction()) return Token::error;
    } else if (starts_with(p_, end_, "<!--")) {
      if (!comment()) return Token::error;
    } else if (starts_with(p_, end_, "<!DOCTYPE")) {
      return fail(p_, "document type declaration", " (DTDs are not accepted)");
    } else if (starts_with(p_, end_, "<![CDATA[")) {
      return fail(p_, "CDATA section outside the root element");
    } else if (c == '!') {
      return fail(p_, "'<!'", " starts no comment or CDATA section");
    } else if (is(c, kNameStart)) {
      if (state_ == State::epilog) return fail(p_, "more than one root element (another starts", ")");
      return start_tag();
    } else {
      return c == '/' ? fail(p_, "end tag outside the root element") : fail(p_, "'<'", " starts no tag");
    }
  }
}

Token PullParser::content() {
  gathered_ = Gathered::none;
  blank_ = true;
  for (;;) {
    if (p_ == end_) return fail(nullptr, "the document ends inside element <" + shown(open_.back()) + ">");
    if (*p_ != '<') {
      if (!text_run()) return Token::error;
      continue;
    }
    char c = p_ + 1 < end_ ? p_[1] : '\0';
    if (c == '!') {
      bool ok = false;
      if (starts_with(p_, end_, "<!--")) ok = comment();
      else if (starts_with(p_, end_, "<![CDATA[")) ok = cdata();
      else if (starts_with(p_, end_, "<!DOCTYPE"))
        return fail(p_, "document type declaration", " (DTDs are not accepted)");
      else return fail(p_, "'<!'", " starts no comment or CDATA section");
      if (!ok) return Token::error;
      continue;
    }
    if (c == '?') {
      if (!processing_instruction()) return Token::error;
      continue;
    }
    // A tag ends the text gathered so far; it is read on the next call. White space alone is
    // text only where it is all an element holds (<a>  </a>, a value of spaces, as .NET reads
    // it); beside child elements it is indentation, and no text.
    if (gathered_ != Gathered::none && (!blank_ || (c == '/' && childless_))) {
      if (gathered_ == Gathered::buffer) text_ = text_buffer_;
      return Token::text;
    }
    if (c == '/') return end_tag();
    if (is(c, kNameStart)) return start_tag();
    return fail(p_, "'<'", " starts no tag (write &lt; in text)");
  }
}

Token PullParser::start_tag() {
  const char* const open = tag_ = p_;
  bool ascii = true;
  const char* q = name_end(p_ + 1, ascii);
  std::string_view name = view(p_ + 1, q);
  if (!check_name(p_ + 1, name, ascii)) return Token::error;
  attributes_.clear();
  copied_at_.clear();
  attribute_buffer_.clear();
  for (;;) {
    const char* space = q;
    while (q < end_ && is(*q, kSpace)) ++q;
    if (q == end_) return fail(open, "start tag <" + shown(name) + ">", " is not closed");
    if (*q == '>') {
      ++q;
      break;
    }
    if (*q == '/') {
      if (q + 1 == end_ || q[1] != '>') return fail(q, "'/'", " not followed by '>'");
      q += 2;
      close_pending_ = true;
      break;
    }
    if (!is(*q, kNameStart)) return fail(q, "expected an attribute, '>' or '/>'");
    if (q == space) return fail(q, "expected white space before attribute");
    const char* const attribute = q;
    Attribute a;
    q = name_end(q, ascii);
    a.name = view(attribute, q);
    if (!check_name(attribute, a.name, ascii)) return Token::error;
    while (q < end_ && is(*q, kSpace)) ++q;
    if (q == end_ || *q != '=') return fail(q, "expected '=' after attribute " + shown(a.name));
    ++q;
    while (q < end_ && is(*q, kSpace)) ++q;
    if (q == end_ || (*q != '"' && *q != '\'')) return fail(q, "attribute value", " is not in quotes");
    p_ = q;
    if (!attribute_value(a)) return Token::error;
    q = p_;
    attributes_.push_back(a);
  }
  if (attributes_.size() > 1 && !unique_attributes()) return Token::error;
  // Values that needed processing point into the buffer only now that it has stopped growing.
  if (!attribute_buffer_.empty()) {
    for (std::size_t i = 0; i < copied_at_.size(); ++i)
      if (copied_at_[i] != std::string::npos)
        attributes_[i].value = std::string_view(attribute_buffer_.data() + copied_at_[i], attributes_[i].value.size());
  }
  if (open_.size() >= kMaxDepth)
    return fail(open, "element nested deeper than " + std::to_string(kMaxDepth) + " levels");
  name_ = name;
  p_ = q;
  childless_ = !close_pending_;
  if (!close_pending_) {
    open_.push_back(name);
    state_ = State::content;
  }
  return Token::start_tag;
}

bool PullParser::unique_attributes() {
  // Names are views into the document, so the later of two equal names gives the offset.
  const std::string_view* twice = nullptr;
  if (attributes_.size() <= 16) {  // the usual tag: a few attributes, compared pairwise
    for (std::size_t i = 1; i < attributes_.size() && !twice; ++i)
      for (std::size_t j = 0; j < i && !twice; ++j)
        if (attributes_[i].name == attributes_[j].name) twice = &attributes_[i].name;
  } else {  // many: sorted, so that a hostile tag cannot make the check quadratic
    names_.clear();
    for (const Attribute& a : attributes_) names_.push_back(a.name);
    std::sort(names_.begin(), names_.end(),
              [](std::string_view x, std::string_view y) { return x < y || (x == y && x.data() < y.data()); });
    for (std::size_t i = 1; i < names_.size() && !twice; ++i)
      if (names_[i] == names_[i - 1]) twice = &names_[i];
  }
  if (!twice) return true;
  fail(twice->data(), "attribute " + shown(*twice), " appears a second time");
  return false;
}

bool PullParser::attribute_value(Attribute& a) {
  const char* const open = p_;
  const char quote = *p_;
  const char* q = p_ + 1;
  const char* s = q;
  std::size_t at = std::string::npos;
  for (;;) {
    while (q < end_ && !is(*q, kValueStop)) ++q;
    if (q == end_) return fail(open, "attribute value", " is not closed"), false;
    char c = *q;
    if (c == quote) break;
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!(q = non_ascii(q))) return false;
      continue;
    }
    if (c == '"' || c == '\'') {
      ++q;
      continue;
    }
    if (c == '<') return fail(q, "'<'", " in an attribute value (write &lt;)"), false;
    if (is(c, kForbidden)) return fail(q, "character"), false;
    if (at == std::string::npos) at = attribute_buffer_.size();
    attribute_buffer_.append(s, q);
    if (c == '&') {
      q = reference(q, attribute_buffer_);
      if (!q) return false;
    } else {  // attribute-value normalisation: tab, LF, CR and CR LF each become one space
      attribute_buffer_.push_back(' ');
      if (c == '\r' && q + 1 < end_ && q[1] == '\n') ++q;
      ++q;
    }
    s = q;
  }
  if (at == std::string::npos) {
    a.value = view(s, q);
  } else {
    attribute_buffer_.append(s, q);
    // Its length for now (the processed value is never longer than the raw one); start_tag()
    // points it into the buffer once the buffer has stopped growing.
    a.value = std::string_view(open + 1, attribute_buffer_.size() - at);
  }
  // copied_at_ runs parallel to attributes_ (the caller appends `a` next).
  copied_at_.push_back(at);
  p_ = q + 1;
  return true;
}

const char* PullParser::non_ascii(const char* q) {
  // Any well-formed sequence passes, U+FFFE and U+FFFF included: the writer sends them as they
  // are, and what it writes must read back.
  std::uint32_t cp = 0;
  std::size_t len = utf8_sequence(view(q, end_), 0, cp);
  if (len != 0) return q + len;
  std::string in;
  if (!open_.empty()) in = " in ";
  for (std::string_view name : open_) in += "/" + std::string(name);
  fail(q, "a byte that is not UTF-8", in);
  return nullptr;
}

bool PullParser::text_run() {
  const char* q = p_;
  bool cr = false;
  while (q < end_ && is(*q, kSpace)) cr |= *q++ == '\r';
  if (q == end_ || *q == '<') {  // only white space up to the next markup: content() decides
    // Indentation before a child's start tag, or before the end tag of an element with children,
    // is dropped at once (what content() would do with it).
    const char next = q + 1 < end_ ? q[1] : '\0';
    if (gathered_ == Gathered::none && (is(next, kNameStart) || (next == '/' && !childless_))) {
      p_ = q;
      return true;
    }
    if (!cr) {
      gather_view(p_, q);
      p_ = q;
      return true;
    }
  } else {
    blank_ = false;
  }
  const char* s = p_;
  q = p_;
  std::string* buffer = nullptr;  // once a character is replaced
  for (;;) {
    while (q < end_ && !is(*q, kTextStop)) ++q;
    if (q == end_ || *q == '<') break;
    char c = *q;
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!(q = non_ascii(q))) return false;
      continue;
    }
    if (c == ']') {
      if (starts_with(q, end_, "]]>")) return fail(q, "']]>'", " in text (write ]]&gt;)"), false;
      ++q;
      continue;
    }
    if (is(c, kForbidden)) return fail(q, "character"), false;
    if (!buffer) buffer = &gather_buffer();
    buffer->append(s, q);
    if (c == '&') {
      q = reference(q, *buffer);
      if (!q) return false;
    } else {  // CR LF and a lone CR become LF
      buffer->push_back('\n');
      ++q;
      if (q < end_ && *q == '\n') ++q;
    }
    s = q;
  }
  if (buffer) buffer->append(s, q);
  else gather_view(s, q);
  p_ = q;
  return true;
}

bool PullParser::cdata() {
  blank_ = false;  // a CDATA section is text, white space or not
  const char* const open = p_;
  const char* q = p_ + 9;
  const char* s = q;
  std::string* buffer = nullptr;
  for (;;) {
    while (q < end_ && !is(*q, kSectionStop)) ++q;
    if (q == end_) return fail(open, "CDATA section", " is not closed"), false;
    char c = *q;
    if (c == ']' && starts_with(q, end_, "]]>")) break;
    if (is(c, kForbidden)) return fail(q, "character"), false;
    if (static_cast<unsigned char>(c) >= 0x80) {
      if (!(q = non_ascii(q))) return false;
      continue;
    }
    if (c == '\r') {
      if (!buffer) buffer = &gather_buffer();
      buffer->append(s, q);
      buffer->push_back('\n');
      ++q;
      if (q < end_ && *q == '\n') ++q;
      s = q;
      continue;
    }
    ++q;  // '-', '?' or a ']' that ends nothing
  }
  if (buffer) buffer->append(s, q);
  else gather_view(s, q);
  p_ = q + 3;
  return true;
}

bool PullParser::comment() {
  const char* const open = p_;
  const char* q = p_ + 4;
  for (;;) {
    while (q < end_ && !is(*q, kSectionStop)) ++q;
    if (q == end_ || (*q == '-' && end_ - q < 3)) return fail(open, "comment", " is not closed"), false;
    if (*q == '-' && q[1] == '-') {
      if (q[2] != '>') return fail(q, "'--'", " inside a comment"), false;
      p_ = q + 3;
      return true;
    }
    if (is(*q, kForbidden)) return fail(q, "character"), false;
    if (static_cast<unsigned char>(*q) >= 0x80) {
      if (!(q = non_ascii(q))) return false;
      continue;
    }
    ++q;
  }
}

bool PullParser::processing_instruction() {
  const char* const open = p_;
  bool ascii = true;
  const char* q = name_end(p_ + 2, ascii);
  std::string_view target = view(p_ + 2, q);
  if (target.empty() || !is(target[0], kNameStart))
    return fail(open, "processing instruction", " has no target name"), false;
  // "xml" in any case is reserved: only the declaration, and only at the very start.
  bool xml = target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' && (target[2] | 0x20) == 'l';
  if (xml && (open != start_ || target != "xml"))
    return fail(open, "XML declaration", " is not at the start of the document"), false;
  if (q < end_ && !is(*q, kSpace) && !starts_with(q, end_, "?>")) return fail(q, "expected white space or '?>'"), false;
  for (;;) {
    while (q < end_ && !is(*q, kSectionStop)) ++q;
    if (q == end_) return fail(open, "processing instruction", " is not closed"), false;
    if (*q == '?' && q + 1 < end_ && q[1] == '>') {
      p_ = q + 2;
      return true;
    }
    if (is(*q, kForbidden)) return fail(q, "character"), false;
    if (static_cast<unsigned char>(*q) >= 0x80) {
      if (!(q = non_ascii(q))) return false;
      continue;
    }
    ++q;
  }
}

Token PullParser::end_tag() {
  const char* const open = p_;
  std::string_view expected = open_.back();
  bool ascii = true;
  const char* q = name_end(p_ + 2, ascii);
  std::string_view got = view(p_ + 2, q);
  if (!same_name(got, expected)) {
    return fail(open, "end tag </" + shown(got) + ">", " does not match <" + shown(expected) + ">");
  }
  while (q < end_ && is(*q, kSpace)) ++q;
  if (q == end_ || *q != '>') return fail(q, "expected '>' to close end tag </" + shown(expected) + ">");
  p_ = q + 1;
  name_ = expected;
  childless_ = false;
  open_.pop_back();
  if (open_.empty()) state_ = State::epilog;
  return Token::end_tag;
}

const char* PullParser::reference(const char* amp, std::string& out) {
  const char* q = amp + 1;
  if (q < end_ && *q == '#') {
    ++q;
    const bool hex = q < end_ && *q == 'x';
    if (hex) ++q;
    const char* digits = q;
    std::uint32_t cp = 0;
    for (; q < end_; ++q) {
      char c = *q;
      std::uint32_t d;
      if (c >= '0' && c <= '9') d = static_cast<std::uint32_t>(c - '0');
      else if (hex && c >= 'a' && c <= 'f') d = static_cast<std::uint32_t>(c - 'a' + 10);
      else if (hex && c >= 'A' && c <= 'F') d = static_cast<std::uint32_t>(c - 'A' + 10);
      else break;
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) cp = 0x110000;  // out of range whatever follows; saturating avoids overflow
    }
    if (q != digits && q < end_ && *q == ';') {
      if (!referable(cp)) {
        fail(amp, "character reference " + shown(view(amp, q + 1)), " names no XML character");
        return nullptr;
      }
      append_utf8(out, cp);
      return q + 1;
    }
  } else {
    static constexpr struct {
      std::string_view name;
      char c;
    } kEntities[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}};
    for (const auto& e : kEntities) {
      if (starts_with(q, end_, e.name)) {
        out.push_back(e.c);
        return q + e.name.size();
      }
    }
  }
  fail(amp, "'&'", " starts no entity or character reference (write &amp;)");
  return nullptr;
}

const char* PullParser::name_end(const char* p, bool& ascii) const {
  unsigned high = 0;
  while (p < end_ && is(*p, kName)) high |= static_cast<unsigned char>(*p++);
  ascii = high < 0x80;
  return p;
}

bool PullParser::check_name(const char* at, std::string_view name, bool ascii) {
  if (ascii) return true;
  // Names reach error messages and decoded paths, so they must be text.
  for (std::size_t i = 0; i < name.size();) {
    std::uint32_t cp = 0;
    std::size_t len = static_cast<unsigned char>(name[i]) < 0x80 ? 1 : utf8_sequence(name, i, cp);
    if (len == 0) return fail(at + i, "name with bytes that are not UTF-8"), false;
    i += len;
  }
  return true;
}

void PullParser::gather_view(const char* begin, const char* end) {
  switch (gathered_) {
    case Gathered::none:
      text_ = view(begin, end);
      gathered_ = Gathered::view;
      return;
    case Gathered::view: gather_buffer(); break;
    case Gathered::buffer: break;
  }
  text_buffer_.append(begin, end);
}

std::string& PullParser::gather_buffer() {
  if (gathered_ == Gathered::none) text_buffer_.clear();
  else if (gathered_ == Gathered::view) text_buffer_.assign(text_.data(), text_.size());
  gathered_ = Gathered::buffer;
  return text_buffer_;
}

Token PullParser::refuse(std::string_view what) { return fail(tag_, what); }

Token PullParser::fail(const char* at, std::string_view what, std::string_view after) {
  error_ = "malformed XML: ";
  // A character XML does not allow is named as such, whatever the caller expected there.
  if (at && at < end_ && is(*at, kForbidden)) {
    unsigned char c = static_cast<unsigned char>(*at);
    static constexpr char kHex[] = "0123456789ABCDEF";
    error_ +=
        c == 0 ? std::string("NUL character") : std::string("control character U+00") + kHex[c >> 4] + kHex[c & 15];
    after = {};
  } else {
    error_ += what;
  }
  if (at) {
    error_ += " at offset ";
    error_ += std::to_string(at - begin_);
  }
  error_ += after;
  state_ = State::failed;
  close_pending_ = false;
  return Token::error;
}

}  // namespace orderkit::codec::xml
