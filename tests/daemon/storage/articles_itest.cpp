// ArticleStore, full-text search, NOTIFY newsd_articles and the fetch log.
#include <gtest/gtest.h>

#include "storage/articles.h"
#include "storage/database.h"
#include "storage/fetch_log.h"
#include "storage/items.h"
#include "storage_support.h"

namespace {

using newsd::pg::Connection;
using newsd::storage::ArticleOutcome;
using newsd::storage::ArticleStore;
using newsd::storage::Database;
using newsd::storage::ItemStore;
using newsd::test::count;
using newsd::test::make_item;

class ArticleStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = newsd::test::migrated_database("articles");
    check_ = std::make_unique<Connection>(url_);
    db_ = std::make_unique<Database>(url_);
  }

  feeds::Article article(std::string text, std::string language = "en") {
    feeds::Article out;
    out.url = "https://news.example/story";
    out.title = "Dam repaired after flood";
    out.authors = {"Olena K."};
    out.published = std::chrono::sys_seconds(std::chrono::seconds(1740904800));
    out.site_name = "News Example";
    out.language = std::move(language);
    out.description = "Engineers worked through the night.";
    out.text = std::move(text);
    out.html = "<p>" + out.text + "</p>";
    out.tags = {"infrastructure"};
    out.word_count = 6;
    out.confidence = 0.875;
    out.method = "json-ld";
    return out;
  }

  std::string url_;
  std::unique_ptr<Connection> check_;
  std::unique_ptr<Database> db_;
};

TEST_F(ArticleStoreTest, TwoSourcesLinkingOneStoryShareOneArticleRow) {
  ItemStore items(*db_);
  ArticleStore articles(*db_);
  auto a = newsd::test::add_source(*check_, "https://a.example/feed", "A");
  auto b = newsd::test::add_source(*check_, "https://b.example/feed", "B");
  feeds::Feed feed_a;
  feed_a.items = {make_item("a-1", "Story at A", "<p>a</p>", "https://news.example/story")};
  feeds::Feed feed_b;
  feed_b.items = {make_item("b-9", "Story at B", "", "https://news.example/story")};
  feed_b.items[0].summary = "<p>summary only</p>";
  feed_b.items[0].content_hash = newsd::test::test_hash(feed_b.items[0]);
  auto stored_a = items.store_feed_items(a, feed_a);
  auto stored_b = items.store_feed_items(b, feed_b);
  auto id_a = articles.record_pending(stored_a.new_items.at(0).canonical_url, stored_a.new_items.at(0).link);
  auto id_b = articles.record_pending(stored_b.new_items.at(0).canonical_url, stored_b.new_items.at(0).link);
  EXPECT_EQ(id_a, id_b);
  EXPECT_EQ(count(*check_, "select count(*) from articles"), 1);
  // Before extraction, each item's best text is its own.
  auto before = check_->exec("news", "select best_text_source, article_status from news order by source_id");
  ASSERT_EQ(before.rows(), 2);
  EXPECT_EQ(before.text(0, 0), "content");
  EXPECT_EQ(before.text(1, 0), "summary");
  EXPECT_EQ(before.text(0, 1), "pending");

  articles.store_extracted(id_a, article("The hydroelectric dam was repaired by engineers."), 200);
  auto after =
      check_->exec("news", "select article_id, best_text_source, best_text from news order by source_id");
  ASSERT_EQ(after.rows(), 2);
  for (int row = 0; row < 2; ++row) {
    EXPECT_EQ(after.integer(row, 0), id_a);
    EXPECT_EQ(after.text(row, 1), "article");
    EXPECT_EQ(after.text(row, 2), "The hydroelectric dam was repaired by engineers.");
  }
  auto stored = check_->exec("article", R"sql(
    select status, title, authors::text, site_name, word_count, confidence, method, http_status,
           attempts, fetched_at is not null, extracted_at is not null, published = '2025-03-02T08:40:00Z'
    from articles)sql");
  EXPECT_EQ(stored.text(0, 0), "extracted");
  EXPECT_EQ(stored.text(0, 1), "Dam repaired after flood");
  EXPECT_EQ(stored.text(0, 2), R"(["Olena K."])");
  EXPECT_EQ(stored.text(0, 3), "News Example");
  EXPECT_EQ(stored.integer(0, 4), 6);
  EXPECT_EQ(stored.text(0, 5), "0.875");
  EXPECT_EQ(stored.text(0, 6), "json-ld");
  EXPECT_EQ(stored.integer(0, 7), 200);
  EXPECT_EQ(stored.integer(0, 8), 1);
  EXPECT_EQ(stored.text(0, 9), "t");
  EXPECT_EQ(stored.text(0, 10), "t");
  EXPECT_EQ(stored.text(0, 11), "t");
}

