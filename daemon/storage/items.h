#pragma once
// Stores the items of one feed fetch: one transaction per fetch, new items
// inserted, edited items (content hash changed) updated, unchanged items
// skipped before they reach the table. See docs/sql.md for the semantics and
// docs/performance/storage.md for why one multi-row upsert is the default.
#include <cstdint>
#include <string>
#include <vector>

#include "feeds/feed.h"
#include "storage/database.h"

namespace newsd::storage {

// An item this call inserted, for the article pipeline.
struct NewItem {
  std::int64_t id = 0;
  std::string canonical_url;  // empty when the item has no usable link
  std::string link;
};

struct StoreCounts {
  int added = 0;       // items not stored before for this source
  int changed = 0;     // stored before with another content hash: updated, last_changed_at set
  int unchanged = 0;   // stored before with the same content hash: untouched
  int duplicates = 0;  // further occurrences of a key already in this feed (first one wins)
  int skipped = 0;     // items without the parser's key (not from parse_feed): not stored
  std::vector<NewItem> new_items;
};

// How new and changed rows travel to the server; all three give the same
// result. Chosen by measurement (bench/storage_bench.cpp, docs/performance/
// storage.md): multirow_insert and copy_staging both run at the raw COPY rate
// (the server's tsvector work dominates), multirow_insert needs two round
// trips per feed instead of five and no per-session staging table; pipeline
// pays the executor once per row and reaches about half the rate.
enum class WriteMethod {
  copy_staging,     // COPY into a temporary staging table, then one INSERT ... ON CONFLICT
  multirow_insert,  // INSERT ... VALUES (...), (...) ON CONFLICT, bound parameters (the default)
  pipeline,         // one prepared INSERT ... ON CONFLICT per item, in libpq pipeline mode
};

class ItemStore {
 public:
  explicit ItemStore(Database& db, WriteMethod method = WriteMethod::multirow_insert);

  // Stores `feed.items` for `source_id` in one transaction (retried whole if
  // the connection is lost, so the counts describe the attempt that committed).
  // The item's key is the feed parser's (guid:/url:/hash: + SHA-256), the one
  // identity rule: an item without one (not from parse_feed) is skipped, never
  // keyed by a rule of the store's own; a missing content hash is computed
  // here. Throws pg::Error naming the source on any other failure.
  //
  // With ArticleQueue::new_items, every new item with a link also gets its
  // pending `articles` row (unless one exists for its canonical URL) in the
  // same transaction: an interruption can never leave an item stored whose
  // article nothing will fetch (issue 15).
  enum class ArticleQueue { none, new_items };
  StoreCounts store_feed_items(std::int64_t source_id, const feeds::Feed& feed,
                               ArticleQueue queue = ArticleQueue::none);

 private:
  Database& db_;
  WriteMethod method_;
};

// What `newsd status` shows of the items table: all of them, and those
// first stored in the last 24 hours (by the server's clock).
struct ItemCounts {
  long long total = 0;
  long long last_24h = 0;
};
ItemCounts count_items(pg::Connection& conn);

// Every item beside its source and its article, as `newsd demo` lists what
// landed: by source title, newest item first.
struct ItemWithArticle {
  std::string source;          // the source's title, else its URL
  std::string title;           // "" when the item has none
  std::string article_status;  // "-" when no article row exists for its canonical URL
  long long article_words = 0;
  std::string article_title;
  std::string article_error;
};
std::vector<ItemWithArticle> list_items_with_articles(pg::Connection& conn);

}  // namespace newsd::storage
