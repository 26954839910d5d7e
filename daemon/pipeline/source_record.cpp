#include "pipeline/source_record.h"

#include <fmt/core.h>

#include <exception>

#include "storage/pg_time.h"
#include "storage/source_options.h"

namespace newsd::pipeline {

std::optional<SourceRecord> load_source(pg::Connection& conn, std::int64_t source_id) {
  std::string id = std::to_string(source_id);
  auto result = conn.exec(
      fmt::format("load source {}", source_id),
      "select id, url, coalesce(title, ''), coalesce(etag, ''), coalesce(last_modified, ''), options::text, "
      "extract(epoch from poll_interval)::bigint, coalesce(redirect_url, ''), redirect_count, "
      "disabled_at is not null from sources where id = $1::bigint",
      {id});
  if (result.rows() == 0) return std::nullopt;
  SourceRecord source;
  source.id = result.integer(0, 0);
  source.url = std::string(result.text(0, 1));
  source.title = std::string(result.text(0, 2));
  source.etag = std::string(result.text(0, 3));
  source.last_modified = std::string(result.text(0, 4));
  try {
    source.options = sources::options_from_json(result.text(0, 5));
  } catch (const std::exception& e) {
    source.options_error = e.what();
  }
  if (!result.is_null(0, 6)) source.poll_interval = std::chrono::seconds(result.integer(0, 6));
  source.redirect_url = std::string(result.text(0, 7));
  source.redirect_count = static_cast<int>(result.integer(0, 8));
  source.disabled = result.text(0, 9) == "t";
  return source;
}

std::vector<std::int64_t> due_source_ids(pg::Connection& conn, std::chrono::system_clock::time_point now) {
  auto result = conn.exec("find the sources due now",
                          "select id from sources where disabled_at is null and next_poll_at <= " +
                              politeness::sql_time_param("$1") + " order by next_poll_at, id",
                          {politeness::micros_text(now)});
  std::vector<std::int64_t> ids;
  ids.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row) ids.push_back(result.integer(row, 0));
  return ids;
}

RedirectVerdict record_feed_facts(pg::Connection& conn, const SourceRecord& source,
                                  const FeedFetchFacts& facts) {
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

std::optional<ArticleTarget> pending_article(pg::Connection& conn, std::int64_t article_id) {
  std::string id = std::to_string(article_id);
  auto result = conn.exec(
      fmt::format("read the state of article {}", article_id),
      "select canonical_url, url, attempts from articles where id = $1::bigint and status = 'pending'", {id});
  if (result.rows() == 0) return std::nullopt;
  return ArticleTarget{article_id, std::string(result.text(0, 0)), std::string(result.text(0, 1)),
                       static_cast<int>(result.integer(0, 2))};
}

void note_article_retry(pg::Connection& conn, std::int64_t article_id, const std::string& error,
                        std::optional<int> http_status) {
  std::string id = std::to_string(article_id);
  std::optional<std::string> status =
      http_status ? std::optional(std::to_string(*http_status)) : std::nullopt;
  pg::Param status_param = status ? pg::Param(*status) : std::nullopt;
  conn.exec(
      fmt::format("note a failed attempt at article {}", article_id),
      "update articles set attempts = attempts + 1, error = $2, http_status = $3::int, fetched_at = now() "
      "where id = $1::bigint and status = 'pending'",
      {id, error, status_param});
}

}  // namespace newsd::pipeline
