#include "scheduler/source_store.h"

#include <fmt/core.h>

#include "feeds/dates.h"
#include "politeness/pg_time.h"

namespace newsd::scheduler {

namespace {

using politeness::micros_text;
using politeness::sql_time_column;
using politeness::sql_time_param;
using politeness::time_column;

std::string rfc3339(TimePoint time) {
  return feeds::format_rfc3339(std::chrono::floor<std::chrono::seconds>(time));
}

}  // namespace

std::vector<ScheduledSource> load_schedule(pg::Connection& conn) {
  auto result = conn.exec("load the poll schedule",
                          "select id, url, " + sql_time_column("next_poll_at") + ", " +
                              sql_time_column("last_polled_at") +
                              ", extract(epoch from poll_interval)::bigint, consecutive_errors from sources "
                              "where disabled_at is null order by next_poll_at, id");
  std::vector<ScheduledSource> sources;
  sources.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    ScheduledSource source;
    source.id = result.integer(row, 0);
    source.url = std::string(result.text(row, 1));
    source.next_poll_at = *time_column(result, row, 2);
    source.last_polled_at = time_column(result, row, 3);
    if (!result.is_null(row, 4)) source.poll_interval = Seconds(result.integer(row, 4));
    source.consecutive_errors = static_cast<int>(result.integer(row, 5));
    sources.push_back(std::move(source));
  }
  return sources;
}

std::size_t spread_overdue_sources(pg::Connection& conn, TimePoint now, const ScheduleConfig& config,
                                   std::mt19937_64& rng) {
  std::string now_text = micros_text(now);
  auto due = conn.exec("find overdue sources",
                       "select id from sources where disabled_at is null and next_poll_at <= " +
                           sql_time_param("$1") + " order by next_poll_at, id",
                       {now_text});
  if (due.rows() == 0) return 0;
  auto times = spread_startup(static_cast<std::size_t>(due.rows()), now, config, rng);
  // Two arrays as two bound parameters: one round trip for any number of sources.
  std::string ids = "{";
  std::string micros = "{";
  for (int row = 0; row < due.rows(); ++row) {
    if (row > 0) {
      ids += ',';
      micros += ',';
    }
    ids += due.text(row, 0);
    micros += micros_text(times[static_cast<std::size_t>(row)]);
  }
  ids += '}';
  micros += '}';
  auto updated =
      conn.exec("spread overdue sources over the start-up window",
                "update sources s set next_poll_at = ('epoch'::timestamptz + v.micros * "
                "interval '1 microsecond') from unnest($1::bigint[], $2::bigint[]) as v(id, micros) "
                "where s.id = v.id",
                {ids, micros});
  return static_cast<std::size_t>(updated.affected_rows());
}

void record_poll_success(pg::Connection& conn, std::int64_t source_id, const PollSuccess& poll) {
  std::string id = std::to_string(source_id);
  std::string polled_at = micros_text(poll.polled_at);
  std::string status = std::to_string(poll.status);
  std::string interval = std::to_string(poll.interval.count());
  std::string next = micros_text(poll.next_poll_at);
  conn.exec(fmt::format("record the successful poll of source {}", source_id),
            "update sources set last_polled_at = " + sql_time_param("$2") +
                ", last_success_at = " + sql_time_param("$2") +
                ", last_status = $3::int, last_error = null, consecutive_errors = 0, failing_since = null, "
                "poll_interval = $4::bigint * interval '1 second', next_poll_at = " +
                sql_time_param("$5") + " where id = $1::bigint",
            {id, polled_at, status, interval, next});
}

FailureVerdict record_poll_failure(pg::Connection& conn, std::int64_t source_id, const PollFailure& poll,
                                   const ScheduleConfig& config, std::mt19937_64& rng) {
  std::string operation = fmt::format("record the failed poll of source {}", source_id);
  return pg::transaction(conn, operation, [&] {
    std::string id = std::to_string(source_id);
    std::string polled_at = micros_text(poll.polled_at);
    std::optional<std::string> status;
    if (poll.status) status = std::to_string(*poll.status);
    auto counted =
        conn.exec(operation,
                  "update sources set last_polled_at = " + sql_time_param("$2") +
                      ", last_status = $3::int, last_error = $4, consecutive_errors = "
                      "consecutive_errors + 1, failing_since = coalesce(failing_since, " +
                      sql_time_param("$2") + ") where id = $1::bigint returning consecutive_errors, " +
                      sql_time_column("failing_since"),
                  {id, polled_at, status, poll.error});
    if (counted.rows() != 1) throw pg::Error(fmt::format("{}: no source with id {}", operation, source_id));

    FailureVerdict verdict;
    verdict.consecutive_errors = static_cast<int>(counted.integer(0, 0));
    verdict.failing_since = *time_column(counted, 0, 1);
    verdict.next_poll_at = next_poll_after_error(poll.polled_at, verdict.consecutive_errors,
                                                 poll.host_backoff_until, config, rng);
    verdict.disabled = should_disable(verdict.failing_since, poll.polled_at, config);
    std::string next = micros_text(verdict.next_poll_at);
    if (verdict.disabled) {
      std::string reason =
          fmt::format("failing since {} ({} errors in a row); last error: {}", rfc3339(verdict.failing_since),
                      verdict.consecutive_errors, poll.error);
      conn.exec(operation,
                "update sources set next_poll_at = " + sql_time_param("$2") + ", disabled_at = " +
                    sql_time_param("$3") + ", disabled_reason = $4 where id = $1::bigint",
                {id, next, polled_at, reason});
    } else {
      conn.exec(operation,
                "update sources set next_poll_at = " + sql_time_param("$2") + " where id = $1::bigint",
                {id, next});
    }
    return verdict;
  });
}

bool record_poll_postponed(pg::Connection& conn, std::int64_t source_id, TimePoint polled_at, int status,
                           TimePoint next_poll_at) {
  std::string id = std::to_string(source_id);
  std::string polled = micros_text(polled_at);
  std::string status_text = std::to_string(status);
  std::string next = micros_text(next_poll_at);
  auto updated = conn.exec(fmt::format("record the postponed poll of source {}", source_id),
                           "update sources set last_polled_at = " + sql_time_param("$2") +
                               ", last_status = $3::int, next_poll_at = " + sql_time_param("$4") +
                               " where id = $1::bigint",
                           {id, polled, status_text, next});
  return updated.affected_rows() == 1;
}

void enable_source(pg::Connection& conn, std::int64_t source_id, TimePoint now) {
  std::string id = std::to_string(source_id);
  std::string now_text = micros_text(now);
  conn.exec(fmt::format("re-enable source {}", source_id),
            "update sources set disabled_at = null, disabled_reason = null, consecutive_errors = 0, "
            "failing_since = null, next_poll_at = " +
                sql_time_param("$2") + " where id = $1::bigint",
            {id, now_text});
}

}  // namespace newsd::scheduler
