// PoliteFetcher end to end: the real HTTP client against a loopback server.
// Politeness is asserted twice: exactly on the start times the fetcher
// reports, and from the server's own clock. The server's timestamps carry
// the scheduling noise of a loaded machine (its thread may run late), hence
// some slack on gaps measured there, never on concurrency.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <fmt/core.h>

#include <algorithm>

#include "feeds/robots.h"
#include "http/client.h"
#include "http_date.h"
#include "polite_server.h"
#include "politeness/host_key.h"
#include "politeness/polite_fetcher.h"

namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;
using namespace newsd::politeness;
using newsd::test::imf_fixdate;
using newsd::test::PoliteReply;
using newsd::test::PoliteServer;

constexpr auto kSlack = 50ms;

newsd::http::ClientOptions client_options() {
  newsd::http::ClientOptions options;
  options.allow_list = {"127.0.0.0/8"};
  options.use_system_ca = false;
  options.logger = newsd::Logger(newsd::LogLevel::error);
  return options;
}

newsd::http::Request request(std::string url, newsd::http::RequestKind kind) {
  newsd::http::Request r;
  r.url = std::move(url);
  r.kind = kind;
  r.timeouts = {2000ms, 2000ms, 2000ms, 5000ms};
  return r;
}

struct Harness {
  explicit Harness(std::chrono::milliseconds gap, PoliteFetcherOptions options = {}) {
    GateConfig config;
    config.defaults.min_gap = gap;
    config.backoff_base = 1s;
    config.seed = 1;
    gate = std::make_unique<HostGate>(io.get_executor(), config);
    fetcher = std::make_unique<PoliteFetcher>(*gate, robots, client, options,
                                              newsd::Logger(newsd::LogLevel::error));
  }

  // Starts every fetch at once and runs them all to completion.
  std::vector<PoliteResult> fetch_all(std::vector<newsd::http::Request> requests) {
    std::vector<PoliteResult> results(requests.size());
    for (std::size_t i = 0; i < requests.size(); ++i) {
      asio::co_spawn(io, run_one(fetcher.get(), std::move(requests[i]), &results[i]), asio::detached);
    }
    io.restart();
    io.run();
    return results;
  }

  static asio::awaitable<void> run_one(PoliteFetcher* fetcher, newsd::http::Request r, PoliteResult* out) {
    *out = co_await fetcher->fetch(std::move(r));
  }

  asio::io_context io;
  newsd::http::HttpClient client{io, client_options()};
  RobotsCache robots;
  std::unique_ptr<HostGate> gate;
  std::unique_ptr<PoliteFetcher> fetcher;
};

TEST(PoliteFetcher, ManyFeedsOnOneHostNeverMoreThanTwoAndNeverCloserThanTheGap) {
  PoliteServer server;
  // Answers slower than the gap, so that the limit of two at once bites too.
  server.route("/feed", PoliteReply{200, {{"Content-Type", "application/rss+xml"}}, "<rss/>", 300ms});
  Harness harness(200ms);
  std::vector<newsd::http::Request> requests;
  for (int i = 0; i < 10; ++i) {
    requests.push_back(request(server.url("/feed?n=" + std::to_string(i)), newsd::http::RequestKind::feed));
  }
  auto results = harness.fetch_all(std::move(requests));
  std::vector<TimePoint> starts;
  for (const auto& result : results) {
    EXPECT_EQ(result.response.status, 200) << result.response.error_message;
    starts.push_back(result.started_at);
  }
  std::sort(starts.begin(), starts.end());
  for (std::size_t i = 1; i < starts.size(); ++i) EXPECT_GE(starts[i] - starts[i - 1], 200ms) << i;
  auto arrivals = server.arrivals("/feed");
  ASSERT_EQ(arrivals.size(), 10u);
  EXPECT_EQ(server.max_in_flight(), 2);
  EXPECT_GE(newsd::test::smallest_gap(arrivals), 200ms - kSlack);
  EXPECT_GE(arrivals.back().at - arrivals.front().at, 9 * 200ms - kSlack);
}

