#pragma once
// Politeness state in the `hosts` table, so a restart does not hammer a host
// that asked us to wait, and robots.txt is not fetched again within 24 h.
// Blocking (libpq): call from the storage thread, hand the values over.
#include <span>
#include <vector>

#include "politeness/host_gate.h"
#include "politeness/host_policy.h"
#include "politeness/robots_cache.h"
#include "storage/pg.h"

namespace newsd::politeness {

std::vector<HostState> load_host_states(pg::Connection& conn);
std::vector<RobotsRecord> load_robots_records(pg::Connection& conn);

// Upserts the timing columns; the robots_* columns are left alone.
void save_host_states(pg::Connection& conn, std::span<const HostState> states);
// Upserts the robots_* columns; the timing columns are left alone.
void save_robots_record(pg::Connection& conn, const RobotsRecord& record);

// Loads everything saved into a fresh gate and cache (at start-up).
void restore_politeness(pg::Connection& conn, HostGate& gate, RobotsCache& robots);

}  // namespace newsd::politeness
