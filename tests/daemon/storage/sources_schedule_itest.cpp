// The scheduler's columns of `sources` against the real schema.
#include <gtest/gtest.h>

#include <fmt/core.h>

#include <map>

#include "politeness/host_gate.h"
#include "storage/hosts.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "storage/sources.h"
#include "test_db.h"

namespace {

using namespace std::chrono_literals;
using namespace newsd::scheduler;
using namespace newsd::storage;

const TimePoint kNow = TimePoint(std::chrono::seconds(1'750'000'000));

struct Db {
  explicit Db(const std::string& purpose) : conn(newsd::test::fresh_database(purpose)) {
    newsd::storage::migrate(conn);
  }
  std::int64_t add_source(const std::string& url) {
    return conn.exec("add source", "insert into sources (url) values ($1) returning id", {url}).integer(0, 0);
  }
  newsd::pg::Connection conn;
};

TEST(SourceStore, SuccessStoresTheScheduleAndClearsTheStreak) {
  Db db("sched_success");
  auto id = db.add_source("https://a.example/feed");
  ScheduleConfig config;
  std::mt19937_64 rng(1);
  record_poll_failure(db.conn, id, {kNow, 500, "HTTP 500", std::nullopt}, config, rng);
  record_poll_success(db.conn, id, {kNow + 1h, 304, 2h, kNow + 3h});
  auto schedule = load_schedule(db.conn);
  ASSERT_EQ(schedule.size(), 1u);
  EXPECT_EQ(schedule[0].next_poll_at, kNow + 3h);
  EXPECT_EQ(schedule[0].last_polled_at, kNow + 1h);
  EXPECT_EQ(schedule[0].poll_interval, 2h);
  EXPECT_EQ(schedule[0].consecutive_errors, 0);
  auto health = load_fetch_health(db.conn, kNow + 1h);
  EXPECT_TRUE(health.failing.empty());
}

TEST(SourceStore, FailuresBackOffAndAWeekDisablesKeepingTheLastError) {
  Db db("sched_disable");
  auto id = db.add_source("https://down.example/feed");
  ScheduleConfig config;
  std::mt19937_64 rng(2);
  auto first =
      record_poll_failure(db.conn, id, {kNow, std::nullopt, "connect: refused", std::nullopt}, config, rng);
  EXPECT_EQ(first.consecutive_errors, 1);
  EXPECT_EQ(first.failing_since, kNow);
  EXPECT_GE(first.next_poll_at, kNow + 15min);
  EXPECT_FALSE(first.disabled);
  auto second = record_poll_failure(db.conn, id, {kNow + 1h, 503, "HTTP 503", kNow + 10h}, config, rng);
  EXPECT_EQ(second.consecutive_errors, 2);
  EXPECT_EQ(second.failing_since, kNow) << "the streak keeps its start";
  EXPECT_GE(second.next_poll_at, kNow + 10h) << "the host's backoff wins";

  auto health = load_fetch_health(db.conn, kNow + 1h);
  ASSERT_EQ(health.failing.size(), 1u);
  EXPECT_EQ(health.failing[0].last_error, "HTTP 503");
  EXPECT_EQ(health.failing[0].last_status, 503);

  auto last = record_poll_failure(db.conn, id, {kNow + 24h * 7, 404, "HTTP 404 Not Found", std::nullopt},
                                  config, rng);
  EXPECT_TRUE(last.disabled);
  EXPECT_TRUE(load_schedule(db.conn).empty()) << "a disabled source is not scheduled";
  health = load_fetch_health(db.conn, kNow + 24h * 7);
  EXPECT_TRUE(health.failing.empty());
  ASSERT_EQ(health.disabled.size(), 1u);
  EXPECT_EQ(health.disabled[0].last_error, "HTTP 404 Not Found");
  EXPECT_EQ(health.disabled[0].disabled_at, kNow + 24h * 7);
  EXPECT_NE(health.disabled[0].disabled_reason.find("HTTP 404 Not Found"), std::string::npos);
  EXPECT_NE(health.disabled[0].disabled_reason.find("2025-06-15"), std::string::npos)
      << health.disabled[0].disabled_reason;

  enable_source(db.conn, id, kNow + 24h * 8);
  ASSERT_EQ(load_schedule(db.conn).size(), 1u);
  EXPECT_EQ(load_schedule(db.conn)[0].consecutive_errors, 0);
}

TEST(SourceStore, FailureOfAMissingSourceIsAClearError) {
  Db db("sched_missing");
  ScheduleConfig config;
  std::mt19937_64 rng(3);
  try {
    record_poll_failure(db.conn, 424242, {kNow, 500, "x", std::nullopt}, config, rng);
    FAIL() << "expected an error";
  } catch (const newsd::pg::Error& e) {
    EXPECT_NE(std::string(e.what()).find("424242"), std::string::npos) << e.what();
  }
}

TEST(SourceStore, StartupSpreadsOverdueSources) {
  Db db("sched_startup");
  // 2,000 sources all due at start-up (bulk insert through one bound parameter).
  db.conn.exec(
      "add sources",
      "insert into sources (url, next_poll_at) select 'https://s' || g || '.example/feed', "
      "'epoch'::timestamptz + $1::bigint * interval '1 second' from generate_series(1, 2000) g",
      {std::to_string(
          std::chrono::duration_cast<std::chrono::seconds>((kNow - 1h).time_since_epoch()).count())});
  auto later = db.add_source("https://later.example/feed");
  record_poll_success(db.conn, later, {kNow, 200, 1h, kNow + 1h});
  ScheduleConfig config;
  std::mt19937_64 rng(4);
  EXPECT_EQ(spread_overdue_sources(db.conn, kNow, config, rng), 2000u);
  std::map<std::int64_t, int> per_second;
  for (const auto& source : load_schedule(db.conn)) {
    if (source.id == later) {
      EXPECT_EQ(source.next_poll_at, kNow + 1h) << "sources not yet due keep their time";
      continue;
    }
    EXPECT_GE(source.next_poll_at, kNow);
    EXPECT_LT(source.next_poll_at, kNow + 100s);  // 2,000 at 20 per second
    ++per_second[std::chrono::duration_cast<std::chrono::seconds>(source.next_poll_at - kNow).count()];
  }
  int busiest = 0;
  for (const auto& [second, count] : per_second) busiest = std::max(busiest, count);
  EXPECT_LE(busiest, 50);
  EXPECT_GE(per_second.size(), 95u);
}

TEST(Status, HostsBackingOffAreListed) {
  Db db("sched_status_hosts");
  newsd::politeness::HostState busy;
  busy.host = "busy.example";
  busy.backoff_until = kNow + 1h;
  busy.backoff_seconds = 3600;
  busy.consecutive_errors = 1;
  newsd::politeness::HostState healthy;
  healthy.host = "fine.example";
  healthy.next_allowed_at = kNow;
  std::vector<newsd::politeness::HostState> states = {busy, healthy};
  newsd::storage::save_host_states(db.conn, states);
  auto health = load_fetch_health(db.conn, kNow);
  ASSERT_EQ(health.hosts.size(), 1u);
  EXPECT_EQ(health.hosts[0].host, "busy.example");
  EXPECT_EQ(health.hosts[0].backoff_until, kNow + 1h);
  EXPECT_EQ(health.hosts[0].backoff_seconds, 3600);
  EXPECT_TRUE(load_fetch_health(db.conn, kNow + 2h).hosts.size() == 1u) << "an error streak is still shown";
}

TEST(Status, SourcesNamedByUrlOrByTitleIgnoringCaseAndSpace) {
  Db db("sched_status_select");
  auto gazette = db.add_source("https://harbour.example/rss.xml");
  auto first_echo = db.add_source("https://echo-one.example/feed");
  auto second_echo = db.add_source("https://echo-two.example/feed");
  db.conn.exec("titles", "update sources set title = 'Harbour Gazette' where id = $1::bigint",
               {std::to_string(gazette)});
  db.conn.exec("titles", "update sources set title = 'Echo' where id = any($1::bigint[])",
               {fmt::format("{{{},{}}}", first_echo, second_echo)});

  EXPECT_EQ(source_id_by_url(db.conn, "https://harbour.example/rss.xml"), gazette);
  EXPECT_EQ(source_id_by_url(db.conn, "https://harbour.example/other.xml"), std::nullopt);
  auto by_title = sources_by_title(db.conn, "  harbour GAZETTE ");
  ASSERT_EQ(by_title.size(), 1u);
  EXPECT_EQ(by_title[0].id, gazette);
  auto both = sources_by_title(db.conn, "echo");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].id, first_echo);
  EXPECT_EQ(both[1].url, "https://echo-two.example/feed");
  EXPECT_TRUE(sources_by_title(db.conn, "nobody").empty());
}

TEST(Status, CountsAndRowsOfTheSourcesInTheOrderAsked) {
  Db db("sched_status_rows");
  auto fresh = db.add_source("https://new.example/feed");
  auto failing = db.add_source("https://failing.example/feed");
  auto gone = db.add_source("https://gone.example/feed");
  ScheduleConfig config;
  std::mt19937_64 rng(1);
  record_poll_failure(db.conn, failing, {kNow, 500, "HTTP 500", std::nullopt}, config, rng);
  db.conn.exec("disable",
               "update sources set disabled_at = now(), disabled_reason = 'gone' where id = $1::bigint",
               {std::to_string(gone)});

  auto counts = count_sources(db.conn);
  EXPECT_EQ(counts.enabled, 2);
  EXPECT_EQ(counts.failing, 1);
  EXPECT_EQ(counts.disabled, 1);
  EXPECT_EQ(counts.due, 2) << "a new source is due at once, and kNow's retry lies in the past";
  ASSERT_TRUE(next_poll_text(db.conn).has_value());
  EXPECT_TRUE(next_poll_text(db.conn)->ends_with("Z"));

  auto all = load_source_status(db.conn, std::nullopt);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].id, fresh);
  EXPECT_EQ(all[0].state, "new");
  EXPECT_EQ(all[0].title, std::nullopt);
  EXPECT_EQ(all[0].category_json, "[]");
  EXPECT_EQ(all[1].state, "failing");
  EXPECT_EQ(all[1].last_status, 500);
  EXPECT_EQ(all[1].last_error, "HTTP 500");
  EXPECT_EQ(all[1].consecutive_errors, 1);
  EXPECT_EQ(all[1].failing_since, "2025-06-15T15:06:40Z");
  EXPECT_EQ(all[2].state, "disabled");
  EXPECT_FALSE(all[2].due);
  EXPECT_EQ(all[2].disabled_reason, "gone");

  auto chosen = load_source_status(db.conn, std::vector<std::int64_t>{gone, fresh});
  ASSERT_EQ(chosen.size(), 2u);
  EXPECT_EQ(chosen[0].id, gone);
  EXPECT_EQ(chosen[1].id, fresh);
}

}  // namespace
