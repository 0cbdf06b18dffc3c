#include "orderkit/contracts/operations.hpp"

#include "client/operation.hpp"
#include "codec/xml_pull.hpp"
#include "orderkit/internal/text.hpp"

namespace orderkit::contracts {
namespace {

// "The generated order or null if not generated": Newtonsoft writes `null`; XmlSerializer writes
// the root with xsi:nil="true"; a server may also answer 204 or an empty body.
bool is_null_body(const HttpResponse& response) {
  std::string_view body = text::trim(response.body, " \t\r\n");
  if (response.status == 204 || body.empty() || body == "null") return true;
  if (body.front() != '<') return false;
  // The root's attributes decide; the whole document must be well-formed XML all the same.
  codec::xml::PullParser parser(body);
  bool nil = false;
  if (parser.next() != codec::xml::Token::start_tag) return false;
  for (const auto& a : parser.attributes()) {
    auto colon = a.name.find(':');
    if (colon != std::string_view::npos && a.name.substr(colon + 1) == "nil" && a.value == "true") nil = true;
  }
  for (;;) {
    switch (parser.next()) {
      case codec::xml::Token::end_of_document: return nil;
      case codec::xml::Token::error: return false;
      default: break;
    }
  }
}

}  // namespace

GenerateOrderQuery make_query(std::int32_t id, const std::optional<Period>& period) {
  GenerateOrderQuery query;
  query.id = id;
  if (period) {
    query.from = period->from;
    query.till = period->till;
  }
  return query;
}

Outcome<HttpRequest> build_generate_order_request(const GenerateOrderQuery& query, const ClientOptions& options,
                                                  const CallOptions& call) {
  CallOptions c = client::complete(call, options, kGenerateOrderMethod);
  if (options.validate_before_send) {
    if (auto errors = validate(query); !errors.empty()) return client::validation_failed(std::move(errors), c);
  }
  std::string path = "v1/CustomerContracts/" + std::to_string(query.id) + "/Orders";
  // Dates go as their exact text; a missing one is left out, which ASP.NET binds as null.
  char separator = '?';
  for (const auto& [name, value] : {std::pair{"from", &query.from}, std::pair{"till", &query.till}}) {
    if (*value) {
      path += separator;
      path += name;
      path += '=';
      path += url_encode((*value)->text());
      separator = '&';
    }
  }
  return client::make_request(kGenerateOrderMethod, path, options, c);
}

ApiResult<std::optional<OrderBase>> parse_generate_order_response(const HttpResponse& response,
                                                                  std::string_view request_id) {
  if (!client::is_success(response.status)) return parse_api_error(response, request_id);
  if (is_null_body(response)) {
    return Response<std::optional<OrderBase>>{
        std::nullopt,
        response.status,
        response.reason.empty() ? reason_phrase(response.status) : response.reason,
        response.headers,
        std::string(request_id),
        1};
  }
  auto order = client::read_response<OrderBase>(response, request_id);
  if (!order.ok()) return std::move(order.error());
  auto& r = order.value();
  return Response<std::optional<OrderBase>>{
      std::move(r.value), r.status, std::move(r.reason), std::move(r.headers), std::move(r.request_id), r.attempts};
}

}  // namespace orderkit::contracts
