// Retention: rows older than the configured ages go, in batches; pruned items
// leave tombstones so the next poll does not bring them back; pruned articles
// stay as empty 'pruned' rows so they are never fetched again.
#include <gtest/gtest.h>

#include <chrono>

#include "storage/articles.h"
#include "storage/database.h"
#include "storage/fetch_log.h"
#include "storage/items.h"
#include "storage/retention.h"
#include "storage_support.h"

namespace {

using namespace std::chrono_literals;
using newsd::pg::Connection;
using newsd::storage::ArticleStore;
using newsd::storage::Database;
using newsd::storage::ItemStore;
using newsd::storage::Retention;
using newsd::storage::RetentionPolicy;
using newsd::test::count;
using newsd::test::make_item;

constexpr std::chrono::hours kDays5{24 * 5};

feeds::Feed feed_of(std::vector<feeds::Item> items) {
  feeds::Feed feed;
  feed.items = std::move(items);
  return feed;
}

class RetentionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = newsd::test::migrated_database("retention");
    check_ = std::make_unique<Connection>(url_);
    db_ = std::make_unique<Database>(url_);
    source_ = newsd::test::add_source(*check_, "https://a.example/feed", "A");
  }

  // Makes rows look `days` old, as if stored then.
  void age_items(std::string_view keys_sql_list, int days) {
    check_->exec("age items",
                 "update items set first_seen_at = now() - make_interval(days => $1::int), "
                 "last_changed_at = now() - make_interval(days => $1::int) where key = any($2::text[])",
                 {std::to_string(days), std::string("{") + std::string(keys_sql_list) + "}"});
  }

  static RetentionPolicy keep_everything() {
    RetentionPolicy policy;
    policy.fetch_log_max_age = std::nullopt;
    return policy;
  }

  std::string url_;
  std::unique_ptr<Connection> check_;
  std::unique_ptr<Database> db_;
  std::int64_t source_ = 0;
};

TEST_F(RetentionTest, OldItemsArePrunedAndTheNextPollDoesNotBringThemBack) {
  ItemStore items(*db_);
  auto feed = feed_of({make_item("new", "New", "<p>n</p>"), make_item("old1", "Old one", "<p>o1</p>"),
                       make_item("old2", "Old two", "<p>o2</p>")});
  ASSERT_EQ(items.store_feed_items(source_, feed).added, 3);
  age_items("old1,old2", 10);

  RetentionPolicy policy = keep_everything();
  policy.items_max_age = kDays5;
  auto done = Retention(*db_, policy).prune_all();
  EXPECT_EQ(done.items, 2);
  EXPECT_EQ(count(*check_, "select count(*) from items"), 1);
  EXPECT_EQ(count(*check_, "select count(*) from item_tombstones where key in ('old1', 'old2')"), 2);

  // The feed still carries both old items, one of them edited meanwhile: the
  // tombstones keep both out; a genuinely new item still gets in.
  auto next = feed_of({make_item("newer", "Newer", "<p>x</p>"), make_item("new", "New", "<p>n</p>"),
                       make_item("old1", "Old one", "<p>o1</p>"),
                       make_item("old2", "Old two, edited", "<p>o2 edited</p>")});
  auto counts = items.store_feed_items(source_, next);
  EXPECT_EQ(counts.added, 1);
  EXPECT_EQ(counts.changed, 0);
  EXPECT_EQ(counts.unchanged, 3);
  ASSERT_EQ(counts.new_items.size(), 1u);
  EXPECT_EQ(counts.new_items[0].canonical_url, "https://news.example/newer");
  EXPECT_EQ(count(*check_, "select count(*) from items where key in ('old1', 'old2')"), 0);

  // The tombstone belongs to its source: another feed carrying the same key
  // stores it as its own new item.
  auto other = newsd::test::add_source(*check_, "https://b.example/feed", "B");
  EXPECT_EQ(items.store_feed_items(other, feed_of({make_item("old1", "Old one", "<p>o1</p>")})).added, 1);
}

TEST_F(RetentionTest, PrunesInBatchesOfTheConfiguredSize) {
  ItemStore items(*db_);
  std::vector<feeds::Item> batch;
  std::string keys;
  for (int i = 0; i < 7; ++i) {
    batch.push_back(make_item("k" + std::to_string(i), "Item", "<p>" + std::to_string(i) + "</p>"));
    keys += (keys.empty() ? "k" : ",k") + std::to_string(i);
  }
  items.store_feed_items(source_, feed_of(batch));
  age_items(keys, 10);
  RetentionPolicy policy = keep_everything();
  policy.items_max_age = kDays5;
  policy.batch_size = 3;
  Retention retention(*db_, policy);
  EXPECT_EQ(retention.prune_batch().items, 3);
  EXPECT_EQ(count(*check_, "select count(*) from items"), 4);
  EXPECT_EQ(retention.prune_batch().items, 3);
  EXPECT_EQ(retention.prune_batch().items, 1);
  EXPECT_EQ(retention.prune_batch().total(), 0);
  EXPECT_EQ(count(*check_, "select count(*) from item_tombstones"), 7);
}

