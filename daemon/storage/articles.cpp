#include "storage/articles.h"

#include <fmt/core.h>

#include <boost/json.hpp>

#include <array>

namespace newsd::storage {

namespace {

std::string strings_json(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const auto& value : values) out.emplace_back(value);
  return boost::json::serialize(out);
}

std::optional<std::string> epoch(const std::optional<std::chrono::sys_seconds>& time) {
  if (!time) return std::nullopt;
  return std::to_string(time->time_since_epoch().count());
}

pg::Param optional_param(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

pg::Param optional_param(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return *text;
}

}  // namespace

ArticleStore::ArticleStore(Database& db) : db_(db) {}

std::int64_t ArticleStore::record_pending(std::string_view canonical_url, std::string_view url) {
  const std::string operation = fmt::format("record article {}", canonical_url);
  return db_.run(operation, [&](pg::Connection& conn) {
    // The no-op update makes RETURNING yield the id of an existing row too,
    // in one statement; it only runs when the row exists.
    db_.prepare(operation, "newsd_article_pending", R"sql(
      insert into articles (canonical_url, url) values ($1, $2)
      on conflict (canonical_url) do update set canonical_url = excluded.canonical_url
        where false
      returning id)sql");
    std::array<pg::Param, 2> params{canonical_url, url};
    auto inserted = conn.exec_prepared(operation, "newsd_article_pending", params);
    if (inserted.rows() == 1) return inserted.integer(0, 0);
    auto existing = conn.exec(operation, "select id from articles where canonical_url = $1", {canonical_url});
    if (existing.rows() != 1) throw pg::Error(fmt::format("{}: row vanished", operation), "P0002");
    return existing.integer(0, 0);
  });
}

void ArticleStore::store_extracted(std::int64_t article_id, const feeds::Article& article,
                                   std::optional<int> http_status) {
  const std::string operation = fmt::format("store extracted article {}", article_id);
  const std::string id = std::to_string(article_id);
  const std::string authors = strings_json(article.authors);
  const std::string tags = strings_json(article.tags);
  const auto published = epoch(article.published);
  const auto modified = epoch(article.modified);
  const std::string word_count = std::to_string(article.word_count);
  const std::string confidence = fmt::format("{}", article.confidence);
  const std::optional<std::string> status_text =
      http_status ? std::optional(std::to_string(*http_status)) : std::nullopt;
  db_.run(operation, [&](pg::Connection& conn) {
    db_.prepare(operation, "newsd_article_extracted", R"sql(
      update articles set
        url = coalesce($2, url), title = $3, authors = $4::jsonb,
        published = to_timestamp($5::bigint), modified = to_timestamp($6::bigint),
        site_name = $7, language = $8, description = $9, text = $10, html = $11, image = $12,
        tags = $13::jsonb, word_count = $14::int, confidence = $15::real, method = $16,
        http_status = $17::int, status = 'extracted', error = null,
        attempts = attempts + 1, fetched_at = now(), extracted_at = now()
      where id = $1::bigint and status = 'pending')sql");
    std::array<pg::Param, 17> params{id,
                                     optional_param(article.url),
                                     optional_param(article.title),
                                     authors,
                                     optional_param(published),
                                     optional_param(modified),
                                     optional_param(article.site_name),
                                     optional_param(article.language),
                                     optional_param(article.description),
                                     article.text,
                                     optional_param(article.html),
                                     optional_param(article.image),
                                     tags,
                                     word_count,
                                     confidence,
                                     optional_param(article.method),
                                     optional_param(status_text)};
    auto result = conn.exec_prepared(operation, "newsd_article_extracted", params);
    if (result.affected_rows() == 1) return;
    // Already extracted: this is a retry whose first attempt committed but
    // lost its answer with the connection. Storing it again would count the
    // page twice.
    auto state = conn.exec(operation, "select status from articles where id = $1::bigint", {id});
    if (state.rows() == 1 && state.text(0, 0) == "extracted") return;
    throw pg::Error(fmt::format("{}: no such pending article", operation), "P0002");
  });
}

void ArticleStore::store_failure(std::int64_t article_id, ArticleOutcome outcome, std::string_view error,
                                 std::optional<int> http_status) {
  const std::string operation = fmt::format("record article {} failure", article_id);
  const std::string id = std::to_string(article_id);
  const std::optional<std::string> status_text =
      http_status ? std::optional(std::to_string(*http_status)) : std::nullopt;
  db_.run(operation, [&](pg::Connection& conn) {
    db_.prepare(operation, "newsd_article_failed", R"sql(
      update articles set status = $2, error = $3, http_status = $4::int,
        attempts = attempts + 1, fetched_at = now()
      where id = $1::bigint)sql");
    std::array<pg::Param, 4> params{id, outcome == ArticleOutcome::failed ? "failed" : "skipped", error,
                                    optional_param(status_text)};
    auto result = conn.exec_prepared(operation, "newsd_article_failed", params);
    if (result.affected_rows() != 1) throw pg::Error(fmt::format("{}: no such article", operation), "P0002");
  });
}

std::vector<PendingArticle> ArticleStore::pending(int limit, const std::optional<PendingCursor>& after) {
  const std::string operation = "list pending articles";
  const std::string limit_text = std::to_string(limit);
  const std::string after_id = after ? std::to_string(after->id) : std::string("0");
  pg::Param after_time = after ? pg::Param(after->created_at) : std::nullopt;
  return db_.run(operation, [&](pg::Connection& conn) {
    auto rows = conn.exec(operation,
                          "select id, canonical_url, url, attempts, created_at::text from articles "
                          "where status = 'pending' and ($2::timestamptz is null or "
                          "(created_at, id) > ($2::timestamptz, $3::bigint)) "
                          "order by created_at, id limit $1::int",
                          {limit_text, after_time, after_id});
    std::vector<PendingArticle> out;
    out.reserve(static_cast<std::size_t>(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row) {
      out.push_back({rows.integer(row, 0), std::string(rows.text(row, 1)), std::string(rows.text(row, 2)),
                     static_cast<int>(rows.integer(row, 3)),
                     PendingCursor{std::string(rows.text(row, 4)), rows.integer(row, 0)}});
    }
    return out;
  });
}

std::optional<PendingArticle> ArticleStore::pending_article(std::int64_t article_id) {
  const std::string operation = fmt::format("read the state of article {}", article_id);
  const std::string id = std::to_string(article_id);
  return db_.run(operation, [&](pg::Connection& conn) -> std::optional<PendingArticle> {
    auto rows = conn.exec(operation,
                          "select canonical_url, url, attempts, created_at::text from articles "
                          "where id = $1::bigint and status = 'pending'",
                          {id});
    if (rows.rows() == 0) return std::nullopt;
    return PendingArticle{article_id, std::string(rows.text(0, 0)), std::string(rows.text(0, 1)),
                          static_cast<int>(rows.integer(0, 2)),
                          PendingCursor{std::string(rows.text(0, 3)), article_id}};
  });
}

void ArticleStore::note_retry(std::int64_t article_id, std::string_view error,
                              std::optional<int> http_status) {
  const std::string operation = fmt::format("note a failed attempt at article {}", article_id);
  const std::string id = std::to_string(article_id);
  const std::optional<std::string> status_text =
      http_status ? std::optional(std::to_string(*http_status)) : std::nullopt;
  db_.run(operation, [&](pg::Connection& conn) {
    conn.exec(
        operation,
        "update articles set attempts = attempts + 1, error = $2, http_status = $3::int, fetched_at = now() "
        "where id = $1::bigint and status = 'pending'",
        {id, error, optional_param(status_text)});
  });
}

long long ArticleStore::count_pending() {
  const std::string operation = "count the pending articles";
  return db_.run(operation, [&](pg::Connection& conn) {
    return conn.exec(operation, "select count(*) from articles where status = 'pending'").integer(0, 0);
  });
}

std::vector<ArticleStatusCount> count_articles_by_status(pg::Connection& conn) {
  auto result = conn.exec("count the articles",
                          "select status, count(*) from articles group by status order by status");
  std::vector<ArticleStatusCount> counts;
  counts.reserve(static_cast<std::size_t>(result.rows()));
  for (int row = 0; row < result.rows(); ++row)
    counts.push_back({std::string(result.text(row, 0)), result.integer(row, 1)});
  return counts;
}

std::optional<ExtractedText> find_extracted_article(pg::Connection& conn, std::string_view url_part) {
  // strpos, not LIKE: the URL part is matched as it is, '%' and '_' included.
  auto found = conn.exec("find an extracted article by URL",
                         "select title, word_count, text, site_name from articles "
                         "where status = 'extracted' and strpos(canonical_url, $1) > 0 limit 1",
                         {url_part});
  if (found.rows() == 0) return std::nullopt;
  return ExtractedText{std::string(found.text(0, 0)), found.integer(0, 1), std::string(found.text(0, 2)),
                       std::string(found.text(0, 3))};
}

}  // namespace newsd::storage
