// The request journal is paged for pollers (?since=&limit=) and bounded by bytes as well as by
// entries (issue 12, items 4 and 10).
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "journal.hpp"
#include "support.hpp"

using nlohmann::json;
using orderkit::mock::Journal;
using orderkit::mock::JournalEntry;

namespace {

JournalEntry entry(const std::string& path, std::size_t body_bytes = 0) {
  JournalEntry e;
  e.method = "POST";
  e.path = path;
  e.body.assign(body_bytes, 'x');
  e.body_bytes = body_bytes;
  return e;
}

json paths(const json& journal) {
  json out = json::array();
  for (const json& r : journal.at("requests")) out.push_back(r.at("path"));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(journal)

BOOST_AUTO_TEST_CASE(a_poller_pages_through_the_journal_with_since_and_limit) {
  mock_test::Server server;
  httplib::Client client = server.client();
  for (const char* path : {"/a", "/b", "/c", "/d", "/e"}) client.Get(path);

  const json first = json::parse(client.Get("/__admin/requests?limit=2")->body);
  BOOST_TEST(paths(first) == json({"/a", "/b"}));
  BOOST_TEST(first.at("requests")[0].at("seq") == 1);
  BOOST_TEST(first.at("next") == 2);
  BOOST_TEST(first.at("total") == 5);

  const json second = json::parse(client.Get("/__admin/requests?since=" + first.at("next").dump() + "&limit=2")->body);
  BOOST_TEST(paths(second) == json({"/c", "/d"}));
  // The journal's own reads are not journaled.
  const json rest = json::parse(client.Get("/__admin/requests?since=" + second.at("next").dump())->body);
  BOOST_TEST(paths(rest) == json({"/e"}), rest.dump());
  BOOST_TEST(rest.at("next") == 5);

  const json none = json::parse(client.Get("/__admin/requests?since=1000")->body);
  BOOST_TEST(none.at("requests").empty());
  BOOST_TEST(none.at("next") == 1000);
}

BOOST_AUTO_TEST_CASE(a_page_that_is_not_a_whole_number_is_refused) {
  mock_test::Server server;
  httplib::Client client = server.client();
  for (const char* query : {"limit=-1", "limit=", "since=1x", "since=99999999999999999999999"}) {
    BOOST_TEST_CONTEXT(query) {
      auto r = client.Get(std::string("/__admin/requests?") + query);
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 400);
      BOOST_TEST(r->body.find("whole number") != std::string::npos, r->body);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_journal_holds_at_most_its_bytes_the_oldest_going_first) {
  const std::size_t one = Journal::charge(entry("/a", 1000));
  Journal journal(1000, 16 * 1024, 3 * one);
  for (const char* path : {"/a", "/b", "/c", "/d", "/e"}) journal.add(entry(path, 1000));
  const json j = json::parse(journal.to_json());
  BOOST_TEST(paths(j) == json({"/c", "/d", "/e"}));
  BOOST_TEST(j.at("total") == 5);
}

BOOST_AUTO_TEST_CASE(an_entry_larger_than_the_whole_journal_is_counted_not_kept) {
  Journal journal(1000, 16 * 1024, 4096);
  journal.add(entry("/small", 10));
  journal.add(entry("/huge", 8192));
  const json j = json::parse(journal.to_json());
  BOOST_TEST(paths(j) == json({"/small"}));
  BOOST_TEST(j.at("total") == 2);
}

BOOST_AUTO_TEST_CASE(the_server_takes_the_journal_byte_bound) {
  orderkit::mock::MockOptions options;
  options.journal_bytes = Journal::charge(entry("/x")) * 2 + 64;
  mock_test::Server server(options);
  httplib::Client client = server.client();
  for (const char* path : {"/p", "/q", "/r"}) client.Get(path);
  const json j = json::parse(client.Get("/__admin/requests")->body);
  BOOST_TEST(j.at("requests").size() <= 2u);
  BOOST_TEST(j.at("total") == 3);
}

BOOST_AUTO_TEST_SUITE_END()
