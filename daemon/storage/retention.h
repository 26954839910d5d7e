#pragma once
// Retention: removes rows older than the configured ages, a small batch at a
// time, so that the storage thread is never busy with it for long and feed
// polls keep going while a large backlog is pruned (docs/operations.md).
//
// - fetch_log rows are deleted by `at`.
// - items are deleted by first_seen_at; each leaves its (source_id, key) in
//   item_tombstones, so a feed that still carries it does not bring it back
//   as a new item (ItemStore skips tombstoned keys).
// - articles (extracted, failed or skipped) are emptied by created_at: status
//   becomes 'pruned', text, html and metadata go; the row stays so items still
//   join it and it is never fetched again.
// - tombstones (item_tombstones rows, and pruned articles no item links any
//   more) are deleted once they are older than `tombstone_max_age`.
#include <chrono>
#include <optional>

#include "storage/database.h"

namespace newsd::storage {

struct RetentionPolicy {
  std::optional<std::chrono::seconds> items_max_age;     // nullopt: keep forever
  std::optional<std::chrono::seconds> articles_max_age;  // nullopt: keep forever
  std::optional<std::chrono::seconds> fetch_log_max_age{std::chrono::hours(24 * 30)};
  std::chrono::seconds tombstone_max_age{std::chrono::hours(24 * 365)};
  int batch_size = 500;  // rows per statement; each statement is its own short transaction
};

// What one batch removed.
struct RetentionBatch {
  long long fetch_log = 0;
  long long items = 0;
  long long articles = 0;
  long long tombstones = 0;

  [[nodiscard]] long long total() const { return fetch_log + items + articles + tombstones; }
  RetentionBatch& operator+=(const RetentionBatch& other);
};

class Retention {
 public:
  Retention(Database& db, RetentionPolicy policy);

  // At most batch_size rows of each kind, each kind in its own statement.
  // Nothing left to do when total() is 0.
  RetentionBatch prune_batch();

  // prune_batch until nothing is left (tests, and `newsd once`-style callers
  // that own the database for the moment).
  RetentionBatch prune_all();

  [[nodiscard]] const RetentionPolicy& policy() const { return policy_; }

 private:
  Database& db_;
  RetentionPolicy policy_;
};

}  // namespace newsd::storage
