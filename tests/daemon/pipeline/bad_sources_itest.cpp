// Sources whose URL answers something that is not a feed (an HTML page, plain
// text, a body far over the size limit), polled beside healthy ones: each gets
// its error recorded against it, naming its URL, and nothing else is
// disturbed. Issue 15: the HTML and text cases aborted the whole process with
// a double free, on every retry.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pipeline_support.h"
#include "run_newsd.h"

namespace newsd::test {
namespace {

using ::testing::HasSubstr;

constexpr std::size_t kHugeBodyBytes = std::size_t{50} * 1024 * 1024;

std::vector<ServedSource> bad_sources() {
  std::string huge = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>huge</title><!--";
  huge.append(kHugeBodyBytes, 'x');
  huge += "--></channel></rss>\n";
  return {
      {"/bad/front-page.html",
       "<!DOCTYPE html>\n<html><head><title>Front page</title></head><body><h1>News</h1>"
       "<p>This is a web page, not a feed.</p></body></html>\n"},
      {"/bad/notes.txt", "Just some plain text.\nNo markup at all.\n"},
      {"/bad/huge.xml", std::move(huge)},
  };
}

const pipeline::SourceReport* report_for(const pipeline::PassSummary& summary, std::string_view path) {
  auto found = std::find_if(summary.sources.begin(), summary.sources.end(),
                            [&](const auto& source) { return source.url.ends_with(path); });
  return found == summary.sources.end() ? nullptr : &*found;
}

void expect_healthy_sources_unaffected(PipelineWorld& world) {
  EXPECT_EQ(
      world.count("select count(*) from sources where url not like '%/bad/%' and last_status in (200, 304) "
                  "and last_error is null"),
      4);
  EXPECT_EQ(world.count("select count(*) from items"), 9);
  EXPECT_EQ(world.count("select count(*) from articles where status = 'extracted'"), 6);
  EXPECT_EQ(world.count("select count(*) from items i join sources s on s.id = i.source_id "
                        "where s.url like '%/bad/%'"),
            0);
}

TEST(BadSources, HtmlTextAndOversizedBodiesAreRecordedAndNothingElseIsDisturbed) {
  PipelineWorld world("pipeline_bad_sources", {}, bad_sources());
  auto summary = world.run_once();

  EXPECT_EQ(summary.sources_polled, 7);
  const auto* html = report_for(summary, "/bad/front-page.html");
  const auto* text = report_for(summary, "/bad/notes.txt");
  const auto* huge = report_for(summary, "/bad/huge.xml");
  ASSERT_NE(html, nullptr);
  ASSERT_NE(text, nullptr);
  ASSERT_NE(huge, nullptr);
  EXPECT_THAT(html->error, HasSubstr(world.server().base_url() + "/bad/front-page.html"));
  EXPECT_THAT(html->error, HasSubstr("not a feed: an HTML page"));
  EXPECT_THAT(text->error, HasSubstr(world.server().base_url() + "/bad/notes.txt"));
  EXPECT_THAT(text->error, HasSubstr("not a feed"));
  EXPECT_THAT(huge->error, HasSubstr(world.server().base_url() + "/bad/huge.xml"));
  EXPECT_THAT(huge->error, HasSubstr("size limit"));

  // Stored against each source, for `newsd status` and the next poll's backoff.
  EXPECT_THAT(world.text("select last_error from sources where url like '%/front-page.html'"),
              HasSubstr("an HTML page"));
  EXPECT_THAT(world.text("select last_error from sources where url like '%/notes.txt'"),
              HasSubstr("not a feed"));
  EXPECT_THAT(world.text("select last_error from sources where url like '%/huge.xml'"),
              HasSubstr("size limit"));
  EXPECT_EQ(world.count("select count(*) from sources where url like '%/bad/%' and consecutive_errors = 1 "
                        "and next_poll_at > now()"),
            3);
  // The oversized body was refused by the client, and the attempt logged as such.
  EXPECT_EQ(
      world.count("select count(*) from fetch_log where url like '%/huge.xml' and error like '%size limit%'"),
      1);
  expect_healthy_sources_unaffected(world);
}

// The same sources through the real binary, twice: the first run stores the
// errors, the second polls the failing sources again (the crash repeated on
// every retry) and must also finish with exit 0 and a summary.
TEST(BadSources, NewsdOnceSurvivesThemAndRetriesThem) {
  PipelineWorld world("pipeline_bad_sources_cli", {}, bad_sources());
  auto config = std::filesystem::temp_directory_path() / ("newsd-bad-" + std::to_string(getpid()) + ".toml");
  std::ofstream(config) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nper_host_connections = 4\n"
                           "host_gap = \"10ms\"\n";
  auto once = "once --db '" + world.url() + "' --config '" + config.string() + "'";
  auto first = run_newsd(once);
  ASSERT_EQ(first.status, 0) << first.out << first.err;
  EXPECT_THAT(first.out, HasSubstr("sources polled: 7"));
  EXPECT_THAT(first.out, HasSubstr("errors: 3"));
  EXPECT_THAT(first.out, HasSubstr("/bad/front-page.html: " + world.server().base_url() +
                                   "/bad/front-page.html: not a feed: an HTML page"));
  EXPECT_THAT(first.out, HasSubstr("/bad/notes.txt"));
  EXPECT_THAT(first.out, HasSubstr("/bad/huge.xml"));
  expect_healthy_sources_unaffected(world);

  world.make_all_due();
  auto second = run_newsd(once);
  std::filesystem::remove(config);
  ASSERT_EQ(second.status, 0) << second.out << second.err;
  EXPECT_THAT(second.out, HasSubstr("errors: 3"));
  EXPECT_EQ(world.count("select count(*) from sources where url like '%/bad/%' and consecutive_errors = 2"),
            3);
  expect_healthy_sources_unaffected(world);
}

}  // namespace
}  // namespace newsd::test