TEST(PoliteFetcher, RobotsTxtIsFetchedOnceAndHonouredForArticles) {
  PoliteServer server;
  server.route("/robots.txt", PoliteReply{200, {}, "User-agent: *\nDisallow: /private\n", 50ms});
  server.route("/private/story", PoliteReply{200, {}, "secret"});
  server.route("/public/story", PoliteReply{200, {}, "<html></html>"});
  Harness harness(0ms);
  std::vector<newsd::http::Request> requests;
  for (int i = 0; i < 3; ++i) {
    requests.push_back(request(server.url("/private/story"), newsd::http::RequestKind::article));
    requests.push_back(request(server.url("/public/story"), newsd::http::RequestKind::article));
  }
  auto results = harness.fetch_all(std::move(requests));
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (i % 2 == 0) {
      EXPECT_EQ(results[i].refusal, Refusal::robots_disallowed);
    } else {
      EXPECT_EQ(results[i].response.status, 200);
    }
  }
  EXPECT_EQ(server.arrivals("/robots.txt").size(), 1u) << "concurrent fetches share one robots.txt request";
  EXPECT_TRUE(server.arrivals("/private").empty());
  EXPECT_EQ(server.arrivals("/public").size(), 3u);
  auto records = harness.fetcher->take_robots_records();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].host, server.host());
  EXPECT_EQ(records[0].status, 200);
  // A second round uses the cache.
  harness.fetch_all({request(server.url("/public/story"), newsd::http::RequestKind::article)});
  EXPECT_EQ(server.arrivals("/robots.txt").size(), 1u);
}

TEST(PoliteFetcher, UnreachableRobotsMeansTryLaterAndMissingMeansAllowed) {
  PoliteServer failing;
  failing.route("/robots.txt", PoliteReply{503, {}, "down"});
  failing.route("/story", PoliteReply{200, {}, "x"});
  PoliteServer missing;  // no robots.txt route: 404
  missing.route("/story", PoliteReply{200, {}, "x"});
  Harness harness(0ms);
  auto results = harness.fetch_all({request(failing.url("/story"), newsd::http::RequestKind::article),
                                    request(missing.url("/story"), newsd::http::RequestKind::article)});
  EXPECT_EQ(results[0].refusal, Refusal::robots_unavailable);
  ASSERT_TRUE(results[0].retry_at);
  EXPECT_GT(*results[0].retry_at, Clock::now());
  EXPECT_TRUE(failing.arrivals("/story").empty());
  EXPECT_EQ(results[1].response.status, 200);
  // The 503 also told the gate the host is struggling.
  EXPECT_EQ(harness.gate->snapshot(failing.host())->state.consecutive_errors, 1);
}

// One robots.txt size limit (feeds::kRobotsParseLimit, RFC 9309's 500 KiB):
// a body of exactly that size is fetched and its last rule obeyed; one byte
// more is not fetched (it was, up to 2 MiB, and then cut by the parser).
TEST(PoliteFetcher, RobotsTxtUpToTheParseLimitIsReadAndLargerIsUnreachable) {
  const std::string last_rule = "Disallow: /private\n";
  std::string at_limit = "User-agent: *\n";
  at_limit.resize(feeds::kRobotsParseLimit - last_rule.size(), '#');  // then one long comment line
  at_limit.back() = '\n';
  at_limit += last_rule;
  ASSERT_EQ(at_limit.size(), feeds::kRobotsParseLimit);
  PoliteServer fits;
  fits.route("/robots.txt", PoliteReply{200, {}, at_limit});
  fits.route("/private/story", PoliteReply{200, {}, "secret"});
  PoliteServer too_large;
  too_large.route("/robots.txt", PoliteReply{200, {}, at_limit + "#"});
  too_large.route("/private/story", PoliteReply{200, {}, "secret"});
  Harness harness(0ms);
  auto results =
      harness.fetch_all({request(fits.url("/private/story"), newsd::http::RequestKind::article),
                         request(too_large.url("/private/story"), newsd::http::RequestKind::article)});
  EXPECT_EQ(results[0].refusal, Refusal::robots_disallowed);
  EXPECT_EQ(results[1].refusal, Refusal::robots_unavailable);
  EXPECT_TRUE(fits.arrivals("/private").empty());
  EXPECT_TRUE(too_large.arrivals("/private").empty());
}

