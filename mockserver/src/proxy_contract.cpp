#include "proxy_contract.hpp"

#include "answers.hpp"
#include "errors.hpp"
#include "orderkit/core/client_error.hpp"
#include "orderkit/registry.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

std::string joined(const std::vector<std::string>& types) {
  std::string out;
  for (const std::string& t : types) out += (out.empty() ? "" : ", ") + t;
  return out;
}

// The response model's decoder and validator, by the endpoint table's name for it.
std::vector<FieldError> check_model(const Endpoint& e, std::string_view body, BodyFormat wire) {
  const ModelEntry* model = find_model(e.api->id, e.response_model);
  if (!model) return {{"", "model", "the mock knows no model " + std::string(e.response_model)}};
  return model->check(body, codec_format_of(wire));
}

// A 2xx answer: 200, a documented and negotiated media type in UTF-8, the response model.
void check_success(const RequestContext& c, const HttpResponse& answer, std::vector<Violation>& out) {
  const Endpoint& e = c.endpoint();
  auto add = [&](std::string path, std::string message) {
    out.push_back({"response", std::move(path), std::move(message)});
  };
  const std::string status = std::to_string(answer.status);
  if (answer.status != 200) add("", "status " + status + " is not documented (the page documents 200)");

  const std::string* header = find_header(answer.headers, "Content-Type");
  const std::optional<MediaType> type = header ? parse_media_type(*header) : std::nullopt;
  bool documented = false;
  for (const std::string& t : e.response_types) documented = documented || (type && type->type == t);
  if (!documented) {
    add("", (header ? "Content-Type '" + *header + "'" : std::string("no Content-Type")) +
                " is not a documented response media type (" + joined(e.response_types) +
                "); the body was not checked");
    return;
  }
  if (!type->charset.empty() && type->charset != "utf-8" && type->charset != "utf8")
    add("", "Content-Type '" + *header + "': the charset is not UTF-8");
  const std::string& negotiated = e.response_types[c.response_type];
  if (type->type != negotiated) {
    const std::string accept = c.request.header("Accept");
    add("", "Content-Type '" + type->type + "' where the request negotiates '" + negotiated +
                "' (Accept: " + (accept.empty() ? std::string("none") : "'" + accept + "'") + ")");
  }
  for (const FieldError& fe : check_model(e, answer.body, *body_format_of(type->type)))
    add(fe.path, std::string(e.response_model) + ": " + fe.message);
}

// An error answer with a body: ASP.NET's HttpError ({"Message": ..., "ModelState": {...}} or
// <Error>) as the SDK's ApiError reads it, or the response model (003's validator verdict).
void check_error(const RequestContext& c, const HttpResponse& answer, std::vector<Violation>& out) {
  if (answer.body.empty()) return;
  const ClientError read = parse_api_error(answer, "");
  if (!read.server_message.empty() || !read.model_state.empty()) return;
  const Endpoint& e = c.endpoint();
  const std::string* header = find_header(answer.headers, "Content-Type");
  const std::optional<MediaType> type = header ? parse_media_type(*header) : std::nullopt;
  const std::optional<BodyFormat> wire = type ? body_format_of(type->type) : std::nullopt;
  if (wire && check_model(e, answer.body, *wire).empty()) return;
  out.push_back({"response", "",
                 "the " + std::to_string(answer.status) + " answer's body (" +
                     (header ? "Content-Type '" + *header + "'" : std::string("no Content-Type")) +
                     ") is not ASP.NET's error shape ({\"Message\": ...} or <Error><Message>), so clients read no "
                     "message from it"});
}

}  // namespace

std::vector<Violation> check_request(RequestContext& c) {
  const Endpoint& e = c.endpoint();
  // The endpoint's own binding and validation, in sample mode: its answer (a cached sample) is
  // dropped; its model errors are the ones the mock's 400 would name.
  EndpointCall call;
  call.mode = Mode::sample;
  call.request_format = c.request_format;
  call.body = c.request.body;
  call.response_format = c.response_format;
  call.path_id = c.route.id;
  call.query = parse_query(c.request.query);
  call.next_id = &c.mock.next_id;
  const EndpointOutcome outcome = e.handle(call);
  if (!e.request_types.empty()) c.entry.has_body_model = true;
  c.entry.decoded = outcome.decoded;
  std::vector<Violation> out;
  for (const FieldError& fe : outcome.model_errors) {
    std::string key = model_state_key(e.param, fe.path);
    c.entry.errors.push_back({key, fe.message});
    out.push_back({"request", std::move(key), fe.message});
  }
  return out;
}

std::vector<Violation> check_answer(const RequestContext& c, const HttpResponse& answer, bool request_refused) {
  std::vector<Violation> out;
  if (answer.status >= 200 && answer.status < 300) {
    if (request_refused)
      out.push_back({"response", "",
                     "answered " + std::to_string(answer.status) +
                         " to a request that breaks the documented rules (the page's answer is 400)"});
    check_success(c, answer, out);
  } else if (answer.status >= 400) {
    check_error(c, answer, out);
  } else {
    out.push_back(
        {"response", "",
         "status " + std::to_string(answer.status) + " is not documented (the page documents 200, errors 4xx/5xx)"});
  }
  return out;
}

std::string to_string(const Violation& v) { return v.side + " " + (v.path.empty() ? "" : v.path + ": ") + v.message; }

MockResponse contract_broken(const RequestContext& c, const std::string& url, int upstream_status,
                             const std::vector<Violation>& violations) {
  std::string text = "The exchange with " + url + " breaks the documented contract: " + to_string(violations.front());
  if (violations.size() > 1) text += " (and " + std::to_string(violations.size() - 1) + " more)";
  text += ".";
  MockResponse r;
  r.status = 502;
  if (c.error_format == BodyFormat::xml) {
    std::string xml = "<Error><Message>" + xml_escape(text) + "</Message><UpstreamStatus>" +
                      std::to_string(upstream_status) + "</UpstreamStatus><Violations>";
    for (const Violation& v : violations)
      xml += "<Violation><Side>" + v.side + "</Side><Path>" + xml_escape(v.path) + "</Path><Message>" +
             xml_escape(v.message) + "</Message></Violation>";
    r.body = xml + "</Violations></Error>";
    r.headers.emplace("Content-Type", content_type("application/xml"));
  } else {
    std::string json = "{\"Message\":\"" + json_escape(text) +
                       "\",\"UpstreamStatus\":" + std::to_string(upstream_status) + ",\"Violations\":[";
    for (std::size_t i = 0; i < violations.size(); ++i)
      json += std::string(i ? "," : "") + "{\"Side\":\"" + violations[i].side + "\",\"Path\":\"" +
              json_escape(violations[i].path) + "\",\"Message\":\"" + json_escape(violations[i].message) + "\"}";
    r.body = json + "]}";
    r.headers.emplace("Content-Type", content_type("application/json"));
  }
  return r;
}

}  // namespace orderkit::mock
