#include "orderkit/core/client_error.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "codec/json_reader.hpp"
#include "codec/xml_pull.hpp"

#include "orderkit/internal/client_errors.hpp"
#include "orderkit/internal/text.hpp"

namespace orderkit {
namespace {

void add_entry(ModelState& state, const std::string& key, std::string message) {
  for (auto& [k, messages] : state) {
    if (k == key) {
      messages.push_back(std::move(message));
      return;
    }
  }
  state.push_back({key, {std::move(message)}});
}

// ---- JSON -----------------------------------------------------------------------------------
// Error bodies are small and of no fixed shape, so they are read into a small tree, by the SDK's
// own JSON reader (codec/json_reader.hpp): the same documents are JSON here as in the codecs.

struct JsonValue {
  enum Kind : std::uint8_t { scalar, string, array, object } kind = scalar;
  std::string text;  // a string's value, or a scalar's JSON text (true, 12, 2.50, null)
  std::vector<std::pair<std::string, JsonValue>> items;  // members, or array items (no name)
};

// Deeper than any error body a server writes; the limit keeps the recursive compact_json() and
// the tree's destruction within the stack whatever the body nests. A deeper body is kept raw.
constexpr std::size_t kMaxJsonErrorDepth = 64;

// Takes the reader's events (each returns false to stop reading).
class TreeBuilder {
 public:
  JsonValue root;
  bool too_deep = false;

