#pragma once
// The help pages' samples as test data: every file under tests/fixtures/<api>/ named
// <Model>.<request|response>.<json|xml|html>, with the registry entry it belongs to, and the text
// helpers the golden tests compare with (whitespace normalisation, UTF-8 checks).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/registry.hpp"

namespace orderkit::test {

/// One documented sample.
struct Fixture {
  std::string api;    // "mobile"
  std::string model;  // "OrderDetailResult[]"
  Role role;          // request or response sample
  std::string ext;    // "json", "xml" or "html" (html: compact JSON, as 002 shows it)
  Format format;      // the wire format of the text
  std::string text;   // the file's bytes
  const ModelEntry* entry;

  /// "mobile/OrderDetailResult[].response.html", for messages.
  std::string name() const { return api + "/" + model + (role == Role::request ? ".request." : ".response.") + ext; }
  /// 002's samples keep the servers' real whitespace; the other pages lost their indentation.
  bool exact_whitespace() const { return api == "mobile"; }
};

inline std::string fixtures_dir() { return ORDERKIT_FIXTURES_DIR; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every sample fixture of every API, sorted by name. Throws for a file that does not follow
/// the naming scheme or names a model the registry does not know, so no fixture is skipped.
inline const std::vector<Fixture>& fixtures() {
  static const std::vector<Fixture> all = [] {
    std::vector<Fixture> out;
    for (const meta::ApiInfo* api : apis()) {
      std::filesystem::path dir = std::filesystem::path(fixtures_dir()) / api->id;
      for (const auto& file : std::filesystem::directory_iterator(dir)) {
        std::string name = file.path().filename().string();
        // The pages' tables and their text (compared with the mock's help pages) are not samples.
        if (name == "tables.tsv" || name == "help-page.txt") continue;
        auto dot2 = name.rfind('.');
        auto dot1 = name.rfind('.', dot2 - 1);
        if (dot1 == std::string::npos || dot2 == std::string::npos) throw std::runtime_error("bad fixture " + name);
        Fixture f;
        f.api = api->id;
        f.model = name.substr(0, dot1);
        std::string role = name.substr(dot1 + 1, dot2 - dot1 - 1);
        f.ext = name.substr(dot2 + 1);
        if (role != "request" && role != "response") throw std::runtime_error("bad fixture role " + name);
        f.role = role == "request" ? Role::request : Role::response;
        if (f.ext != "json" && f.ext != "xml" && f.ext != "html")
          throw std::runtime_error("bad fixture format " + name);
        f.format = f.ext == "xml" ? Format::xml : Format::json;
        f.text = read_file(file.path().string());
        f.entry = find_model(f.api, f.model);
        if (!f.entry) throw std::runtime_error("fixture for an unknown model: " + name);
        out.push_back(std::move(f));
      }
    }
    std::sort(out.begin(), out.end(), [](const Fixture& a, const Fixture& b) { return a.name() < b.name(); });
    return out;
  }();
  return all;
}

/// The fixture with this name ("mobile/OrderDetailResult[].response.json"); throws if missing.
inline const Fixture& fixture(std::string_view name) {
  for (const Fixture& f : fixtures())
    if (f.name() == name) return f;
  throw std::runtime_error("no fixture " + std::string(name));
}

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// JSON without whitespace between tokens (strings kept as they are).
inline std::string normalize_json(std::string_view text) {
  std::string out;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      out.push_back(c);
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
      out.push_back(c);
    } else if (!is_space(c)) {
      out.push_back(c);
    }
  }
  return out;
}

/// XML without the whitespace-only text between tags (and around the document).
inline std::string normalize_xml(std::string_view text) {
  std::string out;
  bool after_tag = true;  // at the start of the document or just after a '>'
  for (std::size_t i = 0; i < text.size();) {
    if (after_tag) {
      std::size_t j = i;
      while (j < text.size() && is_space(text[j])) ++j;
      if (j == text.size() || text[j] == '<') i = j;  // whitespace only: drop it
      after_tag = false;
      continue;
    }
    after_tag = text[i] == '>';
    out.push_back(text[i++]);
  }
  return out;
}

inline std::string normalize(std::string_view text, Format format) {
  return format == Format::xml ? normalize_xml(text) : normalize_json(text);
}

/// The text without the one line end a file ends with.
inline std::string_view without_final_newline(std::string_view text) {
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

/// Whether `s` is well-formed UTF-8 (no overlongs, surrogates or code points beyond U+10FFFF).
inline bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > s.size()) return false;
    std::uint32_t cp = c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return false;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace orderkit::test
