#include "storage/sources.h"

#include <fmt/core.h>

#include <boost/json.hpp>
#include <exception>

#include "feeds/dates.h"
#include "storage/pg.h"
#include "storage/pg_time.h"
#include "storage/source_options.h"

namespace newsd::storage {

namespace {

std::string rfc3339(TimePoint time) {
  return feeds::format_rfc3339(std::chrono::floor<std::chrono::seconds>(time));
}

// The columns of Source, in the order read_source reads them: every query
// that returns sources selects these, so there is one row type and one reader.
std::string source_columns() {
  return "id, url, coalesce(title, ''), coalesce(etag, ''), coalesce(last_modified, ''), options::text, "
         "extract(epoch from poll_interval)::bigint, coalesce(redirect_url, ''), redirect_count, " +
         sql_time_column("next_poll_at") + ", " + sql_time_column("last_polled_at") +
         ", consecutive_errors, " + sql_time_column("failing_since") +
         ", last_status, coalesce(last_error, ''), " + sql_time_column("disabled_at") +
         ", coalesce(disabled_reason, '')";
}

Source read_source(const pg::Result& result, int row) {
  Source source;
  source.id = result.integer(row, 0);
  source.url = std::string(result.text(row, 1));
  source.title = std::string(result.text(row, 2));
  source.etag = std::string(result.text(row, 3));
  source.last_modified = std::string(result.text(row, 4));
  try {
    source.options = options_from_json(result.text(row, 5));
  } catch (const std::exception& e) {
    source.options_error = e.what();
  }
  if (!result.is_null(row, 6)) source.poll_interval = Seconds(result.integer(row, 6));
  source.redirect_url = std::string(result.text(row, 7));
  source.redirect_count = static_cast<int>(result.integer(row, 8));
  source.next_poll_at = *time_column(result, row, 9);
  source.last_polled_at = time_column(result, row, 10);
  source.consecutive_errors = static_cast<int>(result.integer(row, 11));
  source.failing_since = time_column(result, row, 12);
  if (!result.is_null(row, 13)) source.last_status = static_cast<int>(result.integer(row, 13));
  source.last_error = std::string(result.text(row, 14));
  source.disabled_at = time_column(result, row, 15);
  source.disabled_reason = std::string(result.text(row, 16));
  source.disabled = source.disabled_at.has_value();
  return source;
}

// `where` is constant text; nothing from data is spliced in.
std::vector<Source> select_sources(pg::Connection& conn, std::string_view operation, const std::string& where,
                                   std::span<const pg::Param> params = {}) {
  auto result = conn.exec(operation, "select " + source_columns() + " from sources " + where, params);
  std::vector<Source> sources;
  sources.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) sources.push_back(read_source(result, row));
  return sources;
}

std::string json_array(const std::vector<std::string>& values) {
  boost::json::array array;
  for (const auto& value : values) array.emplace_back(value);
  return boost::json::serialize(array);
}

pg::Param optional_param(const std::optional<std::string>& value) {
  if (!value) return std::nullopt;
  return pg::Param(*value);
}

// The text[] parameters travel as JSON arrays: no hand-made array literals.
constexpr std::string_view kUpsert = R"sql(
insert into sources (url, title, site_url, category, options)
values ($1, $2, $3, array(select jsonb_array_elements_text($4::jsonb)), $5::jsonb)
on conflict (url) do update set
  title = excluded.title,
  site_url = excluded.site_url,
  category = excluded.category,
  options = excluded.options,
  disabled_at = case when sources.disabled_reason = $6 then null else sources.disabled_at end,
  disabled_reason = case when sources.disabled_reason = $6 then null else sources.disabled_reason end,
  updated_at = now()
where (sources.title, sources.site_url, sources.category, sources.options)
        is distinct from (excluded.title, excluded.site_url, excluded.category, excluded.options)
   or sources.disabled_reason = $6
returning (xmax = 0) as inserted,
          -- RETURNING subqueries see the row as it was before this statement.
          (select s.disabled_reason = $6 from sources s where s.url = $1) as was_import_disabled,
          disabled_at is not null as disabled
)sql";

constexpr std::string_view kDisabledOtherwise = R"sql(
select 1 from sources where url = $1 and disabled_at is not null
)sql";

constexpr std::string_view kDisableMissing = R"sql(
update sources set disabled_at = now(), disabled_reason = $2, updated_at = now()
where disabled_at is null and url not in (select jsonb_array_elements_text($1::jsonb))
returning url
)sql";

