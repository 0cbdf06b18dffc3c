#include "media.hpp"

#include <cstdlib>

#include "text.hpp"

namespace orderkit::mock {

namespace {

// Splits "a/b" into its halves; false unless both are non-empty tokens.
bool split_type(std::string_view text, std::string& type, std::string& subtype) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  type = lower(trim(text.substr(0, slash)));
  subtype = lower(trim(text.substr(slash + 1)));
  return !type.empty() && !subtype.empty() && type.find_first_of(" \t/") == std::string::npos &&
         subtype.find_first_of(" \t/") == std::string::npos;
}

}  // namespace

std::optional<MediaType> parse_media_type(std::string_view value) {
  std::vector<std::string_view> parts = split(value, ';');
  std::string type, subtype;
  if (parts.empty() || !split_type(parts[0], type, subtype)) return std::nullopt;
  MediaType out{type + "/" + subtype, ""};
  for (std::size_t i = 1; i < parts.size(); ++i) {
    std::string_view p = trim(parts[i]);
    const std::size_t eq = p.find('=');
    if (eq == std::string_view::npos) continue;
    if (lower(trim(p.substr(0, eq))) == "charset") {
      std::string_view v = trim(p.substr(eq + 1));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      out.charset = lower(v);
    }
  }
  return out;
}

std::vector<MediaRange> parse_accept(std::string_view value) {
  std::vector<MediaRange> out;
  for (std::string_view item : split(value, ',')) {
    std::vector<std::string_view> parts = split(item, ';');
    MediaRange range;
    if (parts.empty() || !split_type(parts[0], range.type, range.subtype)) continue;
    if (range.type == "*" && range.subtype != "*") continue;
    bool valid = true;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      std::string_view p = trim(parts[i]);
      const std::size_t eq = p.find('=');
      if (eq == std::string_view::npos || lower(trim(p.substr(0, eq))) != "q") continue;
      const std::string q(trim(p.substr(eq + 1)));
      char* end = nullptr;
      const double v = std::strtod(q.c_str(), &end);
      if (q.empty() || end != q.c_str() + q.size() || v < 0 || v > 1) valid = false;
      range.q = v;
    }
    if (valid) out.push_back(std::move(range));
  }
  return out;
}

std::optional<std::size_t> negotiate(const std::vector<MediaRange>& accept, const std::vector<std::string>& offered) {
  std::optional<std::size_t> best;
  double best_q = 0;
  int best_specificity = -1;
  for (std::size_t i = 0; i < offered.size(); ++i) {
    const std::string_view type(offered[i]);
    const std::size_t slash = type.find('/');
    const std::string_view main = type.substr(0, slash), sub = type.substr(slash + 1);
    // The most specific range that matches this media type decides its q (RFC 9110 12.5.1).
    double q = -1;
    int specificity = -1;
    for (const MediaRange& r : accept) {
      int s = -1;
      if (r.type == "*") s = 0;
      else if (r.type == main && r.subtype == "*") s = 1;
      else if (r.type == main && r.subtype == sub) s = 2;
      if (s > specificity) specificity = s, q = r.q;
    }
    if (specificity < 0 || q <= 0) continue;
    if (!best || q > best_q || (q == best_q && specificity > best_specificity)) {
      best = i, best_q = q, best_specificity = specificity;
    }
  }
  return best;
}

}  // namespace orderkit::mock
