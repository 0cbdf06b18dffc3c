#include "apis.hpp"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <type_traits>

#include "orderkit/broadband/models.hpp"
#include "orderkit/contracts/models.hpp"
#include "orderkit/licenses/models.hpp"
#include "orderkit/mobile/models.hpp"
#include "stub_models.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

// ---- samples: encoded once, answered many times ------------------------------------------

template <class T>
struct SampleCache {
  std::string json = encode(documented_sample<T>(Role::response), BodyFormat::json);
  std::string html = encode(documented_sample<T>(Role::response), BodyFormat::html);
  std::string xml = has_xml<T>() ? encode(documented_sample<T>(Role::response), BodyFormat::xml) : "";
  const std::string& get(BodyFormat wire) const {
    return wire == BodyFormat::xml ? xml : wire == BodyFormat::html ? html : json;
  }
};

template <class T>
const std::string& sample(BodyFormat wire) {
  static const SampleCache<T> cache;
  return cache.get(wire);
}

// ---- echo helpers --------------------------------------------------------------------------

// The current time as .NET writes DateTime.UtcNow ("2026-01-11T15:16:24.5248029Z").
DateTime utc_now() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t t = system_clock::to_time_t(now);
  const auto ticks = duration_cast<nanoseconds>(now.time_since_epoch()).count() % 1000000000 / 100;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%07lldZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(ticks));
  return DateTime::parse(buf).value();
}

// The first day of next month (UTC), the "next scheduled period" of a monthly contract.
DateTime next_period_start() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  int year = tm.tm_year + 1900, month = tm.tm_mon + 2;
  if (month == 13) month = 1, ++year;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-01T00:00:00", year, month);
  return DateTime::parse(buf).value();
}

template <class To, class From>
void assign_if_compatible(To& to, const From& from) {
  if constexpr (std::is_same_v<To, From>) {
    to = from;
  } else if constexpr (meta::is_optional_v<From>) {
    if constexpr (std::is_same_v<To, typename From::value_type>) {
      if (from) to = *from;
    }
  }
}

// Copies every field `from` shares with `to` by name and type (a nullable source only when it has
// a value): the posted values a real server keeps on the record it creates.
template <class To, class From>
void carry_over(To& to, const From& from) {
  meta::for_each_field<To>([&](const auto& tf) {
    meta::for_each_field<From>([&](const auto& ff) {
      if (std::strcmp(tf.name, ff.name) == 0) assign_if_compatible(tf.get(to), ff.get(from));
    });
  });
}

std::int32_t fresh_id(const EndpointCall& call) {
  return static_cast<std::int32_t>(call.next_id->fetch_add(1) % 2147483647 + 1);
}

template <class Req>
struct Decoded {
  std::optional<Req> value;
  EndpointOutcome failure;
  std::vector<FieldError> dropped;  // what the server would have dropped (EndpointOutcome::dropped)
};

// Decodes and validates a body the way ASP.NET's model binding does before the action runs:
// every decode error or validation failure becomes a ModelState entry.
template <class Req>
Decoded<Req> bind_body(const EndpointCall& call) {
  Decoded<Req> out;
  if (call.decoded && call.decoded->tried) {
    // Decoded by the stub matcher already: taken, not decoded twice.
    out.dropped = std::move(call.decoded->dropped);
    if (Req* value = std::any_cast<Req>(&call.decoded->value)) {
      out.value = std::move(*value);
      return out;
    }
    out.failure.status = 400;
    out.failure.model_errors = std::move(call.decoded->errors);
    out.failure.decoded = false;
    return out;
  }
  Result<Req> decoded = decode<Req>(call.body, call.request_format, &out.dropped);
  if (!decoded) {
    out.failure.status = 400;
    out.failure.model_errors = decoded.errors();
    out.failure.decoded = false;
    return out;
  }
  out.value = std::move(decoded.value());
  return out;
}

