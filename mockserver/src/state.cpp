#include "state.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "openapi.hpp"
#include "orderkit/mock/startup.hpp"
#include "text.hpp"

namespace orderkit::mock {

bool HeaderLess::operator()(const std::string& a, const std::string& b) const {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const char x = lower_char(a[i]), y = lower_char(b[i]);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

namespace {
std::string first_header(const MockHeaders& headers, std::string_view name) {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string() : it->second;
}
}  // namespace

std::string MockRequest::header(std::string_view name) const { return first_header(headers, name); }
std::string MockResponse::header(std::string_view name) const { return first_header(headers, name); }

namespace {
// --stubs FILE: read whole, at most the bytes the store may hold (and a little for whitespace).
void load_stub_file(StubStore& stubs, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::invalid_argument("--stubs " + file + ": cannot read the file");
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > 2 * MockState::kMaxStubBytes)
      throw std::invalid_argument("--stubs " + file + ": larger than the stubs the mock may hold (" +
                                  std::to_string(MockState::kMaxStubBytes) + " bytes)");
  }
  StubsAdded added = stubs.add(text);
  if (!added.ok()) throw std::invalid_argument("--stubs " + file + ": " + added.error);
}
}  // namespace

MockState::MockState(MockOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->openapi = openapi_document(impl_->options);
  for (const std::string& file : impl_->options.stub_files) load_stub_file(impl_->stubs, file);
}

MockState::~MockState() = default;

const MockOptions& MockState::options() const { return impl_->options; }

std::string MockState::journal_json(unsigned long long since, std::size_t limit) const {
  return impl_->journal.to_json(JournalPage{since, limit});
}

const std::string& MockState::openapi() const { return impl_->openapi; }

void MockState::clear_journal() { impl_->journal.clear(); }

void MockState::reset() {
  impl_->journal.clear();
  impl_->fail_counters.clear();
  impl_->idempotency.clear();
  impl_->stubs.reset(true);
}

StubsAdded MockState::add_stubs(std::string_view json) { return impl_->stubs.add(json); }
std::string MockState::stubs_json() const { return impl_->stubs.list_json(); }
std::string MockState::stub_json(std::string_view id) const { return impl_->stubs.get_json(id); }
bool MockState::remove_stub(std::string_view id) { return impl_->stubs.remove(id); }
void MockState::remove_stubs() { impl_->stubs.clear(); }
void MockState::reset_scenarios() { impl_->stubs.reset(false); }

void MockState::shut_down() {
  {
    std::lock_guard<std::mutex> lock(impl_->stop_mutex);
    impl_->stopping = true;
  }
  impl_->stop_signal.notify_all();
}

std::string ready_line(const std::string& host, int port, bool tls) {
  return "orderkit-mock listening on " + base_url(host, port, tls);
}

}  // namespace orderkit::mock
