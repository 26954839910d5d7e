#include "storage/retention.h"

#include <array>
#include <string>

namespace newsd::storage {

namespace {

// Every statement picks at most $2 rows by an indexed age column and touches
// only those, so it holds its locks for a few milliseconds however large the
// backlog is. $1 is the age in seconds, measured against the server's clock.
constexpr std::string_view kPruneFetchLog = R"sql(
  delete from fetch_log where id in (
    select id from fetch_log
    where at < now() - make_interval(secs => $1::double precision)
    order by at limit $2::int))sql";

// The item and its tombstone go in one statement: a crash cannot lose the
// tombstone of a deleted item.
constexpr std::string_view kPruneItems = R"sql(
  with gone as (
    delete from items where id in (
      select id from items
      where first_seen_at < now() - make_interval(secs => $1::double precision)
      order by first_seen_at limit $2::int)
    returning source_id, key)
  insert into item_tombstones (source_id, key)
  select source_id, key from gone
  on conflict (source_id, key) do update set pruned_at = now())sql";

constexpr std::string_view kPruneArticles = R"sql(
  update articles set status = 'pruned', pruned_at = now(), text = null, html = null,
         description = null, authors = null, tags = null, image = null, word_count = null,
         confidence = null, method = null, error = null, modified = null
  where id in (
    select id from articles
    where status in ('extracted', 'failed', 'skipped')
      and created_at < now() - make_interval(secs => $1::double precision)
    order by created_at limit $2::int))sql";

constexpr std::string_view kPruneItemTombstones = R"sql(
  delete from item_tombstones where (source_id, key) in (
    select source_id, key from item_tombstones
    where pruned_at < now() - make_interval(secs => $1::double precision)
    order by pruned_at limit $2::int))sql";

// A pruned article some item still links stays: the item would otherwise
// queue it again as a new article.
constexpr std::string_view kPruneArticleTombstones = R"sql(
  delete from articles where id in (
    select a.id from articles a
    where a.status = 'pruned'
      and a.pruned_at < now() - make_interval(secs => $1::double precision)
      and not exists (select 1 from items i where i.canonical_url = a.canonical_url)
    order by a.pruned_at limit $2::int))sql";

}  // namespace

RetentionBatch& RetentionBatch::operator+=(const RetentionBatch& other) {
  fetch_log += other.fetch_log;
  items += other.items;
  articles += other.articles;
  tombstones += other.tombstones;
  return *this;
}

Retention::Retention(Database& db, RetentionPolicy policy) : db_(db), policy_(policy) {}

RetentionBatch Retention::prune_batch() {
  const std::string batch = std::to_string(std::max(1, policy_.batch_size));
  auto prune = [&](std::string_view operation, const char* name, std::string_view sql,
                   std::chrono::seconds max_age) {
    const std::string seconds = std::to_string(max_age.count());
    return db_.run(operation, [&](pg::Connection& conn) {
      db_.prepare(operation, name, sql);
      std::array<pg::Param, 2> params{seconds, batch};
      return conn.exec_prepared(operation, name, params).affected_rows();
    });
  };
  RetentionBatch done;
  if (policy_.fetch_log_max_age) {
    done.fetch_log =
        prune("prune fetch_log", "newsd_prune_fetch_log", kPruneFetchLog, *policy_.fetch_log_max_age);
  }
  if (policy_.items_max_age) {
    done.items = prune("prune items", "newsd_prune_items", kPruneItems, *policy_.items_max_age);
  }
  if (policy_.articles_max_age) {
    done.articles =
        prune("prune articles", "newsd_prune_articles", kPruneArticles, *policy_.articles_max_age);
  }
  done.tombstones = prune("prune item tombstones", "newsd_prune_item_tombstones", kPruneItemTombstones,
                          policy_.tombstone_max_age) +
                    prune("prune article tombstones", "newsd_prune_article_tombstones",
                          kPruneArticleTombstones, policy_.tombstone_max_age);
  return done;
}

RetentionBatch Retention::prune_all() {
  RetentionBatch total;
  for (;;) {
    auto batch = prune_batch();
    total += batch;
    if (batch.total() == 0) return total;
  }
}

}  // namespace newsd::storage
