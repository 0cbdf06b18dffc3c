// Stubs (issue 15, point 1): answers programmed from outside, matched on the request and its
// decoded model, checked against the field lists when added, answered in the negotiated format;
// times, scenarios and priorities; the admin routes; faults that break the connection; bounds.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "stub_models.hpp"
#include "support.hpp"

using orderkit::mock::MockOptions;
using orderkit::mock::MockRequest;
using orderkit::mock::MockResponse;
using orderkit::mock::MockState;
using json = nlohmann::json;

namespace {

const std::string kMobile = "/mobile/api/orders";

MockRequest request(const std::string& method, const std::string& path, const std::string& body = "",
                    const std::string& content_type = "application/json") {
  MockRequest r;
  r.method = method;
  const std::size_t q = path.find('?');
  r.path = path.substr(0, q);
  if (q != std::string::npos) r.query = path.substr(q + 1);
  r.body = body;
  if (!body.empty()) r.headers.emplace("Content-Type", content_type);
  r.headers.emplace("Host", "127.0.0.1");
  return r;
}

MockResponse order(MockState& state, const std::string& body, const std::string& accept = "") {
  MockRequest r = request("POST", kMobile, body);
  if (!accept.empty()) r.headers.emplace("Accept", accept);
  return state.handle(r);
}

std::string order_body() { return mock_test::fixture("mobile/OrderCreationRequest.request.json"); }

// The documented order with its first item's CategoryId and a billing address's e-mail.
std::string order_with(int category, const std::string& email = "a@example.com") {
  json j = json::parse(order_body());
  j["OrderDetails"][0]["CategoryId"] = category;
  j["NewBillingAddress"] = {{"CustomerType", 1}, {"Firstname", "Ada"}, {"Address", {{"Email", email}}}};
  return j.dump();
}

MockResponse admin(MockState& state, const std::string& method, const std::string& path, const std::string& body = "") {
  return state.handle(request(method, path, body));
}

// Adds stubs and requires that they were taken.
void add(MockState& state, const std::string& stubs) {
  const auto added = state.add_stubs(stubs);
  BOOST_TEST_REQUIRE(added.ok(), added.error);
}

struct TempDir {
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "orderkit-mock-stubs-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path = templ;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string path;
};

void write_file(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Why a stub is refused ("" when it is not).
std::string refusal(const std::string& stub) {
  MockState state;
  return state.add_stubs(stub).error;
}

const char* kResultBody =
    R"([{"Success": true, "Order": {"Id": 42, "CategoryId": 7, "CreatedDate": "2026-01-02T03:04:05",
                                                         "Date": "2026-01-02T00:00:00"}}])";

}  // namespace

BOOST_AUTO_TEST_SUITE(stubs)

BOOST_AUTO_TEST_CASE(a_stub_matching_a_body_field_answers_and_other_requests_fall_through) {
  MockState state;
  add(state, std::string(R"({"id": "cat-9", "request": {"api": "mobile", "method": "POST", "path": "/mobile/api/orders",
      "body": {"OrderDetails[0].CategoryId": {"equalTo": 9}}},
      "response": {"status": 201, "body": )") +
                 kResultBody + R"(, "headers": {"X-Shop": "stubbed"}}})");

  const MockResponse hit = order(state, order_with(9));
  BOOST_TEST(hit.status == 201);
  BOOST_TEST(hit.header("X-Shop") == "stubbed");
  BOOST_TEST(hit.header("Content-Type") == "application/json; charset=utf-8");
  const json body = json::parse(hit.body);
  BOOST_TEST(body[0]["Order"]["Id"] == 42);
  BOOST_TEST(body[0]["Order"]["CategoryId"] == 7);

  // Another category: the documented behaviour, unchanged.
  const MockResponse miss = order(state, order_with(1));
  BOOST_TEST(miss.status == 200);
  BOOST_TEST(miss.header("X-Shop").empty());
  MockState plain;
  BOOST_TEST(miss.body == order(plain, order_with(1)).body);
}