constexpr std::string_view kDeleteMissing = R"sql(
delete from sources where url not in (select jsonb_array_elements_text($1::jsonb)) returning url
)sql";

}  // namespace

std::optional<Source> load_source(pg::Connection& conn, std::int64_t source_id) {
  const std::string id = std::to_string(source_id);
  const pg::Param params[] = {id};
  auto found =
      select_sources(conn, fmt::format("load source {}", source_id), "where id = $1::bigint", params);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Source> load_schedule(pg::Connection& conn) {
  return select_sources(conn, "load the poll schedule",
                        "where disabled_at is null order by next_poll_at, id");
}

std::vector<std::int64_t> due_source_ids(pg::Connection& conn, TimePoint now) {
  auto result = conn.exec("find the sources due now",
                          "select id from sources where disabled_at is null and next_poll_at <= " +
                              sql_time_param("$1") + " order by next_poll_at, id",
                          {micros_text(now)});
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) ids.push_back(result.integer(row, 0));
  return ids;
}

std::size_t spread_overdue_sources(pg::Connection& conn, TimePoint now,
                                   const scheduler::ScheduleConfig& config, std::mt19937_64& rng) {
  const auto due = due_source_ids(conn, now);
  if (due.empty()) return 0;
  auto times = scheduler::spread_startup(due.size(), now, config, rng);
  // Two arrays as two bound parameters: one round trip for any number of sources.
  std::string ids = "{";
  std::string micros = "{";
  for (std::size_t i = 0; i < due.size(); ++i) {
    if (i > 0) {
      ids += ',';
      micros += ',';
    }
    ids += std::to_string(due[i]);
    micros += micros_text(times[i]);
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
                                   const scheduler::ScheduleConfig& config, std::mt19937_64& rng) {
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
    verdict.next_poll_at = scheduler::next_poll_after_error(poll.polled_at, verdict.consecutive_errors,
                                                            poll.host_backoff_until, config, rng);
    verdict.disabled = scheduler::should_disable(verdict.failing_since, poll.polled_at, config);
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

RedirectVerdict record_feed_facts(pg::Connection& conn, const Source& source, const FeedFetchFacts& facts) {
  std::string operation = fmt::format("record the fetch of source {} ({})", source.id, source.url);
  std::string id = std::to_string(source.id);
  RedirectVerdict verdict;

  std::string redirect_url;
  int redirect_count = 0;
  bool moved = facts.permanent_redirect && !facts.final_url.empty() && facts.final_url != source.url;
  if (moved) {
    redirect_url = facts.final_url;
    redirect_count = source.redirect_url == facts.final_url ? source.redirect_count + 1 : 1;
  }
  bool change_url = moved && redirect_count >= kPermanentRedirectPolls;
  if (change_url) {
    auto taken = conn.exec(operation, "select 1 from sources where url = $1 and id <> $2::bigint",
                           {facts.final_url, id});
    if (taken.rows() > 0) {
      change_url = false;
      verdict.note =
          fmt::format("permanent redirect to {}, which is already another source; URL kept", facts.final_url);
    }
  } else if (moved) {
    verdict.note = fmt::format("permanent redirect to {} seen on {} of {} consecutive polls", facts.final_url,
                               redirect_count, kPermanentRedirectPolls);
  }

  pg::Param etag = facts.etag;
  pg::Param last_modified = facts.last_modified;
  if (facts.not_modified) {
    etag = source.etag;
    last_modified = source.last_modified;
  }
  if (etag && etag->empty()) etag.reset();
  if (last_modified && last_modified->empty()) last_modified.reset();
  std::string count_text = std::to_string(change_url ? 0 : redirect_count);
  pg::Param redirect = (moved && !change_url) ? pg::Param(redirect_url) : std::nullopt;
  pg::Param new_url = change_url ? pg::Param(facts.final_url) : std::nullopt;
  pg::Param title = facts.feed_title.empty() ? std::nullopt : pg::Param(facts.feed_title);
  pg::Param site = facts.site_url.empty() ? std::nullopt : pg::Param(facts.site_url);
  conn.exec(operation,
            "update sources set etag = $2, last_modified = $3, redirect_url = $4, redirect_count = $5::int, "
            "url = coalesce($6, url), title = coalesce(nullif(title, ''), $7), "
            "site_url = coalesce(nullif(site_url, ''), $8) where id = $1::bigint",
            {id, etag, last_modified, redirect, count_text, new_url, title, site});
  if (change_url) {
    verdict.url_changed = true;
    verdict.note = fmt::format("permanent redirect seen on {} consecutive polls: URL changed from {} to {}",
                               kPermanentRedirectPolls, source.url, facts.final_url);
  }
  return verdict;
}

FetchHealth load_fetch_health(pg::Connection& conn, TimePoint now) {
  FetchHealth health;
  health.failing = select_sources(conn, "list failing sources",
                                  "where disabled_at is null and consecutive_errors > 0 "
                                  "order by failing_since nulls last, id");
  health.disabled = select_sources(conn, "list disabled sources",
                                   "where disabled_at is not null order by disabled_at desc, id");
  health.hosts = load_troubled_hosts(conn, now);
  return health;
}

namespace {

// A timestamptz column as RFC 3339 UTC text, the form JSON consumers parse.
std::string utc_text(std::string_view column) {
  return fmt::format(R"(to_char({} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))", column);
}

long long count_of(pg::Connection& conn, std::string_view sql) {
  auto result = conn.exec("count for status", sql);
  return result.rows() > 0 ? result.integer(0, 0) : 0;
}

}  // namespace

SourceCounts count_sources(pg::Connection& conn) {
  SourceCounts counts;
  counts.enabled = count_of(conn, "select count(*) from sources where disabled_at is null");
  counts.due =
      count_of(conn, "select count(*) from sources where disabled_at is null and next_poll_at <= now()");
  counts.failing =
      count_of(conn, "select count(*) from sources where disabled_at is null and consecutive_errors > 0");
  counts.disabled = count_of(conn, "select count(*) from sources where disabled_at is not null");
  return counts;
}

std::optional<std::string> next_poll_text(pg::Connection& conn) {
  auto next = conn.exec("next poll", fmt::format("select {} from sources where disabled_at is null "
                                                 "order by next_poll_at limit 1",
                                                 utc_text("next_poll_at")));
  if (next.rows() == 0) return std::nullopt;
  return next.optional_text(0, 0);
}

std::vector<SourceStatus> load_source_status(pg::Connection& conn,
                                             const std::optional<std::vector<std::int64_t>>& only) {
  std::string ids = "{";
  if (only) {
    for (std::size_t i = 0; i < only->size(); ++i) ids += fmt::format("{}{}", i > 0 ? "," : "", (*only)[i]);
  }
  ids += "}";
  const std::string sql = fmt::format(
      "select s.id, s.url, s.title, s.site_url, to_json(s.category)::text, "
      "case when s.disabled_at is not null then 'disabled' when s.consecutive_errors > 0 then 'failing' "
      "when s.last_polled_at is null then 'new' else 'ok' end, "
      "s.disabled_at is null and s.next_poll_at <= now(), {}, {}, {}, s.last_status, s.last_error, "
      "s.consecutive_errors, {}, {}, s.disabled_reason, "
      "(select count(*) from items i where i.source_id = s.id) "
      "from sources s where $1::boolean or s.id = any($2::bigint[]) "
      "order by coalesce(array_position($2::bigint[], s.id), 0), s.id",
      utc_text("s.last_polled_at"), utc_text("s.last_success_at"), utc_text("s.next_poll_at"),
      utc_text("s.failing_since"), utc_text("s.disabled_at"));
  auto rows = conn.exec("list the sources for status", sql, {only ? "false" : "true", ids});
  std::vector<SourceStatus> sources;
  sources.reserve(static_cast<std::size_t>(rows.rows()));
  for (int row = 0; row < rows.rows(); ++row) {
    SourceStatus source;
    source.id = rows.integer(row, 0);
    source.url = rows.text(row, 1);
    source.title = rows.optional_text(row, 2);
    source.site_url = rows.optional_text(row, 3);
    source.category_json = rows.text(row, 4);
    source.state = rows.text(row, 5);
    source.due = rows.text(row, 6) == "t";
    source.last_polled_at = rows.optional_text(row, 7);
    source.last_success_at = rows.optional_text(row, 8);
    source.next_poll_at = rows.optional_text(row, 9);
    if (!rows.is_null(row, 10)) source.last_status = static_cast<int>(rows.integer(row, 10));
    source.last_error = rows.optional_text(row, 11);
    source.consecutive_errors = rows.integer(row, 12);
    source.failing_since = rows.optional_text(row, 13);
    source.disabled_at = rows.optional_text(row, 14);
    source.disabled_reason = rows.optional_text(row, 15);
    source.items = rows.integer(row, 16);
    sources.push_back(std::move(source));
  }
  return sources;
}

std::optional<std::int64_t> source_id_by_url(pg::Connection& conn, std::string_view url) {
  auto by_url = conn.exec("find a source by URL", "select id from sources where url = $1", {url});
  if (by_url.rows() != 1) return std::nullopt;
  return by_url.integer(0, 0);
}

std::vector<SourceRef> sources_by_title(pg::Connection& conn, std::string_view title) {
  auto by_title = conn.exec("find a source by title",
                            "select id, url from sources where lower(btrim(title)) = lower(btrim($1)) "
                            "order by id",
                            {title});
  std::vector<SourceRef> matches;
  for (int row = 0; row < by_title.rows(); ++row) {
    matches.push_back({by_title.integer(row, 0), std::string(by_title.text(row, 1))});
  }
  return matches;
}

SyncReport sync_sources(pg::Connection& conn, std::span<const feeds::OpmlSource> sources,
                        const SyncOptions& options) {
  const std::string operation = fmt::format("import sources from {}", options.origin);
  return pg::transaction(conn, operation, [&] {
    // Two imports at once would each disable the other's sources.
    conn.exec(operation, "select pg_advisory_xact_lock(hashtext('newsd sources import'))");
    SyncReport report;
    std::vector<std::string> urls;
    urls.reserve(sources.size());
    for (const auto& source : sources) {
      urls.push_back(source.url);
      const std::string category = json_array(source.category);
      const std::string json_options = options_to_json(source.options);
      auto result =
          conn.exec(fmt::format("{} (line {}: {})", operation, source.line, source.url), kUpsert,
                    {pg::Param(source.url), optional_param(source.title), optional_param(source.site_url),
                     pg::Param(category), pg::Param(json_options), pg::Param(kMissingFromImport)});
      if (result.rows() == 0) {
        auto disabled = conn.exec(operation, kDisabledOtherwise, {pg::Param(source.url)});
        if (disabled.rows() > 0) {
          report.still_disabled.push_back(source.url);
        } else {
          ++report.unchanged;
        }
      } else if (result.text(0, 0) == "t") {
        report.added.push_back(source.url);
      } else if (result.text(0, 1) == "t") {
        report.reenabled.push_back(source.url);
      } else {
        report.updated.push_back(source.url);
        if (result.text(0, 2) == "t") report.still_disabled.push_back(source.url);
      }
      if (options.on_progress) options.on_progress(urls.size(), sources.size());
    }
    const std::string listed = json_array(urls);
    if (options.prune) {
      auto deleted = conn.exec(operation, kDeleteMissing, {pg::Param(listed)});
      for (int row = 0; row < deleted.rows(); ++row) report.deleted.emplace_back(deleted.text(row, 0));
    } else {
      const std::string reason(kMissingFromImport);
      auto disabled = conn.exec(operation, kDisableMissing, {pg::Param(listed), pg::Param(reason)});
      for (int row = 0; row < disabled.rows(); ++row) report.disabled.emplace_back(disabled.text(row, 0));
    }
    return report;
  });
}

std::vector<feeds::OpmlSource> load_sources(pg::Connection& conn) {
  auto result = conn.exec("read sources for export", R"sql(
select id, url, title, site_url, to_jsonb(category)::text, options::text
from sources where disabled_at is null
order by category, lower(coalesce(title, url)), url
)sql");
  std::vector<feeds::OpmlSource> sources;
  sources.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) {
    feeds::OpmlSource source;
    source.url = std::string(result.text(row, 1));
    source.title = result.optional_text(row, 2);
    source.site_url = result.optional_text(row, 3);
    const auto category = boost::json::parse(result.text(row, 4));  // outlives the loop
    for (const auto& segment : category.as_array()) source.category.emplace_back(segment.as_string());
    try {
      source.options = options_from_json(result.text(row, 5));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(fmt::format("source {} ({}): {}", result.text(row, 0), source.url, e.what()));
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

std::optional<long long> add_source(pg::Connection& conn, const feeds::OpmlSource& source) {
  const std::string category = json_array(source.category);
  const std::string json_options = options_to_json(source.options);
  auto result = conn.exec(fmt::format("add source {}", source.url), R"sql(
insert into sources (url, title, site_url, category, options)
values ($1, $2, $3, array(select jsonb_array_elements_text($4::jsonb)), $5::jsonb)
on conflict (url) do nothing
returning id
)sql",
                          {pg::Param(source.url), optional_param(source.title),
                           optional_param(source.site_url), pg::Param(category), pg::Param(json_options)});
  if (result.rows() == 0) return std::nullopt;
  return result.integer(0, 0);
}

}  // namespace newsd::storage