EndpointOutcome invalid(std::vector<FieldError> errors) {
  EndpointOutcome o;
  o.status = 400;
  o.model_errors = std::move(errors);
  return o;
}

// ---- the four endpoints ------------------------------------------------------------------

// 000: the stored order is the posted one.
EndpointOutcome broadband_orders(const EndpointCall& call) {
  using broadband::OrderNew;
  Decoded<OrderNew> in = bind_body<OrderNew>(call);
  if (!in.value) return in.failure;
  if (auto failures = validate(*in.value); !failures.empty()) return invalid(std::move(failures));
  if (call.mode == Mode::sample) return EndpointOutcome{200, sample<OrderNew>(call.response_format), {}, true};
  return EndpointOutcome{200, encode(*in.value, call.response_format), {}, true};
}

// Builds GenerateOrderQuery's JSON from the URI (the id segment and the query string, names
// matched case-insensitively as ASP.NET binds them), so the SDK decodes and validates it: an id
// that is not an integer, a malformed date and the from/till rule all come back as field errors.
std::string query_json(const EndpointCall& call) {
  std::string json = "{";
  meta::for_each_field<contracts::GenerateOrderQuery>([&](const auto& f) {
    using M = meta::unwrap_optional_t<typename std::decay_t<decltype(f)>::value_type>;
    std::string value;
    bool found = false;
    if (iequals(f.name, "id")) {
      value = std::string(call.path_id), found = true;
    } else {
      for (const auto& [name, v] : call.query)
        if (iequals(name, f.name)) value = v, found = !v.empty();
    }
    if (!found) return;
    if (json.size() > 1) json += ",";
    json += "\"" + json_escape(f.name) + "\":";
    // A number written from its value ("007" is 7, as ASP.NET binds it), never pasted text;
    // anything else quoted, so that the decoder names the field.
    std::string number;
    if constexpr (std::is_integral_v<M> && !std::is_same_v<M, bool>) number = integer_literal(value);
    json += !number.empty() ? number : "\"" + json_escape(value) + "\"";
  });
  return json + "}";
}

// 001: the order generated for the contract's period (the next scheduled one without a query).
EndpointOutcome contracts_orders(const EndpointCall& call) {
  using contracts::OrderBase;
  Result<contracts::GenerateOrderQuery> query = from_json<contracts::GenerateOrderQuery>(query_json(call));
  if (!query) return invalid(query.errors());
  if (auto failures = validate(query.value()); !failures.empty()) return invalid(std::move(failures));
  if (call.mode == Mode::sample) return EndpointOutcome{200, sample<OrderBase>(call.response_format), {}, true};

  const contracts::GenerateOrderQuery& q = query.value();
  OrderBase order = documented_sample<OrderBase>(Role::response);
  order.Id = fresh_id(call);
  order.Date = q.from ? *q.from : next_period_start();
  order.ChangeTimestamp = utc_now();
  const std::string period = order.Date.text().substr(0, 10);
  order.OrderCode = "CC" + std::to_string(q.id) + "-" + period;
  return EndpointOutcome{200, encode(order, call.response_format), {}, true};
}

// 002: one result per posted item, carrying the item's values and a fresh order id.
EndpointOutcome mobile_answer(const EndpointCall& call, Decoded<mobile::OrderCreationRequest>& in) {
  using Results = std::vector<mobile::OrderDetailResult>;
  if (!in.value) return in.failure;
  if (auto failures = validate(*in.value); !failures.empty()) return invalid(std::move(failures));
  if (call.mode == Mode::sample) return EndpointOutcome{200, sample<Results>(call.response_format), {}, true};

  Results results;
  const mobile::OrderDetailResult templ = documented_sample<Results>(Role::response).at(0);
  const mobile::Order order_templ = *templ.Order;
  const DateTime now = utc_now();
  for (const mobile::OrderItem& item : in.value->OrderDetails.value_or(std::vector<mobile::OrderItem>{})) {
    mobile::OrderDetailResult r;
    r.Success = true;
    mobile::Order order = order_templ;
    carry_over(order, item);
    if (item.OrderDetail) carry_over(order, *item.OrderDetail);
    order.Id = fresh_id(call);
    order.CreatedDate = now;
    r.Order = std::move(order);
    results.push_back(std::move(r));
  }
  return EndpointOutcome{200, encode(results, call.response_format), {}, true};
}

