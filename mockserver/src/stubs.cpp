#include "stubs.hpp"

#include <algorithm>
#include <random>

#include "text.hpp"

namespace orderkit::mock {

namespace {

using json = nlohmann::json;

// A version 4 UUID, for a stub added without an id.
std::string new_id() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  const std::uint64_t a = random(), b = random();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>(a >> 16 & 0xffff), static_cast<unsigned>(a & 0xfff),
                static_cast<unsigned>(0x8000 | (b >> 48 & 0x3fff)),
                static_cast<unsigned long long>(b & 0xffffffffffffull));
  return buf;
}

// The order stubs are tried in: lower priority first, then the newest.
bool tried_before(const std::shared_ptr<Stub>& a, const std::shared_ptr<Stub>& b) {
  if (a->priority != b->priority) return a->priority < b->priority;
  return a->seq > b->seq;
}

}  // namespace

bool regex_matches(const Pattern& regex, std::string_view subject) {
  return subject.size() <= kMaxRegexSubject && regex.full_match(subject);
}

bool MatchSpec::test_text(const std::string* text) const {
  switch (kind) {
    case Kind::present: return (text != nullptr) == present;
    case Kind::equal_to:
      return value.is_null() ? text == nullptr : text && *text == value.get_ref<const std::string&>();
    case Kind::matches: return text && regex_matches(*regex, *text);
  }
  return false;
}

namespace stub_detail {

std::string parse_path(const std::string& path, std::vector<PathStep>& out) {
  std::size_t i = 0;
  const auto bad = [&](const std::string& why) { return (path.empty() ? std::string("\"\"") : path) + ": " + why; };
  if (path.empty()) return bad("a field path is required (\"OrderDetails[0].CategoryId\")");
  if (path.size() > 1000) return bad("a field path of at most 1000 characters");
  while (i < path.size()) {
    if (path[i] == '[') {
      const std::size_t close = path.find(']', i);
      std::uint64_t n = 0;
      if (close == std::string::npos || !parse_uint(std::string_view(path).substr(i + 1, close - i - 1), 1000000, n))
        return bad("an index is written [N] with N a whole number");
      out.push_back({"", static_cast<std::size_t>(n)});
      i = close + 1;
      if (i < path.size() && path[i] == '.') {
        ++i;
        if (i == path.size()) return bad("ends in '.'");
      }
      continue;
    }
    std::size_t end = i;
    while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
    if (end == i) return bad("an empty name");
    out.push_back({path.substr(i, end - i), 0});
    i = end;
    if (i < path.size() && path[i] == '.') {
      ++i;
      if (i == path.size()) return bad("ends in '.'");
    }
  }
  return "";
}

std::string path_prefix(const std::vector<PathStep>& steps, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n && i < steps.size(); ++i) {
    if (steps[i].name.empty()) out += "[" + std::to_string(steps[i].index) + "]";
    else out += (out.empty() ? "" : ".") + steps[i].name;
  }
  return out;
}

}  // namespace stub_detail

