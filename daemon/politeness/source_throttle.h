#pragma once
// Per-source minimum interval: however a poll comes about (schedule, manual
// trigger, WebSub ping), a source is never fetched more often than this.
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>

#include "politeness/host_policy.h"

namespace newsd::politeness {

inline constexpr std::chrono::seconds kDefaultSourceMinInterval{std::chrono::minutes(15)};

class SourceThrottle {
 public:
  explicit SourceThrottle(std::chrono::seconds default_min_interval = kDefaultSourceMinInterval)
      : default_(default_min_interval) {}

  // A source's own minimum (OPML minInterval); never below zero.
  void set_min_interval(std::int64_t source_id, std::chrono::seconds interval);
  // The last poll start known from the database (sources.last_polled_at).
  void restore(std::int64_t source_id, TimePoint last_polled_at);

  // Earliest time the source may be polled again (nullopt: now).
  [[nodiscard]] std::optional<TimePoint> not_before(std::int64_t source_id) const;
  // Records a poll start and returns true when allowed at `now`; false (and
  // records nothing) when the source was polled too recently.
  bool try_begin(std::int64_t source_id, TimePoint now);

 private:
  struct Entry {
    std::optional<std::chrono::seconds> min_interval;
    std::optional<TimePoint> last_start;
  };
  std::chrono::seconds default_;
  std::map<std::int64_t, Entry> entries_;
};

}  // namespace newsd::politeness