BOOST_AUTO_TEST_CASE(a_model_body_is_written_in_the_negotiated_format) {
  MockState state;
  add(state, std::string(R"({"request": {"api": "mobile"}, "response": {"body": )") + kResultBody + "}}");
  const MockResponse xml = order(state, order_with(1), "application/xml");
  BOOST_TEST(xml.status == 200);
  BOOST_TEST(xml.header("Content-Type") == "application/xml; charset=utf-8");
  BOOST_TEST(xml.body.find(">42</Id>") != std::string::npos);  // <Id xmlns="">, DataContract
  const MockResponse html = order(state, order_with(1), "text/html");
  BOOST_TEST(html.header("Content-Type") == "text/html; charset=utf-8");
  BOOST_TEST(html.body.find("\"Id\":42") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_stub_body_the_real_api_could_not_send_is_refused_naming_the_path) {
  BOOST_TEST(refusal(R"({"request": {"api": "mobile"}, "response": {"body": [{"Order": {"Id": "x"}}]}})")
                 .rfind("response.body[0].Order.Id: ", 0) == 0);
  BOOST_TEST(refusal(R"({"request": {"api": "licenses"}, "response": {"body": {"isValid": "yes"}}})")
                 .rfind("response.body.isValid: ", 0) == 0);
  // A member the model does not have (the decoder alone would skip it).
  BOOST_TEST(refusal(R"({"request": {"api": "mobile"}, "response": {"body": [{"Order": {"OrderID": 1}}]}})") ==
             "response.body[0].Order.OrderID: Order has no member 'OrderID'");
  // In a list, the stub's index leads the path.
  BOOST_TEST(
      refusal(
          R"({"stubs": [{"response": {}}, {"request": {"api": "broadband"}, "response": {"body": {"Guid": "nope"}}}]})")
          .rfind("stubs[1].response.body.Guid: ", 0) == 0);
  // A model body needs to know its endpoint.
  BOOST_TEST(refusal(R"({"response": {"body": {}}})").rfind("response.body: a model body needs the endpoint", 0) == 0);
}

BOOST_AUTO_TEST_CASE(bad_matches_and_answers_are_refused_with_400_naming_the_path) {
  BOOST_TEST(
      refusal(R"({"request": {"api": "mobile", "body": {"OrderDetails[0].Nope": {"equalTo": 1}}}, "response": {}})") ==
      "request.body.OrderDetails[0].Nope: OrderItem has no field 'Nope'");
  BOOST_TEST(
      refusal(R"({"request": {"api": "mobile", "body": {"OrderDetails.CategoryId": {"equalTo": 1}}}, "response": {}})")
          .rfind("request.body.OrderDetails.CategoryId: OrderDetails is a collection", 0) == 0);
  BOOST_TEST(
      refusal(
          R"({"request": {"api": "mobile", "body": {"OrderDetails[0].CategoryId": {"equalTo": "one"}}}, "response": {}})")
          .rfind("request.body.OrderDetails[0].CategoryId: expected an integer", 0) == 0);
  BOOST_TEST(
      refusal(
          R"({"request": {"api": "mobile", "body": {"OrderDetails[0].CategoryId": {"matches": "1"}}}, "response": {}})")
          .rfind("request.body.OrderDetails[0].CategoryId: \"matches\" applies to string fields", 0) == 0);
  BOOST_TEST(refusal(R"({"request": {"headers": {"X-Shop": {"matches": "(unclosed"}}}, "response": {}})")
                 .rfind("request.headers.X-Shop.matches: '(' is never closed at offset 0", 0) == 0);
  BOOST_TEST(refusal(R"({"request": {"api": "nope"}, "response": {}})").rfind("request.api: ", 0) == 0);
  BOOST_TEST(refusal(R"({"request": {"path": "/mobile/api/nothing"}, "response": {}})").rfind("request.path: ", 0) ==
             0);
  BOOST_TEST(
      refusal(R"({"request": {"method": "GET", "api": "mobile"}, "response": {}})").rfind("request.method: ", 0) == 0);
  BOOST_TEST(refusal(R"({"request": {"api": "contracts", "body": {"Id": {"present": true}}}, "response": {}})")
                 .rfind("request.body: the contracts endpoint takes no body", 0) == 0);
  BOOST_TEST(refusal(R"({"response": {"status": 600}})") == "response.status: 600 is out of 100..599");
  BOOST_TEST(refusal(R"({"response": {"status": 99}})") == "response.status: 99 is out of 100..599");
  BOOST_TEST(refusal(R"({"response": {"status": 101}})").rfind("response.status: 1xx", 0) == 0);
  BOOST_TEST(refusal(R"({"response": {"status": 200, "fault": "reset"}})").rfind("response.fault: ", 0) == 0);
  BOOST_TEST(refusal(R"({"response": {"headers": {"X-A": "1\r\nX-B: 2"}}})").rfind("response.headers.X-A: ", 0) == 0);
  BOOST_TEST(refusal(R"({"respnse": {}})").rfind("respnse: unknown member", 0) == 0);
  BOOST_TEST(refusal(R"({"response": {}, "times": 0})").rfind("times: ", 0) == 0);
  BOOST_TEST(refusal(R"({"response": {}, "newState": "x"})") == "newState: needs a scenario");
  BOOST_TEST(refusal("{").rfind("not JSON: ", 0) == 0);
  // Valid JSON beyond what the reader holds (a number past a double) is refused, not thrown
  // (found by fuzz_mock_stubs: it ended the process).
  BOOST_TEST(refusal("10e510").rfind("not readable: ", 0) == 0);
  BOOST_TEST(refusal(R"({"response": {"status": 1e400}})").rfind("not readable: ", 0) == 0);

  // Through the admin route: 400 with the reason, nothing added.
  MockState state;
  const MockResponse r =
      admin(state, "POST", "/__admin/stubs", R"({"stubs": [{"response": {}}, {"response": {"status": 600}}]})");
  BOOST_TEST(r.status == 400);
  BOOST_TEST(json::parse(r.body)["Message"] ==
             "The stubs were refused: stubs[1].response.status: 600 is out of 100..599");
  BOOST_TEST(json::parse(state.stubs_json())["stubs"].empty());
}

BOOST_AUTO_TEST_CASE(matches_on_query_headers_regex_presence_and_decimal_values) {
  MockState state;
  add(state, R"({"stubs": [
    {"id": "header", "priority": 1, "request": {"headers": {"x-shop": {"equalTo": "north"}}}, "response": {"status": 202}},
    {"id": "email", "priority": 2, "request": {"api": "mobile", "body": {"NewBillingAddress.Address.Email": {"matches": ".*@vip\\.example"}}},
     "response": {"status": 203}},
    {"id": "decimal", "priority": 3, "request": {"api": "mobile", "body": {"OrderDetails[1].VoluntaryTopupAmount": {"equalTo": 2},
       "OrderDetails[5]": {"present": false}, "NewBillingAddress.CompanyName": {"equalTo": null}}},
     "response": {"status": 206}},
    {"id": "query", "request": {"path": "/contracts/v1/CustomerContracts/7/Orders", "query": {"From": {"present": true}}},
     "response": {"status": 207}}
  ]})");
  MockRequest with_header = request("POST", kMobile, order_with(1));
  with_header.headers.emplace("X-Shop", "north");
  BOOST_TEST(state.handle(with_header).status == 202);
  BOOST_TEST(order(state, order_with(1, "ada@vip.example")).status == 203);
  // 2.0 in the body equals 2 by value; the sixth item and the company name are absent.
  BOOST_TEST(order(state, order_with(1)).status == 206);
  BOOST_TEST(
      state
          .handle(request("POST",
                          "/contracts/v1/CustomerContracts/7/Orders?from=2025-01-01T00:00:00&till=2025-02-01T00:00:00"))
          .status == 207);
  BOOST_TEST(
      state
          .handle(request("POST",
                          "/contracts/v1/CustomerContracts/8/Orders?from=2025-01-01T00:00:00&till=2025-02-01T00:00:00"))
          .status == 200);
  BOOST_TEST(state.handle(request("POST", "/contracts/v1/CustomerContracts/7/Orders")).status == 200);
}

