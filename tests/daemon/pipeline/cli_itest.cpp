// The commands that run the pipeline, as a user runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pipeline_support.h"
#include "run_newsd.h"

namespace newsd::test {
namespace {

using ::testing::HasSubstr;

// The offline demo: its own embedded PostgreSQL and web server, exit 0, and
// a report of what landed (takes a few seconds).
TEST(DemoCommand, RunsOfflineAndShowsWhatLanded) {
  auto result = run_newsd("demo --data '" + demo_data_dir() + "'");
  ASSERT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("sources polled: 4"));
  EXPECT_THAT(result.out, HasSubstr("items: 9 new"));
  EXPECT_THAT(result.out, HasSubstr("articles: 6 extracted, 2 failed, 1 skipped"));
  EXPECT_THAT(result.out, HasSubstr("Harbour Gazette"));
  EXPECT_THAT(result.out, HasSubstr("Field Notes"));
  EXPECT_THAT(result.out, HasSubstr("robots.txt"));
  EXPECT_THAT(result.out, HasSubstr("Tech billionaire Elon Musk agreed on March 2"));
  EXPECT_THAT(result.out, HasSubstr("psql 'postgresql://"));
}

TEST(StatusCommand, ShowsFailingSourcesAndCounts) {
  PipelineWorld world("pipeline_status_cli");
  world.server().override_status("/valley/rss.xml", 503);
  world.run_once();
  auto result = run_newsd("status --db '" + world.url() + "'");
  ASSERT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("sources: 4 enabled"));
  EXPECT_THAT(result.out, HasSubstr("1 failing"));
  EXPECT_THAT(result.out, HasSubstr("failing sources:"));
  EXPECT_THAT(result.out, HasSubstr("HTTP 503"));
  EXPECT_THAT(result.out, HasSubstr("items: 7"));
  EXPECT_THAT(result.out, HasSubstr("extracted"));
}

TEST(OnceCommand, PollsAndPrintsASummary) {
  PipelineWorld world("pipeline_once_cli");
  // newsd once refuses loopback addresses unless the configuration allows them.
  auto config = std::filesystem::temp_directory_path() / ("newsd-once-" + std::to_string(getpid()) + ".toml");
  {
    std::ofstream out(config);
    out << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nper_host_connections = 4\nhost_gap = "
           "\"10ms\"\n";
  }
  auto result = run_newsd("once --db '" + world.url() + "' --config '" + config.string() + "'");
  std::filesystem::remove(config);
  ASSERT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("sources polled: 4"));
  EXPECT_THAT(result.out, HasSubstr("items: 9 new, 0 changed, 0 unchanged"));
  EXPECT_EQ(world.count("select count(*) from articles where status = 'extracted'"), 6);
}

TEST(OnceCommand, RefusesLoopbackWithoutAllowListAndSaysWhy) {
  PipelineWorld world("pipeline_once_ssrf", {"/harbour/"});
  auto config =
      std::filesystem::temp_directory_path() / ("newsd-once-empty-" + std::to_string(getpid()) + ".toml");
  std::ofstream(config).put('\n');
  auto result = run_newsd("once --db '" + world.url() + "' --config '" + config.string() + "'");
  std::filesystem::remove(config);
  ASSERT_EQ(result.status, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("errors: 1"));
  EXPECT_EQ(world.count("select count(*) from items"), 0);
  EXPECT_NE(world.text("select last_error from sources"), "");
}

}  // namespace
}  // namespace newsd::test
