#pragma once
// The in-memory order of upcoming polls: source ids by next poll time.
// Rescheduling a source moves it; popping hands out what is due.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scheduler/schedule.h"

namespace newsd::scheduler {

class PollQueue {
 public:
  // Inserts the source or moves it to `at`.
  void schedule(std::int64_t source_id, TimePoint at);
  void remove(std::int64_t source_id);

  [[nodiscard]] std::optional<TimePoint> next_due() const;
  [[nodiscard]] std::optional<TimePoint> scheduled_at(std::int64_t source_id) const;
  // Removes and returns up to `limit` sources due at `now`, earliest first.
  std::vector<std::int64_t> pop_due(TimePoint now, std::size_t limit);

  [[nodiscard]] std::size_t size() const { return by_id_.size(); }
  [[nodiscard]] bool empty() const { return by_id_.empty(); }

 private:
  std::set<std::pair<TimePoint, std::int64_t>> by_time_;
  std::unordered_map<std::int64_t, TimePoint> by_id_;
};

}  // namespace newsd::scheduler
