// Poll-time arithmetic: adaptive intervals, feed and HTTP hints, skip rules,
// error backoff, disabling, and how start times spread.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "scheduler/poll_queue.h"
#include "scheduler/schedule.h"

namespace {

using namespace std::chrono_literals;
using namespace newsd::scheduler;

// Wednesday 2025-06-11 10:00:00 UTC.
const TimePoint kNow = std::chrono::sys_days(std::chrono::year(2025) / 6 / 11) + 10h;

std::vector<TimePoint> every(std::chrono::seconds gap, int count, TimePoint last = kNow) {
  std::vector<TimePoint> dates;
  for (int i = 0; i < count; ++i) dates.push_back(last - i * gap);
  return dates;
}

TEST(AdaptiveInterval, HalfTheMedianGap) {
  ScheduleConfig config;
  EXPECT_EQ(adaptive_interval(every(4h, 10), kNow, config), 2h);
  // The median ignores one long silence.
  auto dates = every(2h, 9);
  dates.push_back(dates.back() - 72h);
  EXPECT_EQ(adaptive_interval(dates, kNow, config), 1h);
}

TEST(AdaptiveInterval, ClampedToMinAndMax) {
  ScheduleConfig config;
  EXPECT_EQ(adaptive_interval(every(1min, 20), kNow, config), 15min);
  EXPECT_EQ(adaptive_interval(every(24h * 10, 5), kNow, config), 24h);
}

TEST(AdaptiveInterval, FallsBackWithTooFewDates) {
  ScheduleConfig config;
  EXPECT_EQ(adaptive_interval({}, kNow, config), 1h);
  EXPECT_EQ(adaptive_interval(every(4h, 1), kNow, config), 1h);
  // Duplicates and dates in the future do not count.
  std::vector<TimePoint> odd = {kNow, kNow, kNow + 5h, kNow + 10h};
  EXPECT_EQ(adaptive_interval(odd, kNow, config), 1h);
}

TEST(AdaptiveInterval, LooksOnlyAtRecentItems) {
  ScheduleConfig config;
  config.recent_items = 5;
  auto dates = every(2h, 6);                      // 5 recent gaps of 2 h
  auto old = every(20h, 30, dates.back() - 20h);  // a long slow history before
  dates.insert(dates.end(), old.begin(), old.end());
  EXPECT_EQ(adaptive_interval(dates, kNow, config), 1h);
}

TEST(PollInterval, HintsRaiseButNeverLowerAndStayClamped) {
  ScheduleConfig config;
  FeedHints hints;
  EXPECT_EQ(poll_interval(1h, hints, config), 1h);
  hints.ttl = 3h;
  EXPECT_EQ(poll_interval(1h, hints, config), 3h);
  hints.update_period = 6h;
  EXPECT_EQ(poll_interval(1h, hints, config), 6h);
  hints.max_age = 10h;
  EXPECT_EQ(poll_interval(1h, hints, config), 10h);
  hints.ttl = 24h * 30;
  EXPECT_EQ(poll_interval(1h, hints, config), 24h);
  FeedHints short_cache;
  short_cache.max_age = 10s;  // never below the minimum
  EXPECT_EQ(poll_interval(15min, short_cache, config), 15min);
}

TEST(FeedHints, FromAParsedFeed) {
  feeds::Feed feed;
  feed.ttl_minutes = 60;
  feed.update_interval = 30min;
  feed.skip_hours = {0, 1, 24, 99, 1};
  feed.skip_days = {"Saturday", " sunday ", "Caturday"};
  auto hints = hints_from_feed(feed);
  EXPECT_EQ(hints.ttl, 1h);
  EXPECT_EQ(hints.update_period, 30min);
  EXPECT_EQ(hints.skip_hours, (std::vector<int>{0, 1}));
  EXPECT_EQ(hints.skip_days, (std::vector<int>{6, 0}));
}

TEST(FeedHints, ItemDatesPreferPublished) {
  feeds::Feed feed;
  feed.items.resize(3);
  feed.items[0].published = std::chrono::floor<std::chrono::seconds>(kNow);
  feed.items[1].updated = std::chrono::floor<std::chrono::seconds>(kNow - 1h);
  auto dates = item_dates(feed);
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[1], kNow - 1h);
}

TEST(SkipRules, MovesOutOfSkippedHoursAndDays) {
  FeedHints hints;
  hints.skip_hours = {10, 11};
  EXPECT_EQ(skip_forward(kNow + 30min, hints), kNow + 2h);
  EXPECT_EQ(skip_forward(kNow + 2h, hints), kNow + 2h);
  hints.skip_hours.clear();
  hints.skip_days = {3, 4};  // Wednesday, Thursday
  EXPECT_EQ(skip_forward(kNow, hints), std::chrono::sys_days(std::chrono::year(2025) / 6 / 13));
}

TEST(SkipRules, EverythingSkippedMeansNothingSkipped) {
  FeedHints hints;
  for (int h = 0; h < 24; ++h) hints.skip_hours.push_back(h);
  EXPECT_EQ(skip_forward(kNow, hints), kNow);
}

