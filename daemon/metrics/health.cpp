#include "metrics/health.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <memory>

#include "metrics/names.h"

namespace newsd::metrics {

std::string probe_database(const std::string& database_url, std::chrono::seconds timeout) {
  const std::string seconds = std::to_string(std::max<long long>(1, timeout.count()));
  const std::string options = fmt::format("-c statement_timeout={}", timeout.count() * 1000);
  const char* keys[] = {"dbname", "connect_timeout", "options", "application_name", nullptr};
  const char* values[] = {database_url.c_str(), seconds.c_str(), options.c_str(), "newsd healthz", nullptr};
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdbParams(keys, values, 1), &PQfinish);
  auto message = [&conn] {
    std::string text = conn ? PQerrorMessage(conn.get()) : "out of memory";
    // libpq's messages end in (and may hold) newlines: one line for the JSON.
    for (auto& c : text) {
      if (c == '\n') c = ' ';
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text.empty() ? std::string("unknown error") : text;
  };
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) return "database unreachable: " + message();
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), "select 1"), &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
    return "database query failed: " + message();
  return {};
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
