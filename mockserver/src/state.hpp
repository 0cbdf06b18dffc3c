#pragma once
// MockState's private parts, shared by the request pipeline and the HTTP adapter.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <random>

#include "journal.hpp"
#include "orderkit/mock/server.hpp"
#include "proxy.hpp"
#include "static_files.hpp"
#include "stores.hpp"
#include "stubs.hpp"

namespace orderkit::mock {

struct MockState::Impl {
  explicit Impl(MockOptions o)
      : options(std::move(o)),
        journal(options.journal_size, options.journal_body_bytes, options.journal_bytes),
        fail_counters(options.idempotency_keys),
        idempotency(options.idempotency_keys, options.idempotency_bytes),
        static_files(options.static_dir, options.static_csp),
        stubs(options.api),
        proxy(options.proxy.upstreams.empty() ? nullptr : std::make_unique<Proxy>(options)) {}

  MockOptions options;
  Journal journal;
  FailCounters fail_counters;
  IdempotencyStore idempotency;
  StaticFiles static_files;
  StubStore stubs;
  std::unique_ptr<Proxy> proxy;  // --proxy; nullptr without
  std::atomic<std::int64_t> next_id{0};
  std::atomic<std::uint64_t> api_requests{0};
  std::atomic<std::uint64_t> request_ids{0};
  std::string openapi;  // generated once
  // Set by shut_down(): delays in progress end and later ones are skipped (apply_delay).
  std::mutex stop_mutex;
  std::condition_variable stop_signal;
  bool stopping = false;
  // Generated request ids are "<instance>-<n>": unique per process run, ordered within one.
  unsigned instance = std::random_device{}();
};

}  // namespace orderkit::mock