TEST_F(RetentionTest, NothingIsPrunedWhenEverythingIsKeptForever) {
  ItemStore items(*db_);
  items.store_feed_items(source_, feed_of({make_item("k", "K", "<p>k</p>")}));
  age_items("k", 3650);
  check_->exec("old fetch",
               "insert into fetch_log (at, url, host, kind) values "
               "(now() - interval '10 years', 'https://a.example/feed', 'a.example', 'feed')");
  EXPECT_EQ(Retention(*db_, keep_everything()).prune_all().total(), 0);
  EXPECT_EQ(count(*check_, "select count(*) from items"), 1);
  EXPECT_EQ(count(*check_, "select count(*) from fetch_log"), 1);
}

TEST_F(RetentionTest, FetchLogIsPrunedByItsOwnAge) {
  check_->exec("fetches", R"sql(
    insert into fetch_log (at, url, host, kind) values
      (now() - interval '40 days', 'https://a.example/1', 'a.example', 'feed'),
      (now() - interval '8 days', 'https://a.example/2', 'a.example', 'feed'),
      (now() - interval '1 day', 'https://a.example/3', 'a.example', 'article'))sql");
  RetentionPolicy policy = keep_everything();
  policy.fetch_log_max_age = std::chrono::hours(24 * 7);
  EXPECT_EQ(Retention(*db_, policy).prune_all().fetch_log, 2);
  EXPECT_EQ(count(*check_, "select count(*) from fetch_log where url = 'https://a.example/3'"), 1);
  EXPECT_EQ(count(*check_, "select count(*) from fetch_log"), 1);
}

TEST_F(RetentionTest, PrunedArticlesAreEmptiedAndNeverQueuedAgain) {
  ArticleStore articles(*db_);
  auto old_id = articles.record_pending("https://a.example/old", "https://a.example/old");
  feeds::Article extracted;
  extracted.url = "https://a.example/old";
  extracted.title = "Old story";
  extracted.text = "A long article text.";
  extracted.html = "<p>A long article text.</p>";
  extracted.language = "en";
  extracted.word_count = 4;
  articles.store_extracted(old_id, extracted);
  auto fresh_id = articles.record_pending("https://a.example/fresh", "https://a.example/fresh");
  articles.store_extracted(fresh_id, extracted);
  auto waiting_id = articles.record_pending("https://a.example/waiting", "https://a.example/waiting");
  check_->exec("age", "update articles set created_at = now() - interval '30 days' where id <> $1::bigint",
               {std::to_string(fresh_id)});

  RetentionPolicy policy = keep_everything();
  policy.articles_max_age = kDays5;
  EXPECT_EQ(Retention(*db_, policy).prune_all().articles, 1) << "pending articles are never pruned";
  auto row = check_->exec("read",
                          "select status, text is null, html is null, title, pruned_at is not null "
                          "from articles where id = $1::bigint",
                          {std::to_string(old_id)});
  EXPECT_EQ(row.text(0, 0), "pruned");
  EXPECT_EQ(row.text(0, 1), "t");
  EXPECT_EQ(row.text(0, 2), "t");
  EXPECT_EQ(row.text(0, 3), "Old story");
  EXPECT_EQ(row.text(0, 4), "t");
  EXPECT_EQ(count(*check_, "select count(*) from articles where status = 'extracted'"), 1);

  // An item of another feed linking the pruned story finds the row, which is
  // not pending: it is not fetched again.
  EXPECT_EQ(articles.record_pending("https://a.example/old", "https://a.example/old?utm_source=x"), old_id);
  auto pending = articles.pending(100);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].id, waiting_id);
}

TEST_F(RetentionTest, TombstonesGoAfterTheirOwnAgeButNotWhileAnItemLinksThem) {
  ItemStore items(*db_);
  ArticleStore articles(*db_);
  items.store_feed_items(source_, feed_of({make_item("gone", "Gone", "<p>g</p>", "https://a.example/gone"),
                                           make_item("kept", "Kept", "<p>k</p>", "https://a.example/kept")}));
  for (const char* url : {"https://a.example/gone", "https://a.example/kept"}) {
    articles.store_failure(articles.record_pending(url, url), newsd::storage::ArticleOutcome::skipped,
                           "not HTML", 200);
  }
  age_items("gone", 400);
  check_->exec("age", "update articles set created_at = now() - interval '400 days'");

  RetentionPolicy policy = keep_everything();
  policy.items_max_age = std::chrono::hours(24 * 100);
  policy.articles_max_age = std::chrono::hours(24 * 100);
  auto first = Retention(*db_, policy).prune_all();
  EXPECT_EQ(first.items, 1);
  EXPECT_EQ(first.articles, 2);
  EXPECT_EQ(first.tombstones, 0) << "tombstones are younger than a year";

  check_->exec("age tombstones", "update item_tombstones set pruned_at = now() - interval '400 days'");
  check_->exec("age tombstones", "update articles set pruned_at = now() - interval '400 days'");
  auto second = Retention(*db_, policy).prune_all();
  EXPECT_EQ(second.tombstones, 2) << "the item's tombstone and the article no item links";
  EXPECT_EQ(count(*check_, "select count(*) from item_tombstones"), 0);
  EXPECT_EQ(count(*check_, "select count(*) from articles where canonical_url = 'https://a.example/kept'"),
            1);
  EXPECT_EQ(count(*check_, "select count(*) from articles where canonical_url = 'https://a.example/gone'"),
            0);
}

}  // namespace
