// A stub's JSON, checked once when it is added: every member known, the endpoint resolved, field
// paths compiled against the request model, regexes compiled, the response body decoded and
// validated as the response model (or as an HttpError for an error status). The errors name the
// JSON path, so that a stub cannot drift from the contract unnoticed.
#include "errors.hpp"
#include "router.hpp"
#include "stubs.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

using json = nlohmann::json;

// Patterns longer than this are refused: a stub is test data, and the parser recurses per group.
constexpr std::size_t kMaxPattern = 1000;
constexpr std::uint64_t kMaxDelayMs = 60000;

struct Refused {
  std::string message;
};

[[noreturn]] void refuse(const std::string& path, const std::string& why) {
  throw Refused{(path.empty() ? std::string("stub") : path) + ": " + why};
}

// "request" + "api" -> "request.api"; a single stub's own members have no prefix.
std::string join(const std::string& path, const std::string& name) { return path.empty() ? name : path + "." + name; }

void only_members(const json& j, const std::string& path, std::initializer_list<const char*> known) {
  if (!j.is_object()) refuse(path, "expected an object, got " + std::string(j.type_name()));
  for (const auto& [key, value] : j.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (ok) continue;
    std::string list;
    for (const char* k : known) list += std::string(list.empty() ? "" : ", ") + k;
    refuse(join(path, key), "unknown member (known here: " + list + ")");
  }
}

const json* member(const json& j, const char* name) {
  auto it = j.find(name);
  return it == j.end() ? nullptr : &*it;
}

std::string string_member(const json& j, const char* name, const std::string& path, std::size_t max = 1000) {
  const json* v = member(j, name);
  if (!v) return "";
  if (!v->is_string()) refuse(join(path, name), "expected a string, got " + v->dump());
  std::string s = v->get<std::string>();
  if (s.size() > max) refuse(join(path, name), "longer than " + std::to_string(max) + " characters");
  return s;
}

std::int64_t integer_member(const json& j, const char* name, const std::string& path, std::int64_t min,
                            std::int64_t max, std::int64_t fallback) {
  const json* v = member(j, name);
  if (!v) return fallback;
  if (!v->is_number_integer() || (v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX))
    refuse(join(path, name), "expected a whole number, got " + v->dump());
  const std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max)
    refuse(join(path, name), std::to_string(n) + " is out of " + std::to_string(min) + ".." + std::to_string(max));
  return n;
}

std::shared_ptr<const Pattern> compile_regex(const std::string& pattern, const std::string& path, bool icase) {
  if (pattern.size() > kMaxPattern) refuse(path, "a pattern of at most " + std::to_string(kMaxPattern) + " characters");
  auto compiled = Pattern::compile(pattern, icase);
  if (auto* why = std::get_if<std::string>(&compiled)) refuse(path, *why);
  return std::make_shared<const Pattern>(std::move(std::get<Pattern>(compiled)));
}

MatchSpec parse_match(const json& j, const std::string& path) {
  if (!j.is_object() || j.size() != 1)
    refuse(path, "expected one of {\"equalTo\": value}, {\"matches\": \"regex\"}, {\"present\": true|false}");
  MatchSpec m;
  // (Not a binding to *j.items().begin(): that refers into a temporary proxy.)
  const auto first = j.begin();
  const std::string& key = first.key();
  const json& value = first.value();
  if (key == "equalTo") {
    if (value.is_object() || value.is_array())
      refuse(path + ".equalTo", "expected a string, number, true, false or null");
    m.kind = MatchSpec::Kind::equal_to;
    m.value = value;
  } else if (key == "matches") {
    if (!value.is_string()) refuse(path + ".matches", "expected a string, got " + value.dump());
    m.kind = MatchSpec::Kind::matches;
    m.regex = compile_regex(value.get<std::string>(), path + ".matches", false);
  } else if (key == "present") {
    if (!value.is_boolean()) refuse(path + ".present", "expected true or false, got " + value.dump());
    m.kind = MatchSpec::Kind::present;
    m.present = value.get<bool>();
  } else {
    refuse(path + "." + key, "unknown member (known here: equalTo, matches, present)");
  }
  return m;
}