TEST(PoliteFetcher, RobotsRedirectLoopCountsAsUnavailableSoAllowed) {
  PoliteServer server;
  server.route("/robots.txt", PoliteReply{301, {{"Location", "/robots.txt"}}, ""});
  server.route("/story", PoliteReply{200, {}, "x"});
  Harness harness(0ms);
  auto results = harness.fetch_all({request(server.url("/story"), newsd::http::RequestKind::article)});
  EXPECT_EQ(results[0].response.status, 200) << to_string(results[0].refusal);
  EXPECT_EQ(server.arrivals("/story").size(), 1u);
}

TEST(PoliteFetcher, FeedsIgnoreRobotsUnlessConfigured) {
  PoliteServer server;
  server.route("/robots.txt", PoliteReply{200, {}, "User-agent: *\nDisallow: /\n"});
  server.route("/feed", PoliteReply{200, {}, "<rss/>"});
  {
    Harness harness(0ms);
    auto results = harness.fetch_all({request(server.url("/feed"), newsd::http::RequestKind::feed)});
    EXPECT_EQ(results[0].response.status, 200);
    EXPECT_TRUE(server.arrivals("/robots.txt").empty());
  }
  PoliteFetcherOptions strict;
  strict.robots_for_feeds = true;
  Harness harness(0ms, strict);
  auto results = harness.fetch_all({request(server.url("/feed"), newsd::http::RequestKind::feed)});
  EXPECT_EQ(results[0].refusal, Refusal::robots_disallowed);
  EXPECT_EQ(server.arrivals("/feed").size(), 1u);
}

TEST(PoliteFetcher, CrawlDelayFromRobotsRaisesTheGap) {
  PoliteServer server;
  server.route("/robots.txt", PoliteReply{200, {}, "User-agent: newsd\nCrawl-delay: 0.3\n"});
  server.route("/a", PoliteReply{200, {}, "x"});
  Harness harness(0ms);
  std::vector<newsd::http::Request> requests;
  for (int i = 0; i < 3; ++i)
    requests.push_back(request(server.url("/a"), newsd::http::RequestKind::article));
  harness.fetch_all(std::move(requests));
  auto arrivals = server.arrivals();
  ASSERT_EQ(arrivals.size(), 4u);  // robots.txt + 3
  EXPECT_GE(newsd::test::smallest_gap(arrivals), 300ms - kSlack);
}

asio::awaitable<void> two_in_a_row(PoliteFetcher* fetcher, std::string first, std::string second,
                                   std::vector<PoliteResult>* out) {
  out->push_back(co_await fetcher->fetch(request(first, newsd::http::RequestKind::feed)));
  out->push_back(co_await fetcher->fetch(request(second, newsd::http::RequestKind::feed)));
}

TEST(PoliteFetcher, RetryAfterFromTheServerKeepsUsAway) {
  // A host that keeps saying "Retry-After: 1": asked again twice within the
  // fetch, a second apart each time, then its 429 is the answer.
  PoliteServer server;
  server.route("/limited", PoliteReply{429, {{"Retry-After", "1"}}, "slow down"});
  server.route("/ok", PoliteReply{200, {}, "fine"});
  Harness harness(0ms);
  std::vector<PoliteResult> results;
  asio::co_spawn(harness.io,
                 two_in_a_row(harness.fetcher.get(), server.url("/limited"), server.url("/ok"), &results),
                 asio::detached);
  harness.io.run();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].response.status, 429);
  EXPECT_EQ(results[1].response.status, 200);
  auto arrivals = server.arrivals();
  ASSERT_EQ(arrivals.size(), 4u);
  EXPECT_EQ(server.arrivals("/limited").size(), 3u);
  for (std::size_t i = 1; i < arrivals.size(); ++i)
    EXPECT_GE(arrivals[i].at - arrivals[i - 1].at, 1000ms) << i;
}

