// The whole pipeline against the demo web server and a real PostgreSQL:
// feeds polled, items stored, articles extracted, robots.txt honoured,
// conditional GETs, errors recorded against their source, nothing lost when
// the server goes away.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>

#include <fmt/core.h>

#include "http_date.h"
#include "pipeline_support.h"
#include "storage/sources.h"

namespace newsd::test {
namespace {

using ::testing::HasSubstr;

TEST(PipelineEndToEnd, StoresItemsAndExtractsArticles) {
  PipelineWorld world("pipeline_e2e");
  auto summary = world.run_once();

  EXPECT_EQ(summary.sources_polled, 4);
  EXPECT_EQ(summary.items_new, 9);
  EXPECT_EQ(summary.articles_extracted, 6);
  EXPECT_EQ(summary.articles_failed, 2);   // the two Kyiv stories without a page: 404
  EXPECT_EQ(summary.articles_skipped, 1);  // robots.txt disallows /valley/members/
  EXPECT_EQ(world.count("select count(*) from items"), 9);
  EXPECT_EQ(world.count("select count(*) from articles where status = 'extracted'"), 6);

  // The golden story: the body's first paragraph made it through, the page furniture did not.
  std::string kyiv = world.text("select text from articles where canonical_url like '%/kyiv/elon-musk%'");
  EXPECT_THAT(kyiv, HasSubstr("Tech billionaire Elon Musk agreed on March 2 with a post on X"));
  EXPECT_EQ(world.text("select site_name from articles where canonical_url like '%/kyiv/elon-musk%'"),
            "The Kyiv Independent");
  // The tracking parameters of the feed's link are not part of the article's key.
  EXPECT_EQ(world.count("select count(*) from articles where canonical_url like '%utm_%'"), 0);

  // Every HTTP attempt is in fetch_log: 4 feeds, 1 robots.txt, 8 pages (one skipped by robots).
  EXPECT_EQ(world.count("select count(*) from fetch_log where kind = 'feed' and status = 200"), 4);
  EXPECT_EQ(world.count("select count(*) from fetch_log where kind = 'robots'"), 1);
  EXPECT_EQ(world.count("select count(*) from fetch_log where kind = 'article'"), 8);
  EXPECT_EQ(world.count("select count(*) from fetch_log where kind = 'article' and status = 404"), 2);
  EXPECT_EQ(world.count("select count(*) from fetch_log where source_id is null"), 0);

  // The schedule moved on and the validators were kept for the next conditional GET.
  EXPECT_EQ(world.count("select count(*) from sources where next_poll_at > now() and last_status = 200 "
                        "and etag is not null and last_error is null"),
            4);
  // robots.txt was cached in hosts.
  EXPECT_EQ(world.count("select count(*) from hosts where robots_status = 200"), 1);
}

TEST(PipelineEndToEnd, RobotsDisallowSkipsTheArticle) {
  PipelineWorld world("pipeline_robots", {"/valley/"});
  world.run_once();
  EXPECT_EQ(world.text("select status from articles where url like '%/valley/members/%'"), "skipped");
  EXPECT_THAT(world.text("select error from articles where url like '%/valley/members/%'"),
              HasSubstr("robots.txt"));
  for (const auto& line : world.server().request_log())
    EXPECT_THAT(line, ::testing::Not(HasSubstr("/members/")));
  EXPECT_EQ(world.text("select status from articles where url like '%ashburn-bridge%'"), "extracted");
}

TEST(PipelineEndToEnd, SecondPassIsAConditionalGetWithNoNewRows) {
  PipelineWorld world("pipeline_304");
  world.run_once();
  auto items = world.count("select count(*) from items");
  auto articles = world.count("select count(*) from articles");
  auto changed = world.text("select max(last_changed_at)::text from items");

  // Nothing is due right after a pass.
  auto idle = world.run_once();
  EXPECT_EQ(idle.sources_polled, 0);

  world.make_all_due();
  auto second = world.run_once();
  EXPECT_EQ(second.sources_polled, 4);
  EXPECT_EQ(second.not_modified, 4);
  EXPECT_EQ(second.items_new, 0);
  EXPECT_EQ(second.articles_extracted, 0);
  EXPECT_GE(world.server().conditional_requests(), 4u);
  EXPECT_EQ(world.count("select count(*) from fetch_log where kind = 'feed' and status = 304"), 4);
  EXPECT_EQ(world.count("select count(*) from items"), items);
  EXPECT_EQ(world.count("select count(*) from articles"), articles);
  EXPECT_EQ(world.text("select max(last_changed_at)::text from items"), changed);
  EXPECT_EQ(world.count("select count(*) from sources where last_status = 304 and next_poll_at > now()"), 4);
}

TEST(PipelineEndToEnd, ServerErrorIsRecordedAgainstTheSource) {
  PipelineWorld world("pipeline_500");
  world.server().override_status("/harbour/atom.xml", 500);
  auto summary = world.run_once();

  EXPECT_EQ(summary.sources_polled, 4);
  ASSERT_EQ(std::count_if(summary.sources.begin(), summary.sources.end(),
                          [](const auto& source) { return !source.error.empty(); }),
            1);
  EXPECT_THAT(pipeline::format_summary(summary), HasSubstr("HTTP 500"));
  EXPECT_THAT(world.text("select last_error from sources where url like '%/harbour/%'"),
              HasSubstr("HTTP 500"));
  EXPECT_EQ(world.count("select consecutive_errors from sources where url like '%/harbour/%'"), 1);
  EXPECT_EQ(world.count("select last_status from sources where url like '%/harbour/%'"), 500);
  EXPECT_EQ(world.count("select count(*) from sources where url like '%/harbour/%' and next_poll_at > now()"),
            1);
  EXPECT_EQ(world.count("select count(*) from fetch_log where status = 500 and error like '%HTTP 500%' "
                        "and source_id = (select id from sources where url like '%/harbour/%')"),
            1);
  // The other sources were not disturbed by it.
  EXPECT_EQ(world.count("select count(*) from sources where last_error is null and last_status = 200"), 3);
  EXPECT_EQ(world.count("select count(*) from items"), 7);

  // The server recovers: the next poll clears the error streak.
  world.server().clear_overrides();
  world.make_all_due();
  world.run_once();
  EXPECT_EQ(world.count("select consecutive_errors from sources where url like '%/harbour/%'"), 0);
  EXPECT_EQ(world.count("select count(*) from items"), 9);
}

TEST(PipelineEndToEnd, RetryAfterSetsTheNextPollAndHoldsTheHostWithoutAnErrorBackoff) {
  PipelineWorld world("pipeline_retry_after", {"/harbour/"});
  world.server().override_status("/harbour/atom.xml", 429, {{"Retry-After", "120"}});
  auto summary = world.run_once();
  ASSERT_EQ(summary.sources.size(), 1u);
  EXPECT_TRUE(summary.sources[0].error.empty()) << summary.sources[0].error;

  // The source comes back when the host said, not after the 15-minute error backoff.
  auto seconds_to_next_poll = world.count(
      "select extract(epoch from next_poll_at - now())::bigint from sources where url like '%/harbour/%'");
  // Counted from the test's query, which a loaded machine may make late; the
  // error backoff would be 900 s or more.
  EXPECT_GE(seconds_to_next_poll, 60);
  EXPECT_LE(seconds_to_next_poll, 121);
  EXPECT_EQ(world.count("select consecutive_errors from sources where url like '%/harbour/%'"), 0);
  EXPECT_EQ(world.count("select last_status from sources where url like '%/harbour/%'"), 429);
  EXPECT_EQ(world.text("select last_error from sources where url like '%/harbour/%'"), "");
  // The host is held until the same moment, and that was saved for the next process.
  EXPECT_EQ(world.count("select count(*) from hosts h, sources s where s.url like '%/harbour/%' and "
                        "abs(extract(epoch from h.backoff_until - s.next_poll_at)) < 1"),
            1);
  EXPECT_EQ(world.count("select max(consecutive_errors) from hosts"), 0);

  // Until then the host gets no request, even from a source made due by hand.
  auto requests = world.server().request_log().size();
  world.make_all_due();
  auto held = world.run_once();
  EXPECT_EQ(held.sources_polled, 0);
  EXPECT_EQ(world.server().request_log().size(), requests);
}

TEST(PipelineEndToEnd, RetryAfterAsAnHttpDateIsObeyedToo) {
  PipelineWorld world("pipeline_retry_date", {"/harbour/"});
  auto in_ten_minutes =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now() + std::chrono::minutes(10));
  world.server().override_status("/harbour/atom.xml", 503, {{"Retry-After", imf_fixdate(in_ten_minutes)}});
  world.run_once();
  auto seconds_to_next_poll = world.count(
      "select extract(epoch from next_poll_at - now())::bigint from sources where url like '%/harbour/%'");
  EXPECT_GE(seconds_to_next_poll, 540);
  EXPECT_LE(seconds_to_next_poll, 601);
  EXPECT_EQ(world.count("select consecutive_errors from sources where url like '%/harbour/%'"), 0);
}

TEST(PipelineEndToEnd, APassEndsWithARetentionPassForCronUsersOfOnce) {
  PipelineWorld world("pipeline_once_retention", {"/harbour/"});
  world.conn().exec("an old and a recent fetch_log row",
                    "insert into fetch_log (at, url, host, kind) values "
                    "(now() - interval '40 days', 'http://old.example/feed', 'old.example', 'feed'), "
                    "(now() - interval '1 day', 'http://new.example/feed', 'new.example', 'feed')");
  world.run_once();
  // fetch_log keeps 30 days by default: the old row went, the recent one and this pass's stay.
  EXPECT_EQ(world.count("select count(*) from fetch_log where host = 'old.example'"), 0);
  EXPECT_EQ(world.count("select count(*) from fetch_log where host = 'new.example'"), 1);
  EXPECT_GT(world.count("select count(*) from fetch_log where at > now() - interval '1 hour'"), 0);
}

TEST(PipelineEndToEnd, ServerGoingAwayMidRunLosesNothing) {
  PipelineWorld world("pipeline_away", {"/harbour/"});
  // Feed, robots.txt and the first article page are answered; then the server is gone.
  world.server().go_away_after(3);
  auto first = world.run_once();
  EXPECT_EQ(first.items_new, 2);
  EXPECT_EQ(first.articles_extracted, 1);
  EXPECT_EQ(first.articles_deferred, 1);
  EXPECT_EQ(world.count("select count(*) from items"), 2);
  EXPECT_EQ(
      world.count("select count(*) from articles where status = 'pending' and attempts = 1 and error <> ''"),
      1);
  EXPECT_GE(
      world.count("select count(*) from fetch_log where kind = 'article' and status is null and error <> ''"),
      1);

  // The server is back: the next pass fetches what was left, stores nothing twice.
  world.server().come_back();
  auto second = world.run_once();
  EXPECT_EQ(second.sources_polled, 0);  // the feed is not due yet
  EXPECT_EQ(second.articles_extracted, 1);
  EXPECT_EQ(world.count("select count(*) from articles where status = 'extracted'"), 2);
  EXPECT_EQ(world.count("select count(*) from articles"), 2);
  EXPECT_EQ(world.count("select count(*) from items"), 2);
}

}  // namespace
}  // namespace newsd::test

