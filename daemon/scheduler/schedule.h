#pragma once
// When to poll a source next: pure functions of what the feed and the server
// said, with the time and the random source passed in.
//
// After a success: the interval adapts to how often the feed publishes (half
// the median gap between its recent items), is raised to the feed's own
// hints (ttl, sy:updatePeriod/Frequency, Cache-Control max-age), clamped to
// [min, max]; Expires may push the time further; skipHours/skipDays move it
// out of skipped hours; a little jitter keeps sources from starting together.
// After an error: exponential backoff, and never before the host's backoff.
#include <chrono>
#include <cstddef>
#include <optional>
#include <random>
#include <span>
#include <vector>

#include "feeds/feed.h"

namespace newsd::scheduler {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;
using Seconds = std::chrono::seconds;

struct ScheduleConfig {
  Seconds min_interval{std::chrono::minutes(15)};
  Seconds max_interval{std::chrono::hours(24)};
  Seconds default_interval{std::chrono::hours(1)};  // too few dated items to adapt
  std::size_t recent_items = 20;                    // item dates the median looks at
  double jitter_fraction = 0.1;                     // of the interval, added (never subtracted)
  Seconds max_jitter{std::chrono::minutes(10)};
  Seconds error_base{std::chrono::minutes(15)};  // first retry after an error
  Seconds error_max{std::chrono::hours(24)};
  Seconds disable_after{std::chrono::hours(24 * 7)};  // failing this long in a row
  double startup_rate = 20;                           // overdue sources started per second at start-up
};

// What a feed and its HTTP response say about polling.
struct FeedHints {
  std::optional<Seconds> ttl;            // RSS <ttl>
  std::optional<Seconds> update_period;  // sy:updatePeriod / sy:updateFrequency
  std::optional<Seconds> max_age;        // Cache-Control max-age
  std::optional<TimePoint> expires;      // Expires
  std::vector<int> skip_hours;           // 0-23 UTC
  std::vector<int> skip_days;            // 0 = Sunday ... 6 = Saturday
};

// ttl, sy:*, skipHours and skipDays from a parsed feed (unknown day names are ignored).
FeedHints hints_from_feed(const feeds::Feed& feed);
// The dates the adaptive interval looks at: each item's published, else updated.
std::vector<TimePoint> item_dates(const feeds::Feed& feed);

// Half the median gap between the most recent distinct item dates (dates
// after `now` are ignored), clamped to [min, max]; default_interval when
// fewer than two dates remain.
Seconds adaptive_interval(std::span<const TimePoint> dates, TimePoint now, const ScheduleConfig& config);

// The adaptive interval raised to the feed's hints, then clamped to [min, max].
Seconds poll_interval(Seconds adaptive, const FeedHints& hints, const ScheduleConfig& config);

// The first moment at or after `at` that is in neither a skipped hour nor a
// skipped day (UTC). Returns `at` when every hour or every day is skipped.
TimePoint skip_forward(TimePoint at, const FeedHints& hints);

// Random delay in [0, min(interval * jitter_fraction, max_jitter)].
Seconds jitter(Seconds interval, const ScheduleConfig& config, std::mt19937_64& rng);

// Next poll after a successful poll (200 or 304) at `now`.
TimePoint next_poll_after_success(TimePoint now, Seconds interval, const FeedHints& hints,
                                  const ScheduleConfig& config, std::mt19937_64& rng);

// The n-th consecutive error's retry delay before jitter: error_base * 2^(n-1), capped.
Seconds error_backoff(int consecutive_errors, const ScheduleConfig& config);

// Next poll after the n-th consecutive error; the host's backoff wins when later.
TimePoint next_poll_after_error(TimePoint now, int consecutive_errors,
                                std::optional<TimePoint> host_backoff_until, const ScheduleConfig& config,
                                std::mt19937_64& rng);

// True when a source failing since `failing_since` must be disabled at `now`.
bool should_disable(std::optional<TimePoint> failing_since, TimePoint now, const ScheduleConfig& config);

// Start times for `count` overdue sources right after start-up: spread
// uniformly over count / startup_rate seconds (at least one minute), so a
// restart does not start them all at once.
std::vector<TimePoint> spread_startup(std::size_t count, TimePoint now, const ScheduleConfig& config,
                                      std::mt19937_64& rng);

}  // namespace newsd::scheduler