TEST(PoliteFetcher, A429WithAShortRetryAfterIsAskedAgainThenNotAnError) {
  PoliteServer server;
  int calls = 0;
  server.route("/feed", [&calls] {
    return ++calls == 1 ? PoliteReply{429, {{"Retry-After", "1"}}, "slow down"}
                        : PoliteReply{200, {}, "<rss/>"};
  });
  Harness harness(0ms);
  auto results = harness.fetch_all({request(server.url("/feed"), newsd::http::RequestKind::feed)});
  EXPECT_EQ(results[0].response.status, 200) << "the answer after the Retry-After, not the 429";
  EXPECT_FALSE(results[0].refused());
  auto arrivals = server.arrivals("/feed");
  ASSERT_EQ(arrivals.size(), 2u);
  EXPECT_GE(arrivals[1].at - arrivals[0].at, 1000ms) << "the server's own clock";
}

TEST(PoliteFetcher, TheServerSeesTheGapAsAFloorWithSlowAnswersAndTwoConnections) {
  // Two requests at a time, answers slower than the gap: every start as the
  // server's clock has it is at least the gap after the one before.
  PoliteServer server;
  server.route("/feed", PoliteReply{200, {{"Content-Type", "application/rss+xml"}}, "<rss/>", 300ms});
  Harness harness(250ms);
  std::vector<newsd::http::Request> requests;
  for (int i = 0; i < 8; ++i) {
    requests.push_back(request(server.url("/feed?n=" + std::to_string(i)), newsd::http::RequestKind::feed));
  }
  auto results = harness.fetch_all(std::move(requests));
  for (const auto& result : results) EXPECT_EQ(result.response.status, 200) << result.response.error_message;
  auto arrivals = server.arrivals("/feed");
  ASSERT_EQ(arrivals.size(), 8u);
  EXPECT_EQ(server.max_in_flight(), 2);
  EXPECT_GE(newsd::test::smallest_gap(arrivals), 250ms);
}

asio::awaitable<void> poll_source_twice(PoliteFetcher* fetcher, std::string url,
                                        std::vector<PoliteResult>* out) {
  out->push_back(co_await fetcher->fetch_source(7, request(url, newsd::http::RequestKind::feed)));
  out->push_back(co_await fetcher->fetch_source(7, request(url, newsd::http::RequestKind::feed)));
}

TEST(PoliteFetcher, ASourceIsNotPolledTwiceWithinItsMinimumInterval) {
  PoliteServer server;
  server.route("/feed", PoliteReply{200, {}, "<rss/>"});
  Harness harness(0ms);
  std::vector<PoliteResult> results;
  asio::co_spawn(harness.io, poll_source_twice(harness.fetcher.get(), server.url("/feed"), &results),
                 asio::detached);
  harness.io.run();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].response.status, 200);
  EXPECT_EQ(results[1].refusal, Refusal::source_too_soon);
  ASSERT_TRUE(results[1].retry_at);
  EXPECT_GE(*results[1].retry_at, Clock::now() + 14min);
  EXPECT_EQ(server.arrivals().size(), 1u);
}

TEST(PoliteFetcher, ConnectionFailuresBackTheHostOff) {
  std::string dead_url;
  {
    PoliteServer gone;
    dead_url = gone.url("/feed");
  }  // nothing listens there any more
  Harness harness(0ms);
  auto results = harness.fetch_all({request(dead_url, newsd::http::RequestKind::feed)});
  EXPECT_FALSE(results[0].response.ok());
  auto host = host_key(dead_url);
  ASSERT_TRUE(host);
  auto snapshot = harness.gate->snapshot(*host);
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->state.consecutive_errors, 1);
  EXPECT_TRUE(snapshot->state.backoff_until);
}

