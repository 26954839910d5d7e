// The metrics registry's Prometheus text: label escaping, cumulative
// histogram buckets ending in +Inf = count, declared families only; and the
// listen-address and health rules the endpoint uses.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "metrics/health.h"
#include "metrics/names.h"
#include "metrics/registry.h"
#include "metrics/server.h"

namespace newsd::metrics {
namespace {

using ::testing::HasSubstr;

TEST(MetricsRegistry, WritesHelpTypeAndEscapedLabels) {
  Registry registry;
  registry.describe("demo_total", Type::counter, "A help text with a \\ backslash\nand a newline.");
  registry.add("demo_total", {{"url", "http://x/\"q\"\\path\nnext"}}, 2);
  registry.add("demo_total", {{"url", "http://x/\"q\"\\path\nnext"}});
  auto text = registry.render();
  EXPECT_THAT(text, HasSubstr("# HELP demo_total A help text with a \\\\ backslash\\nand a newline.\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE demo_total counter\n"));
  EXPECT_THAT(text, HasSubstr("demo_total{url=\"http://x/\\\"q\\\"\\\\path\\nnext\"} 3\n"));
  EXPECT_EQ(escape_label_value("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

TEST(MetricsRegistry, HistogramBucketsAreCumulativeAndInfEqualsCount) {
  Registry registry;
  registry.describe("took_seconds", Type::histogram, "Durations.", {0.1, 1, 10});
  for (double value : {0.05, 0.1, 0.5, 2.0, 20.0, 30.0})
    registry.observe("took_seconds", {{"kind", "feed"}}, value);
  auto text = registry.render();
  // le is "less than or equal": 0.1 falls in the 0.1 bucket.
  EXPECT_THAT(text, HasSubstr("took_seconds_bucket{kind=\"feed\",le=\"0.1\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("took_seconds_bucket{kind=\"feed\",le=\"1\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("took_seconds_bucket{kind=\"feed\",le=\"10\"} 4\n"));
  EXPECT_THAT(text, HasSubstr("took_seconds_bucket{kind=\"feed\",le=\"+Inf\"} 6\n"));
  EXPECT_THAT(text, HasSubstr("took_seconds_count{kind=\"feed\"} 6\n"));
  EXPECT_THAT(text, HasSubstr("took_seconds_sum{kind=\"feed\"} 52.65\n"));
  EXPECT_EQ(registry.value("took_seconds", {{"kind", "feed"}}), 6);
}

TEST(MetricsRegistry, RefusesUndeclaredOrMistypedMetrics) {
  Registry registry;
  registry.describe("a_gauge", Type::gauge, "A gauge.");
  EXPECT_THROW(registry.add("nope_total", {}), std::logic_error);
  EXPECT_THROW(registry.add("a_gauge", {}), std::logic_error);
  EXPECT_THROW(registry.describe("h", Type::histogram, "x", {2, 1}), std::logic_error);
  registry.set("a_gauge", {}, 1.5);
  EXPECT_EQ(registry.value("a_gauge"), 1.5);
  EXPECT_EQ(registry.value("a_gauge", {{"x", "y"}}), std::nullopt);
}

TEST(MetricsRegistry, ProcessMetricsComeFromProc) {
  Registry registry;
  describe_process_metrics(registry);
  update_process_metrics(registry);
  EXPECT_GT(registry.value("process_resident_memory_bytes").value_or(0), 1024 * 1024);
  auto now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  auto start = registry.value("process_start_time_seconds").value_or(0);
  EXPECT_LE(start, now + 1);
  EXPECT_GT(start, now - 24 * 3600.0 * 365);
  EXPECT_GE(registry.value("process_cpu_seconds_total").value_or(-1), 0);
  EXPECT_GT(registry.value("process_open_fds").value_or(0), 2);
}

TEST(MetricsNames, StatusClasses) {
  EXPECT_EQ(status_class(200), "2xx");
  EXPECT_EQ(status_class(304), "304");
  EXPECT_EQ(status_class(301), "3xx");
  EXPECT_EQ(status_class(429), "4xx");
  EXPECT_EQ(status_class(503), "5xx");
  EXPECT_EQ(status_class(0), "error");
}

TEST(MetricsListen, ParsesAddresses) {
  EXPECT_EQ(parse_listen_address("127.0.0.1:9466").port, 9466);
  EXPECT_EQ(parse_listen_address("[::1]:0").host, "::1");
  EXPECT_EQ(parse_listen_address("localhost:80").host, "localhost");
  EXPECT_THROW(parse_listen_address("127.0.0.1"), std::invalid_argument);
  EXPECT_THROW(parse_listen_address("127.0.0.1:65536"), std::invalid_argument);
  EXPECT_THROW(parse_listen_address("::1:80"), std::invalid_argument);
  EXPECT_THROW(parse_listen_address("example.org:80"), std::invalid_argument);
}

TEST(MetricsHealth, NeedsDatabaseAndARecentSchedulerTurn) {
  Registry registry;
  describe_newsd_metrics(registry);
  auto now = std::chrono::system_clock::now();
  double now_s = std::chrono::duration<double>(now.time_since_epoch()).count();
  HealthLimits limits;
  auto report = assess_health(registry, "", now, limits);
  EXPECT_FALSE(report.healthy);
  EXPECT_THAT(report.json, HasSubstr("has not started"));

  registry.set(std::string(kLastTurn), {}, now_s - 2);
  report = assess_health(registry, "", now, limits);
  EXPECT_TRUE(report.healthy) << report.json;
  EXPECT_THAT(report.json, HasSubstr("\"status\":\"ok\""));
  EXPECT_THAT(report.json, HasSubstr("\"last_successful_poll\":null"));

  report = assess_health(registry, "database unreachable: \"x\" refused", now, limits);
  EXPECT_FALSE(report.healthy);
  EXPECT_THAT(report.json, HasSubstr("database unreachable: \\\"x\\\" refused"));

  registry.set(std::string(kLastTurn), {}, now_s - 600);
  report = assess_health(registry, "", now, limits);
  EXPECT_FALSE(report.healthy);
  EXPECT_THAT(report.json, HasSubstr("last turned 600 s ago"));
}

TEST(MetricsHealth, ADrainForAReloadIsAliveUntilItTakesFarTooLong) {
  // Issue 15: /healthz answered 503 during a long SIGHUP drain, when the loop
  // waits for the polls in flight and does not turn.
  Registry registry;
  describe_newsd_metrics(registry);
  auto now = std::chrono::system_clock::now();
  double now_s = std::chrono::duration<double>(now.time_since_epoch()).count();
  HealthLimits limits;
  registry.set(std::string(kLastTurn), {}, now_s - 600);
  registry.set(std::string(kDrainingSince), {}, now_s - 599);
  auto report = assess_health(registry, "", now, limits);
  EXPECT_TRUE(report.healthy) << report.json;
  EXPECT_THAT(report.json, HasSubstr("\"draining_since\""));

  // The database still counts while draining.
  EXPECT_FALSE(assess_health(registry, "database unreachable: x", now, limits).healthy);

  // A drain that never ends is not alive.
  report = assess_health(registry, "", now + limits.max_drain, limits);
  EXPECT_FALSE(report.healthy);
  EXPECT_THAT(report.json, HasSubstr("draining its polls for"));

  // Drained and turning again: the turn rule as before.
  registry.set(std::string(kDrainingSince), {}, 0);
  registry.set(std::string(kLastTurn), {}, now_s - 1);
  report = assess_health(registry, "", now, limits);
  EXPECT_TRUE(report.healthy) << report.json;
  EXPECT_THAT(report.json, ::testing::Not(HasSubstr("draining")));
}

}  // namespace
}  // namespace newsd::metrics
