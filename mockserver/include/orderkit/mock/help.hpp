#pragma once
// The APIs' help pages as the mock serves them: GET /Help, /Help/Api/{id} and
// /Help/ResourceModel?modelName=NAME, laid out as ASP.NET Web API's HelpPage area lays them out and
// generated from the same field lists, descriptions and sample generator as the SDK's codecs, so
// a change of a field shows up in the pages.
#include <optional>
#include <string>
#include <string_view>

namespace orderkit::mock {

/// A help page: 200 with the page, or 404 with a page saying what was not found.
struct HelpPage {
  int status = 200;
  std::string html;  // text/html; charset=utf-8
};

/// Answers a GET of `path` (decoded) with `query` (raw, after '?') when it is a help page, or
/// nothing when the path is not under a Help segment. `api` is MockOptions::api: "" serves every
/// API's pages under its base path (/mobile/Help, ...) and an index of all four at /Help; an API
/// id serves that API's pages at /Help. Segments match case-insensitively, as ASP.NET's routes do.
std::optional<HelpPage> help_page(std::string_view path, std::string_view query, std::string_view api);

}  // namespace orderkit::mock
