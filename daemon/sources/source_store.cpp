#include "sources/source_store.h"

#include <fmt/core.h>

#include <boost/json.hpp>

#include "storage/source_options.h"

namespace newsd::sources {
namespace {

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

}  // namespace newsd::sources
