#include "codec/decode_node.hpp"

#include <charconv>
#include <limits>

namespace orderkit::codec {

const char* kind_name(const Scalar& s) {
  switch (s.kind) {
    case Scalar::null: return "null";
    case Scalar::boolean: return "boolean";
    case Scalar::integer:
    case Scalar::unsigned_integer:
    case Scalar::number: return "number";
    case Scalar::string: return "string";
  }
  return "value";
}

namespace {

bool mismatch(const char* expected, const Scalar& s, std::string& code, std::string& msg) {
  code = "type";
  msg = std::string("expected ") + expected + ", got " + kind_name(s);
  return false;
}

// Quotes a bad value for a message (cut short and always valid UTF-8, see shown()).
std::string quoted(std::string_view text) { return "\"" + shown(text) + "\""; }

bool is_xml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `text` without the XML white space around it.
std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_xml_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_xml_space(text.back())) text.remove_suffix(1);
  return text;
}

// The text of a value that is not a string, as .NET reads it: without the white space around it.
// XML gives every scalar as text, and XmlConvert (both serializers) trims it around numbers,
// booleans, dates and GUIDs (`<Date>\n  2026-01-11T16:16:24+01:00\n</Date>`); Newtonsoft reads a JSON
// string for such a member with .NET's parsers (DateTime.Parse, Guid.Parse, decimal.Parse), which
// skip it too (" 2026-01-11T16:16:24+01:00 "). The .NET oracle's acceptance suite shows each.
std::string_view value_text(const Scalar& s) { return trimmed(s.text); }

// XML gives every scalar as text; JSON gives typed tokens. Both come here as a Scalar, and an
// XML integer arrives as string text, which these setters accept when `text_numbers` is set.
bool parse_integer_text(std::string_view text, std::int64_t& out) {
  // XmlConvert trims whitespace around numbers, and int.Parse (Newtonsoft, for a JSON string) too.
  text = trimmed(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty()) return false;
  auto r = std::from_chars(text.data(), text.data() + text.size(), out);
  return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

template <class Int>
bool set_integer(void* t, const Scalar& s, std::string& code, std::string& msg) {
  constexpr auto lo = std::numeric_limits<Int>::min();
  constexpr auto hi = std::numeric_limits<Int>::max();
  std::int64_t v = 0;
  bool in_range = true;
  switch (s.kind) {
    case Scalar::integer: v = s.i; break;
    case Scalar::unsigned_integer:
      in_range = s.u <= static_cast<std::uint64_t>(hi);
      v = static_cast<std::int64_t>(s.u);
      break;
    case Scalar::number:
      code = "type";
      msg = "expected integer, got number " + std::string(s.text.substr(0, 40));
      return false;
    case Scalar::string:
      // XML text, or a JSON string: Newtonsoft reads "5" for an integer as 5 (int.Parse with
      // NumberStyles.Integer: surrounding white space and a sign allowed), as the .NET oracle's
      // acceptance suite shows.
      {
        if (!parse_integer_text(s.text, v)) {
          code = "type";
          msg = "expected integer, got " + quoted(s.text);
          return false;
        }
        break;
      }
    default: return mismatch("integer", s, code, msg);
  }
  if (!in_range || v < lo || v > hi) {
    code = "range";
    msg = "expected integer between " + std::to_string(lo) + " and " + std::to_string(hi);
    return false;
  }
  *static_cast<Int*>(t) = static_cast<Int>(v);
  return true;
}

}  // namespace

bool set_bool(void* t, const Scalar& s, std::string& code, std::string& msg) {
  if (s.kind == Scalar::boolean) {
    *static_cast<bool*>(t) = s.b;
    return true;
  }
  if (s.kind == Scalar::string && s.json_string) {
    // Newtonsoft reads "true" for a boolean (bool.Parse: either case, white space around).
    std::string_view v = trimmed(s.text);
    auto same = [&](std::string_view word) {
      if (v.size() != word.size()) return false;
      for (std::size_t i = 0; i < v.size(); ++i)
        if ((v[i] | 0x20) != word[i]) return false;
      return true;
    };
    if (same("true")) return *static_cast<bool*>(t) = true, true;
    if (same("false")) return *static_cast<bool*>(t) = false, true;
    code = "type";
    msg = "expected boolean (true or false), got " + quoted(s.text);
    return false;
  }
  if (s.kind == Scalar::string && !s.json_string) {  // XML: xsd:boolean
    std::string_view v = value_text(s);
    if (v == "true" || v == "1") return *static_cast<bool*>(t) = true, true;
    if (v == "false" || v == "0") return *static_cast<bool*>(t) = false, true;
    code = "type";
    msg = "expected boolean (true or false), got " + quoted(v);
    return false;
  }
  return mismatch("boolean", s, code, msg);
}

bool set_int32(void* t, const Scalar& s, std::string& code, std::string& msg) {
  return set_integer<std::int32_t>(t, s, code, msg);
}
bool set_int64(void* t, const Scalar& s, std::string& code, std::string& msg) {
  return set_integer<std::int64_t>(t, s, code, msg);
}

