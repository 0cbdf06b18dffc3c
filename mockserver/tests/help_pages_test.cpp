// The help pages: each endpoint's page holds every section, table row, sample and media type of
// the original page (tests/fixtures/<api>/help-page.txt) in the same order; the index, model
// pages and links resolve; paths match as ASP.NET's do.
#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include "help_text.hpp"
#include "orderkit/mock/help.hpp"
#include "support.hpp"

namespace {

struct Page {
  std::string api, id;
};
const Page kPages[] = {{"broadband", "POST-api-orders"},
                       {"contracts", "POST-v1-CustomerContracts-id-Orders_from_till"},
                       {"mobile", "POST-api-orders"},
                       {"licenses", "POST-api-order-data"}};

std::string check_against_original(const std::string& api, const std::string& served_html) {
  return help_text::compare(help_text::pieces(mock_test::fixture(api + "/help-page.txt")),
                            help_text::pieces(help_text::html_to_text(served_html)));
}

// The href values of a page's links.
std::set<std::string> links(const std::string& html) {
  std::set<std::string> out;
  for (std::size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1)) {
    const std::size_t start = at + 6;
    std::string href = html.substr(start, html.find('"', start) - start);
    for (std::size_t amp; (amp = href.find("&amp;")) != std::string::npos;) href.replace(amp, 5, "&");
    out.insert(href);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(help_pages)

BOOST_AUTO_TEST_CASE(each_endpoint_page_holds_the_original_pages_text_in_order) {
  mock_test::Server server;
  auto client = server.client();
  for (const Page& p : kPages) {
    BOOST_TEST_CONTEXT(p.api) {
      auto r = client.Get(("/" + p.api + "/Help/Api/" + p.id).c_str());
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 200);
      BOOST_TEST(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
      BOOST_TEST(check_against_original(p.api, r->body) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_comparison_notices_a_missing_row_a_changed_sample_and_a_swapped_section) {
  // The check itself: a page that lost a row, changed a sample value or swapped two sections fails.
  const std::string served =
      orderkit::mock::help_page("/Help/Api/POST-v1-CustomerContracts-id-Orders_from_till", "", "contracts")->html;
  BOOST_TEST(check_against_original("contracts", served) == "");
  auto changed = [&](const std::string& from, const std::string& to) {
    std::string s = served;
    const std::size_t at = s.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    s.replace(at, from.size(), to);
    return check_against_original("contracts", s);
  };
  BOOST_TEST(changed("<td class=\"parameter-name\">CurrencyCode</td>", "<td>CurrencyKode</td>") != "");
  BOOST_TEST(changed("sample string 8", "sample string 9") != "");
  BOOST_TEST(changed("<h2>Request Information</h2>", "") != "");
  BOOST_TEST(changed("Gets or sets the order code.", "") != "");
}

BOOST_AUTO_TEST_CASE(with_api_the_pages_are_at_the_root) {
  for (const Page& p : kPages) {
    BOOST_TEST_CONTEXT(p.api) {
      auto page = orderkit::mock::help_page("/Help/Api/" + p.id, "", p.api);
      BOOST_TEST_REQUIRE(page.has_value());
      BOOST_TEST(page->status == 200);
      BOOST_TEST(check_against_original(p.api, page->html) == "");
      BOOST_TEST(!orderkit::mock::help_page("/" + p.api + "/Help/Api/" + p.id, "", p.api).has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(every_link_of_the_index_and_the_pages_resolves) {
  mock_test::Server server;
  auto client = server.client();
  auto index = client.Get("/Help");
  BOOST_REQUIRE(index);
  BOOST_TEST(index->status == 200);
  std::set<std::string> seen, todo = links(index->body);
  BOOST_TEST(todo.size() == 4u);  // one endpoint per API
  std::set<std::string> models;
  while (!todo.empty()) {
    const std::string href = *todo.begin();
    todo.erase(todo.begin());
    if (!seen.insert(href).second) continue;
    BOOST_TEST_CONTEXT(href) {
      auto r = client.Get(href.c_str());
      BOOST_REQUIRE(r);
      BOOST_TEST(r->status == 200);
      if (href.find("ResourceModel") != std::string::npos) models.insert(href);
      for (const std::string& next : links(r->body))
        if (!seen.count(next)) todo.insert(next);
    }
  }
  // Every model a page names has its page, per API: 000 Customer, OrderNew; 001 OrderBase,
  // OrderTypeEnum; 002 seven; 003 nine (ValidationFailure included).
  BOOST_TEST(models.count("/contracts/Help/ResourceModel?modelName=OrderTypeEnum") == 1u);
  BOOST_TEST(models.count("/mobile/Help/ResourceModel?modelName=OrderDetail") == 1u);
  BOOST_TEST(models.count("/licenses/Help/ResourceModel?modelName=ValidationFailure") == 1u);
  BOOST_TEST(models.size() == 2u + 2u + 7u + 9u);
}

BOOST_AUTO_TEST_CASE(a_model_page_lists_its_members_from_the_field_list) {
  auto page = orderkit::mock::help_page("/mobile/help/resourcemodel", "modelName=orderitem", "");
  BOOST_TEST_REQUIRE(page.has_value());
  BOOST_TEST(page->status == 200);
  const auto text = help_text::pieces(help_text::html_to_text(page->html));
  const std::vector<std::string> expected = {"OrderItem",
                                             "Name",
                                             "Description",
                                             "Type",
                                             "Additionalinformation",
                                             "CategoryId",
                                             "integer",
                                             "None.",
                                             "VoluntaryTopupAmount",
                                             "decimalnumber",
                                             "None.",
                                             "OrderDetail",
                                             "OrderDetail",
                                             "None."};
  BOOST_TEST(help_text::compare(expected, text) == "");
}

BOOST_AUTO_TEST_CASE(paths_match_case_insensitively_and_unknown_pages_are_404) {
  mock_test::Server server;
  auto client = server.client();
  auto r = client.Get("/MOBILE/help/api/post-api-orders/");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 200);
  r = client.Get("/mobile/Help/Api/POST-api-nothing");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 404);
  BOOST_TEST(r->body.find("POST-api-nothing") != std::string::npos);
  r = client.Get("/mobile/Help/ResourceModel?modelName=%3Cscript%3E");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 404);
  BOOST_TEST(r->body.find("<script>") == std::string::npos);  // the name is escaped, once
  BOOST_TEST(r->body.find("&lt;script&gt;") != std::string::npos);
  // Other methods are not help pages: the usual 404 of an unknown resource.
  r = client.Post("/mobile/Help", "", "application/json");
  BOOST_REQUIRE(r);
  BOOST_TEST(r->status == 404);
  BOOST_TEST(r->get_header_value("Content-Type").rfind("application/json", 0) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
