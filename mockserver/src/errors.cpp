#include "errors.hpp"

#include <cstdio>

#include "text.hpp"

namespace orderkit::mock {

std::string model_state_key(std::string_view param, std::string_view path) {
  if (param.empty()) return std::string(path);
  if (path.empty()) return std::string(param);
  if (path.front() == '[') return std::string(param) + std::string(path);
  return std::string(param) + "." + std::string(path);
}

std::string encode_xml_name(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    const bool other = (c >= '0' && c <= '9') || c == '.' || c == '-';
    // "_x" would read as the start of an escape: XmlConvert escapes its underscore.
    const bool escape_underscore = c == '_' && i + 1 < name.size() && name[i + 1] == 'x';
    if ((letter || (i > 0 && other)) && !escape_underscore) {
      out.push_back(name[i]);
    } else {
      char buf[12];
      std::snprintf(buf, sizeof buf, "_x%04X_", c);
      out += buf;
    }
  }
  return out.empty() ? "_x0020_" : out;
}

std::string model_state_body(const std::vector<FieldError>& errors, std::string_view param, BodyFormat wire) {
  ModelStateGroups groups;
  for (const FieldError& e : errors) {
    std::string key = model_state_key(param, e.path);
    auto it = groups.begin();
    while (it != groups.end() && it->first != key) ++it;
    if (it == groups.end()) {
      groups.push_back({std::move(key), {}});
      it = groups.end() - 1;
    }
    it->second.push_back(e.message);
  }
  return http_error_body(kInvalidRequest, {}, groups, wire);
}

std::string http_error_body(std::string_view message, const std::vector<std::pair<std::string, std::string>>& extra,
                            const ModelStateGroups& model_state, BodyFormat wire) {
  if (wire == BodyFormat::xml) {
    std::string xml = "<Error><Message>" + xml_escape(message) + "</Message>";
    for (const auto& [name, value] : extra) xml += "<" + name + ">" + xml_escape(value) + "</" + name + ">";
    if (model_state.empty()) return xml + "</Error>";
    // HttpError's WriteXml writes a string[] value as its items separated by spaces.
    xml += "<ModelState>";
    for (const auto& [key, messages] : model_state) {
      const std::string name = encode_xml_name(key);
      xml += "<" + name + ">";
      for (std::size_t i = 0; i < messages.size(); ++i) xml += (i ? " " : "") + xml_escape(messages[i]);
      xml += "</" + name + ">";
    }
    return xml + "</ModelState></Error>";
  }
  std::string json = "{\"Message\":\"" + json_escape(message) + "\"";
  for (const auto& [name, value] : extra) json += ",\"" + json_escape(name) + "\":\"" + json_escape(value) + "\"";
  if (model_state.empty()) return json + "}";
  json += ",\"ModelState\":{";
  for (std::size_t g = 0; g < model_state.size(); ++g) {
    json += (g ? ",\"" : "\"") + json_escape(model_state[g].first) + "\":[";
    for (std::size_t i = 0; i < model_state[g].second.size(); ++i)
      json += (i ? ",\"" : "\"") + json_escape(model_state[g].second[i]) + "\"";
    json += "]";
  }
  return json + "}}";
}

std::string error_body(std::string_view message, BodyFormat wire,
                       const std::vector<std::pair<std::string, std::string>>& extra) {
  return http_error_body(message, extra, {}, wire);
}

}  // namespace orderkit::mock
