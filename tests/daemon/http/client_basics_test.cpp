// The client's ordinary behaviour against the test server: headers sent and
// reported, keep-alive reuse, conditional GET, status codes, Retry-After,
// charsets and Content-Encoding.
#include <gtest/gtest.h>

#include "client_fixture.h"
#include "http/header_values.h"

namespace newsd::test {
namespace {

using namespace std::chrono_literals;

TEST(HttpClientBasics, GetReturnsBodyAndHeadersOfInterest) {
  TestServer server;
  server.route("/feed.xml", Reply{.headers = {{"Content-Type", "application/rss+xml; charset=\"ISO-8859-1\""},
                                              {"ETag", "\"v1\""},
                                              {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"},
                                              {"Cache-Control", "public, max-age=600"},
                                              {"Expires", "Sun, 06 Nov 1994 09:49:37 GMT"}},
                                  .body = "<rss/>"});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server.url("/feed.xml?x=1")));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<rss/>");
  EXPECT_EQ(response.etag, "\"v1\"");
  EXPECT_EQ(response.last_modified, "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(response.charset, "iso-8859-1");
  EXPECT_EQ(response.max_age, std::chrono::seconds(600));
  EXPECT_EQ(response.expires, http::parse_http_date("Sun, 06 Nov 1994 09:49:37 GMT"));
  EXPECT_EQ(response.final_url, server.url("/feed.xml?x=1"));
  EXPECT_TRUE(response.redirects.empty());
  EXPECT_GT(response.bytes_on_wire, response.body.size());

  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].target, "/feed.xml?x=1");
  EXPECT_TRUE(seen[0].headers.at("user-agent").starts_with("newsd/")) << seen[0].headers.at("user-agent");
  EXPECT_NE(seen[0].headers.at("user-agent").find("(+http"), std::string::npos);
  EXPECT_EQ(seen[0].headers.at("accept-encoding"), "gzip, deflate, br");
  EXPECT_NE(seen[0].headers.at("accept").find("application/rss+xml"), std::string::npos);
  EXPECT_EQ(seen[0].headers.count("if-none-match"), 0u);
}

TEST(HttpClientBasics, UserAgentAndAcceptAreConfigurable) {
  TestServer server;
  server.route("/", Reply{.body = "ok"});
  auto options = test_options();
  options.user_agent = "newsd-test/9 (+https://example.org/bot)";
  ClientHarness harness(options);
  auto request = request_for(server.url("/"));
  request.kind = http::RequestKind::article;
  ASSERT_TRUE(harness.fetch(request).ok());
  request.accept = "text/plain";
  ASSERT_TRUE(harness.fetch(request).ok());
  const auto seen = server.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].headers.at("user-agent"), "newsd-test/9 (+https://example.org/bot)");
  EXPECT_TRUE(seen[0].headers.at("accept").starts_with("text/html"));
  EXPECT_EQ(seen[1].headers.at("accept"), "text/plain");
}

TEST(HttpClientBasics, KeepAliveReusesOneConnectionPerHost) {
  TestServer server;
  server.route("/a", Reply{.body = "a"});
  server.route("/b", Reply{.body = "b", .chunked = true});
  ClientHarness harness;
  for (const char* path : {"/a", "/b", "/a", "/b"}) {
    const auto response = harness.fetch(request_for(server.url(path)));
    ASSERT_TRUE(response.ok()) << response.error_message;
  }
  EXPECT_EQ(server.connections_accepted(), 1u);
  EXPECT_EQ(harness.client().stats().connections_opened, 1u);
  EXPECT_EQ(harness.client().stats().connections_reused, 3u);
}

TEST(HttpClientBasics, ConnectionCloseIsNotReused) {
  TestServer server;
  server.route("/", Reply{.body = "x", .close = true});
  ClientHarness harness;
  ASSERT_TRUE(harness.fetch(request_for(server.url("/"))).ok());
  ASSERT_TRUE(harness.fetch(request_for(server.url("/"))).ok());
  EXPECT_EQ(server.connections_accepted(), 2u);
}

