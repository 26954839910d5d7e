// Politeness state survives a restart: a gate and robots cache saved to
// `hosts` and loaded into fresh ones keep every host waiting as it asked.
#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "http/client.h"
#include "pipeline/politeness_state.h"
#include "polite_server.h"
#include "politeness/host_gate.h"
#include "politeness/host_key.h"
#include "politeness/polite_fetcher.h"
#include "politeness/robots_cache.h"
#include "storage/hosts.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "test_db.h"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using namespace newsd::politeness;
using namespace newsd::storage;
using newsd::pipeline::restore_politeness;

std::unique_ptr<newsd::pg::Connection> migrated(const std::string& purpose) {
  auto conn = std::make_unique<newsd::pg::Connection>(newsd::test::fresh_database(purpose));
  newsd::storage::migrate(*conn);
  return conn;
}

GateConfig config_for_test() {
  GateConfig config;
  config.defaults.min_gap = 0ms;
  config.seed = 1;
  return config;
}

asio::awaitable<void> one_request(HostGate* gate, std::string host, Outcome outcome, TimePoint* started) {
  Permit permit = co_await gate->acquire(host);
  *started = permit.started_at();
  permit.record(outcome);
}

// Runs a first "process" that gets a 429 with Retry-After, saves, and
// returns when the host was told to wait from.
TimePoint first_run_gets_429(newsd::pg::Connection& conn, std::chrono::seconds retry_after) {
  asio::io_context io;
  HostGate gate(io.get_executor(), config_for_test());
  TimePoint started{};
  asio::co_spawn(io, one_request(&gate, "busy.example", Outcome::from_status(429, retry_after), &started),
                 asio::detached);
  io.run();
  auto dirty = gate.take_dirty();
  save_host_states(conn, dirty);
  return started;
}

TEST(HostStore, RetryAfterHoldsAcrossARestart) {
  auto conn = migrated("hosts_restart");
  TimePoint before = Clock::now();
  // A minute, far beyond the 1.5 s watched below: a loaded machine that
  // stalls the test for seconds cannot make the hold run out meanwhile.
  first_run_gets_429(*conn, 60s);

  // The "restarted" daemon: a new gate that only knows the database.
  asio::io_context io;
  HostGate gate(io.get_executor(), config_for_test());
  RobotsCache robots;
  restore_politeness(gate, robots, load_host_states(*conn), load_robots_records(*conn));
  auto snapshot = gate.snapshot("busy.example");
  ASSERT_TRUE(snapshot);
  ASSERT_TRUE(snapshot->state.backoff_until);
  EXPECT_GE(*snapshot->state.backoff_until, before + 60s);
  EXPECT_EQ(snapshot->state.backoff_seconds, 60);
  // The host said when to come back: a hold, not a failure (issue 15).
  EXPECT_EQ(snapshot->state.consecutive_errors, 0);

  TimePoint started{};
  asio::co_spawn(io, one_request(&gate, "busy.example", Outcome::from_status(200), &started), asio::detached);
  io.run_for(1500ms);
  EXPECT_EQ(started, TimePoint{}) << "a request reached the host during its Retry-After";
  EXPECT_EQ(gate.snapshot("busy.example")->waiting, 1);
}

TEST(HostStore, AfterTheRetryAfterTheHostIsServedAgain) {
  auto conn = migrated("hosts_restart_short");
  TimePoint first = first_run_gets_429(*conn, 1s);
  asio::io_context io;
  HostGate gate(io.get_executor(), config_for_test());
  RobotsCache robots;
  restore_politeness(gate, robots, load_host_states(*conn), load_robots_records(*conn));
  TimePoint started{};
  asio::co_spawn(io, one_request(&gate, "busy.example", Outcome::from_status(200), &started), asio::detached);
  io.run();
  EXPECT_GE(started, first + 1s);
  // The success resets the streak, and that is saved too.
  save_host_states(*conn, gate.take_dirty());
  auto states = load_host_states(*conn);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].consecutive_errors, 0);
}