TEST(PoliteFetcher, InvalidUrlsAreRefusedWithoutANetworkAttempt) {
  Harness harness(0ms);
  auto results = harness.fetch_all({request("not a url", newsd::http::RequestKind::feed)});
  EXPECT_EQ(results[0].refusal, Refusal::invalid_url);
  EXPECT_EQ(harness.gate->in_flight(), 0);
}

TEST(PoliteFetcher, AHostBackingOffForLongIsRefusedWithItsRetryTimeNotWaitedFor) {
  PoliteServer server;
  server.route("/limited", PoliteReply{429, {{"Retry-After", "3600"}}, "come back in an hour"});
  server.route("/ok", PoliteReply{200, {}, "fine"});
  Harness harness(0ms);
  std::vector<PoliteResult> results;
  asio::co_spawn(harness.io,
                 two_in_a_row(harness.fetcher.get(), server.url("/limited"), server.url("/ok"), &results),
                 asio::detached);
  harness.io.run();  // returns at once: nobody sleeps for an hour
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].response.status, 429);
  EXPECT_EQ(results[1].refusal, Refusal::host_backing_off);
  ASSERT_TRUE(results[1].retry_at);
  EXPECT_GE(*results[1].retry_at, Clock::now() + 59min);
  EXPECT_THAT(results[1].response.error_message, ::testing::HasSubstr(server.host()));
  EXPECT_EQ(server.arrivals("/ok").size(), 0u);
}

asio::awaitable<void> fetch_for_source(PoliteFetcher* fetcher, newsd::http::Request r, std::int64_t source_id,
                                       std::vector<PoliteResult>* out) {
  out->push_back(co_await fetcher->fetch(std::move(r), source_id));
}

TEST(PoliteFetcher, EveryExchangeIsReportedToTheObserverRobotsTxtIncluded) {
  PoliteServer server;
  server.route("/robots.txt", PoliteReply{200, {}, "User-agent: *\nDisallow: /private\n"});
  server.route("/story", PoliteReply{200, {}, "<html></html>"});
  server.route("/gone", PoliteReply{410, {}, "gone"});
  std::vector<FetchAttempt> attempts;
  PoliteFetcherOptions options;
  options.on_attempt = [&attempts](FetchAttempt attempt) -> asio::awaitable<void> {
    attempts.push_back(std::move(attempt));
    co_return;
  };
  Harness harness(0ms, options);
  std::vector<PoliteResult> results;
  asio::co_spawn(harness.io,
                 two_in_a_row(harness.fetcher.get(), server.url("/story"), server.url("/gone"), &results),
                 asio::detached);
  harness.io.run();
  // Feeds skip robots.txt by default; articles fetch it first.
  results.clear();
  auto article = request(server.url("/private/x"), newsd::http::RequestKind::article);
  asio::co_spawn(harness.io, fetch_for_source(harness.fetcher.get(), std::move(article), 42, &results),
                 asio::detached);
  harness.io.restart();
  harness.io.run();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].refusal, Refusal::robots_disallowed);

  ASSERT_EQ(attempts.size(), 3u);
  EXPECT_EQ(attempts[0].url, server.url("/story"));
  EXPECT_EQ(attempts[0].kind, newsd::http::RequestKind::feed);
  EXPECT_EQ(attempts[0].status, 200);
  EXPECT_TRUE(attempts[0].error.empty());
  EXPECT_GT(attempts[0].bytes, 0u);
  EXPECT_FALSE(attempts[0].source_id);
  EXPECT_EQ(attempts[1].status, 410);
  EXPECT_THAT(attempts[1].error, ::testing::HasSubstr("HTTP 410"));
  EXPECT_EQ(attempts[2].kind, newsd::http::RequestKind::robots);
  EXPECT_EQ(attempts[2].url, server.url("/robots.txt"));
  EXPECT_EQ(attempts[2].host, server.host());
  EXPECT_EQ(attempts[2].source_id, 42) << "robots.txt is logged against the source that needed it";
  EXPECT_LE(attempts[0].started_at, attempts[1].started_at);
}