BOOST_AUTO_TEST_CASE(a_scenario_answers_503_first_then_200) {
  MockState state;
  add(state, std::string(R"({"stubs": [
    {"request": {"api": "mobile"}, "scenario": "flaky", "requiredState": "Started", "newState": "recovered",
     "response": {"status": 503, "body": {"Message": "Try later."}, "headers": {"Retry-After": "1"}}},
    {"request": {"api": "mobile"}, "scenario": "flaky", "requiredState": "recovered",
     "response": {"status": 200, "body": )") +
                 kResultBody + "}}]}");
  const MockResponse first = order(state, order_with(1));
  BOOST_TEST(first.status == 503);
  BOOST_TEST(json::parse(first.body)["Message"] == "Try later.");
  BOOST_TEST(first.header("Retry-After") == "1");
  BOOST_TEST(order(state, order_with(1)).status == 200);
  BOOST_TEST(json::parse(order(state, order_with(1)).body)[0]["Order"]["Id"] == 42);
  // POST /__admin/scenarios/reset starts it again.
  BOOST_TEST(admin(state, "POST", "/__admin/scenarios/reset").status == 204);
  BOOST_TEST(order(state, order_with(1)).status == 503);
  // The XML form of the error, when the client asks for XML.
  state.reset_scenarios();
  BOOST_TEST(order(state, order_with(1), "application/xml").body == "<Error><Message>Try later.</Message></Error>");
}

BOOST_AUTO_TEST_CASE(times_retires_a_stub_and_reset_brings_it_back) {
  MockState state;
  add(state, R"({"request": {"api": "mobile"}, "times": 2, "response": {"status": 500}})");
  BOOST_TEST(order(state, order_with(1)).status == 500);
  BOOST_TEST(order(state, order_with(1)).status == 500);
  BOOST_TEST(order(state, order_with(1)).status == 200);
  BOOST_TEST(json::parse(state.stubs_json())["stubs"][0]["answered"] == 2);
  BOOST_TEST(admin(state, "POST", "/__admin/reset").status == 204);
  BOOST_TEST(order(state, order_with(1)).status == 500);
}

BOOST_AUTO_TEST_CASE(lower_priority_answers_first_and_the_newest_wins_a_tie) {
  MockState state;
  add(state,
      R"({"stubs": [{"id": "old", "response": {"status": 210}}, {"id": "low", "priority": 1, "response": {"status": 211}}]})");
  add(state, R"({"id": "new", "response": {"status": 212}})");
  BOOST_TEST(order(state, order_with(1)).status == 211);
  BOOST_TEST(state.remove_stub("low"));
  BOOST_TEST(order(state, order_with(1)).status == 212);
  const json list = json::parse(state.stubs_json());
  BOOST_TEST(list["stubs"][0]["id"] == "new");
  BOOST_TEST(list["stubs"][1]["id"] == "old");
}

BOOST_AUTO_TEST_CASE(raw_bodies_content_types_and_delays) {
  MockState state;
  add(state, R"({"stubs": [
    {"request": {"headers": {"X-Case": {"equalTo": "raw"}}}, "response": {"status": 502, "rawBody": "<html>bad gateway</html>", "contentType": "text/html"}},
    {"request": {"headers": {"X-Case": {"equalTo": "bytes"}}}, "response": {"base64Body": "AP8=", "delayMs": 1}}
  ]})");
  MockRequest raw = request("POST", kMobile, order_with(1));
  raw.headers.emplace("X-Case", "raw");
  const MockResponse r = state.handle(raw);
  BOOST_TEST(r.status == 502);
  BOOST_TEST(r.body == "<html>bad gateway</html>");
  BOOST_TEST(r.header("Content-Type") == "text/html");
  MockRequest bytes = request("POST", kMobile, order_with(1));
  bytes.headers.emplace("X-Case", "bytes");
  const MockResponse b = state.handle(bytes);
  BOOST_TEST(b.body == std::string("\x00\xff", 2));
  BOOST_TEST(b.header("Content-Type") == "application/octet-stream");
}