TEST(HostStore, StatesRoundTripExactly) {
  auto conn = migrated("hosts_roundtrip");
  HostState state;
  state.host = "example.org:8080";
  state.next_allowed_at = TimePoint(std::chrono::microseconds(1'750'000'000'123'456));
  state.backoff_until = TimePoint(std::chrono::microseconds(1'750'000'100'000'001));
  state.backoff_seconds = 120;
  state.consecutive_errors = 3;
  state.crawl_delay_seconds = 2.5;
  HostState empty;
  empty.host = "quiet.example";
  std::vector<HostState> states = {state, empty};
  save_host_states(*conn, states);
  state.consecutive_errors = 4;  // an update of an existing row
  save_host_states(*conn, std::span(&state, 1));
  auto loaded = load_host_states(*conn);
  ASSERT_EQ(loaded.size(), 2u);
  std::sort(loaded.begin(), loaded.end(), [](const auto& a, const auto& b) { return a.host < b.host; });
  EXPECT_EQ(loaded[0], state);
  EXPECT_EQ(loaded[1], empty);
}

TEST(HostStore, RobotsCacheSurvivesARestartAndHostileBodies) {
  auto conn = migrated("hosts_robots");
  TimePoint now = Clock::now();
  RobotsCache first;
  std::string hostile =
      std::string("User-agent: *\nDisallow: /private\nCrawl-delay: 3\n\0\xff\xfe junk\n", 58);
  first.store("a.example", 200, hostile, now);
  first.store("b.example", 404, "", now);
  first.store("c.example", 503, "", now);
  for (const char* host : {"a.example", "b.example", "c.example"})
    save_robots_record(*conn, *first.record(host));
  // The timing columns of a host are not touched by saving its robots.txt, and vice versa.
  HostState timing;
  timing.host = "a.example";
  timing.consecutive_errors = 2;
  save_host_states(*conn, std::span(&timing, 1));

  asio::io_context io;
  HostGate gate(io.get_executor(), config_for_test());
  RobotsCache second;
  restore_politeness(gate, second, load_host_states(*conn), load_robots_records(*conn));
  EXPECT_EQ(second.check("a.example", "/private/x"), RobotsVerdict::disallowed);
  EXPECT_EQ(second.check("a.example", "/public"), RobotsVerdict::allowed);
  EXPECT_FALSE(second.needs_fetch("a.example", now + 1h)) << "fetched once per 24 h, restart or not";
  EXPECT_EQ(second.check("b.example", "/anything"), RobotsVerdict::allowed);
  EXPECT_EQ(second.check("c.example", "/anything"), RobotsVerdict::try_later);
  EXPECT_EQ(gate.snapshot("a.example")->state.crawl_delay_seconds, 3.0);
  EXPECT_EQ(gate.snapshot("a.example")->state.consecutive_errors, 2);
}

// One newsd "process" as far as politeness goes: its own gate, robots cache,
// HTTP client and fetcher, knowing of earlier ones only what the database says.
struct FetchingProcess {
  explicit FetchingProcess(std::chrono::milliseconds gap) {
    GateConfig config = config_for_test();
    config.defaults.min_gap = gap;
    gate = std::make_unique<HostGate>(io.get_executor(), config);
    fetcher = std::make_unique<PoliteFetcher>(*gate, robots, client, PoliteFetcherOptions{},
                                              newsd::Logger(newsd::LogLevel::error));
  }

  static newsd::http::ClientOptions client_options() {
    newsd::http::ClientOptions options;
    options.allow_list = {"127.0.0.0/8"};
    options.use_system_ca = false;
    options.logger = newsd::Logger(newsd::LogLevel::error);
    return options;
  }

  int fetch(const std::string& url) {
    newsd::http::Request request;
    request.url = url;
    request.timeouts = {5000ms, 5000ms, 5000ms, 10000ms};
    int status = 0;
    asio::co_spawn(
        io,
        [](PoliteFetcher* f, newsd::http::Request r, int* out) -> asio::awaitable<void> {
          *out = (co_await f->fetch(std::move(r))).response.status;
        }(fetcher.get(), std::move(request), &status),
        asio::detached);
    io.restart();
    io.run();
    return status;
  }

  asio::io_context io;
  newsd::http::HttpClient client{io, client_options()};
  RobotsCache robots;
  std::unique_ptr<HostGate> gate;
  std::unique_ptr<PoliteFetcher> fetcher;
};

TEST(HostStore, TheServerSeesTheGapAcrossADatabaseRestartAndADaemonRestart) {
  newsd::test::PoliteServer server;
  server.route("/feed", newsd::test::PoliteReply{200, {}, "<rss/>"});
  const std::string url = newsd::test::fresh_database("hosts_gap_restart");
  {
    newsd::pg::Connection conn(url);
    newsd::storage::migrate(conn);
  }
  constexpr auto kGap = 400ms;
  {
    FetchingProcess first(kGap);
    ASSERT_EQ(first.fetch(server.url("/feed")), 200);
    newsd::pg::Connection conn(url);
    save_host_states(conn, first.gate->take_dirty());
  }                                    // the daemon stops right after its request
  newsd::test::pg_control("restart");  // and PostgreSQL restarts before the next one starts

  FetchingProcess second(kGap);
  newsd::pg::Connection reconnected(url);
  restore_politeness(*second.gate, second.robots, load_host_states(reconnected),
                     load_robots_records(reconnected));
  ASSERT_EQ(second.fetch(server.url("/feed")), 200);
  auto arrivals = server.arrivals("/feed");
  ASSERT_EQ(arrivals.size(), 2u);
  EXPECT_GE(arrivals[1].at - arrivals[0].at, kGap) << "the server's own clock";
}

}  // namespace