TEST(PoliteFetcher, ARedirectToAnotherHostWaitsForThatHostAndAsksItsRobotsTxt) {
  PoliteServer origin;
  PoliteServer other;  // another port: another host key
  origin.route("/feed", PoliteReply{301, {{"Location", other.url("/feed")}}, ""});
  origin.route("/story", PoliteReply{302, {{"Location", other.url("/private/story")}}, ""});
  other.route("/feed", PoliteReply{200, {}, "<rss/>"});
  other.route("/robots.txt", PoliteReply{200, {}, "User-agent: *\nDisallow: /private\n"});
  other.route("/private/story", PoliteReply{200, {}, "secret"});
  Harness harness(0ms);
  // The other host is busy for a while: the feed's second hop must wait its turn.
  harness.gate->set_limits(other.host(), {1, 400ms});
  auto results = harness.fetch_all({request(other.url("/feed"), newsd::http::RequestKind::feed),
                                    request(origin.url("/feed"), newsd::http::RequestKind::feed),
                                    request(origin.url("/story"), newsd::http::RequestKind::article)});
  EXPECT_EQ(results[0].response.status, 200);
  ASSERT_EQ(results[1].response.status, 200) << results[1].response.error_message;
  EXPECT_EQ(results[1].response.final_url, other.url("/feed"));
  ASSERT_EQ(results[1].response.redirects.size(), 1u);
  EXPECT_TRUE(results[1].response.permanent_redirect);
  // The article's second hop is on a host whose robots.txt forbids it.
  EXPECT_EQ(results[2].refusal, Refusal::robots_disallowed) << results[2].response.error_message;
  EXPECT_TRUE(other.arrivals("/private").empty());
  auto feeds = other.arrivals("/feed");
  ASSERT_EQ(feeds.size(), 2u);
  EXPECT_GE(feeds[1].at - feeds[0].at, 400ms - kSlack) << "the redirected hop obeyed the other host's gap";
}

TEST(PoliteFetcher, CrossHostRedirectLoopsAndLongChainsAreStopped) {
  PoliteServer a;
  PoliteServer b;
  a.route("/x", PoliteReply{302, {{"Location", b.url("/y")}}, ""});
  b.route("/y", PoliteReply{302, {{"Location", a.url("/x")}}, ""});
  a.route("/1", PoliteReply{302, {{"Location", b.url("/2")}}, ""});
  b.route("/2", PoliteReply{302, {{"Location", a.url("/3")}}, ""});
  a.route("/3", PoliteReply{302, {{"Location", b.url("/4")}}, ""});
  b.route("/4", PoliteReply{200, {}, "end"});
  Harness harness(0ms);
  auto two_hops = request(a.url("/1"), newsd::http::RequestKind::feed);
  two_hops.max_redirects = 2;
  auto results = harness.fetch_all({request(a.url("/x"), newsd::http::RequestKind::feed), two_hops,
                                    request(a.url("/1"), newsd::http::RequestKind::feed)});
  EXPECT_EQ(results[0].response.error, newsd::http::ErrorKind::redirect_loop)
      << results[0].response.error_message;
  EXPECT_EQ(results[1].response.error, newsd::http::ErrorKind::too_many_redirects)
      << results[1].response.error_message;
  EXPECT_EQ(results[2].response.status, 200) << results[2].response.error_message;
  EXPECT_EQ(results[2].response.redirects.size(), 3u);
  EXPECT_FALSE(results[2].response.permanent_redirect);
}