// A query parameter's or header's MATCH: its value is text, so equalTo takes the value's text.
MatchSpec parse_text_match(const json& j, const std::string& path) {
  MatchSpec m = parse_match(j, path);
  if (m.kind == MatchSpec::Kind::equal_to && !m.value.is_null() && !m.value.is_string()) m.value = m.value.dump();
  return m;
}

bool token_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool header_name(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  for (char c : s)
    if (!token_char(c)) return false;
  return true;
}

bool header_value(std::string_view s) {
  for (char c : s)
    if (c == '\r' || c == '\n' || c == '\0') return false;
  return s.size() <= 8192;
}

// Standard base64 (RFC 4648 section 4) with padding; false for anything else.
bool decode_base64(std::string_view in, std::string& out) {
  if (in.size() % 4 != 0) return false;
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  out.clear();
  for (std::size_t i = 0; i < in.size(); i += 4) {
    const bool last = i + 4 == in.size();
    const int pad = last ? (in[i + 3] == '=') + (in[i + 2] == '=') : 0;
    if (pad == 1 && in[i + 2] == '=') return false;
    int v[4];
    for (int k = 0; k < 4 - pad; ++k)
      if ((v[k] = value(in[i + k])) < 0) return false;
    out.push_back(static_cast<char>(v[0] << 2 | v[1] >> 4));
    if (pad < 2) out.push_back(static_cast<char>((v[1] & 15) << 4 | v[2] >> 2));
    if (pad < 1) out.push_back(static_cast<char>((v[2] & 3) << 6 | v[3]));
  }
  return true;
}

const Endpoint* endpoint_of_api(std::string_view id) {
  for (const Endpoint& e : endpoints())
    if (id == e.api->id) return &e;
  return nullptr;
}

void parse_request(const json& j, const std::string& at, std::string_view api, Stub& s) {
  only_members(j, at, {"api", "method", "path", "pathPattern", "query", "headers", "body"});
  if (member(j, "api")) {
    const std::string id = string_member(j, "api", at);
    s.endpoint = endpoint_of_api(id);
    if (!s.endpoint) refuse(at + ".api", "'" + id + "' is none of broadband, contracts, mobile, licenses");
    if (!api.empty() && id != api)
      refuse(at + ".api", "this mock serves the " + std::string(api) + " API only (--api)");
  } else if (!api.empty()) {
    s.endpoint = endpoint_of_api(api);
  }
  if (member(j, "path") && member(j, "pathPattern")) refuse(at + ".pathPattern", "give path or pathPattern, not both");
  if (member(j, "path")) {
    const std::string path = string_member(j, "path", at, 2000);
    const Route route = match_route(path, api);
    if (route.kind != Route::Kind::api)
      refuse(
          at + ".path",
          "'" + path + "' is not the path of a documented endpoint (stubs answer API requests; see /__admin/health)");
    if (s.endpoint && s.endpoint != route.endpoint)
      refuse(at + ".path", "'" + path + "' is not a path of the " + s.endpoint->api->id + " API");
    s.endpoint = route.endpoint;
    s.has_route_id = !route.id.empty();
    s.route_id = route.id;
  }
  if (member(j, "pathPattern")) {
    s.path_pattern = compile_regex(string_member(j, "pathPattern", at), at + ".pathPattern", true);
    s.pattern_steps += s.path_pattern->size();
  }
  if (member(j, "method")) {
    s.method = string_member(j, "method", at);
    for (char& c : s.method) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    // Every other method gets 405 before the stubs are asked (check_method).
    bool served = false;
    for (const Endpoint& e : endpoints())
      if ((!s.endpoint || s.endpoint == &e) && (api.empty() || api == e.api->id))
        served = served || e.method == s.method;
    if (!served)
      refuse(at + ".method",
             "'" + s.method + "' is not a method of the endpoint (it answers 405 before stubs are asked)");
  }
  for (const char* part : {"query", "headers"}) {
    const json* m = member(j, part);
    if (!m) continue;
    const std::string where = at + "." + part;
    if (!m->is_object()) refuse(where, "expected an object of name: MATCH");
    std::vector<NamedMatch>& out = part[0] == 'q' ? s.query : s.headers;
    for (const auto& [name, match] : m->items()) {
      if (name.empty()) refuse(where, "a name may not be empty");
      out.push_back({name, parse_text_match(match, where + "." + name)});
      if (out.back().match.regex) s.pattern_steps += out.back().match.regex->size();
    }
  }
  if (const json* body = member(j, "body")) {
    const std::string where = at + ".body";
    if (!body->is_object()) refuse(where, "expected an object of field path: MATCH");
    if (!s.endpoint) refuse(where, "matching the body needs the endpoint: give request.api or request.path");
    if (!s.endpoint->stub_models->compile_match)
      refuse(where, std::string("the ") + s.endpoint->api->id +
                        " endpoint takes no body (match request.query or request.path)");
    for (const auto& [path, match] : body->items()) {
      const MatchSpec spec = parse_match(match, where + "." + path);
      if (spec.regex) s.pattern_steps += spec.regex->size();
      BodyTest test;
      if (std::string e = s.endpoint->stub_models->compile_match(path, spec, test); !e.empty())
        throw Refused{where + "." + e};
      s.body.push_back(std::move(test));
    }
  }
}