TEST_F(ArticleStoreTest, FullTextSearchFindsAnArticleByAWordOfItsBody) {
  ArticleStore articles(*db_);
  auto english = articles.record_pending("https://news.example/story", "https://news.example/story");
  articles.store_extracted(english, article("Villagers said the hydroelectric turbines were humming again."));
  auto german = articles.record_pending("https://zeitung.example/a", "https://zeitung.example/a");
  articles.store_extracted(german, article("Die alten Häuser am Fluss wurden gestern renoviert.", "de-DE"));
  auto other = articles.record_pending("https://news.example/other", "https://news.example/other");
  articles.store_extracted(other, article("Nothing to see here."));

  // Stemmed English: "turbine" matches "turbines"; the GIN index serves it.
  auto found = check_->exec("search", R"sql(
    select id, ts_headline('english', text, q, 'StartSel=[,StopSel=]')
    from articles, websearch_to_tsquery('english', 'turbine humming') q
    where search @@ q)sql");
  ASSERT_EQ(found.rows(), 1);
  EXPECT_EQ(found.integer(0, 0), english);
  EXPECT_NE(std::string(found.text(0, 1)).find("[turbines]"), std::string::npos) << found.text(0, 1);
  // German stemming for a German article: "Haus" finds "Häuser", "Flüsse" finds "Fluss".
  auto german_hit = check_->exec(
      "search", "select id from articles where search @@ websearch_to_tsquery('german', 'Haus Flüsse')");
  ASSERT_EQ(german_hit.rows(), 1);
  EXPECT_EQ(german_hit.integer(0, 0), german);
  // A word in no article finds nothing; the index is what the planner uses.
  EXPECT_EQ(count(*check_,
                  "select count(*) from articles where search @@ websearch_to_tsquery('english', 'volcano')"),
            0);
  check_->exec("planner", "set enable_seqscan = off");
  auto plan = check_->exec(
      "explain",
      "explain select id from articles where search @@ websearch_to_tsquery('english', 'turbine')");
  std::string text;
  for (int row = 0; row < plan.rows(); ++row) text += std::string(plan.text(row, 0)) + "\n";
  EXPECT_NE(text.find("articles_search"), std::string::npos) << text;
}

TEST_F(ArticleStoreTest, LanguageTagsChooseTheTextSearchConfiguration) {
  auto configs = check_->exec("configs", R"sql(
    select newsd_ts_config('en')::text, newsd_ts_config('en-US')::text, newsd_ts_config('de_DE')::text,
           newsd_ts_config('French')::text, newsd_ts_config('es')::text, newsd_ts_config('ru-RU')::text,
           newsd_ts_config('uk')::text, newsd_ts_config(null)::text, newsd_ts_config('')::text)sql");
  const char* expected[] = {"english", "english", "german", "french", "spanish",
                            "russian", "simple",  "simple", "simple"};
  for (int column = 0; column < 9; ++column) EXPECT_EQ(configs.text(0, column), expected[column]) << column;
}