BOOST_AUTO_TEST_CASE(the_admin_routes_list_get_and_delete_stubs) {
  MockState state;
  const MockResponse added = admin(state, "POST", "/__admin/stubs", R"({"response": {"status": 418}})");
  BOOST_TEST(added.status == 201);
  const std::string id = json::parse(added.body)["stubs"][0]["id"];
  BOOST_TEST(id.size() == 36u);  // a generated UUID
  const MockResponse one = admin(state, "GET", "/__admin/stubs/" + id);
  BOOST_TEST(one.status == 200);
  BOOST_TEST(json::parse(one.body)["response"]["status"] == 418);
  BOOST_TEST(json::parse(admin(state, "GET", "/__admin/stubs").body)["stubs"].size() == 1u);
  BOOST_TEST(admin(state, "GET", "/__admin/stubs/nope").status == 404);
  BOOST_TEST(admin(state, "DELETE", "/__admin/stubs/" + id).status == 204);
  BOOST_TEST(admin(state, "DELETE", "/__admin/stubs/" + id).status == 404);
  add(state, R"({"stubs": [{"response": {}}, {"response": {}}]})");
  BOOST_TEST(admin(state, "DELETE", "/__admin/stubs").status == 204);
  BOOST_TEST(json::parse(state.stubs_json())["stubs"].empty());
  BOOST_TEST(admin(state, "PUT", "/__admin/stubs").status == 405);

  // The admin routes' protections hold here too: no page may program the mock.
  MockRequest from_page = request("POST", "/__admin/stubs", R"({"response": {}})");
  from_page.headers.emplace("Origin", "http://evil.example");
  const MockResponse refused = state.handle(from_page);
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(refused.header("Access-Control-Allow-Origin").empty());
  BOOST_TEST(json::parse(state.stubs_json())["stubs"].empty());
}

