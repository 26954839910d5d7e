// ItemStore against the real test server: upsert semantics with every write method.
#include <gtest/gtest.h>

#include <set>

#include "feeds/parse.h"
#include "storage/articles.h"
#include "storage/database.h"
#include "storage/items.h"
#include "storage_support.h"

namespace {

using newsd::pg::Connection;
using newsd::storage::Database;
using newsd::storage::ItemStore;
using newsd::storage::WriteMethod;
using newsd::test::count;
using newsd::test::make_item;

feeds::Feed feed_of(std::vector<feeds::Item> items, std::string language = "en") {
  feeds::Feed feed;
  feed.language = std::move(language);
  feed.items = std::move(items);
  return feed;
}

class ItemStoreTest : public ::testing::TestWithParam<WriteMethod> {
 protected:
  void SetUp() override {
    url_ = newsd::test::migrated_database("items");
    check_ = std::make_unique<Connection>(url_);
    db_ = std::make_unique<Database>(url_);
    store_ = std::make_unique<ItemStore>(*db_, GetParam());
    source_ = newsd::test::add_source(*check_, "https://a.example/feed", "A");
  }

  std::string url_;
  std::unique_ptr<Connection> check_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ItemStore> store_;
  std::int64_t source_ = 0;
};

TEST_P(ItemStoreTest, NewThenUnchangedThenChanged) {
  auto first = store_->store_feed_items(
      source_, feed_of({make_item("k1", "One", "<p>first</p>"), make_item("k2", "Two", "<p>second</p>"),
                        make_item("k3", "Three", "<p>third</p>")}));
  EXPECT_EQ(first.added, 3);
  EXPECT_EQ(first.changed, 0);
  EXPECT_EQ(first.unchanged, 0);
  ASSERT_EQ(first.new_items.size(), 3u);
  std::set<std::string> urls;
  for (const auto& item : first.new_items) {
    EXPECT_GT(item.id, 0);
    urls.insert(item.canonical_url);
  }
  EXPECT_EQ(urls, (std::set<std::string>{"https://news.example/k1", "https://news.example/k2",
                                         "https://news.example/k3"}));
  // Feeds list newest first; ids follow publication order (oldest lowest).
  EXPECT_EQ(count(*check_,
                  "select count(*) from items i, items j where i.key = 'k3' and j.key = 'k1' "
                  "and i.id < j.id"),
            1);

  auto versions_before =
      check_->exec("row versions", "select string_agg(xmin::text, ',' order by key) from items");
  auto second = store_->store_feed_items(
      source_, feed_of({make_item("k1", "One", "<p>first</p>"), make_item("k2", "Two", "<p>second</p>"),
                        make_item("k3", "Three", "<p>third</p>")}));
  EXPECT_EQ(second.added, 0);
  EXPECT_EQ(second.changed, 0);
  EXPECT_EQ(second.unchanged, 3);
  EXPECT_TRUE(second.new_items.empty());
  auto versions_after =
      check_->exec("row versions", "select string_agg(xmin::text, ',' order by key) from items");
  EXPECT_EQ(versions_before.text(0, 0), versions_after.text(0, 0)) << "unchanged rows were rewritten";

  auto third = store_->store_feed_items(
      source_, feed_of({make_item("k4", "Four", "<p>fourth</p>"), make_item("k1", "One", "<p>first</p>"),
                        make_item("k2", "Two (updated)", "<p>second, corrected</p>"),
                        make_item("k3", "Three", "<p>third</p>")}));
  EXPECT_EQ(third.added, 1);
  EXPECT_EQ(third.changed, 1);
  EXPECT_EQ(third.unchanged, 2);
  EXPECT_EQ(count(*check_, "select count(*) from items"), 4);
  auto edited = check_->exec(
      "edited item", "select title, content, last_changed_at > first_seen_at from items where key = 'k2'");
  EXPECT_EQ(edited.text(0, 0), "Two (updated)");
  EXPECT_EQ(edited.text(0, 1), "<p>second, corrected</p>");
  EXPECT_EQ(edited.text(0, 2), "t");
  EXPECT_EQ(count(*check_, "select count(*) from items where last_changed_at > first_seen_at"), 1);
}

TEST_P(ItemStoreTest, StoresEveryField) {
  feeds::Item item = make_item("full", "Full item", "<p>Body of the <b>story</b></p>",
                               "https://news.example/full?utm_source=x");
  item.canonical_url = "https://news.example/full";
  item.summary = "<p>Short</p>";
  item.authors = {{"Jane Doe", "jane@example.com", ""}, {"Bob", "", "https://bob.example/"}};
  item.categories = {"World", "Ukraine"};
  item.enclosures = {{"https://cdn.example/a.mp3", "audio/mpeg", 1234}};
  item.image = "https://cdn.example/a.jpg";
  item.comments = "https://news.example/full#comments";
  item.published = std::chrono::sys_seconds(std::chrono::seconds(1740904800));  // 2025-03-02T08:40:00Z
  item.updated = std::chrono::sys_seconds(std::chrono::seconds(1740908400));
  store_->store_feed_items(source_, feed_of({item}, "en-GB"));
  auto row = check_->exec("read item", R"sql(
    select key, canonical_url, link, title, summary, content, authors::text, categories::text,
           enclosures::text, image, comments, published = '2025-03-02T08:40:00Z',
           updated = '2025-03-02T09:40:00Z', language, content_hash,
           search @@ websearch_to_tsquery('english', 'stories'), source_id
    from items)sql");
  ASSERT_EQ(row.rows(), 1);
  EXPECT_EQ(row.text(0, 0), "full");
  EXPECT_EQ(row.text(0, 1), "https://news.example/full");
  EXPECT_EQ(row.text(0, 2), "https://news.example/full?utm_source=x");
  EXPECT_EQ(row.text(0, 3), "Full item");
  EXPECT_EQ(row.text(0, 4), "<p>Short</p>");
  EXPECT_EQ(row.text(0, 5), "<p>Body of the <b>story</b></p>");
  EXPECT_EQ(
      row.text(0, 6),
      R"([{"name": "Jane Doe", "email": "jane@example.com"}, {"uri": "https://bob.example/", "name": "Bob"}])");
  EXPECT_EQ(row.text(0, 7), R"(["World", "Ukraine"])");
  EXPECT_EQ(row.text(0, 8),
            R"([{"url": "https://cdn.example/a.mp3", "type": "audio/mpeg", "length": 1234}])");
  EXPECT_EQ(row.text(0, 9), "https://cdn.example/a.jpg");
  EXPECT_EQ(row.text(0, 10), "https://news.example/full#comments");
  EXPECT_EQ(row.text(0, 11), "t");
  EXPECT_EQ(row.text(0, 12), "t");
  EXPECT_EQ(row.text(0, 13), "en-GB");
  EXPECT_EQ(row.text(0, 14), item.content_hash);
  EXPECT_EQ(row.text(0, 15), "t") << "stemmed English search should match 'story'";
  EXPECT_EQ(row.integer(0, 16), source_);
}

TEST_P(ItemStoreTest, DuplicateKeysInOneFeedKeepTheFirst) {
  auto counts = store_->store_feed_items(
      source_, feed_of({make_item("dup", "First", "<p>a</p>"), make_item("other", "Other", "<p>b</p>"),
                        make_item("dup", "Second", "<p>c</p>")}));
  EXPECT_EQ(counts.added, 2);
  EXPECT_EQ(counts.duplicates, 1);
  EXPECT_EQ(check_->exec("read", "select title from items where key = 'dup'").text(0, 0), "First");
}

TEST_P(ItemStoreTest, MissingHashIsDerivedAndHostileTextIsRepaired) {
  feeds::Item no_hash;
  no_hash.key = "url:https://news.example/no-hash";
  no_hash.link = "https://news.example/no-hash";
  no_hash.title = std::string("nul\0inside", 10);
  no_hash.content = "bad \xff\xfe utf-8 \t tab\nline \\ backslash";
  auto counts = store_->store_feed_items(source_, feed_of({no_hash}));
  EXPECT_EQ(counts.added, 1);
  auto row = check_->exec("read", "select key, title, content, length(content_hash) from items");
  ASSERT_EQ(row.rows(), 1);
  EXPECT_EQ(row.text(0, 0), "url:https://news.example/no-hash");
  EXPECT_EQ(row.text(0, 1), "nulinside");
  EXPECT_EQ(row.text(0, 2), "bad \xEF\xBF\xBD\xEF\xBF\xBD utf-8 \t tab\nline \\ backslash");
  EXPECT_EQ(row.integer(0, 3), 32);  // feeds::content_hash: XXH3-128 in hex
  // The derived hash is stable: the same item again is unchanged.
  EXPECT_EQ(store_->store_feed_items(source_, feed_of({no_hash})).unchanged, 1);
}

// One identity rule, the parser's: an item without its key (one that did not
// come from parse_feed) is skipped, never keyed by the store's own guess
// (the raw id, the link or a hash, as the store once did).
TEST_P(ItemStoreTest, AnItemWithoutTheParsersKeyIsSkippedNotKeyedByTheStore) {
  feeds::Item no_key;
  no_key.id = "raw-guid";
  no_key.link = "https://news.example/no-key";
  no_key.canonical_url = "https://news.example/no-key";
  no_key.title = "Has everything but a key";
  feeds::Item nothing;  // nothing identifies it: skipped, not stored
  auto counts = store_->store_feed_items(source_, feed_of({no_key, nothing}));
  EXPECT_EQ(counts.added, 0);
  EXPECT_EQ(counts.skipped, 2);
  EXPECT_EQ(check_->exec("count", "select count(*) from items").integer(0, 0), 0);
}

// The key stored is the one parse_feed gives: the same feed parsed and stored
// twice is unchanged, and the rows carry the parser's guid:/url:/hash: keys.
TEST_P(ItemStoreTest, ParsedItemsAreStoredUnderTheParsersKey) {
  const std::string rss =
      "<rss version=\"2.0\"><channel><title>T</title>"
      "<item><guid>tag:news.example,2026:1</guid><title>A</title><link>https://news.example/a</link></item>"
      "<item><title>B</title><link>https://news.example/b</link></item>"
      "<item><title>C</title><description>no link, no guid</description></item>"
      "</channel></rss>";
  auto parsed = feeds::parse_feed(rss);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(store_->store_feed_items(source_, *parsed).added, 3);
  auto keys = check_->exec("read", "select key from items order by key");
  ASSERT_EQ(keys.rows(), 3);
  EXPECT_EQ(keys.text(0, 0), "guid:tag:news.example,2026:1");
  EXPECT_TRUE(keys.text(1, 0).starts_with("hash:")) << keys.text(1, 0);
  EXPECT_EQ(keys.text(2, 0), "url:https://news.example/b");
  EXPECT_EQ(store_->store_feed_items(source_, feeds::parse_feed(rss).value()).unchanged, 3);
}

TEST_P(ItemStoreTest, AnItemMovingToAnotherFeedIsNewThereAndSharesItsArticle) {
  const auto other = newsd::test::add_source(*check_, "https://b.example/feed", "B");
  auto story =
      make_item("https://news.example/story", "The story", "<p>text</p>", "https://news.example/story");
  store_->store_feed_items(source_, feed_of({story, make_item("a-only", "A only", "<p>x</p>")}));
  // The story leaves feed A and shows up in feed B under the same key.
  store_->store_feed_items(source_, feed_of({make_item("a-only", "A only", "<p>x</p>")}));
  auto moved = store_->store_feed_items(other, feed_of({story}));
  EXPECT_EQ(moved.added, 1) << "new to feed B";
  EXPECT_EQ(moved.unchanged, 0);
  // Feed A keeps its copy: items are history, never deleted when they drop out.
  EXPECT_EQ(count(*check_, "select count(*) from items where key = 'https://news.example/story'"), 2);
  check_->exec("article",
               "insert into articles (canonical_url, url) values ('https://news.example/story', "
               "'https://news.example/story')");
  EXPECT_EQ(
      count(*check_, "select count(distinct article_id) from news where key = 'https://news.example/story'"),
      1);
  EXPECT_EQ(
      count(*check_,
            "select count(*) from news where key = 'https://news.example/story' and article_id is not null"),
      2);
  // Polling either feed again changes nothing.
  EXPECT_EQ(store_->store_feed_items(other, feed_of({story})).unchanged, 1);
  EXPECT_EQ(store_->store_feed_items(source_, feed_of({story})).unchanged, 1);
}

// Issue 15: items used to be committed first and their article rows added one
// by one afterwards, so an interruption in between orphaned items for good.
TEST_P(ItemStoreTest, NewItemsQueueTheirArticlesInTheSameTransaction) {
  using Queue = ItemStore::ArticleQueue;
  // An article another source queued (and extracted) already is left as it is.
  check_->exec(
      "shared article",
      "insert into articles (canonical_url, url, status, text) values ('https://news.example/shared', "
      "'https://news.example/shared', 'extracted', 'kept')");
  auto linkless = make_item("no-link", "No link", "<p>x</p>");
  linkless.link.clear();
  linkless.canonical_url.clear();
  auto stored = store_->store_feed_items(
      source_,
      feed_of({make_item("q1", "One", "<p>1</p>"), make_item("q2", "Two", "<p>2</p>"),
               make_item("shared", "Shared", "<p>s</p>"),
               make_item("q1-again", "Same page", "<p>1</p>", "https://news.example/q1"), linkless}),
      Queue::new_items);
  EXPECT_EQ(stored.added, 5);
  EXPECT_EQ(count(*check_, "select count(*) from articles where status = 'pending'"), 2);  // q1, q2
  EXPECT_EQ(count(*check_, "select count(*) from articles"), 3);
  EXPECT_EQ(count(*check_, "select count(*) from articles where text = 'kept' and status = 'extracted'"), 1);
  // Every new item with a link has its article row: none is orphaned.
  EXPECT_EQ(count(*check_,
                  "select count(*) from items i where i.canonical_url is not null and not exists "
                  "(select 1 from articles a where a.canonical_url = i.canonical_url)"),
            0);
  // Unchanged and changed items queue nothing again; without the queue option nothing is queued.
  store_->store_feed_items(source_, feed_of({make_item("q1", "One, edited", "<p>1b</p>")}), Queue::new_items);
  store_->store_feed_items(source_, feed_of({make_item("plain", "Plain", "<p>p</p>")}));
  EXPECT_EQ(count(*check_, "select count(*) from articles"), 3);

  // A failure anywhere rolls back items and articles together.
  try {
    store_->store_feed_items(987654, feed_of({make_item("lost", "Lost", "<p>l</p>")}), Queue::new_items);
    FAIL() << "expected a foreign-key error";
  } catch (const newsd::pg::Error&) {
  }
  EXPECT_EQ(count(*check_, "select count(*) from articles where canonical_url = 'https://news.example/lost'"),
            0);
}

TEST_P(ItemStoreTest, AnUnknownSourceFailsNamingIt) {
  try {
    store_->store_feed_items(987654, feed_of({make_item("x", "X", "<p>x</p>")}));
    FAIL() << "expected a foreign-key error";
  } catch (const newsd::pg::Error& e) {
    EXPECT_NE(std::string(e.what()).find("store items of source 987654"), std::string::npos) << e.what();
    EXPECT_EQ(e.sqlstate(), "23503");
  }
  // The store is still usable afterwards (the staging table is set up again).
  EXPECT_EQ(store_->store_feed_items(source_, feed_of({make_item("y", "Y", "<p>y</p>")})).added, 1);
}

TEST_P(ItemStoreTest, NotifiesEachNewItemOnce) {
  Connection listener(url_);
  listener.exec("listen", "listen newsd_items");
  auto first = store_->store_feed_items(
      source_, feed_of({make_item("n1", "One", "<p>1</p>"), make_item("n2", "Two", "<p>2</p>")}));
  std::set<std::string> expected;
  for (const auto& item : first.new_items) expected.insert(std::to_string(item.id));
  std::set<std::string> received;
  while (auto notification = listener.wait_notification(std::chrono::seconds(30))) {
    EXPECT_EQ(notification->channel, "newsd_items");
    received.insert(notification->payload);
    if (received.size() == expected.size()) break;
  }
  EXPECT_EQ(received, expected);
  // Unchanged and changed items are not new: no notification.
  store_->store_feed_items(
      source_, feed_of({make_item("n1", "One", "<p>1</p>"), make_item("n2", "Two edited", "<p>2!</p>")}));
  EXPECT_FALSE(listener.wait_notification(std::chrono::milliseconds(300)).has_value());
}

INSTANTIATE_TEST_SUITE_P(WriteMethods, ItemStoreTest,
                         ::testing::Values(WriteMethod::copy_staging, WriteMethod::multirow_insert,
                                           WriteMethod::pipeline),
                         [](const ::testing::TestParamInfo<WriteMethod>& method) {
                           switch (method.param) {
                             case WriteMethod::copy_staging:
                               return std::string("copy");
                             case WriteMethod::multirow_insert:
                               return std::string("multirow");
                             case WriteMethod::pipeline:
                               return std::string("pipeline");
                           }
                           return std::string("unknown");
                         });

// What `newsd status` counts: every item, and those first stored in the last
// 24 hours; an item first seen two days ago counts only in the total.
TEST(ItemCounts, AllItemsAndThoseOfTheLastDay) {
  std::string url = newsd::test::migrated_database("item_counts");
  Connection check(url);
  Database db(url);
  EXPECT_EQ(newsd::storage::count_items(check).total, 0);
  EXPECT_EQ(newsd::storage::count_items(check).last_24h, 0);
  auto source = newsd::test::add_source(check, "https://a.example/feed", "A");
  ItemStore(db).store_feed_items(
      source, feed_of({make_item("c1", "One", "<p>1</p>"), make_item("c2", "Two", "<p>2</p>"),
                       make_item("c3", "Three", "<p>3</p>")}));
  check.exec("age one item",
             "update items set first_seen_at = now() - interval '2 days' where title = 'Two'");
  auto counts = newsd::storage::count_items(check);
  EXPECT_EQ(counts.total, 3);
  EXPECT_EQ(counts.last_24h, 2);
}

// What `newsd demo` lists: each item beside its source (title, else URL)
// and its article (status, words, title or error; "-" without one), by source
// title, newest item first.
TEST(ItemsWithArticles, EachItemBesideItsSourceAndArticleNewestFirst) {
  std::string url = newsd::test::migrated_database("items_with_articles");
  Connection check(url);
  Database db(url);
  auto desk = newsd::test::add_source(check, "https://desk.example/feed", "Desk");
  auto untitled = newsd::test::add_source(check, "https://untitled.example/feed");
  auto older = make_item("older", "Older story", "<p>o</p>", "https://news.example/older");
  older.published = std::chrono::sys_seconds(std::chrono::seconds(1704067200));  // 2024-01-01
  auto newer = make_item("newer", "Newer story", "<p>n</p>", "https://news.example/newer");
  newer.published = std::chrono::sys_seconds(std::chrono::seconds(1706745600));  // 2024-02-01
  ItemStore items(db);
  items.store_feed_items(desk, feed_of({older, newer}), ItemStore::ArticleQueue::new_items);
  items.store_feed_items(untitled, feed_of({make_item("lone", "Lone story", "<p>l</p>")}));
  newsd::storage::ArticleStore articles(db);
  auto older_article = check
                           .exec("older article", "select id from articles where canonical_url = $1",
                                 {std::string("https://news.example/older")})
                           .integer(0, 0);
  articles.store_failure(older_article, newsd::storage::ArticleOutcome::failed, "HTTP 404 from news.example",
                         404);

  auto listed = newsd::storage::list_items_with_articles(check);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0].source, "Desk");
  EXPECT_EQ(listed[0].title, "Newer story");
  EXPECT_EQ(listed[0].article_status, "pending");
  EXPECT_EQ(listed[1].title, "Older story");
  EXPECT_EQ(listed[1].article_status, "failed");
  EXPECT_EQ(listed[1].article_error, "HTTP 404 from news.example");
  EXPECT_EQ(listed[2].source, "https://untitled.example/feed");
  EXPECT_EQ(listed[2].article_status, "-");
  EXPECT_EQ(listed[2].article_words, 0);
}

}  // namespace