namespace newsd::test {
namespace {

// A permanent redirect moves the source's URL only after it has been seen on
// several consecutive polls; a temporary one never does.
TEST(PipelineEndToEnd, PermanentRedirectSeenOnSeveralPollsUpdatesTheSourceUrl) {
  PipelineWorld world("pipeline_redirect", {"/valley/"});
  std::string old_url = world.text("select url from sources");
  std::string new_url = world.server().base_url() + "/valley/rss.xml";
  // The source now lives at an old address that redirects permanently.
  world.conn().exec("move the source", "update sources set url = $1",
                    {world.server().base_url() + "/old/valley.xml"});
  world.server().redirect("/old/valley.xml", 301, new_url);
  for (int poll = 1; poll <= storage::kPermanentRedirectPolls; ++poll) {
    world.make_all_due();
    auto summary = world.run_once();
    ASSERT_EQ(summary.sources_polled, 1);
    ASSERT_TRUE(summary.sources.front().error.empty()) << summary.sources.front().error;
    if (poll < storage::kPermanentRedirectPolls) {
      EXPECT_EQ(world.text("select url from sources"), world.server().base_url() + "/old/valley.xml");
      EXPECT_EQ(world.count("select redirect_count from sources"), poll);
    }
  }
  EXPECT_EQ(world.text("select url from sources"), new_url);
  EXPECT_EQ(world.count("select redirect_count from sources"), 0);
  EXPECT_EQ(world.count("select count(*) from items"), 2);  // items were stored once, whatever the address
  EXPECT_EQ(old_url, new_url);

  // A temporary redirect is followed but never moves the source, however often it is seen.
  std::string temporary = world.server().base_url() + "/old/valley.xml";
  world.conn().exec("move the source", "update sources set url = $1", {temporary});
  world.server().redirect("/old/valley.xml", 302, new_url);
  for (int poll = 0; poll <= storage::kPermanentRedirectPolls; ++poll) {
    world.make_all_due();
    auto summary = world.run_once();
    ASSERT_EQ(summary.sources_polled, 1);
    EXPECT_TRUE(summary.sources.front().error.empty()) << summary.sources.front().error;
  }
  EXPECT_EQ(world.text("select url from sources"), temporary);
  EXPECT_EQ(world.count("select redirect_count from sources"), 0);
}

}  // namespace
}  // namespace newsd::test
