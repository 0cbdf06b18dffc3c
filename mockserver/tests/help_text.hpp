#pragma once
// Compares a served help page with a text rendering of the original page (tests/fixtures/<api>/
// help-page.txt): both are reduced to the same pieces (lines of text, table cells), and every
// piece of the original must appear in the served page, in the same order.
//
// The originals' renderings differ in layout (markdown tables or one cell per line, indented or
// flat samples, a sample on one line), so pieces compare without white space, and one piece of
// the original may span consecutive pieces of the served page (002's header row
// "NameDescriptionTypeAdditional information", 001's XML sample on one line).
#include <string>
#include <string_view>
#include <vector>

namespace help_text {

/// The page's text as lines, tags stripped: block elements (headings, paragraphs, cells, pre)
/// start a line, inline ones (links, bold) do not; entities decoded.
inline std::string html_to_text(std::string_view page) {
  static const char* const blocks[] = {"h1",    "h2", "h3", "h4", "p",   "div", "section", "header", "table", "thead",
                                       "tbody", "tr", "td", "th", "pre", "li",  "ul",      "br",     "title"};
  const std::size_t body = page.find("<body");
  if (body != std::string_view::npos) page.remove_prefix(body);
  std::string text;
  for (std::size_t i = 0; i < page.size();) {
    if (page[i] != '<') {
      text += page[i++];
      continue;
    }
    const std::size_t end = page.find('>', i);
    std::string_view tag = page.substr(i + 1, end - i - 1);
    if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
    tag = tag.substr(0, tag.find_first_of(" /"));
    for (const char* b : blocks)
      if (tag == b) text += '\n';
    i = end == std::string_view::npos ? page.size() : end + 1;
  }
  std::string out;
  static const std::pair<const char*, char> entities[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&amp;", '&'}};
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [name, c] : entities) {
      if (text.compare(i, std::char_traits<char>::length(name), name) == 0) {
        out += c;
        i += std::char_traits<char>::length(name);
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

inline std::string without_space(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') out += c;
  return out;
}

/// The pieces of a text: its lines, split at table bars, without white space; empty pieces and
/// markdown's |---| rules dropped.
inline std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '\n' && text[i] != '|') continue;
    std::string piece = without_space(text.substr(start, i - start));
    start = i + 1;
    if (piece.empty() || piece.find_first_not_of('-') == std::string::npos) continue;
    out.push_back(std::move(piece));
  }
  return out;
}

/// Pieces of the served page that the originals' renderings may lack: the navigation link, and
/// the "Sample:" label that 001's rendering dropped.
inline bool may_be_extra(const std::string& piece) { return piece == "Sample:" || piece == "HelpPageHome"; }

/// "" when every piece of `original` is in `served` in order (with only may_be_extra() pieces
/// between), else what is missing or out of place.
inline std::string compare(const std::vector<std::string>& original, const std::vector<std::string>& served) {
  std::size_t at = 0;
  for (std::size_t k = 0; k < original.size(); ++k) {
    const std::string& want = original[k];
    bool found = false;
    while (at < served.size()) {
      std::string joined = served[at];
      std::size_t end = at;
      while (joined != want && joined.size() < want.size() && want.compare(0, joined.size(), joined) == 0 &&
             end + 1 < served.size())
        joined += served[++end];
      if (joined == want) {
        at = end + 1;
        found = true;
        break;
      }
      if (!may_be_extra(served[at]))
        return "original piece " + std::to_string(k) + " '" + want + "' not found; the served page has '" + served[at] +
               "' there";
      ++at;
    }
    if (!found) return "original piece " + std::to_string(k) + " '" + want + "' missing at the end of the page";
  }
  for (; at < served.size(); ++at)
    if (!may_be_extra(served[at])) return "the served page goes on after the original ends: '" + served[at] + "'";
  return "";
}

}  // namespace help_text
