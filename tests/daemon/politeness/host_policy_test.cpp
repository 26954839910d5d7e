// The pure timing rules of one host: Retry-After, backoff, gap, Crawl-delay.
#include <gtest/gtest.h>

#include <set>

#include "politeness/host_key.h"
#include "politeness/host_policy.h"

namespace {

using namespace std::chrono_literals;
using newsd::politeness::Clock;
using newsd::politeness::GateConfig;
using newsd::politeness::HostLimits;
using newsd::politeness::HostPolicy;
using newsd::politeness::HostState;
using newsd::politeness::Outcome;
using newsd::politeness::OutcomeKind;
using newsd::politeness::parse_retry_after;
using newsd::politeness::TimePoint;

// 1994-11-06 08:49:37 UTC, the date of RFC 9110's examples.
const TimePoint kRfcDate = Clock::from_time_t(784111777);

TEST(RetryAfter, DelaySeconds) {
  EXPECT_EQ(parse_retry_after("5", kRfcDate), 5s);
  EXPECT_EQ(parse_retry_after(" 120 ", kRfcDate), 120s);
  EXPECT_EQ(parse_retry_after("0", kRfcDate), 0s);
  EXPECT_EQ(parse_retry_after("99999999999999999999999", kRfcDate), std::chrono::seconds(24h * 365));
}

TEST(RetryAfter, AllThreeHttpDateForms) {
  TimePoint now = kRfcDate - 30s;
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), 30s);
  EXPECT_EQ(parse_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now), 30s);
  EXPECT_EQ(parse_retry_after("Sun Nov  6 08:49:37 1994", now), 30s);
}

