// newsd status [SOURCE...] [--json]: the state of the sources, hosts and
// stored data, read from the database (a running daemon need not be asked).
// The JSON shape is documented in docs/operations.md#status and versioned
// by its "format" member: members may be added, none renamed or removed.
#include <fmt/chrono.h>
#include <fmt/core.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/source_selector.h"
#include "cluster/database.h"
#include "storage/articles.h"
#include "storage/items.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "storage/sources.h"

namespace newsd::cli {
namespace {

namespace json = boost::json;

constexpr int kStatusJsonFormat = 1;

std::string when(std::optional<std::chrono::system_clock::time_point> time) {
  if (!time) return "-";
  return fmt::format("{:%Y-%m-%d %H:%M:%S}Z", std::chrono::floor<std::chrono::seconds>(*time));
}

json::value json_time(std::optional<std::chrono::system_clock::time_point> time) {
  if (!time) return nullptr;
  return json::string(fmt::format("{:%Y-%m-%dT%H:%M:%S}Z", std::chrono::floor<std::chrono::seconds>(*time)));
}

struct Counts {
  storage::SourceCounts sources;
  storage::ItemCounts items;
  std::vector<storage::ArticleStatusCount> articles;  // by status
};

Counts load_counts(pg::Connection& conn) {
  return {storage::count_sources(conn), storage::count_items(conn), storage::count_articles_by_status(conn)};
}

// Every source (or the selected ones) with its state, for --json and for
// `status SOURCE...`.
json::array load_sources(pg::Connection& conn, const std::optional<std::vector<std::int64_t>>& only) {
  auto text_or_null = [](const std::optional<std::string>& text) -> json::value {
    if (!text) return nullptr;
    return json::string(*text);
  };
  json::array sources;
  for (const auto& row : storage::load_source_status(conn, only)) {
    json::object source;
    source["id"] = row.id;
    source["url"] = row.url;
    source["title"] = text_or_null(row.title);
    source["site_url"] = text_or_null(row.site_url);
    source["category"] = json::parse(row.category_json);
    source["state"] = row.state;
    source["due"] = row.due;
    source["last_polled_at"] = text_or_null(row.last_polled_at);
    source["last_success_at"] = text_or_null(row.last_success_at);
    source["next_poll_at"] = text_or_null(row.next_poll_at);
    source["last_status"] = row.last_status ? json::value(*row.last_status) : json::value(nullptr);
    source["last_error"] = text_or_null(row.last_error);
    source["consecutive_errors"] = row.consecutive_errors;
    source["failing_since"] = text_or_null(row.failing_since);
    source["disabled_at"] = text_or_null(row.disabled_at);
    source["disabled_reason"] = text_or_null(row.disabled_reason);
    source["items"] = row.items;
    sources.push_back(std::move(source));
  }
  return sources;
}

std::string_view string_or(const json::value& value, std::string_view fallback) {
  return value.is_string() ? std::string_view(value.get_string()) : fallback;
}

void print_selected(const json::array& sources) {
  for (const auto& value : sources) {
    const auto& source = value.as_object();
    fmt::print("\n{} {}\n", source.at("id").as_int64(), string_or(source.at("url"), ""));
    fmt::print("  title: {}\n", string_or(source.at("title"), "-"));
    fmt::print("  state: {}{}\n", string_or(source.at("state"), ""),
               source.at("due").as_bool() ? ", due now" : "");
    fmt::print("  items: {}\n", source.at("items").as_int64());
    fmt::print("  last polled: {}; last success: {}; next poll: {}\n",
               string_or(source.at("last_polled_at"), "-"), string_or(source.at("last_success_at"), "-"),
               string_or(source.at("next_poll_at"), "-"));
    if (source.at("consecutive_errors").as_int64() > 0) {
      fmt::print("  {} errors in a row since {}\n", source.at("consecutive_errors").as_int64(),
                 string_or(source.at("failing_since"), "-"));
    }
    if (!source.at("last_error").is_null())
      fmt::print("  last error: {}\n", string_or(source.at("last_error"), ""));
    if (!source.at("disabled_at").is_null()) {
      fmt::print("  disabled {}: {}\n", string_or(source.at("disabled_at"), ""),
                 string_or(source.at("disabled_reason"), "-"));
    }
  }
}

}  // namespace

int cmd_status(std::span<const std::string_view> args) {
  Args parsed(args, options::kStatus);
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
  std::optional<std::vector<std::int64_t>> selected;
  if (!parsed.positional().empty()) selected = select_sources(conn, parsed.positional());
  auto now = std::chrono::system_clock::now();
  const Counts counts = load_counts(conn);
  const std::optional<std::string> next_poll = storage::next_poll_text(conn);
  auto health = storage::load_fetch_health(conn, now);

  if (parsed.flag("json")) {
    json::object out;
    out["format"] = kStatusJsonFormat;
    out["generated_at"] = json_time(now);
    json::object about_database;
    about_database["origin"] = database.origin;
    about_database["schema_version"] = version;
    out["database"] = std::move(about_database);
    json::object articles;
    for (const char* status : {"pending", "extracted", "failed", "skipped"}) articles[status] = 0;
    for (const auto& [status, n] : counts.articles) articles[status] = n;
    json::object sources;
    sources["enabled"] = counts.sources.enabled;
    sources["due"] = counts.sources.due;
    sources["failing"] = counts.sources.failing;
    sources["disabled"] = counts.sources.disabled;
    json::object items;
    items["total"] = counts.items.total;
    items["last_24h"] = counts.items.last_24h;
    json::object all_counts;
    all_counts["sources"] = std::move(sources);
    all_counts["items"] = std::move(items);
    all_counts["articles"] = std::move(articles);
    out["counts"] = std::move(all_counts);
    out["next_poll_at"] = next_poll ? json::value(json::string(*next_poll)) : json::value(nullptr);
    out["sources"] = load_sources(conn, selected);
    json::array hosts;
    for (const auto& host : health.hosts) {
      json::object entry;
      entry["host"] = host.host;
      entry["in_backoff"] = host.backoff_until && *host.backoff_until > now;
      entry["backoff_until"] = json_time(host.backoff_until);
      entry["backoff_seconds"] = host.backoff_seconds;
      entry["consecutive_errors"] = host.consecutive_errors;
      hosts.push_back(std::move(entry));
    }
    out["hosts"] = std::move(hosts);
    fmt::print("{}\n", json::serialize(out));
    return kExitOk;
  }

  fmt::print("database: {} (schema version {})\n", database.origin, version);
  fmt::print("sources: {} enabled, {} due now, {} failing, {} disabled\n", counts.sources.enabled,
             counts.sources.due, counts.sources.failing, counts.sources.disabled);
  if (next_poll) fmt::print("next poll: {}\n", *next_poll);
  fmt::print("items: {} ({} in the last 24 h)\n", counts.items.total, counts.items.last_24h);
  std::string by_status;
  for (const auto& [status, n] : counts.articles)
    by_status += fmt::format("{}{} {}", by_status.empty() ? "" : ", ", n, status);
  fmt::print("articles: {}\n", by_status.empty() ? "none" : by_status);

  if (selected) {
    print_selected(load_sources(conn, selected));
    return kExitOk;
  }
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