TEST(NextPoll, SuccessUsesIntervalExpiresSkipAndJitter) {
  ScheduleConfig config;
  std::mt19937_64 rng(3);
  FeedHints hints;
  for (int i = 0; i < 100; ++i) {
    auto at = next_poll_after_success(kNow, 1h, hints, config, rng);
    EXPECT_GE(at, kNow + 1h);
    EXPECT_LE(at, kNow + 1h + 6min);
  }
  hints.expires = kNow + 5h;
  EXPECT_GE(next_poll_after_success(kNow, 1h, hints, config, rng), kNow + 5h);
  hints.expires = kNow + 24h * 10;  // Expires never pushes past the maximum
  EXPECT_LE(next_poll_after_success(kNow, 1h, hints, config, rng), kNow + 24h + 10min);
  FeedHints skip;
  skip.skip_hours = {11};
  auto at = next_poll_after_success(kNow, 1h, skip, config, rng);
  EXPECT_GE(at, kNow + 2h);
  // Even a bogus interval is clamped.
  EXPECT_GE(next_poll_after_success(kNow, 1s, {}, config, rng), kNow + 15min);
}

TEST(NextPoll, ErrorsBackOffExponentiallyAndTheHostWins) {
  ScheduleConfig config;
  EXPECT_EQ(error_backoff(1, config), 15min);
  EXPECT_EQ(error_backoff(2, config), 30min);
  EXPECT_EQ(error_backoff(4, config), 2h);
  EXPECT_EQ(error_backoff(20, config), 24h);
  std::mt19937_64 rng(5);
  auto own = next_poll_after_error(kNow, 3, std::nullopt, config, rng);
  EXPECT_GE(own, kNow + 1h);
  EXPECT_LE(own, kNow + 1h + 6min);
  auto host = next_poll_after_error(kNow, 1, kNow + 5h, config, rng);
  EXPECT_GE(host, kNow + 5h);
  EXPECT_LE(host, kNow + 5h + 90s);
  EXPECT_LE(next_poll_after_error(kNow, 3, kNow + 1min, config, rng), kNow + 1h + 6min);
}

TEST(Disable, AfterSevenDaysOfFailure) {
  ScheduleConfig config;
  EXPECT_FALSE(should_disable(std::nullopt, kNow, config));
  EXPECT_FALSE(should_disable(kNow - 24h * 7 + 1s, kNow, config));
  EXPECT_TRUE(should_disable(kNow - 24h * 7, kNow, config));
}

// The 10,000 sources requirement, steady state: all polled at the same
// moment with the same interval, their next starts must spread out.
TEST(Spread, TenThousandSourcesDoNotStartInTheSameSecond) {
  ScheduleConfig config;
  std::mt19937_64 rng(11);
  std::map<std::int64_t, int> per_second;
  for (int i = 0; i < 10'000; ++i) {
    auto at = next_poll_after_success(kNow, 15min, {}, config, rng);
    ++per_second[std::chrono::duration_cast<std::chrono::seconds>(at - kNow).count()];
  }
  int busiest = 0;
  for (const auto& [second, count] : per_second) busiest = std::max(busiest, count);
  EXPECT_GE(per_second.size(), 85u);  // 90 s of jitter for a 15 min interval
  EXPECT_LE(busiest, 200);            // about 110 a second on average
}

TEST(Spread, StartupSpreadsOverdueSourcesEvenly) {
  ScheduleConfig config;
  std::mt19937_64 rng(13);
  auto times = spread_startup(10'000, kNow, config, rng);
  ASSERT_EQ(times.size(), 10'000u);
  std::map<std::int64_t, int> per_second;
  for (auto at : times) {
    EXPECT_GE(at, kNow);
    EXPECT_LT(at, kNow + 500s);  // 10,000 at 20 per second
    ++per_second[std::chrono::duration_cast<std::chrono::seconds>(at - kNow).count()];
  }
  int busiest = 0;
  for (const auto& [second, count] : per_second) busiest = std::max(busiest, count);
  EXPECT_GE(per_second.size(), 495u);
  EXPECT_LE(busiest, 50);  // mean 20, a Poisson tail above 45 is vanishingly rare
  // A handful of sources still get at least a minute.
  auto few = spread_startup(10, kNow, config, rng);
  EXPECT_TRUE(std::all_of(few.begin(), few.end(), [](TimePoint t) { return t < kNow + 60s; }));
}

TEST(PollQueue, OrdersMovesAndPops) {
  PollQueue queue;
  queue.schedule(1, kNow + 3s);
  queue.schedule(2, kNow + 1s);
  queue.schedule(3, kNow + 2s);
  queue.schedule(1, kNow);  // moved earlier
  EXPECT_EQ(queue.size(), 3u);
  EXPECT_EQ(queue.next_due(), kNow);
  EXPECT_EQ(queue.pop_due(kNow + 1s, 10), (std::vector<std::int64_t>{1, 2}));
  queue.remove(3);
  EXPECT_TRUE(queue.empty());
  EXPECT_FALSE(queue.next_due());
  for (int i = 0; i < 5; ++i) queue.schedule(i, kNow);
  EXPECT_EQ(queue.pop_due(kNow, 2).size(), 2u);
  EXPECT_EQ(queue.size(), 3u);
  EXPECT_EQ(queue.scheduled_at(4), kNow);
  EXPECT_TRUE(queue.pop_due(kNow - 1s, 10).empty());
}

}  // namespace
