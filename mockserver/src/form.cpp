#include "form.hpp"

namespace orderkit::mock {

std::string canonical_form_key(std::string_view key) {
  std::string out;
  std::size_t i = 0;
  auto name = [&](std::string_view segment) {
    if (segment.empty()) return;
    if (!out.empty()) out += '.';
    out += lower(segment);
  };
  while (i < key.size()) {
    if (key[i] == '[') {
      const std::size_t close = key.find(']', i);
      if (close == std::string_view::npos) {
        name(key.substr(i));
        break;
      }
      const std::string_view inside = key.substr(i + 1, close - i - 1);
      const bool index = !inside.empty() && inside.find_first_not_of("0123456789") == std::string_view::npos;
      if (index) out += "[" + std::string(inside) + "]";
      else name(inside);  // "a[b]" is a.b; "a[]" is a
      i = close + 1;
    } else if (key[i] == '.') {
      ++i;
    } else {
      const std::size_t end = key.find_first_of("[.", i);
      name(key.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
      i = end == std::string_view::npos ? key.size() : end;
    }
  }
  return out;
}

Form parse_form(std::string_view body) {
  Form form;
  for (auto& [key, value] : parse_query(body)) form[canonical_form_key(key)].push_back(std::move(value));
  return form;
}

}  // namespace orderkit::mock
