#include "typed_client.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace orderkit::bench::typed_client {
namespace {

using nlohmann::json;

template <class T>
void from_dom(const json& j, T& out) {
  if constexpr (meta::is_optional_v<T>) {
    if (j.is_null()) out.reset();
    else from_dom(j, out.emplace());
  } else if constexpr (meta::is_vector_v<T>) {
    out.clear();
    out.reserve(j.size());
    for (const json& item : j) from_dom(item, out.emplace_back());
  } else if constexpr (meta::is_model_v<T>) {
    meta::for_each_field<T>([&](const auto& f) {
      auto it = j.find(f.name);
      if (it != j.end()) from_dom(*it, f.get(out));
    });
  } else if constexpr (std::is_same_v<T, Decimal>) {
    // A typical client would take a double here; text keeps the comparison about the mapping.
    out = j.is_number_integer() ? Decimal::from_integer(j.get<std::int64_t>()) : *Decimal::parse(j.dump());
  } else if constexpr (std::is_same_v<T, DateTime>) {
    out = *DateTime::parse(j.get_ref<const std::string&>());
  } else if constexpr (std::is_same_v<T, Guid>) {
    out = *Guid::parse(j.get_ref<const std::string&>());
  } else {
    out = j.get<T>();
  }
}

template <class T>
json to_dom(const T& v) {
  if constexpr (meta::is_optional_v<T>) {
    return v ? to_dom(*v) : json(nullptr);
  } else if constexpr (meta::is_vector_v<T>) {
    json a = json::array();
    for (const auto& item : v) a.push_back(to_dom(item));
    return a;
  } else if constexpr (meta::is_model_v<T>) {
    json o = json::object();
    meta::for_each_field<T>([&](const auto& f) { o[f.name] = to_dom(f.get(v)); });
    return o;
  } else if constexpr (std::is_same_v<T, Decimal>) {
    return std::strtod(v.to_string().c_str(), nullptr);
  } else if constexpr (std::is_same_v<T, DateTime>) {
    return v.text();
  } else if constexpr (std::is_same_v<T, Guid>) {
    return v.to_string();
  } else {
    return v;
  }
}

}  // namespace

std::size_t decode(std::string_view text, mobile::OrderCreationRequest& out) {
  from_dom(json::parse(text), out);
  return 1;
}
std::size_t decode(std::string_view text, std::vector<mobile::OrderCreationRequest>& out) {
  from_dom(json::parse(text), out);
  return out.size();
}

std::string encode(const mobile::OrderCreationRequest& order, bool indented) {
  return to_dom(order).dump(indented ? 2 : -1);
}
std::string encode(const std::vector<mobile::OrderCreationRequest>& orders, bool indented) {
  return to_dom(orders).dump(indented ? 2 : -1);
}

}  // namespace orderkit::bench::typed_client