StubsAdded StubStore::add(std::string_view text) {
  json doc;
  nlohmann::ordered_json as_given;  // the same, in the author's member order, for GET
  try {
    doc = json::parse(text.begin(), text.end());
    as_given = nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    return {"", std::string("not JSON: ") + e.what()};
  } catch (const json::exception& e) {
    // Valid JSON the reader cannot hold, such as a number beyond a double (1e400): refused the
    // same way, not thrown out of the admin route.
    return {"", std::string("not readable: ") + e.what()};
  }
  // {"stubs": [...]} or one stub.
  std::vector<const json*> items;
  std::vector<const nlohmann::ordered_json*> given;
  const bool batch = doc.is_object() && doc.contains("stubs");
  if (batch) {
    if (doc.size() != 1) return {"", "a list of stubs is {\"stubs\": [...]} with no other member"};
    const json& list = doc["stubs"];
    if (!list.is_array()) return {"", "stubs: expected an array of stubs"};
    for (const json& s : list) items.push_back(&s);
    for (const auto& s : as_given["stubs"]) given.push_back(&s);
  } else {
    items.push_back(&doc);
    given.push_back(&as_given);
  }

  std::vector<std::shared_ptr<Stub>> added;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto stub = std::make_shared<Stub>();
    const std::string at = batch ? "stubs[" + std::to_string(i) + "]" : "";
    if (std::string e = parse_stub(*items[i], at, api_, *stub); !e.empty()) return {"", e};
    for (const auto& other : added)
      if (!stub->id.empty() && other->id == stub->id)
        return {"", at + (at.empty() ? "" : ".") + "id: '" + stub->id + "' is given twice"};
    if (stub->id.empty()) stub->id = new_id();
    // What GET shows: the stub as given, its id first.
    stub->source = nlohmann::ordered_json::object();
    stub->source["id"] = stub->id;
    for (const auto& [key, value] : given[i]->items())
      if (key != "id") stub->source[key] = value;
    stub->bytes = stub->source.dump().size();
    added.push_back(std::move(stub));
  }

  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::shared_ptr<Stub>> all;
  std::size_t bytes = 0, steps = 0, added_steps = 0;
  if (index_) {
    for (const auto& s : index_->all) {
      const bool replaced = std::any_of(added.begin(), added.end(), [&](const auto& a) { return a->id == s->id; });
      if (!replaced) all.push_back(s), bytes += s->bytes, steps += s->pattern_steps;
    }
  }
  for (const auto& s : added) bytes += s->bytes, added_steps += s->pattern_steps;
  if (all.size() + added.size() > MockState::kMaxStubs)
    return {"", "the mock holds at most " + std::to_string(MockState::kMaxStubs) + " stubs (" +
                    std::to_string(all.size()) + " held, " + std::to_string(added.size()) +
                    " added): delete some first"};
  if (bytes > MockState::kMaxStubBytes)
    return {"", "the mock holds at most " + std::to_string(MockState::kMaxStubBytes) +
                    " bytes of stubs (as JSON): delete some first"};
  if (steps + added_steps > MockState::kMaxStubPatternSteps)
    return {"", "the stubs' patterns (matches, pathPattern) compile to at most " +
                    std::to_string(MockState::kMaxStubPatternSteps) + " instructions in all (" + std::to_string(steps) +
                    " held, " + std::to_string(added_steps) + " added): simplify the patterns or delete stubs first"};
  nlohmann::ordered_json out = {{"stubs", nlohmann::ordered_json::array()}};
  for (auto& s : added) {
    s->seq = ++seq_;
    out["stubs"].push_back(s->source);
    all.push_back(s);
  }
  install(std::move(all));
  return {out.dump(), ""};
}

void StubStore::install(std::vector<std::shared_ptr<Stub>> all) {
  auto index = std::make_shared<Index>();
  std::sort(all.begin(), all.end(), tried_before);
  const std::vector<Endpoint>& eps = endpoints();
  index->by_endpoint.resize(eps.size());
  for (const auto& s : all) {
    index->bytes += s->bytes;
    for (std::size_t e = 0; e < eps.size(); ++e)
      if (!s->endpoint || s->endpoint == &eps[e]) index->by_endpoint[e].push_back(s);
  }
  index->all = std::move(all);
  count_.store(index->all.size(), std::memory_order_release);
  index_ = std::move(index);
}

std::string StubStore::to_json(const Stub& stub) {
  nlohmann::ordered_json j = stub.source;
  j["answered"] = stub.answered.load(std::memory_order_relaxed);
  return j.dump();
}

std::string StubStore::list_json() const {
  std::shared_ptr<const Index> index = snapshot();
  std::string out = "{\"stubs\":[";
  if (index) {
    for (std::size_t i = 0; i < index->all.size(); ++i) out += (i ? "," : "") + to_json(*index->all[i]);
  }
  return out + "]}";
}

std::string StubStore::get_json(std::string_view id) const {
  if (std::shared_ptr<const Index> index = snapshot()) {
    for (const auto& s : index->all)
      if (s->id == id) return to_json(*s);
  }
  return "";
}

bool StubStore::remove(std::string_view id) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!index_) return false;
  std::vector<std::shared_ptr<Stub>> all;
  for (const auto& s : index_->all)
    if (s->id != id) all.push_back(s);
  if (all.size() == index_->all.size()) return false;
  install(std::move(all));
  return true;
}

void StubStore::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  install({});
}

void StubStore::reset(bool times) {
  std::shared_ptr<const Index> index = snapshot();
  std::lock_guard<std::mutex> lock(state_mutex_);
  scenarios_.clear();
  if (times && index)
    for (const auto& s : index->all) s->answered.store(0, std::memory_order_relaxed);
}

bool StubStore::take(Stub& stub) {
  if (!stub.stateful()) {
    stub.answered.fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  std::lock_guard<std::mutex> lock(state_mutex_);
  if (stub.times && stub.answered.load(std::memory_order_relaxed) >= stub.times) return false;
  if (!stub.scenario.empty()) {
    auto it = scenarios_.find(stub.scenario);
    const std::string& state = it == scenarios_.end() ? std::string("Started") : it->second;
    if (!stub.required_state.empty() && state != stub.required_state) return false;
    if (!stub.new_state.empty()) scenarios_[stub.scenario] = stub.new_state;
  }
  stub.answered.fetch_add(1, std::memory_order_relaxed);
  return true;
}

}  // namespace orderkit::mock
