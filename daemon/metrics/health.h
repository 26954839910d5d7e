#pragma once
// GET /healthz: healthy when the database answers a trivial query within a
// short timeout and the scheduler loop has turned recently; the body reports
// both and the last successful poll.
#include <chrono>
#include <string>

#include "metrics/registry.h"
#include "metrics/server.h"

namespace newsd::metrics {

struct HealthLimits {
  std::chrono::seconds database_timeout{3};  // connect and query, each
  std::chrono::seconds max_turn_age{60};     // the scheduler loop turns at least once a second when well
  // While draining (SIGHUP reload, stop) the loop does not turn but waits for
  // the polls in flight, which their timeouts bound: alive for this long.
  std::chrono::seconds max_drain{std::chrono::minutes(15)};
};

// Opens a connection of its own (the pipeline's is busy on its thread) and
// runs SELECT 1. Returns an empty string when it worked, else why not.
std::string probe_database(const std::string& database_url, std::chrono::seconds timeout);

// The report from a probe result and the registry's scheduler gauges.
HealthReport assess_health(const Registry& registry, const std::string& database_problem,
                           std::chrono::system_clock::time_point now, const HealthLimits& limits);

}  // namespace newsd::metrics