TEST(Outcome, FromResponses) {
  newsd::http::Response limited;
  limited.status = 503;
  auto now = Clock::now();
  limited.retry_after = now + 2500ms;
  auto outcome = outcome_of(limited, now);
  EXPECT_EQ(outcome.kind, OutcomeKind::rate_limited);
  EXPECT_EQ(outcome.retry_after, 3s);
  newsd::http::Response timed_out;
  timed_out.error = newsd::http::ErrorKind::first_byte_timeout;
  EXPECT_EQ(outcome_of(timed_out, now).kind, OutcomeKind::network_error);
  newsd::http::Response blocked;
  blocked.error = newsd::http::ErrorKind::blocked_address;
  EXPECT_EQ(outcome_of(blocked, now).kind, OutcomeKind::abandoned);
}

// Retry-After beyond what a fetch waits for: handed back as the time to come back.

TEST(PoliteFetcher, ALongRetryAfterIsReturnedAsTheTimeToComeBackAndHoldsTheHost) {
  PoliteServer server;
  server.route("/limited", PoliteReply{429, {{"Retry-After", "120"}}, "come back in two minutes"});
  Harness harness(0ms);
  TimePoint before = Clock::now();
  auto results = harness.fetch_all({request(server.url("/limited"), newsd::http::RequestKind::feed)});
  TimePoint after = Clock::now();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].response.status, 429);
  ASSERT_TRUE(results[0].rate_limited());
  EXPECT_GE(*results[0].retry_at, before + 120s);
  EXPECT_LE(*results[0].retry_at, after + 121s);  // Retry-After is whole seconds, rounded up
  auto host = host_key(server.url("/"));
  ASSERT_TRUE(host);
  EXPECT_EQ(harness.gate->earliest_start(*host), results[0].retry_at);
  auto snapshot = harness.gate->snapshot(*host);
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->state.consecutive_errors, 0) << "a Retry-After is not a failure";
  EXPECT_EQ(server.arrivals("/limited").size(), 1u) << "two minutes are not waited for within the fetch";
}

TEST(PoliteFetcher, AnHttpDateRetryAfterCountsLikeSeconds) {
  PoliteServer server;
  auto in_five_minutes = std::chrono::floor<std::chrono::seconds>(Clock::now() + 300s);
  std::string date = imf_fixdate(in_five_minutes);
  server.route("/limited", PoliteReply{503, {{"Retry-After", date}}, "maintenance"});
  Harness harness(0ms);
  auto results = harness.fetch_all({request(server.url("/limited"), newsd::http::RequestKind::feed)});
  ASSERT_TRUE(results[0].rate_limited());
  EXPECT_GE(*results[0].retry_at, in_five_minutes - 1s);
  EXPECT_LE(*results[0].retry_at, in_five_minutes + 1s);
}

TEST(PoliteFetcher, ARetryAfterShorterThanTheGapStillWaitsForTheGap) {
  PoliteServer server;
  server.route("/limited", PoliteReply{429, {{"Retry-After", "1"}}, "soon"});
  PoliteFetcherOptions options;
  options.max_backoff_wait = 0s;  // hand the 429 back rather than waiting a second for it
  Harness harness(60s, options);
  auto results = harness.fetch_all({request(server.url("/limited"), newsd::http::RequestKind::feed)});
  ASSERT_TRUE(results[0].rate_limited());
  EXPECT_GE(*results[0].retry_at, results[0].started_at + 60s) << "the host's gap is a floor";
}

TEST(PoliteFetcher, A429WithoutRetryAfterIsAnErrorNotAPostponement) {
  PoliteServer server;
  server.route("/limited", PoliteReply{429, {}, "no hint"});
  Harness harness(0ms);
  auto results = harness.fetch_all({request(server.url("/limited"), newsd::http::RequestKind::feed)});
  EXPECT_EQ(results[0].response.status, 429);
  EXPECT_FALSE(results[0].rate_limited());
  EXPECT_FALSE(results[0].retry_at);
}

}  // namespace
