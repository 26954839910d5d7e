// HostGate with real (short) gaps: every assertion is made on timestamps and
// counters the test collects itself while many coroutines compete.
#include <gtest/gtest.h>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/system_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "politeness/host_gate.h"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using newsd::politeness::Clock;
using newsd::politeness::GateConfig;
using newsd::politeness::HostGate;
using newsd::politeness::HostState;
using newsd::politeness::Outcome;
using newsd::politeness::Permit;
using newsd::politeness::TimePoint;

// What the competing requests saw.
struct Log {
  std::map<std::string, std::vector<TimePoint>> starts;  // the gate's grant times, per host
  std::map<std::string, int> in_flight;
  std::map<std::string, int> max_in_flight;
  int total_in_flight = 0;
  int max_total_in_flight = 0;
  std::vector<std::chrono::steady_clock::time_point> observed;  // when each request body ran
  int completed = 0;
};

asio::awaitable<void> request(HostGate* gate, std::string host, Log* log, std::chrono::milliseconds hold,
                              Outcome outcome) {
  Permit permit = co_await gate->acquire(host);
  permit.mark_sent();  // a request that goes out at once
  log->observed.push_back(std::chrono::steady_clock::now());
  log->starts[host].push_back(permit.started_at());
  log->max_in_flight[host] = std::max(log->max_in_flight[host], ++log->in_flight[host]);
  log->max_total_in_flight = std::max(log->max_total_in_flight, ++log->total_in_flight);
  asio::steady_timer work(co_await asio::this_coro::executor, hold);
  co_await work.async_wait(asio::use_awaitable);
  --log->in_flight[host];
  --log->total_in_flight;
  ++log->completed;
  permit.record(outcome);
}

std::chrono::milliseconds smallest_gap(std::vector<TimePoint> starts) {
  std::sort(starts.begin(), starts.end());
  auto smallest = std::chrono::milliseconds::max();
  for (std::size_t i = 1; i < starts.size(); ++i) {
    smallest =
        std::min(smallest, std::chrono::duration_cast<std::chrono::milliseconds>(starts[i] - starts[i - 1]));
  }
  return smallest;
}

GateConfig quick_config(std::chrono::milliseconds gap, int per_host = 2, int global = 64) {
  GateConfig config;
  config.defaults.min_gap = gap;
  config.defaults.max_concurrent = per_host;
  config.max_connections = global;
  config.seed = 1;
  return config;
}

TEST(HostGate, ManyFeedsOnOneHostRespectConcurrencyAndGap) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(50ms));
  Log log;
  // Requests that take longer than the gap, so the concurrency limit bites too.
  for (int i = 0; i < 20; ++i) {
    asio::co_spawn(io, request(&gate, "feeds.example", &log, 120ms, Outcome::from_status(200)),
                   asio::detached);
  }
  io.run();
  EXPECT_EQ(log.completed, 20);
  EXPECT_EQ(log.max_in_flight["feeds.example"], 2);
  EXPECT_GE(smallest_gap(log.starts["feeds.example"]), 50ms);
  // The test's own clock agrees that 20 starts took at least 19 gaps (less
  // the scheduling noise of a loaded machine on when each coroutine resumed).
  EXPECT_GE(log.observed.back() - log.observed.front(), 19 * 50ms - 50ms);
  EXPECT_EQ(gate.in_flight(), 0);
}

TEST(HostGate, HostsDoNotWaitForEachOther) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(100ms));
  Log log;
  for (const char* host : {"a.example", "b.example", "c.example", "d.example"}) {
    for (int i = 0; i < 3; ++i) {
      asio::co_spawn(io, request(&gate, host, &log, 1ms, Outcome::from_status(200)), asio::detached);
    }
  }
  io.run();
  EXPECT_EQ(log.completed, 12);
  for (const auto& [host, starts] : log.starts) EXPECT_GE(smallest_gap(starts), 100ms) << host;
  // Every host's first request started before any host's second one: none
  // waited for another host's gap. Order, not elapsed time, so a loaded
  // machine cannot break it (a gap shared by all hosts would).
  TimePoint last_first{};
  TimePoint earliest_second = TimePoint::max();
  for (const auto& [host, starts] : log.starts) {
    ASSERT_EQ(starts.size(), 3u) << host;
    last_first = std::max(last_first, starts[0]);
    earliest_second = std::min(earliest_second, starts[1]);
  }
  EXPECT_LT(last_first, earliest_second);
}

