#pragma once
// The documented models by API and name, for tools that choose a model at run time (the
// command-line tool, the mock server, the JavaScript bindings). Everything here is derived
// from the field lists.
#include <string>
#include <string_view>
#include <vector>

#include "orderkit/codec.hpp"
#include "orderkit/core/format.hpp"

namespace orderkit {

/// One field as the tools show it.
struct FieldSummary {
  std::string name;           // declared name, as the page's table lists it (a camelCase model's JSON
                              // spells it in camelCase: ValidationResult.Errors is "errors")
  std::string type;           // help-page vocabulary: "integer", "Collection of OrderItem", ...
  bool nullable = false;      // may be null (std::optional)
  bool required = false;      // [Required]
  bool json_only = false;     // not on the XML wire
  bool documented = true;     // listed in the page's table
  bool computed = false;      // read-only, derived from other fields (not on the wire)
  bool must_be_zero = false;  // "Must be 0 (for insert operations)"
  unsigned max_length = 0;
  std::string description;  // the page's Description column ("" where it has none)
};

/// A documented model, or a collection of one ("OrderDetailResult[]").
struct ModelEntry {
  const meta::ApiInfo* api;
  const meta::ModelInfo* info;
  bool collection;

  /// "OrderCreationRequest" or "OrderDetailResult[]".
  std::string name() const { return std::string(info->name) + (collection ? "[]" : ""); }
  /// Whether the page documents an XML format for this model.
  bool has_xml() const { return info->api->xml != meta::XmlStyle::none && info->has_body; }

  /// Decodes `text` and writes it again in `to`.
  Result<std::string> (*convert)(std::string_view text, Format from, Format to, Layout layout);
  /// Decodes `text` and validates it: decode errors, else every validation failure (empty: valid).
  std::vector<FieldError> (*check)(std::string_view text, Format format);
  /// The documented sample, written in `format`.
  std::string (*sample)(Format format, Layout layout, Role role);
  /// The model's fields in declaration order (computed ones where the table declares them).
  std::vector<FieldSummary> (*fields)();
};

/// The four APIs, in page order.
const std::vector<const meta::ApiInfo*>& apis();
/// Every model of every API, and a collection entry for each, in page order.
const std::vector<ModelEntry>& models();
/// Finds "OrderCreationRequest" or "OrderDetailResult[]" in an API ("mobile"); nullptr if none.
const ModelEntry* find_model(std::string_view api, std::string_view name);
/// Parses "json" or "xml".
bool parse_format(std::string_view text, Format& out);

}  // namespace orderkit
