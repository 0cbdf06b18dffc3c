// --static serves the folder's files and nothing outside it: not through "..", not through an
// encoded "%2e%2e", not through a symlink.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

struct Folder {
  fs::path base;
  Folder() {
    base = fs::temp_directory_path() / ("orderkit-mock-static-" + std::to_string(std::random_device{}()));
    fs::create_directories(base / "site" / "sub");
    write(base / "site" / "index.html", "<h1>checkout</h1>");
    write(base / "site" / "sub" / "app.js", "export {};");
    write(base / "secret.txt", "SECRET");
    fs::create_symlink(base / "secret.txt", base / "site" / "leak.txt");
    fs::create_directory_symlink(base, base / "site" / "up");
    fs::create_symlink(base / "site" / "sub" / "app.js", base / "site" / "alias.js");
  }
  ~Folder() { fs::remove_all(base); }
  static void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }
  orderkit::mock::MockOptions options() const {
    orderkit::mock::MockOptions o;
    o.static_dir = (base / "site").string();
    return o;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(static_files)

BOOST_AUTO_TEST_CASE(serves_the_folder_with_index_and_types) {
  Folder folder;
  mock_test::Server server(folder.options());
  httplib::Client client = server.client();
  auto index = client.Get("/");
  BOOST_REQUIRE(index);
  BOOST_TEST(index->status == 200);
  BOOST_TEST(index->body == "<h1>checkout</h1>");
  BOOST_TEST(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
  auto js = client.Get("/sub/app.js");
  BOOST_REQUIRE(js);
  BOOST_TEST(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
  // A symlink that stays inside the folder is fine.
  BOOST_TEST(client.Get("/alias.js")->status == 200);
}

BOOST_AUTO_TEST_CASE(sends_the_payment_page_policy_with_every_file_by_default) {
  Folder folder;
  mock_test::Server server(folder.options());
  httplib::Client client = server.client();
  for (const char* path : {"/", "/sub/app.js"}) {
    auto r = client.Get(path);
    BOOST_REQUIRE(r);
    const std::string csp = r->get_header_value("Content-Security-Policy");
    BOOST_TEST(csp.find("script-src 'self' 'wasm-unsafe-eval';") != std::string::npos, path << ": " << csp);
    BOOST_TEST(csp.find("'unsafe-eval'") == std::string::npos, csp);
    BOOST_TEST(csp.find("frame-ancestors 'none'") != std::string::npos, csp);
  }
}

BOOST_AUTO_TEST_CASE(the_static_policy_can_be_changed_or_left_out) {
  Folder folder;
  auto options = folder.options();
  options.static_csp = "default-src 'none'";
  {
    mock_test::Server server(options);
    BOOST_TEST(server.client().Get("/")->get_header_value("Content-Security-Policy") == "default-src 'none'");
  }
  options.static_csp.clear();
  mock_test::Server server(options);
  BOOST_TEST(!server.client().Get("/")->has_header("Content-Security-Policy"));
}

BOOST_AUTO_TEST_CASE(never_serves_outside_the_folder) {
  Folder folder;
  mock_test::Server server(folder.options());
  for (const char* target :
       {"/../secret.txt", "/sub/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
        "/sub/..%2f..%2fsecret.txt", "/leak.txt", "/up/secret.txt", "/..\\secret.txt", "/%00/../secret.txt"}) {
    BOOST_TEST_CONTEXT(target) {
      const std::string response = mock_test::raw_exchange(
          server.port(), std::string("GET ") + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
      BOOST_TEST(mock_test::raw_status(response) == 404);
      BOOST_TEST(response.find("SECRET") == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(api_paths_win_over_files) {
  Folder folder;
  mock_test::Server server(folder.options());
  auto r = server.client().Get("/mobile/api/orders");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 405);
}

BOOST_AUTO_TEST_SUITE_END()