BOOST_AUTO_TEST_CASE(the_journal_says_which_stub_answered) {
  MockState state;
  add(state, R"({"id": "teapot", "request": {"headers": {"X-Tea": {"present": true}}}, "response": {"status": 418}})");
  MockRequest tea = request("POST", kMobile, order_with(1));
  tea.headers.emplace("X-Tea", "1");
  state.handle(tea);
  order(state, order_with(1));
  const json journal = json::parse(state.journal_json());
  BOOST_TEST(journal["requests"][0]["stub"] == "teapot");
  BOOST_TEST(journal["requests"][0]["status"] == 418);
  BOOST_TEST(!journal["requests"][1].contains("stub"));
}

BOOST_AUTO_TEST_CASE(a_body_decoded_for_the_stubs_is_answered_as_without_them) {
  // The endpoint takes the body the stub matcher decoded: its errors and answers are unchanged.
  MockState plain, stubbed;
  add(stubbed,
      R"({"request": {"api": "mobile", "body": {"OrderDetails[0].CategoryId": {"equalTo": 12345}}}, "response": {"status": 299}})");
  json invalid = json::parse(order_body());
  invalid["OrderDetails"][1]["OrderDetail"]["SimTypeId"] = "x";
  for (const std::string& body : {order_body(), invalid.dump(), std::string("{not json"), order_with(1)}) {
    const MockResponse a = order(plain, body), b = order(stubbed, body);
    BOOST_TEST(a.status == b.status);
    BOOST_TEST(a.body == b.body);
  }
  BOOST_TEST(order(stubbed, order_body(), "application/xml").status == 200);
}