TEST(RetryAfter, PastDateMeansNowAndGarbageMeansUnknown) {
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", kRfcDate + 1h), 0s);
  EXPECT_FALSE(parse_retry_after("", kRfcDate));
  EXPECT_FALSE(parse_retry_after("-5", kRfcDate));
  EXPECT_FALSE(parse_retry_after("5.5", kRfcDate));
  EXPECT_FALSE(parse_retry_after("tomorrow", kRfcDate));
  EXPECT_FALSE(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT trailing", kRfcDate));
}

TEST(Outcome, StatusCodesMapToHostVerdicts) {
  EXPECT_EQ(Outcome::from_status(200).kind, OutcomeKind::success);
  EXPECT_EQ(Outcome::from_status(304).kind, OutcomeKind::success);
  EXPECT_EQ(Outcome::from_status(404).kind, OutcomeKind::client_error);
  EXPECT_EQ(Outcome::from_status(429).kind, OutcomeKind::rate_limited);
  EXPECT_EQ(Outcome::from_status(503, 7s).retry_after, 7s);
  EXPECT_EQ(Outcome::from_status(500).kind, OutcomeKind::server_error);
  EXPECT_EQ(Outcome::from_status(0).kind, OutcomeKind::network_error);
}

TEST(Backoff, DoublesAndCaps) {
  EXPECT_EQ(newsd::politeness::backoff_step(0, 30s, 1h), 0s);
  EXPECT_EQ(newsd::politeness::backoff_step(1, 30s, 1h), 30s);
  EXPECT_EQ(newsd::politeness::backoff_step(3, 30s, 1h), 120s);
  EXPECT_EQ(newsd::politeness::backoff_step(8, 30s, 1h), 1h);
  EXPECT_EQ(newsd::politeness::backoff_step(5000, 30s, 1h), 1h);
}

TEST(HostPolicy, GapBetweenStarts) {
  GateConfig config;
  HostLimits limits{2, 1000ms};
  HostPolicy policy;
  TimePoint t0 = kRfcDate;
  EXPECT_TRUE(policy.may_start(t0));
  policy.on_start(t0, policy.gap(limits, config));
  EXPECT_FALSE(policy.may_start(t0 + 999ms));
  EXPECT_TRUE(policy.may_start(t0 + 1000ms));
}

TEST(HostPolicy, CrawlDelayRaisesButNeverLowersTheGapAndIsCapped) {
  GateConfig config;
  config.max_crawl_delay_seconds = 30;
  HostLimits limits{2, 1000ms};
  HostPolicy policy;
  policy.set_crawl_delay(0.2, limits, config);
  EXPECT_EQ(policy.gap(limits, config), 1000ms);
  policy.set_crawl_delay(4.5, limits, config);
  EXPECT_EQ(policy.gap(limits, config), 4500ms);
  policy.set_crawl_delay(86400, limits, config);
  EXPECT_EQ(policy.gap(limits, config), 30000ms);
}

TEST(HostPolicy, CrawlDelayLearnedAfterAStartPushesTheNextStart) {
  GateConfig config;
  HostLimits limits{2, 1000ms};
  HostPolicy policy;
  policy.on_start(kRfcDate, policy.gap(limits, config));
  policy.set_crawl_delay(10, limits, config);
  EXPECT_FALSE(policy.may_start(kRfcDate + 9s));
  EXPECT_TRUE(policy.may_start(kRfcDate + 10s));
}

TEST(HostPolicy, RetryAfterPushesTheHost) {
  GateConfig config;
  std::mt19937_64 rng(1);
  HostPolicy policy;
  EXPECT_TRUE(policy.on_outcome(Outcome::from_status(429, 5s), kRfcDate, config, rng));
  EXPECT_FALSE(policy.may_start(kRfcDate + 4999ms));
  EXPECT_TRUE(policy.may_start(kRfcDate + 5s));
  EXPECT_EQ(policy.state().backoff_seconds, 5);
  EXPECT_EQ(policy.state().consecutive_errors, 0) << "the host said when: not a failure";
  // A later, shorter Retry-After does not shorten the wait.
  policy.on_outcome(Outcome::from_status(503, 1s), kRfcDate + 1s, config, rng);
  EXPECT_FALSE(policy.may_start(kRfcDate + 4s));
}

TEST(HostPolicy, HostileRetryAfterIsCapped) {
  GateConfig config;
  config.retry_after_max = 1h;
  std::mt19937_64 rng(1);
  HostPolicy policy;
  policy.on_outcome(Outcome::from_status(429, std::chrono::seconds(24h * 365)), kRfcDate, config, rng);
  EXPECT_TRUE(policy.may_start(kRfcDate + 1h));
}

TEST(HostPolicy, RetryAfterNeitherGrowsNorResetsTheErrorStreak) {
  GateConfig config;
  config.backoff_base = 10s;
  std::mt19937_64 rng(1);
  HostPolicy policy;
  policy.on_outcome(Outcome::network(), kRfcDate, config, rng);
  policy.on_outcome(Outcome::network(), kRfcDate + 1min, config, rng);
  ASSERT_EQ(policy.state().consecutive_errors, 2);
  policy.on_outcome(Outcome::from_status(429, 120s), kRfcDate + 2min, config, rng);
  EXPECT_EQ(policy.state().consecutive_errors, 2);
  EXPECT_EQ(policy.state().backoff_until, kRfcDate + 4min) << "exactly the Retry-After";
  // The next real failure backs off by the third step, not a fourth.
  policy.on_outcome(Outcome::from_status(500), kRfcDate + 5min, config, rng);
  EXPECT_EQ(policy.state().backoff_seconds, 40);
}

TEST(HostPolicy, RetryAfterShorterThanTheGapStillWaitsForTheGap) {
  GateConfig config;
  HostLimits limits{1, 10s};
  std::mt19937_64 rng(1);
  HostPolicy policy;
  policy.on_start(kRfcDate, policy.gap(limits, config));
  policy.on_outcome(Outcome::from_status(429, 1s), kRfcDate, config, rng);
  EXPECT_EQ(policy.earliest_start(), kRfcDate + 10s);
}

TEST(HostPolicy, RetryAfterHoldIsTheValueCappedAtTheConfiguredMaximum) {
  GateConfig config;
  EXPECT_EQ(config.retry_after_max, 24h) << "the documented default cap";
  EXPECT_EQ(newsd::politeness::retry_after_hold(120s, config), 120s);
  EXPECT_EQ(newsd::politeness::retry_after_hold(0s, config), 0s);
  EXPECT_EQ(newsd::politeness::retry_after_hold(std::chrono::seconds(24h * 365), config), 24h);
  config.retry_after_max = 1h;
  EXPECT_EQ(newsd::politeness::retry_after_hold(2h, config), 1h);
}

TEST(HostPolicy, ErrorsBackOffExponentiallyWithJitter) {
  GateConfig config;
  config.backoff_base = 10s;
  config.backoff_max = 80s;
  std::mt19937_64 rng(42);
  HostPolicy policy;
  TimePoint now = kRfcDate;
  std::chrono::seconds expected_step = 10s;
  for (int error = 1; error <= 6; ++error) {
    policy.on_outcome(Outcome::network(), now, config, rng);
    EXPECT_EQ(policy.state().consecutive_errors, error);
    EXPECT_EQ(policy.state().backoff_seconds, expected_step.count());
    auto wait = *policy.state().backoff_until - now;
    EXPECT_GE(wait, std::chrono::milliseconds(expected_step) / 2) << "error " << error;
    EXPECT_LE(wait, std::chrono::milliseconds(expected_step)) << "error " << error;
    now = *policy.state().backoff_until;
    expected_step = std::min<std::chrono::seconds>(expected_step * 2, 80s);
  }
}

TEST(HostPolicy, JitterSpreadsHostsThatFailedTogether) {
  GateConfig config;
  config.backoff_base = 60s;
  std::mt19937_64 rng(7);
  std::set<TimePoint> until;
  for (int host = 0; host < 50; ++host) {
    HostPolicy policy;
    policy.on_outcome(Outcome::from_status(500), kRfcDate, config, rng);
    until.insert(*policy.state().backoff_until);
  }
  EXPECT_GT(until.size(), 40u);
}

TEST(HostPolicy, SuccessResetsTheStreakButKeepsARunningBackoff) {
  GateConfig config;
  std::mt19937_64 rng(1);
  HostPolicy policy;
  policy.on_outcome(Outcome::from_status(429, 60s), kRfcDate, config, rng);
  policy.on_outcome(Outcome::from_status(200), kRfcDate + 1s, config, rng);
  EXPECT_EQ(policy.state().consecutive_errors, 0);
  EXPECT_EQ(policy.state().backoff_seconds, 0);
  EXPECT_FALSE(policy.may_start(kRfcDate + 59s));
  EXPECT_FALSE(policy.on_outcome(Outcome{}, kRfcDate, config, rng)) << "abandoned changes nothing";
  EXPECT_FALSE(policy.on_outcome(Outcome::from_status(404), kRfcDate, config, rng));
}

TEST(HostKey, LowercasedHostWithNonDefaultPort) {
  using newsd::politeness::host_key;
  EXPECT_EQ(host_key("https://Example.ORG/feed"), "example.org");
  EXPECT_EQ(host_key("http://example.org:80/"), "example.org");
  EXPECT_EQ(host_key("https://example.org:443/"), "example.org");
  EXPECT_EQ(host_key("http://example.org:8080/x"), "example.org:8080");
  EXPECT_EQ(host_key("http://[::1]:8080/x"), "[::1]:8080");
  EXPECT_FALSE(host_key("/relative/path"));
  EXPECT_FALSE(host_key("mailto:someone@example.org"));
}

}  // namespace
