#include "politeness/source_throttle.h"

#include <algorithm>

namespace newsd::politeness {

void SourceThrottle::set_min_interval(std::int64_t source_id, std::chrono::seconds interval) {
  entries_[source_id].min_interval = std::max(interval, std::chrono::seconds(0));
}

void SourceThrottle::restore(std::int64_t source_id, TimePoint last_polled_at) {
  auto& last = entries_[source_id].last_start;
  if (!last || *last < last_polled_at) last = last_polled_at;
}

std::optional<TimePoint> SourceThrottle::not_before(std::int64_t source_id) const {
  auto found = entries_.find(source_id);
  if (found == entries_.end() || !found->second.last_start) return std::nullopt;
  return *found->second.last_start + found->second.min_interval.value_or(default_);
}

bool SourceThrottle::try_begin(std::int64_t source_id, TimePoint now) {
  if (auto earliest = not_before(source_id); earliest && now < *earliest) return false;
  entries_[source_id].last_start = now;
  return true;
}

}  // namespace newsd::politeness
