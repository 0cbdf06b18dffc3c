// orderkit-mock --stubs FILE (repeatable): the stubs answer from the start, can be listed and
// added through /__admin/stubs; a file the mock refuses stops start-up with the file and the JSON
// path named (exit 2).
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace {

struct TempDir {
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "orderkit-mock-stubs-bin-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path = templ;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name, const std::string& text) const {
    const std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  std::string path;
};

// The binary with `args`, its stdout and stderr on one pipe.
struct Run {
  pid_t pid = -1;
  int out = -1;

  explicit Run(std::vector<std::string> args) {
    int fds[2];
    if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
    pid = ::fork();
    if (pid == 0) {
      ::dup2(fds[1], 1);
      ::dup2(fds[1], 2);
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
  std::string line() const {
    std::string l;
    char c;
    while (::read(out, &c, 1) == 1 && c != '\n') l.push_back(c);
    return l;
  }
  std::string rest() const {
    std::string all;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out, buf, sizeof buf)) > 0) all.append(buf, static_cast<std::size_t>(n));
    return all;
  }
  int wait() const {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

int port_of(const std::string& ready) { return std::stoi(ready.substr(ready.rfind(':') + 1)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(stubs_binary)

BOOST_AUTO_TEST_CASE(stubs_files_answer_from_the_start_and_admin_adds_more) {
  TempDir dir;
  const std::string first = dir.file("first.json", R"({"stubs": [{"id": "cat-9", "request": {"api": "mobile",
      "body": {"OrderDetails[0].CategoryId": {"equalTo": 9}}}, "response": {"status": 201, "body": [{"Success": false,
      "ErrorMessage": "Category 9 is closed."}]}}]})");
  const std::string second =
      dir.file("second.json", R"({"id": "teapot", "request": {"headers": {"X-Tea": {"present": true}}},
      "response": {"status": 418}})");
  Run mock({"--port", "0", "--log", "off", "--stubs", first, "--stubs", second});
  const std::string ready = mock.line();
  BOOST_TEST_REQUIRE(ready.rfind("orderkit-mock listening on ", 0) == 0);
  httplib::Client client("127.0.0.1", port_of(ready));

  nlohmann::json order = nlohmann::json::parse(mock_test::fixture("mobile/OrderCreationRequest.request.json"));
  order["OrderDetails"][0]["CategoryId"] = 9;
  auto hit = client.Post("/mobile/api/orders", order.dump(), "application/json");
  BOOST_TEST_REQUIRE(hit);
  BOOST_TEST(hit->status == 201);
  BOOST_TEST(nlohmann::json::parse(hit->body)[0]["ErrorMessage"] == "Category 9 is closed.");
  auto tea = client.Post("/mobile/api/orders", {{"X-Tea", "1"}},
                         mock_test::fixture("mobile/OrderCreationRequest.request.json"), "application/json");
  BOOST_TEST(tea->status == 418);
  auto plain = client.Post("/mobile/api/orders", mock_test::fixture("mobile/OrderCreationRequest.request.json"),
                           "application/json");
  BOOST_TEST(plain->status == 200);

  auto added = client.Post("/__admin/stubs", R"({"id": "late", "request": {"headers": {"X-Late": {"equalTo": "1"}}},
      "response": {"status": 202}})",
                           "application/json");
  BOOST_TEST(added->status == 201);
  auto list = client.Get("/__admin/stubs");
  const nlohmann::json stubs = nlohmann::json::parse(list->body)["stubs"];
  BOOST_TEST(stubs.size() == 3u);
  auto journal = nlohmann::json::parse(client.Get("/__admin/requests")->body)["requests"];
  BOOST_TEST(journal[0]["stub"] == "cat-9");
  BOOST_TEST(journal[1]["stub"] == "teapot");

  ::kill(mock.pid, SIGTERM);
  BOOST_TEST(mock.wait() == 0);
}

BOOST_AUTO_TEST_CASE(a_bad_stubs_file_stops_start_up_naming_the_file_and_the_path) {
  TempDir dir;
  const std::string bad = dir.file("bad.json", R"({"stubs": [{"response": {}}, {"request": {"api": "mobile"},
      "response": {"body": [{"Order": {"Id": "forty-two"}}]}}]})");
  Run mock({"--port", "0", "--stubs", bad});
  const std::string out = mock.rest();
  BOOST_TEST(mock.wait() == 2);
  BOOST_TEST(out.find("orderkit-mock: --stubs " + bad + ": stubs[1].response.body[0].Order.Id: ") == 0u, out);
  BOOST_TEST(out.find("listening") == std::string::npos);

  const std::string not_json = dir.file("broken.json", "{\"stubs\": [");
  Run broken({"--port", "0", "--stubs", not_json});
  const std::string why = broken.rest();
  BOOST_TEST(broken.wait() == 2);
  BOOST_TEST(why.find("--stubs " + not_json + ": not JSON") != std::string::npos, why);

  Run missing({"--port", "0", "--stubs", dir.path + "/none.json"});
  missing.rest();
  BOOST_TEST(missing.wait() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
