#include "storage/hosts.h"

#include <fmt/core.h>

#include <algorithm>
#include <string>

#include "feeds/text.h"
#include "storage/pg.h"
#include "storage/pg_time.h"

namespace newsd::storage {

namespace {

std::optional<std::string> double_text(std::optional<double> value) {
  if (!value) return std::nullopt;
  return fmt::format("{}", *value);
}

std::optional<double> double_column(const pg::Result& result, int row, int column) {
  if (result.is_null(row, column)) return std::nullopt;
  std::string text(result.text(row, column));
  try {
    return std::stod(text);
  } catch (const std::exception&) {
    throw pg::Error(fmt::format("hosts: crawl_delay_seconds is not a number: '{}'", text));
  }
}

}  // namespace

std::vector<HostState> load_host_states(pg::Connection& conn) {
  auto result = conn.exec("load host politeness state",
                          "select host, " + sql_time_column("next_allowed_at") + ", " +
                              sql_time_column("backoff_until") +
                              ", backoff_seconds, consecutive_errors, crawl_delay_seconds from hosts");
  std::vector<HostState> states;
  states.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    HostState state;
    state.host = std::string(result.text(row, 0));
    state.next_allowed_at = time_column(result, row, 1);
    state.backoff_until = time_column(result, row, 2);
    state.backoff_seconds = static_cast<int>(result.integer(row, 3));
    state.consecutive_errors = static_cast<int>(result.integer(row, 4));
    state.crawl_delay_seconds = double_column(result, row, 5);
    states.push_back(std::move(state));
  }
  return states;
}

std::vector<RobotsRecord> load_robots_records(pg::Connection& conn) {
  auto result = conn.exec("load cached robots.txt", "select host, robots_txt, robots_status, " +
                                                        sql_time_column("robots_fetched_at") +
                                                        " from hosts where robots_fetched_at is not null");
  std::vector<RobotsRecord> records;
  for (int row = 0; row < result.rows(); ++row) {
    RobotsRecord record;
    record.host = std::string(result.text(row, 0));
    record.body = result.optional_text(row, 1);
    record.status = result.is_null(row, 2) ? 0 : static_cast<int>(result.integer(row, 2));
    record.fetched_at = *time_column(result, row, 3);
    records.push_back(std::move(record));
  }
  return records;
}

void save_host_states(pg::Connection& conn, std::span<const HostState> states) {
  static const std::string sql =
      "insert into hosts (host, next_allowed_at, backoff_until, backoff_seconds, consecutive_errors, "
      "crawl_delay_seconds) values ($1, " +
      sql_time_param("$2") + ", " + sql_time_param("$3") +
      ", $4::int, $5::int, $6::float8) on conflict (host) do update set "
      "next_allowed_at = excluded.next_allowed_at, backoff_until = excluded.backoff_until, "
      "backoff_seconds = excluded.backoff_seconds, consecutive_errors = excluded.consecutive_errors, "
      "crawl_delay_seconds = excluded.crawl_delay_seconds";
  for (const auto& state : states) {
    auto next_allowed = micros_text(state.next_allowed_at);
    auto backoff_until = micros_text(state.backoff_until);
    std::string backoff_seconds = std::to_string(state.backoff_seconds);
    std::string errors = std::to_string(state.consecutive_errors);
    auto crawl_delay = double_text(state.crawl_delay_seconds);
    conn.exec(fmt::format("save politeness state of host {}", state.host), sql,
              {state.host, next_allowed, backoff_until, backoff_seconds, errors, crawl_delay});
  }
}

void save_robots_record(pg::Connection& conn, const RobotsRecord& record) {
  static const std::string sql =
      "insert into hosts (host, robots_txt, robots_status, robots_fetched_at) values ($1, $2, $3::int, " +
      sql_time_param("$4") +
      ") on conflict (host) do update set robots_txt = excluded.robots_txt, "
      "robots_status = excluded.robots_status, robots_fetched_at = excluded.robots_fetched_at";
  std::optional<std::string> status;
  if (record.status != 0) status = std::to_string(record.status);
  auto fetched_at = micros_text(record.fetched_at);
  // robots.txt bodies are untrusted bytes; a text column takes neither NUL
  // nor invalid UTF-8, and neither can matter to the rules' ASCII keywords.
  std::optional<std::string> body = record.body;
  if (body) {
    std::erase(*body, '\0');
    feeds::repair_utf8(*body);
  }
  conn.exec(fmt::format("save robots.txt of host {}", record.host), sql,
            {record.host, body, status, fetched_at});
}

std::vector<HostHealth> load_troubled_hosts(pg::Connection& conn, std::chrono::system_clock::time_point now) {
  std::string now_text = micros_text(now);
  auto hosts =
      conn.exec("list hosts backing off",
                "select host, " + sql_time_column("backoff_until") +
                    ", backoff_seconds, consecutive_errors, " + sql_time_column("next_allowed_at") +
                    ", crawl_delay_seconds, robots_status from hosts where consecutive_errors > 0 or "
                    "backoff_until > " +
                    sql_time_param("$1") + " order by backoff_until desc nulls last, host",
                {now_text});
  std::vector<HostHealth> troubled;
  for (int row = 0; row < hosts.rows(); ++row) {
    HostHealth host;
    host.host = std::string(hosts.text(row, 0));
    host.backoff_until = time_column(hosts, row, 1);
    host.backoff_seconds = static_cast<int>(hosts.integer(row, 2));
    host.consecutive_errors = static_cast<int>(hosts.integer(row, 3));
    host.next_allowed_at = time_column(hosts, row, 4);
    if (!hosts.is_null(row, 5)) host.crawl_delay_seconds = std::stod(std::string(hosts.text(row, 5)));
    if (!hosts.is_null(row, 6)) host.robots_status = static_cast<int>(hosts.integer(row, 6));
    troubled.push_back(std::move(host));
  }
  return troubled;
}

}  // namespace newsd::storage