TEST(HostGate, GlobalConnectionCap) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(0ms, 2, 3));
  Log log;
  for (int host = 0; host < 6; ++host) {
    for (int i = 0; i < 2; ++i) {
      asio::co_spawn(io, request(&gate, "h" + std::to_string(host), &log, 20ms, Outcome::from_status(200)),
                     asio::detached);
    }
  }
  io.run();
  EXPECT_EQ(log.completed, 12);
  EXPECT_EQ(log.max_total_in_flight, 3);
}

TEST(HostGate, RetryAfterKeepsEveryoneAwayFromTheHost) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(0ms, 1));
  Log log;
  asio::co_spawn(io, request(&gate, "busy.example", &log, 1ms, Outcome::from_status(429, 1s)),
                 asio::detached);
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(io, request(&gate, "busy.example", &log, 1ms, Outcome::from_status(200)), asio::detached);
  }
  asio::co_spawn(io, request(&gate, "other.example", &log, 1ms, Outcome::from_status(200)), asio::detached);
  io.run();
  const auto& starts = log.starts["busy.example"];
  ASSERT_EQ(starts.size(), 4u);
  EXPECT_GE(starts[1] - starts[0], 1s);
  EXPECT_LT(log.starts["other.example"][0], starts[1]) << "other hosts are not held up";
  auto snapshot = gate.snapshot("busy.example");
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->state.consecutive_errors, 0);
}

TEST(HostGate, ErrorsWithoutRetryAfterBackOff) {
  asio::io_context io;
  GateConfig config = quick_config(0ms, 1);
  config.backoff_base = 1s;  // the first backoff is 0.5 to 1 s with jitter
  HostGate gate(io.get_executor(), config);
  Log log;
  asio::co_spawn(io, request(&gate, "flaky.example", &log, 1ms, Outcome::from_status(503)), asio::detached);
  asio::co_spawn(io, request(&gate, "flaky.example", &log, 1ms, Outcome::from_status(200)), asio::detached);
  io.run();
  const auto& starts = log.starts["flaky.example"];
  ASSERT_EQ(starts.size(), 2u);
  EXPECT_GE(starts[1] - starts[0], 500ms);
}

TEST(HostGate, CrawlDelayRaisesTheGap) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(10ms));
  gate.set_crawl_delay("slow.example", 0.15);
  Log log;
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(io, request(&gate, "slow.example", &log, 1ms, Outcome::from_status(200)), asio::detached);
  }
  io.run();
  EXPECT_GE(smallest_gap(log.starts["slow.example"]), 150ms);
}

TEST(HostGate, PerHostOverrides) {
  asio::io_context io;
  GateConfig config = quick_config(10ms);
  config.overrides["strict.example"] = {1, 120ms};
  HostGate gate(io.get_executor(), config);
  gate.set_limits("runtime.example", {3, 0ms});
  Log log;
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(io, request(&gate, "strict.example", &log, 1ms, Outcome::from_status(200)),
                   asio::detached);
  }
  for (int i = 0; i < 6; ++i) {
    asio::co_spawn(io, request(&gate, "runtime.example", &log, 30ms, Outcome::from_status(200)),
                   asio::detached);
  }
  io.run();
  EXPECT_GE(smallest_gap(log.starts["strict.example"]), 120ms);
  EXPECT_EQ(log.max_in_flight["strict.example"], 1);
  EXPECT_EQ(log.max_in_flight["runtime.example"], 3);
}