// An HttpError body (an error status): Message, optional string members, ModelState.
void parse_error_body(const json& body, const std::string& where, Stub& s) {
  only_members(body, where,
               {"Message", "MessageDetail", "ExceptionMessage", "ExceptionType", "StackTrace", "ModelState"});
  const std::string message = string_member(body, "Message", where, 1 << 20);
  if (!member(body, "Message")) refuse(where + ".Message", "an error body (HttpError) needs a Message");
  std::vector<std::pair<std::string, std::string>> extra;
  for (const char* name : {"MessageDetail", "ExceptionMessage", "ExceptionType", "StackTrace"})
    if (member(body, name)) extra.emplace_back(name, string_member(body, name, where, 1 << 20));
  ModelStateGroups groups;
  if (const json* ms = member(body, "ModelState")) {
    if (!ms->is_object()) refuse(where + ".ModelState", "expected an object of key: [messages]");
    for (const auto& [key, messages] : ms->items()) {
      if (!messages.is_array()) refuse(where + ".ModelState." + key, "expected an array of strings");
      std::vector<std::string> list;
      for (std::size_t i = 0; i < messages.size(); ++i) {
        if (!messages[i].is_string())
          refuse(where + ".ModelState." + key + "[" + std::to_string(i) + "]", "expected a string");
        list.push_back(messages[i].get<std::string>());
      }
      groups.emplace_back(key, std::move(list));
    }
  }
  s.error_body = true;
  s.error_bodies.json = http_error_body(message, extra, groups, BodyFormat::json);
  s.error_bodies.html = s.error_bodies.json;
  s.error_bodies.xml = http_error_body(message, extra, groups, BodyFormat::xml);
}

