#pragma once
// The `hosts` table: politeness state, so a restart does not hammer a host
// that asked us to wait, and robots.txt is not fetched again within 24 h.
// Blocking (libpq): call from the storage thread, hand the values over.
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "politeness/host_policy.h"
#include "politeness/robots_cache.h"

namespace newsd::pg {
class Connection;
}

namespace newsd::storage {

using politeness::HostState;
using politeness::RobotsRecord;

std::vector<HostState> load_host_states(pg::Connection& conn);
std::vector<RobotsRecord> load_robots_records(pg::Connection& conn);

// Upserts the timing columns; the robots_* columns are left alone.
void save_host_states(pg::Connection& conn, std::span<const HostState> states);
// Upserts the robots_* columns; the timing columns are left alone.
void save_robots_record(pg::Connection& conn, const RobotsRecord& record);

// A host backing off or with an error streak, for `newsd status`.
struct HostHealth {
  std::string host;
  std::optional<std::chrono::system_clock::time_point> backoff_until;
  int backoff_seconds = 0;
  int consecutive_errors = 0;
  std::optional<std::chrono::system_clock::time_point> next_allowed_at;
  std::optional<double> crawl_delay_seconds;
  std::optional<int> robots_status;
};
// Hosts backing off at `now` or with an error streak, latest backoff first.
std::vector<HostHealth> load_troubled_hosts(pg::Connection& conn, std::chrono::system_clock::time_point now);

}  // namespace newsd::storage