TEST(HostGate, RestoredBackoffIsHonoured) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(0ms));
  HostState saved;
  saved.host = "restored.example";
  saved.backoff_until = Clock::now() + 300ms;
  saved.consecutive_errors = 1;
  gate.restore(saved);
  Log log;
  asio::co_spawn(io, request(&gate, "restored.example", &log, 1ms, Outcome::from_status(200)),
                 asio::detached);
  io.run();
  ASSERT_EQ(log.starts["restored.example"].size(), 1u);
  EXPECT_GE(log.starts["restored.example"][0], *saved.backoff_until);
}

TEST(HostGate, DirtyStateIsReportedOnceForSaving) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(0ms));
  Log log;
  asio::co_spawn(io, request(&gate, "x.example", &log, 1ms, Outcome::from_status(429, 60s)), asio::detached);
  io.run();
  auto dirty = gate.take_dirty();
  ASSERT_EQ(dirty.size(), 1u);
  EXPECT_EQ(dirty[0].host, "x.example");
  EXPECT_EQ(dirty[0].backoff_seconds, 60);
  ASSERT_TRUE(dirty[0].backoff_until);
  EXPECT_TRUE(gate.take_dirty().empty());
}

asio::awaitable<void> acquire_and_flag(HostGate* gate, std::string host, bool* acquired, bool* aborted) {
  try {
    Permit permit = co_await gate->acquire(host);
    *acquired = true;
  } catch (const boost::system::system_error& e) {
    *aborted = e.code() == asio::error::operation_aborted;
  }
}

TEST(HostGate, CancelledWaiterLeavesTheQueue) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(0ms));
  HostState saved;
  saved.host = "wait.example";
  saved.backoff_until = Clock::now() + 1h;
  gate.restore(saved);
  asio::cancellation_signal cancel;
  bool acquired = false;
  bool aborted = false;
  asio::co_spawn(io, acquire_and_flag(&gate, "wait.example", &acquired, &aborted),
                 asio::bind_cancellation_slot(cancel.slot(), asio::detached));
  io.poll();  // ready work only: the waiter queues up, no clock involved
  ASSERT_EQ(gate.snapshot("wait.example")->waiting, 1);
  cancel.emit(asio::cancellation_type::terminal);
  io.poll();
  EXPECT_FALSE(acquired);
  EXPECT_TRUE(aborted);
  EXPECT_EQ(gate.snapshot("wait.example")->waiting, 0);
}

asio::awaitable<void> acquire_and_note(HostGate* gate, std::string host, std::vector<bool>* granted) {
  Permit permit = co_await gate->acquire(host);
  granted->push_back(static_cast<bool>(permit));
}

TEST(HostGate, CloseHandsEveryWaiterAnEmptyPermitAndGrantsNoMore) {
  // A graceful stop (issue 15): requests only waiting for the host's gap are
  // not started. Driven by io.poll(): no timer has to run out.
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(std::chrono::hours(1), 2));
  std::vector<bool> granted;
  for (int i = 0; i < 3; ++i)
    asio::co_spawn(io, acquire_and_note(&gate, "slow.example", &granted), asio::detached);
  io.poll();
  ASSERT_EQ(granted, std::vector<bool>{true});
  ASSERT_EQ(gate.snapshot("slow.example")->waiting, 2);

  gate.close();
  io.poll();
  EXPECT_TRUE(gate.closed());
  EXPECT_EQ(granted, (std::vector<bool>{true, false, false}));
  EXPECT_EQ(gate.snapshot("slow.example")->waiting, 0);
  // One asking after the stop gets nothing either, even from an idle host.
  asio::co_spawn(io, acquire_and_note(&gate, "idle.example", &granted), asio::detached);
  io.poll();
  EXPECT_EQ(granted.back(), false);
  EXPECT_EQ(gate.in_flight(), 0);
}

TEST(HostGate, DestroyingEverythingWhileWaitingIsSafe) {
  auto io = std::make_unique<asio::io_context>();
  auto gate = std::make_unique<HostGate>(io->get_executor(), quick_config(1h, 1));
  bool acquired = false;
  bool aborted = false;
  for (int i = 0; i < 3; ++i) {
    asio::co_spawn(*io, acquire_and_flag(gate.get(), "h.example", &acquired, &aborted), asio::detached);
  }
  io->poll();             // ready work only: no clock involved
  EXPECT_TRUE(acquired);  // the first went through, the others wait an hour
  gate.reset();           // waiting coroutines keep the gate's state alive
  io.reset();             // and clean up when their frames are destroyed (ASan checks)
  SUCCEED();
}

