// The robots.txt cache's status handling and expiry (RFC 9309 2.3, 2.4).
#include <gtest/gtest.h>

#include "politeness/robots_cache.h"
#include "politeness/source_throttle.h"

namespace {

using namespace std::chrono_literals;
using newsd::politeness::Clock;
using newsd::politeness::RobotsCache;
using newsd::politeness::RobotsRecord;
using newsd::politeness::RobotsVerdict;
using newsd::politeness::SourceThrottle;
using newsd::politeness::TimePoint;

const TimePoint kNow = Clock::from_time_t(1'750'000'000);
constexpr const char* kRules = "User-agent: newsd\nDisallow: /private\nCrawl-delay: 4\n";

TEST(RobotsCache, UnknownHostNeedsAFetch) {
  RobotsCache cache;
  EXPECT_EQ(cache.check("a.example", "/"), RobotsVerdict::unknown);
  EXPECT_TRUE(cache.needs_fetch("a.example", kNow));
}

TEST(RobotsCache, SuccessIsParsedAndCachedFor24Hours) {
  RobotsCache cache;
  cache.store("a.example", 200, kRules, kNow);
  EXPECT_EQ(cache.check("a.example", "/private/x"), RobotsVerdict::disallowed);
  EXPECT_EQ(cache.check("a.example", "/public"), RobotsVerdict::allowed);
  EXPECT_EQ(cache.crawl_delay("a.example"), 4.0);
  EXPECT_FALSE(cache.needs_fetch("a.example", kNow + 23h));
  EXPECT_TRUE(cache.needs_fetch("a.example", kNow + 24h));
  // Stale but still used until the refetch answers.
  EXPECT_EQ(cache.check("a.example", "/private/x"), RobotsVerdict::disallowed);
}

TEST(RobotsCache, ClientErrorsMeanEverythingIsAllowed) {
  for (int status : {400, 401, 403, 404, 410, 451}) {
    RobotsCache cache;
    cache.store("a.example", status, "User-agent: *\nDisallow: /\n", kNow);
    EXPECT_EQ(cache.check("a.example", "/anything"), RobotsVerdict::allowed) << status;
    EXPECT_FALSE(cache.crawl_delay("a.example")) << status;
    EXPECT_FALSE(cache.needs_fetch("a.example", kNow + 1h)) << status;
  }
}

TEST(RobotsCache, ServerErrorsMeanTryLaterWithGrowingRetry) {
  RobotsCache cache;
  cache.store("a.example", 503, "", kNow);
  EXPECT_EQ(cache.check("a.example", "/"), RobotsVerdict::try_later);
  EXPECT_FALSE(cache.needs_fetch("a.example", kNow + 59s));
  EXPECT_TRUE(cache.needs_fetch("a.example", kNow + 60s));
  cache.store("a.example", 0, "", kNow + 60s);  // unreachable
  EXPECT_EQ(cache.retry_at("a.example"), kNow + 60s + 120s);
  EXPECT_EQ(cache.check("a.example", "/"), RobotsVerdict::try_later);
  cache.store("a.example", 200, kRules, kNow + 200s);
  EXPECT_EQ(cache.check("a.example", "/"), RobotsVerdict::allowed);
  EXPECT_FALSE(cache.retry_at("a.example"));
}

TEST(RobotsCache, AFailedRefetchKeepsTheOldCopy) {
  RobotsCache cache;
  cache.store("a.example", 200, kRules, kNow);
  cache.store("a.example", 500, "", kNow + 25h);
  EXPECT_EQ(cache.check("a.example", "/private"), RobotsVerdict::disallowed);
  EXPECT_EQ(cache.check("a.example", "/ok"), RobotsVerdict::allowed);
  EXPECT_FALSE(cache.needs_fetch("a.example", kNow + 25h + 30s));
  EXPECT_TRUE(cache.needs_fetch("a.example", kNow + 25h + 60s));
  auto saved = cache.record("a.example");
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->status, 200) << "the usable copy is what gets saved";
}

TEST(RobotsCache, RecordRoundTrips) {
  RobotsCache first;
  first.store("a.example", 200, kRules, kNow);
  first.store("b.example", 404, "", kNow);
  first.store("c.example", 502, "", kNow);
  RobotsCache second;
  for (const char* host : {"a.example", "b.example", "c.example"}) second.restore(*first.record(host));
  EXPECT_EQ(second.check("a.example", "/private"), RobotsVerdict::disallowed);
  EXPECT_EQ(second.crawl_delay("a.example"), 4.0);
  EXPECT_FALSE(second.needs_fetch("a.example", kNow + 1h));
  EXPECT_EQ(second.check("b.example", "/x"), RobotsVerdict::allowed);
  EXPECT_EQ(second.check("c.example", "/x"), RobotsVerdict::try_later);
  EXPECT_TRUE(second.needs_fetch("c.example", kNow + 60s));
}

TEST(RobotsCache, MatchesOurConfiguredToken) {
  newsd::politeness::RobotsConfig config;
  config.product_token = "otherbot";
  RobotsCache cache(config);
  cache.store("a.example", 200, "User-agent: otherbot\nDisallow: /o\n\nUser-agent: *\nDisallow: /\n", kNow);
  EXPECT_EQ(cache.check("a.example", "/o"), RobotsVerdict::disallowed);
  EXPECT_EQ(cache.check("a.example", "/x"), RobotsVerdict::allowed);
}

TEST(SourceThrottle, NeverMoreOftenThanTheMinimum) {
  SourceThrottle throttle(15min);
  EXPECT_TRUE(throttle.try_begin(1, kNow));
  EXPECT_FALSE(throttle.try_begin(1, kNow + 14min));
  EXPECT_TRUE(throttle.try_begin(2, kNow + 1min)) << "sources are independent";
  EXPECT_EQ(throttle.not_before(1), kNow + 15min);
  EXPECT_TRUE(throttle.try_begin(1, kNow + 15min));
}

TEST(SourceThrottle, PerSourceIntervalAndRestoredLastPoll) {
  SourceThrottle throttle;
  throttle.set_min_interval(7, 1h);
  throttle.restore(7, kNow);
  EXPECT_FALSE(throttle.try_begin(7, kNow + 59min));
  EXPECT_TRUE(throttle.try_begin(7, kNow + 1h));
  EXPECT_FALSE(throttle.not_before(8));
}

}  // namespace