BOOST_AUTO_TEST_CASE(times_is_taken_atomically_by_concurrent_requests) {
  MockState state;
  add(state, R"({"request": {"api": "mobile"}, "times": 25, "response": {"status": 299}})");
  std::atomic<int> stubbed{0};
  const std::string body = order_with(1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i)
        if (order(state, body).status == 299) ++stubbed;
    });
  for (auto& t : threads) t.join();
  BOOST_TEST(stubbed.load() == 25);
}

BOOST_AUTO_TEST_CASE(the_number_and_bytes_of_stubs_are_capped) {
  MockState state;
  json many = {{"stubs", json::array()}};
  for (std::size_t i = 0; i < MockState::kMaxStubs; ++i) many["stubs"].push_back({{"response", {{"status", 200}}}});
  add(state, many.dump());
  const auto refused = state.add_stubs(R"({"response": {}})");
  BOOST_TEST(refused.error.find("at most 1000 stubs") != std::string::npos);
  state.remove_stubs();
  // Bytes: a few large raw bodies go past the cap.
  const std::string big(MockState::kMaxStubBytes / 4, 'x');
  for (int i = 0; i < 3; ++i) add(state, R"({"response": {"rawBody": ")" + big + "\"}}");
  BOOST_TEST(state.add_stubs(R"({"response": {"rawBody": ")" + big + "\"}}").error.find("bytes of stubs") !=
             std::string::npos);
}

// A short pattern can compile to a large program ("(a{1000}){9}": 20 characters, 9,000 and more
// instructions, about 110 KB): the JSON cap alone let 16 MiB of such stubs take tens of GB.
BOOST_AUTO_TEST_CASE(the_programs_of_all_stub_patterns_are_capped_together) {
  MockState state;
  const std::string stub = R"({"request": {"headers": {"X-Shop": {"matches": "(a{1000}){9}"}}}, "response": {}})";
  std::size_t held = 0;
  std::string refusal;
  while (held < MockState::kMaxStubs) {
    const auto r = state.add_stubs(stub);
    if (!r.ok()) {
      refusal = r.error;
      break;
    }
    ++held;
  }
  // About 110 of them fit in kMaxStubPatternSteps; far fewer than the 1000 stubs the count allows.
  BOOST_TEST(held >= 50u);
  BOOST_TEST(held <= 120u);
  BOOST_TEST(refusal.find("instructions in all") != std::string::npos, refusal);
  // Replacing a stub by its id counts its program once, not twice; removing them frees the budget.
  state.remove_stubs();
  add(state, R"({"id": "same", "request": {"headers": {"X-Shop": {"matches": "(a{1000}){9}"}}}, "response": {}})");
  for (int i = 0; i < 200; ++i)
    add(state, R"({"id": "same", "request": {"headers": {"X-Shop": {"matches": "(a{1000}){9}"}}}, "response": {}})");
}

// Found by tests/fuzz/mock_stubs.cpp (seed stacked-quantifiers.json): std::regex accepted the
// stacked quantifiers and then backtracked for ever on the 4-byte header "fuzz".
BOOST_AUTO_TEST_CASE(a_stub_regex_with_stacked_quantifiers_cannot_hang_the_mock) {
  MockState state;
  const auto added = state.add_stubs(
      R"({"request": {"api": "licenses", "headers": {"X-Shop": {"matches": "f?]*******************"}}}, "priority": 0,
          "response": {"status": 400, "body": {"Message": "(,(hno"}, "headers": {"X~A": "b"}, "fault": "half_body"}})");
  if (added.ok()) {
    MockRequest r = request("POST", "/licenses/api/order/data", R"({"Action":"x"})");
    r.headers.emplace("X-Shop", "fuzz");
    BOOST_TEST(state.handle(r).status >= 200);
  }
  BOOST_TEST(added.error == "request.headers.X-Shop.matches: a quantifier with nothing to repeat at offset 4");
}

