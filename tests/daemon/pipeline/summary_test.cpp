// What `newsd once` prints and how the configuration becomes pipeline options.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/options.h"
#include "config/config.h"
#include "pipeline/pipeline.h"

namespace newsd::test {
namespace {

using ::testing::HasSubstr;

TEST(PassSummary, AddsUpSourcesAndListsErrorsBySource) {
  pipeline::PassSummary summary;
  pipeline::SourceReport ok;
  ok.source_id = 1;
  ok.url = "https://a.example/feed";
  ok.polled = true;
  ok.status = 200;
  ok.items_new = 3;
  ok.items_unchanged = 2;
  ok.articles_extracted = 2;
  ok.articles_failed = 1;
  summary.add(ok);
  pipeline::SourceReport not_modified;
  not_modified.polled = true;
  not_modified.status = 304;
  summary.add(not_modified);
  pipeline::SourceReport broken;
  broken.source_id = 7;
  broken.url = "https://b.example/rss";
  broken.polled = true;
  broken.status = 500;
  broken.error = "HTTP 500 from https://b.example/rss";
  broken.disabled = true;
  summary.add(broken);

  EXPECT_EQ(summary.sources_polled, 3);
  EXPECT_EQ(summary.not_modified, 1);
  auto text = pipeline::format_summary(summary);
  EXPECT_THAT(text, HasSubstr("sources polled: 3 (1 not modified)"));
  EXPECT_THAT(text, HasSubstr("items: 3 new, 0 changed, 2 unchanged"));
  EXPECT_THAT(text, HasSubstr("articles: 2 extracted, 1 failed, 0 skipped, 0 waiting for a retry"));
  EXPECT_THAT(text,
              HasSubstr("errors: 1\n  source 7 https://b.example/rss: HTTP 500 from https://b.example/rss"));
  EXPECT_THAT(text, HasSubstr("disabled"));
}

TEST(PipelineOptions, FollowTheConfiguration) {
  auto config = config::parse_config(R"(
[http]
user_agent = "test-agent/1"
allow_private = ["127.0.0.1"]
request_timeout = "12s"
max_feed_size = "1MiB"
[politeness]
per_host_connections = 3
host_gap = "250ms"
source_min_interval = "20m"
[politeness.hosts."slow.example"]
gap = "10s"
[scheduler]
min_interval = "10m"
max_interval = "6h"
)",
                                     "test.toml");
  auto options = app::options_from_config(config, Logger(LogLevel::error));
  EXPECT_EQ(options.client.user_agent, "test-agent/1");
  EXPECT_EQ(options.client.allow_list, std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(options.timeouts.total, std::chrono::seconds(12));
  EXPECT_LE(options.timeouts.first_byte, std::chrono::seconds(12));
  EXPECT_EQ(options.max_feed_bytes, 1u << 20);
  EXPECT_EQ(options.gate.defaults.max_concurrent, 3);
  EXPECT_EQ(options.gate.defaults.min_gap, std::chrono::milliseconds(250));
  ASSERT_TRUE(options.gate.overrides.contains("slow.example"));
  EXPECT_EQ(options.gate.overrides.at("slow.example").min_gap, std::chrono::seconds(10));
  EXPECT_EQ(options.gate.overrides.at("slow.example").max_concurrent, 3);
  EXPECT_EQ(options.source_min_interval, std::chrono::minutes(20));
  EXPECT_EQ(options.schedule.min_interval, std::chrono::minutes(10));
  EXPECT_EQ(options.schedule.max_interval, std::chrono::hours(6));
  EXPECT_GE(options.schedule.default_interval, options.schedule.min_interval);
  EXPECT_LE(options.schedule.default_interval, options.schedule.max_interval);
}

}  // namespace
}  // namespace newsd::test