TEST(HttpClientBasics, ConnectionClosedByServerWhileIdleIsReplaced) {
  TestServer server;
  // The server hangs up right after each response without saying so.
  server.route("/", Reply{.body = "hello", .drop_after_body_bytes = 5});
  ClientHarness harness;
  for (int i = 0; i < 3; ++i) {
    const auto response = harness.fetch(request_for(server.url("/")));
    ASSERT_TRUE(response.ok()) << response.error_message;
    EXPECT_EQ(response.body, "hello");
  }
  EXPECT_EQ(server.connections_accepted(), 3u);
}

TEST(HttpClientBasics, ConcurrentFetchesOnOneThread) {
  TestServer server;
  server.route("/slow", Reply{.body = "s", .delay_before_header = 1000ms});
  ClientHarness harness;
  std::vector<http::Request> requests;
  for (int i = 0; i < 20; ++i) requests.push_back(request_for(server.url("/slow")));
  const auto start = std::chrono::steady_clock::now();
  const auto responses = harness.fetch_all(std::move(requests));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  for (const auto& response : responses) EXPECT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(server.connections_accepted(), 20u);
  // One after the other they would take 20 s; the bound leaves a loaded machine room.
  EXPECT_LT(elapsed, 10s) << "20 fetches of 1 s each must overlap";
}

TEST(HttpClientBasics, ConditionalGetSendsValidatorsAndReports304) {
  TestServer server;
  server.route("/feed", [](const SeenRequest& request) {
    const auto etag = request.headers.find("if-none-match");
    const auto since = request.headers.find("if-modified-since");
    if (etag != request.headers.end() && etag->second == "\"abc\"" && since != request.headers.end() &&
        since->second == "Sun, 06 Nov 1994 08:49:37 GMT")
      return Reply{.status = 304, .headers = {{"ETag", "\"abc\""}}};
    return Reply{.body = "full"};
  });
  ClientHarness harness;
  auto request = request_for(server.url("/feed"));
  request.etag = "\"abc\"";
  request.last_modified = "Sun, 06 Nov 1994 08:49:37 GMT";
  const auto response = harness.fetch(request);
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.status, 304);
  EXPECT_TRUE(response.not_modified());
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(response.etag, "\"abc\"");
  // Without validators the same URL gives the full body, and the 304 left the connection reusable.
  const auto full = harness.fetch(request_for(server.url("/feed")));
  EXPECT_EQ(full.status, 200);
  EXPECT_EQ(full.body, "full");
  EXPECT_EQ(server.connections_accepted(), 1u);
}

TEST(HttpClientBasics, ErrorStatusesAreResponsesNotFailures) {
  TestServer server;
  server.route("/gone", Reply{.status = 410, .body = "gone"});
  server.route("/down", Reply{.status = 503, .body = "later"});
  ClientHarness harness;
  for (const auto& [path, status] :
       std::vector<std::pair<std::string, int>>{{"/missing", 404}, {"/gone", 410}, {"/down", 503}}) {
    const auto response = harness.fetch(request_for(server.url(path)));
    ASSERT_TRUE(response.ok()) << response.error_message;
    EXPECT_EQ(response.status, status) << path;
    EXPECT_FALSE(response.retry_after.has_value());
  }
}

TEST(HttpClientBasics, RetryAfterInSecondsAndAsHttpDate) {
  TestServer server;
  server.route("/seconds", Reply{.status = 429, .headers = {{"Retry-After", "120"}}});
  server.route("/date", Reply{.status = 503, .headers = {{"Retry-After", "Wed, 21 Oct 2065 07:28:00 GMT"}}});
  server.route("/none", Reply{.status = 429});
  ClientHarness harness;
  const auto before = std::chrono::system_clock::now();
  const auto seconds = harness.fetch(request_for(server.url("/seconds")));
  EXPECT_EQ(seconds.status, 429);
  ASSERT_TRUE(seconds.retry_after.has_value());
  EXPECT_GE(*seconds.retry_after, before + 120s);
  EXPECT_LE(*seconds.retry_after, std::chrono::system_clock::now() + 120s);
  const auto date = harness.fetch(request_for(server.url("/date")));
  EXPECT_EQ(date.status, 503);
  EXPECT_EQ(date.retry_after, http::parse_http_date("Wed, 21 Oct 2065 07:28:00 GMT"));
  const auto none = harness.fetch(request_for(server.url("/none")));
  EXPECT_EQ(none.status, 429);
  EXPECT_FALSE(none.retry_after.has_value());
}

