// Start-up as integrators run the binary: --ready-file (the URL, written atomically once the
// socket listens, removed on exit), --config FILE (every option from JSON; the command line wins;
// unknown keys refused), and the help pages served by the binary itself.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "help_text.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {

// A folder of its own for each test, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "orderkit-mock-startup-XXXXXX").string();
    BOOST_REQUIRE(::mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// The binary with stdout on a pipe (the ready line is the signal to go on) and stderr in a file.
struct Mock {
  pid_t pid = -1;
  int out = -1;
  std::string err_path;

  Mock(std::vector<std::string> args, const TempDir& dir) : err_path(dir.file("stderr")) {
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    pid = ::fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      ::dup2(fds[1], 1);
      const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, 2);
      ::close(fds[0]);
      ::close(fds[1]);
      std::vector<char*> argv;
      args.insert(args.begin(), ORDERKIT_MOCK_BINARY);
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(fds[1]);
    out = fds[0];
  }
  /// Blocks until the first line of stdout (or its end, when the binary exits first).
  std::string first_line() const {
    std::string line;
    char c;
    while (::read(out, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }
  /// Reads stdout to its end.
  std::string all_output() const {
    std::string text;
    char buf[4096];
    for (ssize_t n; (n = ::read(out, buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
    return text;
  }
  int wait() {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(out);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int stop() {
    ::kill(pid, SIGTERM);
    return wait();
  }
  std::string err() const { return read_file(err_path); }
  ~Mock() {
    if (pid > 0) stop();
  }
};

int port_of(const std::string& url) { return std::stoi(url.substr(url.rfind(':') + 1)); }

std::string health(int port) {
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/__admin/health");
  return r && r->status == 200 ? r->body : "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(startup)

BOOST_AUTO_TEST_CASE(ready_file_holds_the_url_once_listening_and_goes_away_on_exit) {
  TempDir dir;
  const std::string ready = dir.file("mock.url");
  write_file(ready, "http://127.0.0.1:1\n");  // a previous run's: must not pass for this one's
  Mock mock({"--port", "0", "--log", "off", "--ready-file", ready}, dir);
  const std::string line = mock.first_line();
  BOOST_REQUIRE(line.rfind("orderkit-mock listening on ", 0) == 0);
  const std::string url = line.substr(line.rfind(' ') + 1);
  // Written before the ready line, after the socket listens: usable as soon as it exists.
  BOOST_TEST(read_file(ready) == url + "\n");
  BOOST_TEST(health(port_of(url)).find("\"status\":\"ok\"") != std::string::npos);
  // Written through a temporary file and renamed: nothing else is left in the folder.
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir.path)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  BOOST_TEST(names == (std::vector<std::string>{"mock.url", "stderr"}), boost::test_tools::per_element());
  BOOST_TEST(mock.stop() == 0);
  BOOST_TEST(!fs::exists(ready));
}

BOOST_AUTO_TEST_CASE(a_ready_file_that_cannot_be_written_exits_1_with_the_reason) {
  TempDir dir;
  Mock mock({"--port", "0", "--ready-file", dir.file("no-such-folder/mock.url")}, dir);
  BOOST_TEST(mock.first_line() == "");  // never announced as ready
  BOOST_TEST(mock.wait() == 1);
  BOOST_TEST(mock.err().find("no-such-folder/mock.url") != std::string::npos);
  BOOST_TEST(mock.err().find("No such file or directory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(config_file_sets_every_kind_of_option_and_the_command_line_wins) {
  TempDir dir;
  const std::string config = dir.file("mock.json");
  write_file(config, R"({"port": 0, "api": "licenses", "mode": "echo", "log": "off", "delay-ms": 0,
                         "cors-origin": "", "ready-file": ")" +
                         dir.file("mock.url") + R"("})");
  Mock mock({"--config", config, "--api", "mobile"}, dir);
  const std::string line = mock.first_line();
  BOOST_REQUIRE(!line.empty());
  BOOST_TEST(read_file(dir.file("mock.url")) == line.substr(line.rfind(' ') + 1) + "\n");
  const std::string h = health(port_of(line));
  BOOST_TEST(h.find("\"mode\":\"echo\"") != std::string::npos);   // from the file
  BOOST_TEST(h.find("\"api\":\"mobile\"") != std::string::npos);  // the command line's
  BOOST_TEST(h.find("licenses") == std::string::npos);
  httplib::Client client("127.0.0.1", port_of(line));
  auto r = client.Get("/__admin/health");
  BOOST_REQUIRE(r);
  BOOST_TEST(!r->has_header("Access-Control-Allow-Origin"));  // "cors-origin": "" from the file
  BOOST_TEST(mock.stop() == 0);
}

BOOST_AUTO_TEST_CASE(config_file_flags_take_true_or_false) {
  TempDir dir;
  write_file(dir.file("mock.json"), R"({"print-openapi": true, "api": "contracts"})");
  Mock mock({"--config", dir.file("mock.json")}, dir);
  const std::string document = mock.all_output();
  BOOST_TEST(document.find("\"openapi\"") != std::string::npos);
  BOOST_TEST(document.find("CustomerContracts") != std::string::npos);
  BOOST_TEST(mock.wait() == 0);
}

BOOST_AUTO_TEST_CASE(config_file_mistakes_are_usage_errors_naming_the_key) {
  struct Case {
    std::string json, says;
  };
  const std::vector<Case> cases = {
      {R"({"prot": 0})", "unknown option \"prot\""},
      {R"({"config": "other.json"})", "unknown option \"config\""},
      {R"({"port": {"value": 0}})", "\"port\" takes a string, a whole number or true/false"},
      {R"({"delay-ms": 1.5})", "\"delay-ms\" takes"},
      {R"({"mode": "nonsense"})", "mode"},
      {R"({"port": 0,})", "not valid JSON"},
      {R"([{"port": 0}])", "one JSON object"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.json) {
      TempDir dir;
      write_file(dir.file("mock.json"), c.json);
      Mock mock({"--config", dir.file("mock.json")}, dir);
      BOOST_TEST(mock.first_line() == "");
      BOOST_TEST(mock.wait() == 2);
      BOOST_TEST(mock.err().find(c.says) != std::string::npos, mock.err());
    }
  }
  TempDir dir;
  Mock missing({"--config", dir.file("missing.json")}, dir);
  BOOST_TEST(missing.wait() == 2);
  BOOST_TEST(missing.err().find("missing.json") != std::string::npos, missing.err());
}

BOOST_AUTO_TEST_CASE(help_lists_the_start_up_options_and_the_exit_status) {
  TempDir dir;
  Mock help({"--help"}, dir);
  const std::string text = help.all_output();
  BOOST_TEST(help.wait() == 0);
  BOOST_TEST(text.find("--ready-file") != std::string::npos);
  BOOST_TEST(text.find("--config") != std::string::npos);
  BOOST_TEST(text.find("Exit status: 0") != std::string::npos);
  BOOST_TEST(text.find("/Help") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_binary_serves_the_help_pages_at_the_root_with_api) {
  TempDir dir;
  Mock mock({"--port", "0", "--log", "off", "--api", "licenses"}, dir);
  const int port = port_of(mock.first_line());
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/Help/Api/POST-api-order-data");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  BOOST_TEST(help_text::compare(help_text::pieces(mock_test::fixture("licenses/help-page.txt")),
                                help_text::pieces(help_text::html_to_text(r->body))) == "");
  r = client.Get("/Help");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->body.find("href=\"/Help/Api/POST-api-order-data\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
