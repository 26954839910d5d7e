// The demo web server, through newsd's own HTTP client: what the pipeline
// tests and `newsd demo` rely on it for.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <optional>
#include <string>

#include "demo/static_server.h"
#include "http/client.h"

namespace newsd::test {
namespace {

using ::testing::HasSubstr;

std::string demo_data_dir() { return std::string(NEWSD_TEST_DATA_DIR) + "/demo"; }

http::Response fetch(const std::string& url, std::string etag = {}) {
  boost::asio::io_context io;
  http::ClientOptions options;
  options.allow_list = {"127.0.0.1"};
  http::HttpClient client(io, options);
  http::Request request;
  request.url = url;
  request.etag = std::move(etag);
  std::optional<http::Response> response;
  boost::asio::co_spawn(io, client.fetch(request), [&](std::exception_ptr error, http::Response result) {
    if (!error) response = std::move(result);
  });
  io.run();
  return response.value_or(http::Response{});
}

TEST(StaticServer, ServesFilesWithTheBaseUrlFilledIn) {
  demo::StaticServer server(demo_data_dir());
  auto response = fetch(server.base_url() + "/harbour/atom.xml");
  ASSERT_TRUE(response.ok()) << response.error_message;
  EXPECT_EQ(response.status, 200);
  EXPECT_THAT(response.content_type, HasSubstr("application/atom+xml"));
  EXPECT_EQ(response.charset, "utf-8");
  EXPECT_THAT(response.body, HasSubstr(server.base_url() + "/harbour/2025/03/ferry-timetable.html"));
  EXPECT_THAT(response.body, ::testing::Not(HasSubstr("{{BASE}}")));
  EXPECT_FALSE(response.etag.empty());
  EXPECT_FALSE(response.last_modified.empty());
}

TEST(StaticServer, AnswersAMatchingConditionalGetWith304) {
  demo::StaticServer server(demo_data_dir());
  auto first = fetch(server.base_url() + "/valley/rss.xml");
  ASSERT_EQ(first.status, 200);
  auto second = fetch(server.base_url() + "/valley/rss.xml", first.etag);
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(server.conditional_requests(), 1u);
  auto stale = fetch(server.base_url() + "/valley/rss.xml", "\"not-the-etag\"");
  EXPECT_EQ(stale.status, 200);
}

TEST(StaticServer, DirectoriesServeTheirIndexAndNothingEscapesTheRoot) {
  demo::StaticServer server(demo_data_dir());
  auto page = fetch(server.base_url() +
                    "/kyiv/elon-musk-publicly-supports-call-for-us-to-exit-nato-un/?utm_source=rss");
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.content_type, HasSubstr("text/html"));
  EXPECT_EQ(fetch(server.base_url() + "/../pipeline/static_server_test.cpp").status, 404);
  EXPECT_EQ(fetch(server.base_url() + "/%2e%2e/demo.opml").status, 404);
  EXPECT_EQ(fetch(server.base_url() + "/no/such/page.html").status, 404);
}

TEST(StaticServer, OverridesAndGoingAway) {
  demo::StaticServer server(demo_data_dir());
  server.override_status("/valley/rss.xml", 503);
  EXPECT_EQ(fetch(server.base_url() + "/valley/rss.xml").status, 503);
  server.clear_overrides();
  server.go_away_after(1);
  EXPECT_EQ(fetch(server.base_url() + "/valley/rss.xml").status, 200);
  auto gone = fetch(server.base_url() + "/valley/rss.xml");
  EXPECT_FALSE(gone.ok());
  server.come_back();
  EXPECT_EQ(fetch(server.base_url() + "/valley/rss.xml").status, 200);
  auto log = server.request_log();
  ASSERT_GE(log.size(), 4u);
  EXPECT_EQ(log.front(), "GET /valley/rss.xml 503");
  EXPECT_THAT(log, ::testing::Contains(HasSubstr("dropped")));
}

TEST(StaticServer, ContentTypesByExtension) {
  EXPECT_THAT(demo::content_type_for("feed.json"), HasSubstr("application/feed+json"));
  EXPECT_THAT(demo::content_type_for("rss.xml"), HasSubstr("application/rss+xml"));
  EXPECT_THAT(demo::content_type_for("robots.txt"), HasSubstr("text/plain"));
  EXPECT_EQ(demo::content_type_for("image.png"), "application/octet-stream");
}

}  // namespace
}  // namespace newsd::test