TEST(HttpClientBasics, WrongCharsetIsReportedAndBytesAreUntouched) {
  TestServer server;
  const std::string latin1 = "caf\xe9";  // ISO-8859-1 bytes labelled UTF-8
  server.route("/", Reply{.headers = {{"Content-Type", "text/xml;charset=UTF-8"}}, .body = latin1});
  server.route("/none", Reply{.headers = {{"Content-Type", "text/xml"}}, .body = latin1});
  ClientHarness harness;
  const auto labelled = harness.fetch(request_for(server.url("/")));
  EXPECT_EQ(labelled.charset, "utf-8");
  EXPECT_EQ(labelled.body, latin1);
  const auto unlabelled = harness.fetch(request_for(server.url("/none")));
  EXPECT_EQ(unlabelled.charset, "");
  EXPECT_EQ(unlabelled.body, latin1);
}

TEST(HttpClientBasics, ContentEncodingsAreDecoded) {
  const std::string text(5000, 'n');
  TestServer server;
  server.route("/gzip", Reply{.headers = {{"Content-Encoding", "gzip"}}, .body = gzip(text)});
  server.route("/deflate", Reply{.headers = {{"Content-Encoding", "deflate"}}, .body = zlib_deflate(text)});
  server.route("/br", Reply{.headers = {{"Content-Encoding", "br"}}, .body = brotli(text), .chunked = true});
  server.route("/corrupt", Reply{.headers = {{"Content-Encoding", "gzip"}}, .body = "not gzip at all"});
  server.route("/unknown", Reply{.headers = {{"Content-Encoding", "zstd"}}, .body = "x"});
  ClientHarness harness;
  for (const char* path : {"/gzip", "/deflate", "/br"}) {
    const auto response = harness.fetch(request_for(server.url(path)));
    ASSERT_TRUE(response.ok()) << path << ": " << response.error_message;
    EXPECT_EQ(response.body, text) << path;
    EXPECT_LT(response.bytes_on_wire, text.size()) << path;
  }
  const auto corrupt = harness.fetch(request_for(server.url("/corrupt")));
  EXPECT_EQ(corrupt.error, http::ErrorKind::decoding);
  EXPECT_NE(corrupt.error_message.find(server.url("/corrupt")), std::string::npos) << corrupt.error_message;
  EXPECT_EQ(harness.fetch(request_for(server.url("/unknown"))).error, http::ErrorKind::decoding);
}

TEST(HttpClientBasics, InvalidUrlsAreRejectedBeforeAnyConnection) {
  ClientHarness harness;
  for (const char* url : {"ftp://example.org/feed", "not a url", "http:///nohost", "file:///etc/passwd"}) {
    const auto response = harness.fetch(request_for(url));
    EXPECT_EQ(response.error, http::ErrorKind::invalid_url) << url << ": " << response.error_message;
  }
  EXPECT_EQ(harness.client().stats().connections_opened, 0u);
}

TEST(HttpClientBasics, RefusedConnectionIsAConnectError) {
  unsigned short port = 0;
  {
    TestServer closed;
    port = closed.port();
  }
  ClientHarness harness;
  const auto response = harness.fetch(request_for(fmt::format("http://127.0.0.1:{}/", port)));
  EXPECT_EQ(response.error, http::ErrorKind::connect) << response.error_message;
  EXPECT_NE(response.error_message.find(fmt::format("127.0.0.1:{}", port)), std::string::npos);
}

TEST(HttpClientBasics, IPv6Loopback) {
  std::unique_ptr<TestServer> server;
  try {
    server = std::make_unique<TestServer>(TlsMode::none, "::1");
  } catch (const std::exception& e) {
    GTEST_SKIP() << "no IPv6 loopback here: " << e.what();
  }
  server->route("/", Reply{.body = "v6"});
  ClientHarness harness;
  const auto response = harness.fetch(request_for(server->url("/")));
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.body, "v6");
  EXPECT_EQ(server->requests().at(0).headers.at("host"), fmt::format("[::1]:{}", server->port()));
}

}  // namespace
}  // namespace newsd::test