bool set_decimal(void* t, const Scalar& s, std::string& code, std::string& msg) {
  std::optional<Decimal> d;
  switch (s.kind) {
    case Scalar::integer: d = Decimal::from_integer(s.i); break;
    case Scalar::unsigned_integer: d = Decimal::parse(std::to_string(s.u)); break;
    case Scalar::number:
    case Scalar::string: {  // Newtonsoft also reads a decimal from a JSON string
      std::string_view text = value_text(s);
      // XML's xsd:decimal (XmlConvert.ToDecimal) has no exponent; JSON's numbers and strings do.
      const bool xml = s.kind == Scalar::string && !s.json_string;
      if (!xml || text.find_first_of("eE") == std::string_view::npos) d = Decimal::parse(text);
      if (!d) {
        code = "format";
        msg = "expected decimal number (at most 28 decimal places and 96 bits), got " + quoted(s.text);
        return false;
      }
      break;
    }
    default: return mismatch("decimal number", s, code, msg);
  }
  *static_cast<Decimal*>(t) = *d;
  return true;
}

bool set_datetime(void* t, const Scalar& s, std::string& code, std::string& msg) {
  if (s.kind != Scalar::string) return mismatch("date", s, code, msg);
  std::string_view text = value_text(s);
  auto d = DateTime::parse(text);
  // xsd:dateTime (XmlConvert) has seconds whenever it has a time: the servers refuse
  // <Date>2026-04-09T14:21</Date>, and Newtonsoft's DateTime.Parse takes it in JSON.
  const bool xml = !s.json_string;
  if (d && xml && text.size() > 10 && !(text.size() >= 19 && text[16] == ':')) d.reset();
  if (!d) {
    code = "format";
    msg = "expected date (ISO 8601, e.g. 2026-04-09T14:21:11.4460179+02:00), got " + quoted(s.text);
    return false;
  }
  *static_cast<DateTime*>(t) = std::move(*d);
  return true;
}

bool set_guid(void* t, const Scalar& s, std::string& code, std::string& msg) {
  if (s.kind != Scalar::string) return mismatch("GUID", s, code, msg);
  auto g = Guid::parse(value_text(s));
  if (!g) {
    code = "format";
    msg = "expected GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got " + quoted(s.text);
    return false;
  }
  *static_cast<Guid*>(t) = *g;
  return true;
}

bool set_string(void* t, const Scalar& s, std::string& code, std::string& msg) {
  // Newtonsoft's JsonTextReader.ReadAsString takes a number or a boolean for a string: a number's
  // text as written (1.50 -> "1.50", 1e400 -> "1e400"), a boolean's JSON literal (true -> "true"),
  // as the .NET oracle's acceptance suite shows.
  if (s.kind == Scalar::integer) return *static_cast<std::string*>(t) = std::to_string(s.i), true;
  if (s.kind == Scalar::unsigned_integer) return *static_cast<std::string*>(t) = std::to_string(s.u), true;
  if (s.kind == Scalar::number) return static_cast<std::string*>(t)->assign(s.text.data(), s.text.size()), true;
  if (s.kind == Scalar::boolean) return *static_cast<std::string*>(t) = s.b ? "true" : "false", true;
  if (s.kind != Scalar::string) return mismatch("string", s, code, msg);
  // Copied, not moved out of the parser's buffer: the buffer keeps its capacity for the next key
  // or string, and the copy is allocated at its exact size (one allocation either way).
  static_cast<std::string*>(t)->assign(s.text.data(), s.text.size());
  return true;
}

int find_field(const ObjectNode& object, std::string_view name, int hint, bool json) {
  // Web API 2 writes a [Serializable] type by its fields (IgnoreSerializableAttribute = false in
  // its JsonContractResolver), so an auto-property arrives keyed by the compiler's backing field,
  // "<Name>k__BackingField" (FluentValidation's ValidationFailure): it is the member Name.
  constexpr std::string_view kBackingField = ">k__BackingField";
  if (json && name.size() > kBackingField.size() + 1 && name.front() == '<' &&
      name.substr(name.size() - kBackingField.size()) == kBackingField) {
    name = name.substr(1, name.size() - 1 - kBackingField.size());
  }
  auto usable = [&](int i) {
    std::uint32_t flags = object.fields[i].flags;
    return json || (flags & meta::kJsonOnly) == 0;
  };
  auto exact = [&](int i) {
    const FieldNode& f = object.fields[i];
    return same_name(std::string_view(f.name, f.length), name);
  };
  int n = static_cast<int>(object.count);
  if (hint >= 0 && hint < n && exact(hint) && usable(hint)) return hint;
  for (int i = 0; i < n; ++i)
    if (exact(i) && usable(i)) return i;
  if (!json) return -1;  // XML names are case-sensitive
  for (int i = 0; i < n; ++i) {
    const FieldNode& f = object.fields[i];
    if (f.length != name.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < name.size() && same; ++k) {
      char a = f.name[k], b = name[k];
      if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
      if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
      same = a == b;
    }
    if (same) return i;
  }
  return -1;
}

void append_segment(std::string& path, const char* field, std::size_t index, bool is_index) {
  if (is_index) {
    path += '[';
    path += std::to_string(index);
    path += ']';
  } else {
    if (!path.empty()) path += '.';
    path += field;
  }
}

}  // namespace orderkit::codec