TEST_F(ArticleStoreTest, NotifiesWhenAnArticleBecomesExtractedOnce) {
  ArticleStore articles(*db_);
  Connection listener(url_);
  listener.exec("listen", "listen newsd_articles");
  auto id = articles.record_pending("https://news.example/n", "https://news.example/n");
  EXPECT_FALSE(listener.wait_notification(std::chrono::milliseconds(200)).has_value())
      << "pending is not news";
  articles.store_extracted(id, article("First version."));
  auto notification = listener.wait_notification(std::chrono::seconds(30));
  ASSERT_TRUE(notification.has_value());
  EXPECT_EQ(notification->channel, "newsd_articles");
  EXPECT_EQ(notification->payload, std::to_string(id));
  // Once only: a second store (a retried write whose first attempt had
  // committed) changes nothing, so the page counts as extracted once.
  articles.store_extracted(id, article("Second version."));
  EXPECT_FALSE(listener.wait_notification(std::chrono::milliseconds(300)).has_value());
  auto row =
      check_->exec("row", "select text, attempts from articles where id = $1::bigint", {std::to_string(id)});
  EXPECT_EQ(row.text(0, 0), "First version.");
  EXPECT_EQ(row.text(0, 1), "1");
}

TEST_F(ArticleStoreTest, PendingIsWalkedInBatchesFromACursor) {
  ArticleStore articles(*db_);
  std::vector<std::int64_t> ids;
  for (int i = 0; i < 7; ++i) {
    auto url = "https://news.example/p" + std::to_string(i);
    ids.push_back(articles.record_pending(url, url));
  }
  std::vector<std::int64_t> seen;
  std::optional<newsd::storage::PendingCursor> after;
  for (;;) {
    auto batch = articles.pending(3, after);
    if (batch.empty()) break;
    for (const auto& pending : batch) seen.push_back(pending.id);
    after = batch.back().cursor;
  }
  EXPECT_EQ(seen, ids);
}

TEST_F(ArticleStoreTest, FailuresAndThePendingQueue) {
  ArticleStore articles(*db_);
  auto first = articles.record_pending("https://news.example/1", "https://news.example/1?utm_source=x");
  auto second = articles.record_pending("https://news.example/2", "https://news.example/2");
  auto third = articles.record_pending("https://news.example/3", "https://news.example/3");
  EXPECT_EQ(articles.record_pending("https://news.example/1", "https://news.example/1"), first);
  auto pending = articles.pending(10);
  ASSERT_EQ(pending.size(), 3u);
  EXPECT_EQ(pending[0].id, first);
  EXPECT_EQ(pending[0].url, "https://news.example/1?utm_source=x");
  articles.store_failure(second, ArticleOutcome::failed, "HTTP 404 from news.example", 404);
  articles.store_failure(third, ArticleOutcome::skipped, "not HTML (application/pdf)", 200);
  pending = articles.pending(10);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].id, first);
  auto failed = check_->exec(
      "failed", "select status, error, http_status, attempts from articles where id = $1::bigint",
      {std::to_string(second)});
  EXPECT_EQ(failed.text(0, 0), "failed");
  EXPECT_EQ(failed.text(0, 1), "HTTP 404 from news.example");
  EXPECT_EQ(failed.integer(0, 2), 404);
  EXPECT_EQ(failed.integer(0, 3), 1);
  EXPECT_EQ(
      check_->exec("skipped", "select status from articles where id = $1::bigint", {std::to_string(third)})
          .text(0, 0),
      "skipped");
  EXPECT_THROW(articles.store_failure(999999, ArticleOutcome::failed, "x", std::nullopt), newsd::pg::Error);
}

