// The help pages, regenerated from what the SDK already knows: the endpoint table (route, media
// types), the registry's field summaries (name, type, rules, description, in table order), the
// APIs' prose (ApiInfo) and the documented sample generator. The markup follows ASP.NET Web API's
// HelpPage area (Index, Api and ResourceModel views; Parameters, Samples and ModelDescriptionLink
// templates) so that the pages read, section by section, as the originals do.
#include <algorithm>
#include <set>
#include <vector>

#include "apis.hpp"
#include "orderkit/mock/help.hpp"
#include "orderkit/registry.hpp"
#include "text.hpp"

namespace orderkit::mock {

namespace {

std::string html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// The HelpPage.css rules the layout needs, inline so that a page is one response.
constexpr const char* kStyle =
    "body{font-family:'Segoe UI',Verdana,Helvetica,sans-serif;margin:0 2em;color:#333}"
    ".help-page h1,.help-page h2,.help-page h3,.help-page h4{font-weight:normal}"
    ".help-page-table{width:100%;border-collapse:collapse;text-align:left;margin:0 0 20px 0;border-top:1px solid "
    "#d4d4d4}"
    ".help-page-table th{text-align:left;font-weight:bold;border-bottom:1px solid #d4d4d4;padding:5px 6px}"
    ".help-page-table td{border-bottom:1px solid #d4d4d4;padding:10px 8px;vertical-align:top}"
    ".help-page-table pre,.help-page-table p{margin:0;padding:0;font-family:inherit;font-size:100%}"
    ".sample-header{border:2px solid #d4d4d4;background:#00497e;color:#fff;padding:8px "
    "15px;display:inline-block;margin:10px 0 0}"
    ".sample-content{display:block;border:2px solid #d4d4d4;padding:15px;margin:0 0 10px}"
    ".wrapped{white-space:pre-wrap;word-wrap:break-word}";

std::string document(std::string_view title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>" + html(title) +
         "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

// The "Help Page Home" link above the Api and ResourceModel views.
std::string home_link(const std::string& prefix) {
  return "<section class=\"featured\">\n<div class=\"content-wrapper\">\n<p><a href=\"" + html(prefix) +
         "/Help\">Help Page Home</a></p>\n</div>\n</section>\n";
}

std::string page(std::string_view title, const std::string& prefix, const std::string& content) {
  return document(title, "<div id=\"body\" class=\"help-page\">\n" + home_link(prefix) +
                             "<section class=\"content-wrapper main-content clear-fix\">\n" + content +
                             "</section>\n</div>\n");
}

// ---- what a page is about ------------------------------------------------------------------

// One API's pages: its endpoint, and the prefix its pages and links live under ("" or "/mobile").
struct Site {
  const Endpoint* endpoint;
  std::string prefix;
};

const ModelEntry* request_entry(const Endpoint& e) { return find_model(e.api->id, e.request_model); }
const ModelEntry* response_entry(const Endpoint& e) { return find_model(e.api->id, e.response_model); }

// The page's relative path: the route, then the URI parameters the route does not hold as a
// query ("v1/CustomerContracts/{id}/Orders?from={from}&till={till}").
std::string relative_path(const Endpoint& e) {
  std::string path(e.route), query;
  const ModelEntry* in = request_entry(e);
  if (in && !in->info->has_body) {
    for (const FieldSummary& f : in->fields())
      if (path.find("{" + f.name + "}") == std::string::npos)
        query += (query.empty() ? "?" : "&") + f.name + "={" + f.name + "}";
  }
  return path + query;
}

// ApiDescription.GetFriendlyId(): "POST-api-orders", "POST-v1-CustomerContracts-id-Orders_from_till".
std::string friendly_id(const Endpoint& e) {
  const std::string path = relative_path(e);
  const std::size_t q = path.find('?');
  std::string id = std::string(e.method) + "-";
  for (const char c : path.substr(0, q)) {
    if (c == '/') id += '-';
    else if (c != '{' && c != '}') id += c;
  }
  if (q != std::string::npos) {
    std::string keys;
    for (const auto& [name, value] : parse_query(path.substr(q + 1))) keys += (keys.empty() ? "" : "_") + name;
    std::replace(keys.begin(), keys.end(), '.', '-');
    id += "_" + keys;
  }
  return id;
}

// The pages' names for simple types; every other type name is a model or an enum of the API.
bool simple_type(std::string_view type) {
  static const char* const names[] = {"integer",        "boolean", "string",
                                      "decimal number", "date",    "globally unique identifier"};
  return std::find(std::begin(names), std::end(names), type) != std::end(names);
}

constexpr std::string_view kCollectionOf = "Collection of ";

// The ModelDescriptionLink template: a model or enum links to its ResourceModel page, a
// collection reads "Collection of" and its item, a simple type is its name.
std::string type_link(const Site& site, std::string_view type) {
  if (type.substr(0, kCollectionOf.size()) == kCollectionOf)
    return std::string(kCollectionOf) + type_link(site, type.substr(kCollectionOf.size()));
  if (simple_type(type)) return html(type);
  return "<a href=\"" + html(site.prefix) + "/Help/ResourceModel?modelName=" + html(type) + "\">" + html(type) + "</a>";
}

// The models and enums of an API that have a ResourceModel page, by name.
bool has_resource_page(const Site& site, std::string_view name) {
  for (const ModelEntry& m : models())
    if (!m.collection && m.api == site.endpoint->api && m.info->has_body && iequals(m.info->name, name)) return true;
  for (const ModelEntry& m : models()) {
    if (m.collection || m.api != site.endpoint->api) continue;
    for (const FieldSummary& f : m.fields()) {
      std::string_view t = f.type;
      if (t.substr(0, kCollectionOf.size()) == kCollectionOf) t.remove_prefix(kCollectionOf.size());
      if (!simple_type(t) && !find_model(m.api->id, t) && iequals(t, name)) return true;
    }
  }
  return false;
}

// ---- the templates -------------------------------------------------------------------------

struct Row {
  std::string name, description, type;  // type: markup
  std::vector<std::string> annotations;
};

// The Parameters template: Name, Description, Type, Additional information; "None." for no rows.
std::string parameters(const std::vector<Row>& rows) {
  if (rows.empty()) return "<p>None.</p>\n";
  std::string out =
      "<table class=\"help-page-table\">\n<thead>\n<tr><th>Name</th><th>Description</th><th>Type</th>"
      "<th>Additional information</th></tr>\n</thead>\n<tbody>\n";
  for (const Row& r : rows) {
    out += "<tr>\n<td class=\"parameter-name\">" + html(r.name) + "</td>\n<td class=\"parameter-documentation\">\n<p>" +
           html(r.description) + "</p>\n</td>\n<td class=\"parameter-type\">\n" + r.type +
           "\n</td>\n<td class=\"parameter-annotations\">\n";
    if (r.annotations.empty()) out += "<p>None.</p>\n";
    for (const std::string& a : r.annotations) out += "<p>" + html(a) + "</p>\n";
    out += "</td>\n</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

// The rows of a body or resource model: its documented members in table order, with the
// annotations ASP.NET derives from their attributes.
std::vector<Row> member_rows(const Site& site, const ModelEntry& model) {
  std::vector<Row> rows;
  for (const FieldSummary& f : model.fields()) {
    if (!f.documented) continue;
    Row r{f.name, f.description, type_link(site, f.type), {}};
    if (f.required) r.annotations.push_back("Required");
    if (f.max_length) r.annotations.push_back("Max length: " + std::to_string(f.max_length));
    if (f.must_be_zero) r.annotations.push_back("Must be 0 (for insert operations)");
    rows.push_back(std::move(r));
  }
  return rows;
}

// The rows of URI parameters, annotated as the pages annotate them.
std::vector<Row> uri_rows(const Site& site, const ModelEntry& query) {
  std::vector<Row> rows;
  for (const FieldSummary& f : query.fields()) {
    Row r{f.name, f.description, type_link(site, f.type), {}};
    if (f.required) r.annotations.push_back("Required.");
    else if (f.nullable) r.annotations.push_back("Is Optional. Default value is (null).");
    rows.push_back(std::move(r));
  }
  return rows;
}

// The Samples template: media types with the same sample share one heading, in the order the
// formatters list them; a form body has no sample.
std::string samples(const ModelEntry& model, const std::vector<std::string>& media_types, Role role) {
  struct Group {
    std::string types;
    std::optional<std::string> text;
  };
  std::vector<Group> groups;
  for (const std::string& type : media_types) {
    std::optional<std::string> text;
    switch (body_format_of(type).value_or(BodyFormat::form)) {
      case BodyFormat::json: text = model.sample(Format::json, Layout::indented, role); break;
      case BodyFormat::html: text = model.sample(Format::json, Layout::compact, role); break;
      case BodyFormat::xml: text = model.sample(Format::xml, Layout::indented, role); break;
      case BodyFormat::form: break;
    }
    auto same = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.text == text; });
    if (same == groups.end()) groups.push_back({type, std::move(text)});
    else same->types += ", " + type;
  }
  std::string out = "<div>\n";
  for (const Group& g : groups) {
    out += "<h4 class=\"sample-header\">" + html(g.types) + "</h4>\n<div class=\"sample-content\">\n" +
           "<span><b>Sample:</b></span>\n";
    out += g.text ? "<pre class=\"wrapped\">" + html(*g.text) + "</pre>\n" : "<p>Sample not available.</p>\n";
    out += "</div>\n";
  }
  return out + "</div>\n";
}

// A model's link (its type as a link, "Collection of" for a collection) and member table.
std::string model_section(const Site& site, const ModelEntry& model) {
  std::string type = model.info->name;
  if (model.collection) type = std::string(kCollectionOf) + type;
  const ModelEntry* item = model.collection ? find_model(model.api->id, model.info->name) : &model;
  return "<p>" + type_link(site, type) + "</p>\n" + parameters(member_rows(site, *item));
}

std::string paragraph(std::string_view text) { return "<p>" + html(text) + "</p>\n"; }

// ---- the three views -----------------------------------------------------------------------

std::string api_page(const Site& site) {
  const Endpoint& e = *site.endpoint;
  const ModelEntry* in = request_entry(e);
  const ModelEntry* out = response_entry(e);
  const std::string title = std::string(e.method) + " " + relative_path(e);
  std::string c = "<h1>" + html(title) + "</h1>\n<div>\n" + paragraph(e.api->summary);
  c += "<h2>Request Information</h2>\n<h3>URI Parameters</h3>\n";
  c += parameters(in && !in->info->has_body ? uri_rows(site, *in) : std::vector<Row>{});
  c += "<h3>Body Parameters</h3>\n" + paragraph(e.api->request_doc);
  const bool body = in && in->info->has_body;
  c += body ? model_section(site, *in) : "<p>None.</p>\n";
  if (body && !e.request_types.empty())
    c += "<h3>Request Formats</h3>\n" + samples(*in, e.request_types, Role::request);
  c += "<h2>Response Information</h2>\n<h3>Resource Description</h3>\n" + paragraph(e.api->response_doc);
  c += out ? model_section(site, *out) : "<p>None.</p>\n";
  if (out && !e.response_types.empty())
    c += "<h3>Response Formats</h3>\n" + samples(*out, e.response_types, Role::response);
  return page(title, site.prefix, c + "</div>\n");
}

std::string resource_page(const Site& site, std::string_view name) {
  for (const ModelEntry& m : models()) {
    if (m.collection || m.api != site.endpoint->api || !iequals(m.info->name, name)) continue;
    return page(m.info->name, site.prefix, "<h1>" + html(m.info->name) + "</h1>\n" + parameters(member_rows(site, m)));
  }
  // An enum: its members are not documented (values travel as integers).
  return page(name, site.prefix,
              "<h1>" + html(name) +
                  "</h1>\n<p>Possible enumeration values:</p>\n<p>None documented; the values "
                  "travel as integers.</p>\n");
}

std::string index_page(const std::vector<Site>& sites) {
  std::string c =
      "<header class=\"help-page\">\n<div class=\"content-wrapper\">\n<div class=\"float-left\">\n"
      "<h1>ASP.NET Web API Help Page</h1>\n</div>\n</div>\n</header>\n<div id=\"body\" class=\"help-page\">\n"
      "<section class=\"featured\">\n<div class=\"content-wrapper\">\n<h2>Introduction</h2>\n"
      "<p>The order APIs as orderkit-mock serves them. These pages are generated from OrderKit's field lists "
      "and sample generator, the same source as its codecs.</p>\n</div>\n</section>\n"
      "<section class=\"content-wrapper main-content clear-fix\">\n";
  for (const Site& s : sites) {
    const Endpoint& e = *s.endpoint;
    const std::string summary = *e.api->summary ? e.api->summary : "No documentation available.";
    c += "<h2 id=\"" + html(e.api->id) + "\">" + html(e.api->id) + "</h2>\n<table class=\"help-page-table\">\n" +
         "<thead>\n<tr><th>API</th><th>Description</th></tr>\n</thead>\n<tbody>\n<tr>\n<td class=\"api-name\"><a "
         "href=\"" +
         html(s.prefix) + "/Help/Api/" + html(friendly_id(e)) + "\">" +
         html(std::string(e.method) + " " + relative_path(e)) + "</a></td>\n<td class=\"api-documentation\">\n" +
         paragraph(summary) + "</td>\n</tr>\n</tbody>\n</table>\n";
  }
  return document("ASP.NET Web API Help Page", c + "</section>\n</div>\n");
}

HelpPage not_found(const std::string& prefix, std::string_view what) {
  return {404, page("Not found", prefix,
                    // xml_escape: the request's own bytes, which need not be UTF-8, as valid text.
                    "<h1>Not found</h1>\n<p>There is no help page for " + xml_escape(what) + ".</p>\n")};
}

// The pages of one API below its Help segment: "" (index), "Api/{id}", "ResourceModel".
HelpPage site_page(const Site& site, const std::vector<std::string_view>& rest, std::string_view query) {
  if (rest.empty()) return {200, index_page({site})};
  if (rest.size() == 2 && iequals(rest[0], "Api")) {
    if (iequals(rest[1], friendly_id(*site.endpoint))) return {200, api_page(site)};
    return not_found(site.prefix, "the API '" + percent_decode(rest[1], false) + "'");
  }
  if (rest.size() == 1 && iequals(rest[0], "ResourceModel")) {
    std::string name;
    for (const auto& [key, value] : parse_query(query))
      if (iequals(key, "modelName")) name = value;
    if (has_resource_page(site, name)) return {200, resource_page(site, name)};
    return not_found(site.prefix, "the model '" + name + "'");
  }
  return not_found(site.prefix, "this path");
}

}  // namespace

std::optional<HelpPage> help_page(std::string_view path, std::string_view query, std::string_view api) {
  std::vector<std::string_view> segments;
  for (std::string_view s : split(path, '/'))
    if (!s.empty()) segments.push_back(s);
  std::vector<Site> sites;
  for (const Endpoint& e : endpoints())
    if (api.empty() || api == e.api->id) sites.push_back({&e, api.empty() ? base_path(e) : std::string()});

  // /Help: the index of every served API (all four under their base paths, or the one --api serves).
  if (!segments.empty() && iequals(segments[0], "Help")) {
    if (segments.size() == 1) return HelpPage{200, index_page(sites)};
    if (!api.empty()) return site_page(sites.at(0), {segments.begin() + 1, segments.end()}, query);
    return not_found("", "this path; each API's pages are under its base path (/mobile/Help/...)");
  }
  // /mobile/Help/...: one API's pages under its base path.
  if (api.empty() && segments.size() >= 2 && iequals(segments[1], "Help")) {
    for (const Site& s : sites)
      if (iequals(segments[0], s.endpoint->api->id)) return site_page(s, {segments.begin() + 2, segments.end()}, query);
  }
  return std::nullopt;
}

}  // namespace orderkit::mock
