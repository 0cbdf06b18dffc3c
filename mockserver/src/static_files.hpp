#pragma once
// Serves files from one folder (the example checkout page) without ever leaving it: ".." segments
// are refused before the file system is asked, and the resolved path (symlinks followed) must
// still be inside the folder's own resolved path.
#include <optional>
#include <string>
#include <string_view>

#include "orderkit/mock/server.hpp"

namespace orderkit::mock {

class StaticFiles {
 public:
  /// `dir` "" serves nothing. The folder is resolved once, here. `csp` is sent with every file
  /// ("" for none): a module worker's script carries its own policy, so not only HTML gets it.
  StaticFiles(const std::string& dir, std::string csp);
  bool enabled() const { return !root_.empty(); }
  /// The file for a decoded request path, or nothing (the caller answers 404).
  std::optional<MockResponse> serve(std::string_view path, bool head) const;

 private:
  std::string root_;  // canonical, no trailing slash
  std::string csp_;
};

/// The Content-Type for a file name's extension.
std::string_view mime_type(std::string_view file_name);

}  // namespace orderkit::mock