TEST_F(ArticleStoreTest, FetchLogRecordsAttemptsAndPrunesByAge) {
  newsd::storage::FetchLog log(*db_);
  auto source = newsd::test::add_source(*check_, "https://a.example/feed");
  auto now = std::chrono::system_clock::now();
  log.record({now - std::chrono::hours(24 * 10), "https://a.example/feed", "a.example",
              newsd::storage::FetchKind::feed, 200, 5120, 130, "", source});
  log.record({now - std::chrono::hours(2), "https://a.example/robots.txt", "a.example",
              newsd::storage::FetchKind::robots, 404, 0, 20, "", std::nullopt});
  log.record({now, "https://a.example/story", "a.example", newsd::storage::FetchKind::article, std::nullopt,
              std::nullopt, 30000, "timeout after 30 s", source});
  EXPECT_EQ(count(*check_, "select count(*) from fetch_log"), 3);
  auto failed =
      check_->exec("failed fetch",
                   "select kind, status is null, error, duration_ms from fetch_log where kind = 'article'");
  EXPECT_EQ(failed.text(0, 0), "article");
  EXPECT_EQ(failed.text(0, 1), "t");
  EXPECT_EQ(failed.text(0, 2), "timeout after 30 s");
  EXPECT_EQ(failed.integer(0, 3), 30000);
  EXPECT_EQ(log.prune_older_than(std::chrono::hours(24 * 7)), 1);
  EXPECT_EQ(count(*check_, "select count(*) from fetch_log"), 2);
  EXPECT_EQ(count(*check_, "select count(*) from fetch_log where at < now() - interval '7 days'"), 0);
}

// What `newsd status` counts: the statuses some article has, in the order
// of their names, none for an empty table.
TEST_F(ArticleStoreTest, CountsByStatusListOnlyTheStatusesPresentInNameOrder) {
  EXPECT_TRUE(newsd::storage::count_articles_by_status(*check_).empty());
  ArticleStore articles(*db_);
  for (int n = 1; n <= 3; ++n) {
    std::string url = "https://news.example/" + std::to_string(n);
    articles.record_pending(url, url);
  }
  auto skipped = articles.record_pending("https://news.example/pdf", "https://news.example/pdf");
  articles.store_failure(skipped, ArticleOutcome::skipped, "not HTML (application/pdf)", 200);
  auto extracted = articles.record_pending("https://news.example/story", "https://news.example/story");
  articles.store_extracted(extracted, article("Engineers repaired the dam after the flood."), 200);

  auto counts = newsd::storage::count_articles_by_status(*check_);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].status, "extracted");
  EXPECT_EQ(counts[0].count, 1);
  EXPECT_EQ(counts[1].status, "pending");
  EXPECT_EQ(counts[1].count, 3);
  EXPECT_EQ(counts[2].status, "skipped");
  EXPECT_EQ(counts[2].count, 1);
}

// `newsd demo` shows one extracted article found by a part of its URL,
// matched as it is (no LIKE wildcards); a pending one is not shown.
TEST_F(ArticleStoreTest, AnExtractedArticleIsFoundByAPartOfItsUrl) {
  ArticleStore articles(*db_);
  auto story =
      articles.record_pending("https://news.example/kyiv/dam_story", "https://news.example/kyiv/dam_story");
  articles.record_pending("https://news.example/kyiv/pending", "https://news.example/kyiv/pending");
  EXPECT_FALSE(newsd::storage::find_extracted_article(*check_, "/kyiv/").has_value())
      << "nothing extracted yet";
  articles.store_extracted(story, article("Engineers repaired the dam after the flood."), 200);

  auto found = newsd::storage::find_extracted_article(*check_, "/kyiv/dam_story");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->title, "Dam repaired after flood");
  EXPECT_EQ(found->site_name, "News Example");
  EXPECT_EQ(found->word_count, 6);
  EXPECT_EQ(found->text, "Engineers repaired the dam after the flood.");
  EXPECT_FALSE(newsd::storage::find_extracted_article(*check_, "/kyiv/dam%story").has_value());
  EXPECT_FALSE(newsd::storage::find_extracted_article(*check_, "/kyiv/pending").has_value());
}

}  // namespace