  bool null() { return put(JsonValue::scalar, "null"); }
  bool boolean(bool v) { return put(JsonValue::scalar, v ? "true" : "false"); }
  bool integer(std::int64_t v) { return put(JsonValue::scalar, std::to_string(v)); }
  bool unsigned_integer(std::uint64_t v) { return put(JsonValue::scalar, std::to_string(v)); }
  bool number(std::string_view text) { return put(JsonValue::scalar, text); }
  bool string(std::string_view v) { return put(JsonValue::string, v); }
  bool start_object() { return open(JsonValue::object); }
  bool start_array() { return open(JsonValue::array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string_view k) {
    key_ = k;
    return true;
  }
  void syntax_error(std::string) {}

 private:
  // Where the next value goes: the root, or a new item of the innermost open container. Only the
  // innermost container's items grow, so the pointers to the open ones stay valid.
  JsonValue& slot() {
    if (open_.empty()) return root;
    auto& items = open_.back()->items;
    items.emplace_back(open_.back()->kind == JsonValue::object ? std::move(key_) : std::string(), JsonValue{});
    return items.back().second;
  }
  bool put(JsonValue::Kind kind, std::string_view text) {
    JsonValue& v = slot();
    v.kind = kind;
    v.text = text;
    return true;
  }
  bool open(JsonValue::Kind kind) {
    if (open_.size() >= kMaxJsonErrorDepth) {
      too_deep = true;
      return false;
    }
    JsonValue& v = slot();
    v.kind = kind;
    open_.push_back(&v);
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  std::vector<JsonValue*> open_;
  std::string key_;
};

const JsonValue* member(const JsonValue& object, std::string_view name) {
  // Newtonsoft writes HttpError in PascalCase, camelCase resolvers and ASP.NET Core lower case.
  if (object.kind != JsonValue::object) return nullptr;
  for (const auto& [key, value] : object.items) {
    if (iequals(key, name)) return &value;
  }
  return nullptr;
}

void append_quoted(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 15];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// A value as compact JSON, numbers as the server wrote them.
void compact_json(const JsonValue& v, std::string& out) {
  switch (v.kind) {
    case JsonValue::scalar: out += v.text; return;
    case JsonValue::string: append_quoted(out, v.text); return;
    case JsonValue::array:
    case JsonValue::object: {
      const bool object = v.kind == JsonValue::object;
      out += object ? '{' : '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ',';
        if (object) {
          append_quoted(out, v.items[i].first);
          out += ':';
        }
        compact_json(v.items[i].second, out);
      }
      out += object ? '}' : ']';
      return;
    }
  }
}

std::string text_of(const JsonValue& value) {
  if (value.kind == JsonValue::string) return value.text;
  std::string out;
  compact_json(value, out);
  return out;
}

void read_failures(const JsonValue& errors, ModelState& state) {
  if (errors.kind == JsonValue::object) {  // { "key": ["message", ...] } (ModelState, ProblemDetails)
    for (const auto& [key, value] : errors.items) {
      if (value.kind == JsonValue::array) {
        for (const auto& m : value.items) add_entry(state, key, text_of(m.second));
      } else {
        add_entry(state, key, text_of(value));
      }
    }
  } else if (errors.kind == JsonValue::array) {  // FluentValidation: [{ "propertyName", "errorMessage" }]
    for (const auto& item : errors.items) {
      const JsonValue& failure = item.second;
      if (failure.kind != JsonValue::object) continue;
      const auto* property = member(failure, "PropertyName");
      const auto* message = member(failure, "ErrorMessage");
      add_entry(state, property && property->kind == JsonValue::string ? property->text : "",
                message ? text_of(*message) : text_of(failure));
    }
  }
}

bool read_json_error(std::string_view body, ClientError& error) {
  TreeBuilder tree;
  if (!codec::json::reading::Reader<TreeBuilder>(body, tree).run() || tree.root.kind != JsonValue::object) return false;
  const JsonValue& doc = tree.root;
  if (const auto* message = member(doc, "Message")) error.server_message = text_of(*message);
  else if (const auto* title = member(doc, "title")) error.server_message = text_of(*title);
  if (const auto* detail = member(doc, "MessageDetail")) {
    error.server_message += error.server_message.empty() ? "" : " ";
    error.server_message += text_of(*detail);
  }
  if (const auto* model_state = member(doc, "ModelState")) read_failures(*model_state, error.model_state);
  if (const auto* errors = member(doc, "errors")) read_failures(*errors, error.model_state);
  return true;
}

// ---- XML ------------------------------------------------------------------------------------
// Read with the SDK's own pull reader (codec/xml_pull.hpp) into a small tree of elements: the
// same documents are well-formed XML here as in the codecs (no DTD, nesting up to 256).

struct XmlElement {
  std::string name;  // local name, prefix dropped
  std::string text;  // the character data before its first child element, if any
  std::vector<XmlElement> children;
};

// XmlConvert.EncodeLocalName writes characters that are not allowed in a name as _xHHHH_.
std::string decode_xml_name(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '_' && i + 6 < name.size() && name[i + 1] == 'x' && name[i + 6] == '_') {
      char* end = nullptr;
      std::string hex(name.substr(i + 2, 4));
      unsigned long code = std::strtoul(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 4) {
        text::append_utf8(out, static_cast<std::uint32_t>(code));
        i += 6;
        continue;
      }
    }
    out += name[i];
  }
  return out;
}

std::string_view local_name(std::string_view name) {
  auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The whole document as a tree, or false when it is not well-formed.
bool read_xml_tree(std::string_view body, XmlElement& root) {
  codec::xml::PullParser parser(body);
  // Only the innermost open element's children grow, so the pointers to the open ones stay valid.
  std::vector<XmlElement*> open;
  for (;;) {
    switch (parser.next()) {
      case codec::xml::Token::start_tag: {
        XmlElement* e = &root;
        if (!open.empty()) e = &open.back()->children.emplace_back();
        e->name = local_name(parser.name());
        open.push_back(e);
        break;
      }
      case codec::xml::Token::end_tag: open.pop_back(); break;
      case codec::xml::Token::text:
        if (!open.empty() && open.back()->children.empty() && open.back()->text.empty())
          open.back()->text = parser.text();
        break;
      case codec::xml::Token::end_of_document: return true;
      case codec::xml::Token::error: return false;
    }
  }
}

const XmlElement* child(const XmlElement& parent, std::string_view name) {
  for (const auto& c : parent.children) {
    if (iequals(c.name, name)) return &c;
  }
  return nullptr;
}

bool read_xml_error(std::string_view body, ClientError& error) {
  XmlElement root;
  if (!read_xml_tree(body, root)) return false;
  if (const auto* message = child(root, "Message")) error.server_message = message->text;
  if (const auto* detail = child(root, "MessageDetail")) {
    error.server_message += error.server_message.empty() ? "" : " ";
    error.server_message += detail->text;
  }
  if (const auto* model_state = child(root, "ModelState")) {
    // <ModelState><order.OrderCode>message</order.OrderCode>...</ModelState>; several messages
    // may come as repeated elements or as child elements.
    for (const auto& entry : model_state->children) {
      std::string key = decode_xml_name(entry.name);
      if (!entry.children.empty()) {
        for (const auto& m : entry.children) add_entry(error.model_state, key, m.text);
      } else {
        add_entry(error.model_state, key, entry.text);
      }
    }
  }
  if (const auto* errors = child(root, "Errors")) {  // FluentValidation's ValidationResult
    for (const auto& failure : errors->children) {
      const auto* property = child(failure, "PropertyName");
      const auto* message = child(failure, "ErrorMessage");
      add_entry(error.model_state, property ? property->text : "", message ? message->text : failure.text);
    }
  }
  return true;
}

}  // namespace

const char* to_string(ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::api: return "api";
    case ErrorKind::transport: return "transport";
    case ErrorKind::decode: return "decode";
    case ErrorKind::validation: return "validation";
  }
  return "unknown";
}

