#pragma once
// Error bodies as ASP.NET Web API writes an HttpError: {"Message": ..., "ModelState": {...}} in
// JSON, <Error><Message>...</Message><ModelState>...</ModelState></Error> in XML.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "body_format.hpp"
#include "orderkit/core/error.hpp"

namespace orderkit::mock {

/// ASP.NET's message for a request whose model binding failed.
inline constexpr std::string_view kInvalidRequest = "The request is invalid.";

/// The ModelState key of a field error: the action parameter's name, then the field path
/// ("order" + "OrderDetails[1].OrderDetail.SimTypeId"). Without a parameter name (URI
/// parameters) the path alone.
std::string model_state_key(std::string_view param, std::string_view path);

/// 400's body: Message and ModelState naming every failing field (messages grouped by key, keys in
/// first-seen order).
std::string model_state_body(const std::vector<FieldError>& errors, std::string_view param, BodyFormat wire);

/// An HttpError with a Message and optional further members (name, value) in that order, e.g.
/// {"Message": "...", "MessageDetail": "..."}.
std::string error_body(std::string_view message, BodyFormat wire,
                       const std::vector<std::pair<std::string, std::string>>& extra = {});

/// ModelState: (key, messages) in first-seen order.
using ModelStateGroups = std::vector<std::pair<std::string, std::vector<std::string>>>;

/// An HttpError: Message, the further string members (name, value) in that order, then
/// ModelState when it has entries.
std::string http_error_body(std::string_view message, const std::vector<std::pair<std::string, std::string>>& extra,
                            const ModelStateGroups& model_state, BodyFormat wire);

/// XmlConvert.EncodeLocalName: characters not allowed in an XML name become _xHHHH_.
std::string encode_xml_name(std::string_view name);

}  // namespace orderkit::mock
