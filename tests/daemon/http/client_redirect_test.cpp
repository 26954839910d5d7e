// Redirects: every status, relative Locations, permanence, loops, the hop cap.
#include <gtest/gtest.h>

#include "client_fixture.h"

namespace newsd::test {
namespace {

using http::ErrorKind;

Reply redirect_to(int status, std::string location) {
  return Reply{.status = status, .headers = {{"Location", std::move(location)}}, .body = "moved"};
}

TEST(HttpClientRedirects, PermanentChainIsFollowedAndReportedPermanent) {
  TestServer server;
  server.route("/old", redirect_to(301, "/older"));
  server.route("/older", redirect_to(308, server.url("/new")));
  server.route("/new", Reply{.body = "here"});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/old")));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, "here");
  EXPECT_EQ(response.final_url, server.url("/new"));
  ASSERT_EQ(response.redirects.size(), 2u);
  EXPECT_EQ(response.redirects[0].status, 301);
  EXPECT_EQ(response.redirects[0].url, server.url("/old"));
  EXPECT_EQ(response.redirects[1].status, 308);
  EXPECT_TRUE(response.permanent_redirect);
  EXPECT_EQ(server.connections_accepted(), 1u) << "hops on the same host share the connection";
}

TEST(HttpClientRedirects, AnyTemporaryHopMakesTheChainTemporary) {
  TestServer server;
  server.route("/a", redirect_to(301, "/b"));
  server.route("/b", redirect_to(302, "/c"));
  server.route("/c", redirect_to(303, "/d"));
  server.route("/d", redirect_to(307, "d2?q=1"));  // relative to /d
  server.route("/d2", Reply{.body = "end"});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/a")));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, "end");
  EXPECT_EQ(response.redirects.size(), 4u);
  EXPECT_FALSE(response.permanent_redirect);
  EXPECT_EQ(response.final_url, server.url("/d2?q=1"));
  const auto plain = harness.fetch(request_for(server.url("/d2")));
  EXPECT_FALSE(plain.permanent_redirect) << "no redirect is not a permanent redirect";
}

TEST(HttpClientRedirects, LoopIsDetected) {
  TestServer server;
  server.route("/ping", redirect_to(302, "/pong"));
  server.route("/pong", redirect_to(301, "/ping"));
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/ping")));
  EXPECT_EQ(response.error, ErrorKind::redirect_loop) << response.error_message;
  EXPECT_EQ(server.requests().size(), 2u) << "stopped at the first repeat";
}

TEST(HttpClientRedirects, AtMostFiveHops) {
  TestServer server;
  for (int i = 1; i <= 6; ++i)
    server.route(fmt::format("/r{}", i), redirect_to(302, fmt::format("/r{}", i + 1)));
  server.route("/r7", Reply{.body = "far"});
  ClientHarness harness;
  const auto five = harness.fetch(request_for(server.url("/r2")));  // r2..r6: five hops
  ASSERT_TRUE(five.ok()) << five.error_message;
  EXPECT_EQ(five.redirects.size(), 5u);
  const auto six = harness.fetch(request_for(server.url("/r1")));
  EXPECT_EQ(six.error, ErrorKind::too_many_redirects) << six.error_message;
}

TEST(HttpClientRedirects, TheHopCapIsPerRequest) {
  TestServer server;
  server.route("/a", redirect_to(302, "/b"));
  server.route("/b", redirect_to(302, "/c"));
  server.route("/c", Reply{.body = "c"});
  ClientHarness harness;
  auto two = request_for(server.url("/a"));
  two.max_redirects = 2;
  EXPECT_TRUE(harness.fetch(two).ok());
  auto one = request_for(server.url("/a"));
  one.max_redirects = 1;
  const auto refused = harness.fetch(one);
  EXPECT_EQ(refused.error, ErrorKind::too_many_redirects) << refused.error_message;
  EXPECT_NE(refused.error_message.find("more than 1 redirects"), std::string::npos) << refused.error_message;
}

TEST(HttpClientRedirects, StopAtOtherHostReturnsTheRedirectUnfollowed) {
  TestServer first;
  TestServer second;  // another port: another host for politeness
  first.route("/a", redirect_to(301, "/b"));
  first.route("/b", redirect_to(302, second.url("/c")));
  second.route("/c", Reply{.body = "c"});
  ClientHarness harness;
  auto request = request_for(first.url("/a"));
  request.stop_at_other_host = true;
  const auto stopped = harness.fetch(request);
  ASSERT_TRUE(stopped.ok()) << stopped.error_message;
  EXPECT_EQ(stopped.status, 0);
  EXPECT_EQ(stopped.redirect_to, second.url("/c"));
  ASSERT_EQ(stopped.redirects.size(), 2u) << "the same-host hop was followed";
  EXPECT_EQ(stopped.redirects[1].url, first.url("/b"));
  EXPECT_TRUE(second.requests().empty());

  request.stop_at_other_host = false;
  const auto followed = harness.fetch(request);
  EXPECT_EQ(followed.body, "c");
  EXPECT_TRUE(followed.redirect_to.empty());
}

TEST(HttpClientRedirects, RedirectWithoutLocationIsTheAnswer) {
  TestServer server;
  server.route("/", Reply{.status = 302, .body = "nowhere"});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/")));
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response.status, 302);
}

TEST(HttpClientRedirects, UnsupportedSchemeInLocationIsRefused) {
  TestServer server;
  server.route("/", redirect_to(301, "file:///etc/passwd"));
  ClientHarness harness;
  EXPECT_EQ(harness.fetch(request_for(server.url("/"))).error, ErrorKind::invalid_url);
}

}  // namespace
}  // namespace newsd::test
