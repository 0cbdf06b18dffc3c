#pragma once
// A pull tokenizer for the XML the typed decoder reads: one pass over the bytes, each text
// processed exactly once (references replaced, newlines normalised) when it is read, and names
// and plain texts handed out as views into the document. It checks well-formedness as it goes
// and refuses what an untrusted body has no use for: DTDs (so no entity is ever expanded) and
// nesting deeper than ASP.NET Web API's formatter allows.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace orderkit::codec::xml {

/// What PullParser::next() read.
enum class Token : std::uint8_t { start_tag, end_tag, text, end_of_document, error };

/// An attribute of the start tag just read.
struct Attribute {
  std::string_view name;   // qualified name, as written
  std::string_view value;  // references replaced, newlines and tabs normalised to spaces
};

/// Reads a UTF-8 document as tokens. Names, and texts that need no processing, are views into
/// the document; other texts live in the parser until the next text (attribute values: until
/// the next start tag). After an error, next() keeps returning Token::error.
///
/// What a text token holds, so that decoding matches what the DOM reader before it decoded:
/// the character data between two tags, CDATA sections included and comments and processing
/// instructions left out. Character data of only white space is text where it is all an element
/// holds (`<a>  </a>`: .NET's serializers read such a string as it is), and none beside child
/// elements, where it is indentation.
class PullParser {
 public:
  /// Element nesting allowed; ASP.NET Web API's XmlMediaTypeFormatter.MaxDepth is 256 too.
  static constexpr std::size_t kMaxDepth = 256;

  explicit PullParser(std::string_view document);

  /// Reads the next token. A self-closing tag gives a start tag and then its end tag.
  Token next();

  /// The qualified name of the element of the start or end tag just read.
  std::string_view name() const { return name_; }
  /// The attributes of the start tag just read.
  const std::vector<Attribute>& attributes() const { return attributes_; }
  /// The text just read.
  std::string_view text() const { return text_; }
  /// After Token::error: "malformed XML: <what> at offset <byte>".
  const std::string& error() const { return error_; }
  bool failed() const { return state_ == State::failed; }
  /// Ends reading with an error at the start tag just read ("malformed XML: <what> at offset
  /// <byte>"), for a limit of the reader's own; next() returns Token::error from now on.
  Token refuse(std::string_view what);
  /// Whether `s` is a view into the document (and so outlives the parser's buffers).
  bool in_document(std::string_view s) const {
    return !std::less<const char*>()(s.data(), begin_) && !std::less<const char*>()(end_, s.data() + s.size());
  }

 private:
  enum class State : std::uint8_t { prolog, content, epilog, done, failed };

  Token misc();       // before or after the root element
  Token content();    // inside the root element
  Token start_tag();  // at '<' and a name
  Token end_tag();    // at "</"
  // Each of these reads one construct at p_ and moves p_ past it; false after an error.
  bool attribute_value(Attribute& a);  // at the opening quote
  bool unique_attributes();            // of the start tag just read
  bool text_run();                     // character data up to the next '<'
  bool cdata();                        // at "<![CDATA["
  bool comment();                      // at "<!--"
  bool processing_instruction();       // at "<?"
  // At '&': appends the character it stands for; returns the position after it, or null.
  const char* reference(const char* amp, std::string& out);
  // Past the name that starts at p; `ascii` tells whether its bytes are all below 0x80.
  const char* name_end(const char* p, bool& ascii) const;
  bool check_name(const char* at, std::string_view name, bool ascii);
  // At a byte >= 0x80 in character data: past its UTF-8 sequence, or null
  // after an error naming the element it is in.
  const char* non_ascii(const char* q);
  Token fail(const char* at, std::string_view what, std::string_view after = {});

  // The text token being gathered: nothing yet, a view into the document (text_), or
  // text_buffer_ once a piece needed processing or a second piece came.
  enum class Gathered : std::uint8_t { none, view, buffer };
  void gather_view(const char* begin, const char* end);
  std::string& gather_buffer();

  const char* const begin_;
  const char* const end_;
  const char* const start_;  // after a byte order mark: where an XML declaration may stand
  const char* p_;
  const char* tag_ = nullptr;  // the start tag just read, for refuse()
  State state_ = State::prolog;
  bool close_pending_ = false;  // a self-closing tag's end tag is due
  Gathered gathered_ = Gathered::none;
  bool blank_ = true;       // what is gathered is only white space from plain runs (no reference, no CDATA)
  bool childless_ = false;  // the innermost open element has no child element so far
  std::string_view name_;
  std::string_view text_;
  std::vector<std::string_view> open_;  // names of the open elements
  std::vector<Attribute> attributes_;
  std::vector<std::size_t> copied_at_;   // per attribute: npos, or where its value starts in the buffer
  std::string attribute_buffer_;         // values that needed processing
  std::vector<std::string_view> names_;  // unique_attributes()' sorted copy, for many attributes
  std::string text_buffer_;
  std::string error_;
};

}  // namespace orderkit::codec::xml