TEST(HostGate, PermitMovesAndReleasesOnce) {
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(0ms, 1));
  Permit outer;
  asio::co_spawn(
      io,
      [](HostGate* g, Permit* out) -> asio::awaitable<void> {
        Permit first = co_await g->acquire("m.example");
        *out = std::move(first);
      }(&gate, &outer),
      asio::detached);
  io.run();
  ASSERT_TRUE(outer);
  EXPECT_EQ(gate.in_flight(), 1);
  Permit moved = std::move(outer);
  EXPECT_FALSE(outer);
  moved.release();
  moved.release();
  EXPECT_EQ(gate.in_flight(), 0);
}

// A request that takes `set_up` (connect, TLS) before it goes out, as the
// HTTP client reports it; `sent` is when the host could see it.
asio::awaitable<void> slow_request(HostGate* gate, std::string host, std::chrono::milliseconds set_up,
                                   std::optional<TimePoint>* sent) {
  Permit permit = co_await gate->acquire(host);
  asio::system_timer connecting(co_await asio::this_coro::executor, set_up);
  co_await connecting.async_wait(asio::use_awaitable);
  *sent = Clock::now();
  permit.mark_sent(**sent);
  asio::system_timer answering(co_await asio::this_coro::executor, 10ms);
  co_await answering.async_wait(asio::use_awaitable);
  permit.record(Outcome::from_status(200));
}

TEST(HostGate, TheGapRunsFromWhenTheRequestWentOutNotFromItsStart) {
  // Two allowed at once, 100 ms apart; the first spends 250 ms connecting.
  // Spacing starts alone would send the second before the first.
  asio::io_context io;
  HostGate gate(io.get_executor(), quick_config(100ms, 2));
  std::optional<TimePoint> first;
  std::optional<TimePoint> second;
  asio::co_spawn(io, slow_request(&gate, "slow.example", 250ms, &first), asio::detached);
  asio::co_spawn(io, slow_request(&gate, "slow.example", 0ms, &second), asio::detached);
  io.run();
  ASSERT_TRUE(first && second);
  EXPECT_GE(*second - *first, 100ms + newsd::politeness::send_margin(100ms));
  EXPECT_EQ(gate.in_flight(), 0);
}

asio::awaitable<void> never_sent_then(HostGate* gate, std::string host, TimePoint* released,
                                      std::optional<TimePoint>* next_start) {
  {
    Permit permit = co_await gate->acquire(host);
    asio::system_timer failing(co_await asio::this_coro::executor, 200ms);
    co_await failing.async_wait(asio::use_awaitable);
    permit.record(Outcome::network());
    permit.release();
    *released = Clock::now();
  }
  Permit next = co_await gate->acquire(host);
  *next_start = next.started_at();
}

TEST(HostGate, ARequestThatNeverReportedGoingOutCountsFromItsRelease) {
  asio::io_context io;
  GateConfig config = quick_config(100ms, 2);
  config.backoff_base = std::chrono::seconds(0);  // no error backoff: only the gap matters here
  HostGate gate(io.get_executor(), config);
  TimePoint released{};
  std::optional<TimePoint> next;
  asio::co_spawn(io, never_sent_then(&gate, "h.example", &released, &next), asio::detached);
  io.run();
  ASSERT_TRUE(next);
  EXPECT_GE(*next - released, 100ms);
}

TEST(HostPolicy, SendMarginIsSmallButNeverZeroWithAGap) {
  EXPECT_EQ(newsd::politeness::send_margin(0ms), 0ms);
  EXPECT_EQ(newsd::politeness::send_margin(100ms), 20ms);
  EXPECT_EQ(newsd::politeness::send_margin(1000ms), 50ms);
}

}  // namespace
