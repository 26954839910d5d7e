#include "scheduler/status.h"

#include "storage/pg_time.h"

namespace newsd::scheduler {

namespace {

using politeness::sql_time_column;
using politeness::time_column;

std::vector<SourceHealth> load_sources(pg::Connection& conn, std::string_view operation,
                                       const std::string& where) {
  auto result =
      conn.exec(operation, "select id, url, consecutive_errors, " + sql_time_column("failing_since") +
                               ", last_status, coalesce(last_error, ''), " + sql_time_column("next_poll_at") +
                               ", " + sql_time_column("disabled_at") +
                               ", coalesce(disabled_reason, '') from sources " + where);
  std::vector<SourceHealth> sources;
  for (int row = 0; row < result.rows(); ++row) {
    SourceHealth source;
    source.id = result.integer(row, 0);
    source.url = std::string(result.text(row, 1));
    source.consecutive_errors = static_cast<int>(result.integer(row, 2));
    source.failing_since = time_column(result, row, 3);
    if (!result.is_null(row, 4)) source.last_status = static_cast<int>(result.integer(row, 4));
    source.last_error = std::string(result.text(row, 5));
    source.next_poll_at = time_column(result, row, 6);
    source.disabled_at = time_column(result, row, 7);
    source.disabled_reason = std::string(result.text(row, 8));
    sources.push_back(std::move(source));
  }
  return sources;
}

}  // namespace

FetchHealth load_fetch_health(pg::Connection& conn, TimePoint now) {
  FetchHealth health;
  // The WHERE clauses are constant text; nothing from data is spliced in.
  health.failing = load_sources(conn, "list failing sources",
                                "where disabled_at is null and consecutive_errors > 0 "
                                "order by failing_since nulls last, id");
  health.disabled = load_sources(conn, "list disabled sources",
                                 "where disabled_at is not null order by disabled_at desc, id");
  std::string now_text = politeness::micros_text(now);
  auto hosts =
      conn.exec("list hosts backing off",
                "select host, " + sql_time_column("backoff_until") +
                    ", backoff_seconds, consecutive_errors, " + sql_time_column("next_allowed_at") +
                    ", crawl_delay_seconds, robots_status from hosts where consecutive_errors > 0 or "
                    "backoff_until > " +
                    politeness::sql_time_param("$1") + " order by backoff_until desc nulls last, host",
                {now_text});
  for (int row = 0; row < hosts.rows(); ++row) {
    HostHealth host;
    host.host = std::string(hosts.text(row, 0));
    host.backoff_until = time_column(hosts, row, 1);
    host.backoff_seconds = static_cast<int>(hosts.integer(row, 2));
    host.consecutive_errors = static_cast<int>(hosts.integer(row, 3));
    host.next_allowed_at = time_column(hosts, row, 4);
    if (!hosts.is_null(row, 5)) host.crawl_delay_seconds = std::stod(std::string(hosts.text(row, 5)));
    if (!hosts.is_null(row, 6)) host.robots_status = static_cast<int>(hosts.integer(row, 6));
    health.hosts.push_back(std::move(host));
  }
  return health;
}

}  // namespace newsd::scheduler