const char* to_string(TransportErrorCode code) noexcept {
  switch (code) {
    case TransportErrorCode::connect: return "connect";
    case TransportErrorCode::timeout: return "timeout";
    case TransportErrorCode::tls: return "tls";
    case TransportErrorCode::connection: return "connection";
    case TransportErrorCode::invalid_url: return "invalid_url";
    case TransportErrorCode::other: return "other";
  }
  return "other";
}

std::string to_string(const ClientError& error) {
  std::string out = error.message;
  for (const auto& [key, messages] : error.model_state) {
    for (const auto& m : messages) out += "\n  " + (key.empty() ? m : key + ": " + m);
  }
  for (const auto& e : error.field_errors) out += "\n  " + to_string(e);
  return out;
}

ClientError parse_api_error(const HttpResponse& response, std::string_view request_id) {
  ClientError error = errors::about_response(ErrorKind::api, "api_error", {}, response, request_id);

  std::string type;
  if (const auto* ct = find_header(response.headers, "Content-Type")) type = media_type(*ct);
  std::size_t first = response.body.find_first_not_of(" \t\r\n");
  bool looks_xml = first != std::string::npos && response.body[first] == '<';
  bool looks_json = first != std::string::npos && (response.body[first] == '{' || response.body[first] == '[');
  if (type.find("xml") != std::string::npos || (type.empty() && looks_xml)) {
    read_xml_error(response.body, error);
  } else if (type.find("json") != std::string::npos || looks_json) {
    read_json_error(response.body, error);
  }

  error.message = std::to_string(error.status);
  if (!error.reason.empty()) error.message += " " + error.reason;
  if (!error.server_message.empty()) error.message += ": " + error.server_message;
  return error;
}

ClientException::ClientException(ClientError error) : std::runtime_error(to_string(error)), error_(std::move(error)) {}

void throw_error(ClientError error) {
  switch (error.kind) {
    case ErrorKind::api: throw ApiError(std::move(error));
    case ErrorKind::transport: throw TransportError(std::move(error));
    case ErrorKind::decode: throw ResponseDecodeError(std::move(error));
    case ErrorKind::validation: throw ValidationError(std::move(error));
  }
  throw ClientException(std::move(error));
}

}  // namespace orderkit