// Valid ECMAScript that takes a backtracking engine exponential time on 40 bytes answers at once.
BOOST_AUTO_TEST_CASE(catastrophic_stub_regexes_answer_at_once) {
  MockState state;
  add(state, R"({"stubs": [
    {"request": {"headers": {"X-A": {"matches": "(a*)*b"}}}, "response": {"status": 291}},
    {"request": {"headers": {"X-B": {"matches": "(a|aa)*c"}}}, "response": {"status": 292}},
    {"request": {"query": {"q": {"matches": "(a+)+!"}}}, "response": {"status": 293}},
    {"request": {"pathPattern": "/mobile/api/orders(a*)*b"}, "response": {"status": 294}}
  ]})");
  const std::string as(40, 'a');
  MockRequest none = request("POST", kMobile + "?q=" + as, order_with(1));
  none.headers.emplace("X-A", as);
  none.headers.emplace("X-B", as);
  BOOST_TEST(state.handle(none).status == 200);
  MockRequest some = request("POST", kMobile + "?q=" + as + "!", order_with(1));
  some.headers.emplace("X-A", as);
  BOOST_TEST(state.handle(some).status == 293);
}

BOOST_AUTO_TEST_CASE(a_regex_never_runs_on_a_value_over_the_cap) {
  MockState state;
  add(state, R"({"request": {"headers": {"X-Long": {"matches": "a*"}}}, "response": {"status": 299}})");
  MockRequest shortish = request("POST", kMobile, order_with(1));
  shortish.headers.emplace("X-Long", std::string(100, 'a'));
  BOOST_TEST(state.handle(shortish).status == 299);
  MockRequest longer = request("POST", kMobile, order_with(1));
  longer.headers.emplace("X-Long", std::string(orderkit::mock::kMaxRegexSubject + 1, 'a'));
  BOOST_TEST(state.handle(longer).status == 200);
}

BOOST_AUTO_TEST_CASE(faults_close_the_connection_or_send_half_the_body) {
  mock_test::Server server;
  add(server.state(), R"({"stubs": [
    {"request": {"headers": {"X-Fault": {"equalTo": "close"}}}, "response": {"fault": "close"}},
    {"request": {"headers": {"X-Fault": {"equalTo": "half"}}}, "response": {"rawBody": "0123456789", "fault": "half_body"}}
  ]})");
  const std::string body = order_with(1);
  auto raw = [&](const std::string& fault) {
    return mock_test::raw_exchange(server.port(),
                                   "POST /mobile/api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "X-Fault: " +
                                       fault + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                                       body);
  };
  BOOST_TEST(raw("close").empty());
  const std::string half = raw("half");
  BOOST_TEST(half.find("Content-Length: 10\r\n") != std::string::npos);
  BOOST_TEST(mock_test::raw_body(half) == "01234");
  // The journal says what happened.
  const json journal = json::parse(server.state().journal_json());
  BOOST_TEST(journal["requests"][0]["fault"] == "close");
  BOOST_TEST(journal["requests"][1]["fault"] == "half_body");
  // The server goes on serving.
  BOOST_TEST(server.client().Post(kMobile, body, "application/json")->status == 200);
}

BOOST_AUTO_TEST_CASE(stub_files_load_with_the_options_and_a_bad_one_names_file_and_path) {
  TempDir dir;
  const std::string good = dir.path + "/good.json", bad = dir.path + "/bad.json";
  write_file(good, R"({"stubs": [{"id": "from-file", "response": {"status": 299}}]})");
  write_file(
      bad,
      R"({"stubs": [{"response": {}}, {"request": {"api": "mobile", "body": {"Nope": {"present": true}}}, "response": {}}]})");
  MockOptions options;
  options.stub_files = {good};
  MockState state(options);
  BOOST_TEST(order(state, order_with(1)).status == 299);
  options.stub_files = {good, bad};
  try {
    MockState refused(options);
    BOOST_FAIL("a bad stub file was loaded");
  } catch (const std::invalid_argument& e) {
    BOOST_TEST(std::string(e.what()) ==
               "--stubs " + bad + ": stubs[1].request.body.Nope: OrderCreationRequest has no field 'Nope'");
  }
}

BOOST_AUTO_TEST_SUITE_END()
