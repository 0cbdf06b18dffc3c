#include "proxy_record.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "text.hpp"

namespace orderkit::mock {

namespace {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

// "20261203T121743Z-1a2b": the run's start (so that a folder's files sort by run) and a random
// part (so that two runs started in the same second never share a name).
std::string run_name() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ-%04x", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<unsigned>(std::random_device{}() & 0xffff));
  return buf;
}

// "v1-CustomerContracts-id-Orders" from the endpoint table's route, never from the request, so
// that no request can choose a file name.
std::string route_slug(std::string_view route) {
  std::string out;
  for (const char c : route) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (c == '/' && !out.empty() && out.back() != '-') out.push_back('-');
  }
  return out;
}

// Scenario states: the first answer's is "Started" (the state every scenario begins in).
std::string state(std::size_t n) { return n == 1 ? "Started" : std::to_string(n); }

// Answer headers a replay should not repeat: the Content-Type (a field of its own), Date, the
// request id and CORS (the replaying mock writes its own), and the framing of the upstream's
// connection (Content-Length, Transfer-Encoding, Connection, Keep-Alive, and a Content-Encoding
// the transport undid), which the replaying mock writes for its own and a stub may not set.
bool replayed(const std::string& name) {
  const std::string n = lower(name);
  for (const char* own : {"content-type", "date", "x-request-id", "content-length", "transfer-encoding", "connection",
                          "keep-alive", "content-encoding"})
    if (n == own) return false;
  return n.rfind("access-control-", 0) != 0;
}

ordered_json stub_json(const std::string& id, const MockRequest& request, const HttpResponse& answer) {
  ordered_json match = {{"method", request.method}, {"path", request.path}};
  if (!request.query.empty()) {
    ordered_json query = ordered_json::object();
    for (const auto& [name, value] : parse_query(request.query))
      if (!query.contains(name)) query[name] = {{"equalTo", value}};
    match["query"] = std::move(query);
  }
  ordered_json response = {{"status", answer.status}};
  // A body is bytes: text when it is UTF-8, else base64 so that no byte is lost.
  if (is_utf8(answer.body)) response["rawBody"] = answer.body;
  else response["base64Body"] = base64(answer.body);
  if (const std::string* type = find_header(answer.headers, "Content-Type")) response["contentType"] = *type;
  ordered_json headers = ordered_json::object();
  for (const auto& [name, value] : answer.headers) {
    if (!replayed(name)) continue;
    // A repeated header is one field of its values joined by commas (RFC 9110 5.3).
    if (headers.contains(name)) headers[name] = headers[name].get<std::string>() + ", " + value;
    else headers[name] = value;
  }
  response["headers"] = std::move(headers);
  return {{"id", id}, {"request", std::move(match)}, {"response", std::move(response)}};
}

// Writes through a temporary file and a rename, so that a reader of the folder never sees half a
// stub. Returns "" or why it failed.
std::string write_atomically(const fs::path& path, const std::string& text) {
  const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".tmp");
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
      const std::string reason = std::strerror(errno);
      std::error_code ignored;
      fs::remove(temp, ignored);
      return "cannot write " + temp.string() + ": " + reason;
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    fs::remove(temp, ec);
    return "cannot write " + path.string() + ": " + ec.message();
  }
  return "";
}

std::string file_text(const ordered_json& stub) {
  ordered_json file = {{"stubs", ordered_json::array({stub})}};
  return file.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

Recorder::Recorder(const ProxyOptions& options)
    : dir_(options.record_dir),
      max_files_(options.record_max_files),
      max_bytes_(options.record_max_bytes),
      run_(run_name()) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec || !fs::is_directory(dir_))
    throw std::invalid_argument("--record '" + dir_ + "': cannot create the folder" + (ec ? ": " + ec.message() : ""));
}

std::string Recorder::record(const Endpoint& endpoint, const MockRequest& request, const HttpResponse& answer,
                             std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (files_ >= max_files_) {
    error = "the recording is full (--record-max-files " + std::to_string(max_files_) + ")";
    return "";
  }
  const std::size_t n = files_ + 1;
  char seq[24];
  std::snprintf(seq, sizeof seq, "%06zu", n);
  const std::string name = run_ + "-" + seq + "-" + endpoint.api->id + "-" + std::string(endpoint.method) + "-" +
                           route_slug(endpoint.route) + ".json";
  ordered_json stub = stub_json("rec-" + run_ + "-" + seq, request, answer);

  // The same request answered before: both answers join a scenario, in the recorded order. The
  // previous one moves the scenario on to this one's state; this one keeps answering once it is
  // reached, as the server's latest answer.
  const std::string key = request.method + " " + request.path + "?" + request.query;
  // Looked up, not inserted: only a written file adds a key, so the map stays within the budget.
  const auto found = sequences_.find(key);
  Sequence sequence = found == sequences_.end() ? Sequence{} : found->second;
  std::string previous_text;
  const std::string scenario = "recorded " + run_ + " " + key;
  if (sequence.count > 0) {
    std::ifstream in(fs::path(dir_) / sequence.last_file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    ordered_json previous = ordered_json::parse(s.str(), nullptr, false);
    if (previous.is_discarded() || !previous.contains("stubs") || previous["stubs"].empty()) {
      error = "cannot read back " + sequence.last_file + " to continue its scenario";
      return "";
    }
    ordered_json& p = previous["stubs"][0];
    p["scenario"] = scenario;
    p["requiredState"] = state(sequence.count);
    p["newState"] = state(sequence.count + 1);
    previous_text = file_text(p);
    stub["scenario"] = scenario;
    stub["requiredState"] = state(sequence.count + 1);
  }

  const std::string text = file_text(stub);
  if (bytes_ + text.size() + previous_text.size() > max_bytes_) {
    error = "the recording is full (--record-max-bytes " + std::to_string(max_bytes_) + ")";
    return "";
  }
  if (!previous_text.empty()) {
    if (error = write_atomically(fs::path(dir_) / sequence.last_file, previous_text); !error.empty()) return "";
    bytes_ += previous_text.size();
  }
  if (error = write_atomically(fs::path(dir_) / name, text); !error.empty()) return "";
  bytes_ += text.size();
  ++files_;
  sequences_[key] = Sequence{name, sequence.count + 1};
  return name;
}

}  // namespace orderkit::mock
