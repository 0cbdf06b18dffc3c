#include "orderkit/contracts/models.hpp"

namespace orderkit::contracts {

void orderkit_rules(const GenerateOrderQuery& query, const std::string& path, std::vector<FieldError>& out) {
  if (query.from.has_value() != query.till.has_value()) {
    // Reported on the missing end, so a form can show it next to the right input.
    std::string field = query.from ? "till" : "from";
    out.push_back(
        {path.empty() ? field : path + "." + field, "period", "from and till must both have values or both be null"});
  }
}

}  // namespace orderkit::contracts
