#pragma once
// What `newsd status` shows about fetching health: sources that are failing
// or disabled (with their last error) and hosts that are backing off.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scheduler/schedule.h"
#include "storage/pg.h"

namespace newsd::scheduler {

struct SourceHealth {
  std::int64_t id = 0;
  std::string url;
  int consecutive_errors = 0;
  std::optional<TimePoint> failing_since;
  std::optional<int> last_status;
  std::string last_error;
  std::optional<TimePoint> next_poll_at;
  std::optional<TimePoint> disabled_at;
  std::string disabled_reason;
};

struct HostHealth {
  std::string host;
  std::optional<TimePoint> backoff_until;
  int backoff_seconds = 0;
  int consecutive_errors = 0;
  std::optional<TimePoint> next_allowed_at;
  std::optional<double> crawl_delay_seconds;
  std::optional<int> robots_status;
};

struct FetchHealth {
  std::vector<SourceHealth> failing;   // enabled, consecutive_errors > 0; longest failing first
  std::vector<SourceHealth> disabled;  // most recently disabled first
  std::vector<HostHealth> hosts;       // backing off at `now` or with an error streak
};

FetchHealth load_fetch_health(pg::Connection& conn, TimePoint now);

}  // namespace newsd::scheduler
