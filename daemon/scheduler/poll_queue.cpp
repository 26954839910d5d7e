#include "scheduler/poll_queue.h"

namespace newsd::scheduler {

void PollQueue::schedule(std::int64_t source_id, TimePoint at) {
  remove(source_id);
  by_time_.emplace(at, source_id);
  by_id_.emplace(source_id, at);
}

void PollQueue::remove(std::int64_t source_id) {
  auto found = by_id_.find(source_id);
  if (found == by_id_.end()) return;
  by_time_.erase({found->second, source_id});
  by_id_.erase(found);
}

std::optional<TimePoint> PollQueue::next_due() const {
  if (by_time_.empty()) return std::nullopt;
  return by_time_.begin()->first;
}

std::optional<TimePoint> PollQueue::scheduled_at(std::int64_t source_id) const {
  auto found = by_id_.find(source_id);
  if (found == by_id_.end()) return std::nullopt;
  return found->second;
}

std::vector<std::int64_t> PollQueue::pop_due(TimePoint now, std::size_t limit) {
  std::vector<std::int64_t> due;
  while (!by_time_.empty() && due.size() < limit && by_time_.begin()->first <= now) {
    auto [at, id] = *by_time_.begin();
    by_time_.erase(by_time_.begin());
    by_id_.erase(id);
    due.push_back(id);
  }
  return due;
}

}  // namespace newsd::scheduler
