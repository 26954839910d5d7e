#include "metrics/health.h"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <memory>

#include "metrics/names.h"
#include "storage/pg.h"

namespace newsd::metrics {

std::string probe_database(const std::string& database_url, std::chrono::seconds timeout) {
  return pg::probe(database_url, timeout);
}

HealthReport assess_health(const Registry& registry, const std::string& database_problem,
                           std::chrono::system_clock::time_point now, const HealthLimits& limits) {
  const double now_s = std::chrono::duration<double>(now.time_since_epoch()).count();
  boost::json::object body;
  auto last_turn = registry.value(kLastTurn);
  auto last_success = registry.value(kLastSuccessfulPoll);
  body["database"] = database_problem.empty() ? "ok" : "unreachable";
  body["last_scheduler_turn"] = last_turn ? boost::json::value(*last_turn) : boost::json::value(nullptr);
  body["last_successful_poll"] =
      last_success ? boost::json::value(*last_success) : boost::json::value(nullptr);
  auto draining_since = registry.value(kDrainingSince);
  const bool draining = draining_since && *draining_since > 0;
  if (draining) body["draining_since"] = *draining_since;
  std::string reason;
  if (!database_problem.empty()) {
    reason = database_problem;
  } else if (draining) {
    // A reload or stop waits for the polls in flight: the loop does not turn
    // meanwhile, yet the scheduler is alive, unless the drain never ends.
    if (now_s - *draining_since > static_cast<double>(limits.max_drain.count())) {
      reason = fmt::format("the scheduler has been draining its polls for {:.0f} s (limit {} s)",
                           now_s - *draining_since, limits.max_drain.count());
    }
  } else if (!last_turn) {
    reason = "the scheduler has not started yet";
  } else if (now_s - *last_turn > static_cast<double>(limits.max_turn_age.count())) {
    reason = fmt::format("the scheduler loop last turned {:.0f} s ago (limit {} s)", now_s - *last_turn,
                         limits.max_turn_age.count());
  }
  HealthReport report;
  report.healthy = reason.empty();
  body["status"] = report.healthy ? "ok" : "unhealthy";
  if (!reason.empty()) body["reason"] = reason;
  report.json = boost::json::serialize(body);
  return report;
}

}  // namespace newsd::metrics