void parse_response(const json& j, const std::string& at, Stub& s) {
  only_members(j, at, {"status", "body", "rawBody", "base64Body", "contentType", "headers", "delayMs", "fault"});
  // 1xx is not a final answer: sent as one, it would desynchronise the connection.
  s.status = static_cast<int>(integer_member(j, "status", at, 100, 599, 200));
  if (s.status < 200) refuse(at + ".status", "1xx is an interim answer, not a final one (use 200-599)");
  const int bodies =
      (member(j, "body") != nullptr) + (member(j, "rawBody") != nullptr) + (member(j, "base64Body") != nullptr);
  if (bodies > 1) refuse(at, "give one of body, rawBody and base64Body");
  const bool no_body_status = s.status == 204 || s.status == 304;
  if (bodies && no_body_status) refuse(at + ".status", std::to_string(s.status) + " answers have no body");
  if (member(j, "contentType") && !member(j, "rawBody") && !member(j, "base64Body"))
    refuse(at + ".contentType", "goes with rawBody or base64Body (a model body is written in the negotiated format)");
  if (const json* body = member(j, "body")) {
    const std::string where = at + ".body";
    if (!s.endpoint)
      refuse(where, "a model body needs the endpoint: give request.api or request.path (or use rawBody)");
    if (s.status >= 400 && body->is_object() && body->contains("Message")) {
      parse_error_body(*body, where, s);
    } else {
      std::string e = s.endpoint->stub_models->encode_response(*body, s.bodies);
      if (!e.empty()) {
        // "PATH: why" relative to the body, or ": why" for the body itself.
        if (e.front() == '[' || e.front() == ':') throw Refused{where + e};
        throw Refused{where + "." + e};
      }
      s.model_body = true;
    }
  }
  if (member(j, "rawBody")) {
    s.raw = true;
    s.raw_body = string_member(j, "rawBody", at, MockState::kMaxStubBytes);
  }
  if (member(j, "base64Body")) {
    s.raw = true;
    if (!decode_base64(string_member(j, "base64Body", at, MockState::kMaxStubBytes), s.raw_body))
      refuse(at + ".base64Body", "not standard base64 with padding");
  }
  if (s.raw) {
    s.raw_type = member(j, "contentType") ? string_member(j, "contentType", at) : "application/octet-stream";
    if (!header_value(s.raw_type) || s.raw_type.empty()) refuse(at + ".contentType", "not a valid header value");
  }
  if (const json* h = member(j, "headers")) {
    if (!h->is_object()) refuse(at + ".headers", "expected an object of name: value");
    for (const auto& [name, value] : h->items()) {
      if (!header_name(name)) refuse(at + ".headers." + name, "not a valid header name");
      if (!value.is_string() || !header_value(value.get<std::string>()))
        refuse(at + ".headers." + name, "expected a header value (a string without line breaks)");
      const std::string n = lower(name);
      if (n == "content-length" || n == "transfer-encoding" || n == "connection")
        refuse(at + ".headers." + name, "set by the server (use fault for a broken answer)");
      s.response_headers.emplace_back(name, value.get<std::string>());
    }
  }
  s.delay_ms = static_cast<std::uint64_t>(integer_member(j, "delayMs", at, 0, kMaxDelayMs, 0));
  if (member(j, "fault")) {
    const std::string f = string_member(j, "fault", at);
    if (f == "close") s.fault = ConnectionFault::close;
    else if (f == "half_body") s.fault = ConnectionFault::half_body;
    else refuse(at + ".fault", "'" + f + "' is neither close nor half_body");
  }
}

bool valid_id(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
          c == '.'))
      return false;
  return true;
}

}  // namespace

std::string parse_stub(const json& j, const std::string& at, std::string_view api, Stub& s) {
  // The path of the stub itself: "stubs[1]", or "" for a single stub (its members start the path).
  auto path = [&](const char* name) { return join(at, name); };
  try {
    only_members(j, at,
                 {"id", "priority", "request", "response", "times", "scenario", "requiredState", "newState", "name",
                  "metadata"});
    if (member(j, "id")) {
      s.id = string_member(j, "id", at);
      if (!valid_id(s.id)) refuse(path("id"), "1-100 characters of A-Z, a-z, 0-9, '-', '_', '.'");
    }
    if (member(j, "name")) string_member(j, "name", at);
    if (const json* m = member(j, "metadata"); m && !m->is_object()) refuse(path("metadata"), "expected an object");
    s.priority = static_cast<int>(integer_member(j, "priority", at, -1000000, 1000000, 5));
    const json empty = json::object();
    const json* request = member(j, "request");
    parse_request(request ? *request : empty, path("request"), api, s);
    const json* response = member(j, "response");
    if (!response) refuse(path("response"), "required (at least {\"status\": 200})");
    parse_response(*response, path("response"), s);
    s.times = static_cast<std::uint64_t>(integer_member(j, "times", at, 1, INT64_MAX, 0));
    s.scenario = string_member(j, "scenario", at);
    s.required_state = string_member(j, "requiredState", at);
    s.new_state = string_member(j, "newState", at);
    if (s.scenario.empty() && (member(j, "requiredState") || member(j, "newState")))
      refuse(path(member(j, "requiredState") ? "requiredState" : "newState"), "needs a scenario");
    if (member(j, "scenario") && s.scenario.empty()) refuse(path("scenario"), "may not be empty");
  } catch (const Refused& r) {
    return r.message;
  } catch (const nlohmann::json::exception& e) {
    return (at.empty() ? std::string("stub") : at) + ": " + e.what();  // not expected: every access is checked
  }
  return "";
}

}  // namespace orderkit::mock
