// newsd status: the state of the sources, hosts and stored data, read from
// the database (a running daemon need not be asked).
#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>

#include "cli/args.h"
#include "cli/commands.h"
#include "cluster/database.h"
#include "scheduler/status.h"
#include "storage/migrations.h"
#include "storage/pg.h"

namespace newsd::cli {
namespace {

std::string when(std::optional<std::chrono::system_clock::time_point> time) {
  if (!time) return "-";
  return fmt::format("{:%Y-%m-%d %H:%M:%S}Z", std::chrono::floor<std::chrono::seconds>(*time));
}

long long count(pg::Connection& conn, std::string_view sql) {
  auto result = conn.exec("count for status", sql);
  return result.rows() > 0 ? result.integer(0, 0) : 0;
}

}  // namespace

int cmd_status(std::span<const std::string_view> args) {
  Args parsed(args, {"db", "config"});
  if (!parsed.positional().empty()) throw UsageError("status takes no positional arguments");
  Logger logger(LogLevel::warn, stderr);
  auto database = cluster::open_database(parsed.value("db"), parsed.value("config"), logger);
  pg::Connection conn(database.url);
  int version = storage::schema_version(conn);
  if (version == 0) {
    fmt::print(
        stderr,
        "newsd status: the database ({}) has no newsd schema yet; run 'newsd migrate' or 'newsd run'\n",
        database.origin);
    return kExitFailure;
  }
  auto now = std::chrono::system_clock::now();

  fmt::print("database: {} (schema version {})\n", database.origin, version);
  fmt::print("sources: {} enabled, {} due now, {} failing, {} disabled\n",
             count(conn, "select count(*) from sources where disabled_at is null"),
             count(conn, "select count(*) from sources where disabled_at is null and next_poll_at <= now()"),
             count(conn, "select count(*) from sources where disabled_at is null and consecutive_errors > 0"),
             count(conn, "select count(*) from sources where disabled_at is not null"));
  auto next = conn.exec("next poll", "select min(next_poll_at)::text from sources where disabled_at is null");
  if (next.rows() > 0 && !next.is_null(0, 0)) fmt::print("next poll: {}\n", next.text(0, 0));
  fmt::print("items: {} ({} in the last 24 h)\n", count(conn, "select count(*) from items"),
             count(conn, "select count(*) from items where first_seen_at > now() - interval '24 hours'"));
  auto articles =
      conn.exec("count articles", "select status, count(*) from articles group by status order by status");
  std::string by_status;
  for (int row = 0; row < articles.rows(); ++row) {
    by_status += fmt::format("{}{} {}", row > 0 ? ", " : "", articles.integer(row, 1), articles.text(row, 0));
  }
  fmt::print("articles: {}\n", by_status.empty() ? "none" : by_status);

  auto health = scheduler::load_fetch_health(conn, now);
  if (!health.failing.empty()) {
    fmt::print("\nfailing sources:\n");
    for (const auto& source : health.failing) {
      fmt::print("  {} {}\n    {} errors in a row since {}; next try {}\n    last error: {}\n", source.id,
                 source.url, source.consecutive_errors, when(source.failing_since), when(source.next_poll_at),
                 source.last_error.empty() ? "-" : source.last_error);
    }
  }
  if (!health.disabled.empty()) {
    fmt::print("\ndisabled sources:\n");
    for (const auto& source : health.disabled) {
      fmt::print("  {} {}\n    disabled {}: {}\n", source.id, source.url, when(source.disabled_at),
                 source.disabled_reason.empty() ? "-" : source.disabled_reason);
      if (!source.last_error.empty()) fmt::print("    last error: {}\n", source.last_error);
    }
  }
  if (!health.hosts.empty()) {
    fmt::print("\nhosts backing off or failing:\n");
    for (const auto& host : health.hosts) {
      fmt::print("  {}: backoff until {} ({} s), {} errors in a row\n", host.host, when(host.backoff_until),
                 host.backoff_seconds, host.consecutive_errors);
    }
  }
  return kExitOk;
}

}  // namespace newsd::cli
