#pragma once
// Test support for the contract proxy: a stand-in for a real server that breaks the contract on
// purpose, a port nobody listens on, the log lines a mock writes, and a temporary folder.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace proxy_test {

inline std::string url_of(int port) { return "http://127.0.0.1:" + std::to_string(port); }

/// The log lines a mock writes, for a test to wait for: the line is written after the answer
/// went out, so a test that has its answer may still have to wait (bounded) for the line.
class LogLines {
 public:
  std::function<void(const std::string&)> sink() {
    return [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.push_back(line);
      changed_.notify_all();
    };
  }
  /// The n-th line (from 1), waiting up to 10 s for it; "" when it never came.
  std::string line(std::size_t n) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(10), [&] { return lines_.size() >= n; });
    return lines_.size() >= n ? lines_[n - 1] : std::string();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
};

/// What a FakeUpstream answers.
struct Canned {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  httplib::Headers headers;
};

/// A stand-in for a real server that answers what the test tells it to, right or wrong, and
/// remembers what it was sent. With hold(), answers wait until release() (at most 10 s), for an
/// upstream that is too slow.
class FakeUpstream {
 public:
  explicit FakeUpstream(Canned answer) : answer_(std::move(answer)) {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ++requests_;
        last_path_ = req.path;
        last_headers_ = req.headers;
        released_.wait_for(lock, std::chrono::seconds(10), [&] { return !held_; });
      }
      res.status = answer_.status;
      for (const auto& [name, value] : answer_.headers) res.headers.emplace(name, value);
      res.set_content(answer_.body, answer_.content_type.c_str());
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("cannot bind a free port");
    thread_ = std::thread([this] {
      server_.listen_after_bind();
      done_ = true;
    });
  }
  ~FakeUpstream() {
    release();
    // cpp-httplib 0.11.4 loses a stop() that comes before its accept loop runs.
    while (!done_ && !server_.is_running()) std::this_thread::yield();
    server_.stop();
    thread_.join();
  }
  std::string url() const { return url_of(port_); }
  void hold() {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = true;
  }
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = false;
    released_.notify_all();
  }
  int requests() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::string last_path() {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_path_;
  }
  bool last_request_had(const std::string& header) {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_headers_.count(header) > 0;
  }

 private:
  Canned answer_;
  httplib::Server server_;
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable released_;
  bool held_ = false;
  int requests_ = 0;
  std::string last_path_;
  httplib::Headers last_headers_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

/// A port nobody listens on: bound to a fresh socket, which is then closed without listening.
inline int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  const bool bound = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                     ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
  if (fd >= 0) ::close(fd);
  if (!bound) throw std::runtime_error("cannot bind a free port");
  return ntohs(addr.sin_port);
}

/// A folder of its own for each test, removed afterwards.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "orderkit-mock-proxy-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path = templ;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
  /// How many entries a folder holds.
  static std::size_t count(const std::string& folder) {
    std::size_t n = 0;
    for (auto it = std::filesystem::directory_iterator(folder); it != std::filesystem::directory_iterator(); ++it) ++n;
    return n;
  }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  nlohmann::json read(const std::string& name) const {
    std::ifstream in(path / name, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return nlohmann::json::parse(s.str());
  }
};

}  // namespace proxy_test