// 002 is the one API read by DataContractSerializer, which drops members out of contract order
// without an error: whatever the answer, it carries what was dropped.
EndpointOutcome mobile_orders(const EndpointCall& call) {
  Decoded<mobile::OrderCreationRequest> in = bind_body<mobile::OrderCreationRequest>(call);
  EndpointOutcome out = mobile_answer(call, in);
  out.dropped = std::move(in.dropped);
  return out;
}

// 003: the validator's verdict; 400 with the failures when the order is not valid.
EndpointOutcome licenses_order_data(const EndpointCall& call) {
  using licenses::OrderRequest;
  using licenses::ValidationResult;
  Decoded<OrderRequest> in = bind_body<OrderRequest>(call);
  if (!in.value) return in.failure;
  std::vector<FieldError> failures = validate(*in.value);
  if (call.mode == Mode::sample) {
    if (!failures.empty()) return invalid(std::move(failures));
    return EndpointOutcome{200, sample<ValidationResult>(call.response_format), {}, true};
  }
  ValidationResult result;
  for (const FieldError& e : failures) {
    licenses::ValidationFailure f;
    f.PropertyName = e.path;
    f.ErrorMessage = e.message;
    f.ErrorCode = e.code;
    result.Errors.push_back(std::move(f));
  }
  return EndpointOutcome{failures.empty() ? 200 : 400, encode(result, call.response_format), {}, true};
}

const std::vector<std::string> kJson = {"application/json", "text/json"};
// Request formats: the pages also list application/x-www-form-urlencoded ("Sample not available").
const std::string kForm = "application/x-www-form-urlencoded";
const std::vector<std::string> kJsonForm = {"application/json", "text/json", kForm};
const std::vector<std::string> kJsonXmlForm = {"application/json", "text/json", "application/xml", "text/xml", kForm};
const std::vector<std::string> kJsonHtmlXmlForm = {"application/json", "text/json", "text/html",
                                                   "application/xml",  "text/xml",  kForm};
const std::vector<std::string> kJsonXml = {"application/json", "text/json", "application/xml", "text/xml"};
const std::vector<std::string> kJsonHtmlXml = {"application/json", "text/json", "text/html", "application/xml",
                                               "text/xml"};

}  // namespace

const std::vector<Endpoint>& endpoints() {
  static const std::vector<Endpoint> all = {
      {&broadband::api, "POST", "api/orders", "order", "OrderNew", "OrderNew", kJsonForm, kJson, &broadband_orders,
       typed_models<broadband::OrderNew, broadband::OrderNew>()},
      {&contracts::api,
       "POST",
       "v1/CustomerContracts/{id}/Orders",
       "",
       "GenerateOrderQuery",
       "OrderBase",
       {},
       kJsonXml,
       &contracts_orders,
       typed_models<void, contracts::OrderBase>()},
      {&mobile::api, "POST", "api/orders", "order", "OrderCreationRequest", "OrderDetailResult[]", kJsonHtmlXmlForm,
       kJsonHtmlXml, &mobile_orders,
       typed_models<mobile::OrderCreationRequest, std::vector<mobile::OrderDetailResult>>()},
      {&licenses::api, "POST", "api/order/data", "order", "OrderRequest", "ValidationResult", kJsonXmlForm, kJsonXml,
       &licenses_order_data, typed_models<licenses::OrderRequest, licenses::ValidationResult>()},
  };
  return all;
}

std::string base_path(const Endpoint& endpoint) { return std::string("/") + endpoint.api->id; }

}  // namespace orderkit::mock
