#include "static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "text.hpp"

namespace orderkit::mock {

namespace fs = std::filesystem;

namespace {
// Files above this are not served: the folder holds a small example page.
constexpr std::uintmax_t kMaxFileBytes = 16 * 1024 * 1024;

bool inside(const std::string& root, const std::string& path) {
  return path == root ||
         (path.size() > root.size() && path.compare(0, root.size(), root) == 0 && path[root.size()] == '/');
}
}  // namespace

StaticFiles::StaticFiles(const std::string& dir, std::string csp) : csp_(std::move(csp)) {
  if (dir.empty()) return;
  std::error_code ec;
  const fs::path canonical = fs::canonical(dir, ec);
  if (!ec && fs::is_directory(canonical, ec)) root_ = canonical.string();
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string_view mime_type(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  const std::string ext = dot == std::string_view::npos ? "" : lower(name.substr(dot + 1));
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "wasm") return "application/wasm";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "ico") return "image/x-icon";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "xml") return "application/xml; charset=utf-8";
  return "application/octet-stream";
}

std::optional<MockResponse> StaticFiles::serve(std::string_view path, bool head) const {
  if (root_.empty() || path.empty() || path.front() != '/') return std::nullopt;
  // Refuse traversal before touching the file system. The path is already percent-decoded, so an
  // encoded "%2e%2e" arrives here as "..". Backslashes and NUL never name a file we serve.
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return std::nullopt;
  for (std::string_view seg : split(path, '/'))
    if (seg == "..") return std::nullopt;

  std::error_code ec;
  fs::path target = fs::path(root_) / fs::path(std::string(path.substr(1)));
  if (fs::is_directory(target, ec)) target /= "index.html";
  // Resolve symlinks, then check the real path is still inside the folder.
  const fs::path real = fs::canonical(target, ec);
  if (ec || !inside(root_, real.string()) || !fs::is_regular_file(real, ec)) return std::nullopt;
  const std::uintmax_t size = fs::file_size(real, ec);
  if (ec || size > kMaxFileBytes) return std::nullopt;

  std::ifstream in(real, std::ios::binary);
  if (!in) return std::nullopt;
  MockResponse r;
  r.status = 200;
  r.headers.emplace("Content-Type", std::string(mime_type(real.filename().string())));
  r.headers.emplace("Cache-Control", "no-cache");
  if (!csp_.empty()) r.headers.emplace("Content-Security-Policy", csp_);
  if (!head) {
    std::ostringstream data;
    data << in.rdbuf();
    r.body = data.str();
  }
  return r;
}

}  // namespace orderkit::mock
