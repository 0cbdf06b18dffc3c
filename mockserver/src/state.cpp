#include "state.hpp"

#include <cstdio>

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

MockState::MockState(MockOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  impl_->openapi = openapi_document(impl_->options);
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
}

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
