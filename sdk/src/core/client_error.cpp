#include "orderkit/core/client_error.hpp"

#include <nlohmann/json.hpp>
#include <tinyxml2.h>

#include <cstdint>
#include <cstdlib>

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

const nlohmann::json* member(const nlohmann::json& object, std::string_view name) {
  // Newtonsoft writes HttpError in PascalCase, camelCase resolvers and ASP.NET Core lower case.
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (iequals(it.key(), name)) return &*it;
  }
  return nullptr;
}

std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

void read_failures(const nlohmann::json& errors, ModelState& state) {
  if (errors.is_object()) {  // { "key": ["message", ...] } (ModelState, ProblemDetails)
    for (auto it = errors.begin(); it != errors.end(); ++it) {
      if (it->is_array()) {
        for (const auto& m : *it) add_entry(state, it.key(), text_of(m));
      } else {
        add_entry(state, it.key(), text_of(*it));
      }
    }
  } else if (errors.is_array()) {  // FluentValidation: [{ "propertyName", "errorMessage" }]
    for (const auto& failure : errors) {
      if (!failure.is_object()) continue;
      const auto* property = member(failure, "PropertyName");
      const auto* message = member(failure, "ErrorMessage");
      add_entry(state, property && property->is_string() ? property->get<std::string>() : "",
                message ? text_of(*message) : failure.dump());
    }
  }
}

// Deeper than any error body a server writes; the limit keeps dump() (recursive) in text_of
// within the stack whatever the body nests. A deeper body is kept raw, not read.
constexpr int kMaxJsonErrorDepth = 64;

bool read_json_error(std::string_view body, ClientError& error) {
  bool too_deep = false;
  // The parser itself keeps its own stack; the callback drops anything below the limit.
  nlohmann::json::parser_callback_t limit_depth = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth <= kMaxJsonErrorDepth) return true;
    too_deep = true;
    return false;
  };
  nlohmann::json doc = nlohmann::json::parse(body.begin(), body.end(), limit_depth, /*allow_exceptions=*/false);
  if (too_deep || !doc.is_object()) return false;
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

std::string local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return std::string(colon == std::string_view::npos ? n : n.substr(colon + 1));
}

std::string element_text(const tinyxml2::XMLElement* e) {
  const char* t = e->GetText();
  return t ? t : "";
}

const tinyxml2::XMLElement* child(const tinyxml2::XMLElement* parent, std::string_view name) {
  for (auto* c = parent->FirstChildElement(); c; c = c->NextSiblingElement()) {
    if (iequals(local_name(c->Name()), name)) return c;
  }
  return nullptr;
}

bool read_xml_error(std::string_view body, ClientError& error) {
  tinyxml2::XMLDocument doc;
  if (doc.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS || !doc.RootElement()) return false;
  const auto* root = doc.RootElement();
  if (const auto* message = child(root, "Message")) error.server_message = element_text(message);
  if (const auto* detail = child(root, "MessageDetail")) {
    error.server_message += error.server_message.empty() ? "" : " ";
    error.server_message += element_text(detail);
  }
  if (const auto* model_state = child(root, "ModelState")) {
    // <ModelState><order.OrderCode>message</order.OrderCode>...</ModelState>; several messages
    // may come as repeated elements or as child elements.
    for (auto* entry = model_state->FirstChildElement(); entry; entry = entry->NextSiblingElement()) {
      std::string key = decode_xml_name(local_name(entry->Name()));
      if (entry->FirstChildElement()) {
        for (auto* m = entry->FirstChildElement(); m; m = m->NextSiblingElement()) add_entry(error.model_state, key, element_text(m));
      } else {
        add_entry(error.model_state, key, element_text(entry));
      }
    }
  }
  if (const auto* errors = child(root, "Errors")) {  // FluentValidation's ValidationResult
    for (auto* failure = errors->FirstChildElement(); failure; failure = failure->NextSiblingElement()) {
      const auto* property = child(failure, "PropertyName");
      const auto* message = child(failure, "ErrorMessage");
      add_entry(error.model_state, property ? element_text(property) : "",
                message ? element_text(message) : element_text(failure));
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

ClientException::ClientException(ClientError error)
    : std::runtime_error(to_string(error)), error_(std::move(error)) {}

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
