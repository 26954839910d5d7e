#include "scheduler/schedule.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace newsd::scheduler {

namespace {

Seconds clamp_interval(Seconds value, const ScheduleConfig& config) {
  Seconds low = config.min_interval;
  Seconds high = std::max(config.max_interval, low);
  return std::clamp(value, low, high);
}

int weekday_index(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kDays = {"sunday",   "monday", "tuesday", "wednesday",
                                                            "thursday", "friday", "saturday"};
  std::string lowered;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    lowered += static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  }
  for (std::size_t i = 0; i < kDays.size(); ++i) {
    if (lowered == kDays[i]) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

FeedHints hints_from_feed(const feeds::Feed& feed) {
  FeedHints hints;
  if (feed.ttl_minutes && *feed.ttl_minutes > 0) hints.ttl = std::chrono::minutes(*feed.ttl_minutes);
  if (feed.update_interval && feed.update_interval->count() > 0) hints.update_period = *feed.update_interval;
  for (int hour : feed.skip_hours) {
    if (hour == 24) hour = 0;  // some feeds count 1-24
    if (hour >= 0 && hour < 24 &&
        std::find(hints.skip_hours.begin(), hints.skip_hours.end(), hour) == hints.skip_hours.end())
      hints.skip_hours.push_back(hour);
  }
  for (const auto& day : feed.skip_days) {
    int index = weekday_index(day);
    if (index >= 0 &&
        std::find(hints.skip_days.begin(), hints.skip_days.end(), index) == hints.skip_days.end())
      hints.skip_days.push_back(index);
  }
  return hints;
}

std::vector<TimePoint> item_dates(const feeds::Feed& feed) {
  std::vector<TimePoint> dates;
  dates.reserve(feed.items.size());
  for (const auto& item : feed.items) {
    if (item.published) {
      dates.emplace_back(*item.published);
    } else if (item.updated) {
      dates.emplace_back(*item.updated);
    }
  }
  return dates;
}

Seconds adaptive_interval(std::span<const TimePoint> dates, TimePoint now, const ScheduleConfig& config) {
  std::vector<TimePoint> recent;
  recent.reserve(dates.size());
  for (TimePoint date : dates) {
    if (date <= now) recent.push_back(date);
  }
  std::sort(recent.begin(), recent.end(), std::greater<>());
  recent.erase(std::unique(recent.begin(), recent.end()), recent.end());
  if (recent.size() > config.recent_items + 1) recent.resize(config.recent_items + 1);
  if (recent.size() < 2) return clamp_interval(config.default_interval, config);

  std::vector<Seconds> gaps;
  gaps.reserve(recent.size() - 1);
  for (std::size_t i = 1; i < recent.size(); ++i) {
    gaps.push_back(std::chrono::duration_cast<Seconds>(recent[i - 1] - recent[i]));
  }
  std::sort(gaps.begin(), gaps.end());
  std::size_t middle = gaps.size() / 2;
  Seconds median = gaps.size() % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
  return clamp_interval(median / 2, config);
}

Seconds poll_interval(Seconds adaptive, const FeedHints& hints, const ScheduleConfig& config) {
  Seconds interval = adaptive;
  // The publisher's hints say polling sooner is pointless; they never make
  // us poll faster than we would anyway.
  for (const auto& hint : {hints.ttl, hints.update_period, hints.max_age}) {
    if (hint) interval = std::max(interval, *hint);
  }
  return clamp_interval(interval, config);
}

TimePoint skip_forward(TimePoint at, const FeedHints& hints) {
  if (hints.skip_hours.size() >= 24 || hints.skip_days.size() >= 7) return at;  // obeying would mean never
  auto skipped = [&](TimePoint t) {
    auto day_start = std::chrono::floor<std::chrono::days>(t);
    int hour = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(t - day_start).count());
    int weekday = static_cast<int>(std::chrono::weekday(std::chrono::sys_days(day_start)).c_encoding());
    return std::find(hints.skip_hours.begin(), hints.skip_hours.end(), hour) != hints.skip_hours.end() ||
           std::find(hints.skip_days.begin(), hints.skip_days.end(), weekday) != hints.skip_days.end();
  };
  TimePoint t = at;
  // At most a week of hours: the loop always ends because not everything is skipped.
  for (int step = 0; step < 24 * 8 && skipped(t); ++step) {
    t = std::chrono::ceil<std::chrono::hours>(t + std::chrono::nanoseconds(1));
  }
  return t;
}

Seconds jitter(Seconds interval, const ScheduleConfig& config, std::mt19937_64& rng) {
  double limit = std::min(static_cast<double>(interval.count()) * config.jitter_fraction,
                          static_cast<double>(config.max_jitter.count()));
  if (!(limit > 0)) return Seconds(0);
  std::uniform_int_distribution<std::int64_t> distribution(0, static_cast<std::int64_t>(limit));
  return Seconds(distribution(rng));
}

TimePoint next_poll_after_success(TimePoint now, Seconds interval, const FeedHints& hints,
                                  const ScheduleConfig& config, std::mt19937_64& rng) {
  interval = clamp_interval(interval, config);
  TimePoint at = now + interval;
  if (hints.expires && *hints.expires > at) at = std::min(*hints.expires, now + config.max_interval);
  at = skip_forward(at, hints);
  return at + jitter(interval, config, rng);
}

Seconds error_backoff(int consecutive_errors, const ScheduleConfig& config) {
  if (consecutive_errors <= 0) return config.error_base;
  double seconds =
      static_cast<double>(config.error_base.count()) * std::pow(2.0, std::min(consecutive_errors - 1, 40));
  if (seconds >= static_cast<double>(config.error_max.count())) return config.error_max;
  return Seconds(static_cast<std::int64_t>(seconds));
}

TimePoint next_poll_after_error(TimePoint now, int consecutive_errors,
                                std::optional<TimePoint> host_backoff_until, const ScheduleConfig& config,
                                std::mt19937_64& rng) {
  Seconds delay = error_backoff(consecutive_errors, config);
  TimePoint own = now + delay + jitter(delay, config, rng);
  if (host_backoff_until && *host_backoff_until > own) {
    // Spread the sources of one host over a little time after its backoff.
    return *host_backoff_until + jitter(config.min_interval, config, rng);
  }
  return own;
}

bool should_disable(std::optional<TimePoint> failing_since, TimePoint now, const ScheduleConfig& config) {
  return failing_since && now - *failing_since >= config.disable_after;
}

std::vector<TimePoint> spread_startup(std::size_t count, TimePoint now, const ScheduleConfig& config,
                                      std::mt19937_64& rng) {
  double rate = config.startup_rate > 0 ? config.startup_rate : 1;
  auto window_ms = static_cast<std::int64_t>(std::max(60.0, static_cast<double>(count) / rate) * 1000);
  std::uniform_int_distribution<std::int64_t> offset(0, window_ms - 1);
  std::vector<TimePoint> times;
  times.reserve(count);
  for (std::size_t i = 0; i < count; ++i) times.push_back(now + std::chrono::milliseconds(offset(rng)));
  return times;
}

}  // namespace newsd::scheduler
