#include "storage/fetch_log.h"

#include <fmt/core.h>

#include <array>

namespace newsd::storage {

namespace {

std::string_view kind_name(FetchKind kind) {
  switch (kind) {
    case FetchKind::feed:
      return "feed";
    case FetchKind::article:
      return "article";
    case FetchKind::robots:
      return "robots";
  }
  return "feed";
}

template <typename Number>
std::optional<std::string> text_of(const std::optional<Number>& value) {
  if (!value) return std::nullopt;
  return std::to_string(*value);
}

pg::Param param(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return *text;
}

}  // namespace

FetchLog::FetchLog(Database& db) : db_(db) {}

void FetchLog::record(const FetchRecord& record) {
  const std::string operation = fmt::format("log fetch of {}", record.url);
  // Microseconds since the epoch keep the request time exact without a
  // text timestamp format to agree on.
  const std::string at =
      fmt::format("{:.6f}", std::chrono::duration<double>(record.at.time_since_epoch()).count());
  const auto status = text_of(record.status);
  const auto bytes = text_of(record.bytes);
  const auto duration = text_of(record.duration_ms);
  const auto source = text_of(record.source_id);
  db_.run(operation, [&](pg::Connection& conn) {
    db_.prepare(operation, "newsd_fetch_log_insert", R"sql(
      insert into fetch_log (at, url, host, kind, status, bytes, duration_ms, error, source_id)
      values (to_timestamp($1::double precision), $2, $3, $4, $5::int, $6::bigint, $7::int, $8,
              $9::bigint))sql");
    std::array<pg::Param, 9> params{at,
                                    record.url,
                                    record.host,
                                    kind_name(record.kind),
                                    param(status),
                                    param(bytes),
                                    param(duration),
                                    record.error.empty() ? pg::Param() : pg::Param(record.error),
                                    param(source)};
    conn.exec_prepared(operation, "newsd_fetch_log_insert", params);
  });
}

long long FetchLog::prune_older_than(std::chrono::seconds max_age) {
  const std::string operation = "prune fetch_log";
  const std::string seconds = std::to_string(max_age.count());
  return db_.run(operation, [&](pg::Connection& conn) {
    return conn
        .exec(operation,
              "delete from fetch_log where at < now() - make_interval(secs => $1::double precision)",
              {seconds})
        .affected_rows();
  });
}

}  // namespace newsd::storage
