// `newsd add URL` end to end: a feed is added as is; a web page is searched
// for the feeds it announces, then for feeds at the common paths, politely
// (robots.txt first, one request at a time); a page without a feed adds nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "demo/static_server.h"
#include "run_newsd.h"
#include "storage/migrations.h"
#include "storage/pg.h"
#include "test_db.h"

namespace newsd::test {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kRss = R"(<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{TITLE}</title><link>{{BASE}}/</link><description>d</description>
<item><title>One</title><link>{{BASE}}/one</link><guid>{TITLE}-1</guid></item></channel></rss>
)";

std::string rss(std::string_view title) {
  std::string text(kRss);
  for (auto at = text.find("{TITLE}"); at != std::string::npos; at = text.find("{TITLE}")) {
    text.replace(at, 7, title);
  }
  return text;
}

class AddDiscovery : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("newsd-add-" + std::to_string(getpid()));
    fs::remove_all(root_);
    write("blog/index.html", R"(<!doctype html><html><head><title>A blog</title>
      <link rel="alternate" type="application/rss+xml" title="Blog comments" href="comments.xml">
      <link rel="alternate" type="application/rss+xml" title="Gone" href="/blog/gone.xml">
      <link rel="alternate" type="application/rss+xml" title="Blog posts" href="feeds/posts.xml">
      <link rel="alternate" type="application/atom+xml" title="Everything" href="{{BASE}}/blog/all.atom">
      </head><body><p>Posts.</p></body></html>)");
    write("blog/comments.xml", rss("Comments"));
    write("blog/feeds/posts.xml", rss("Posts"));
    write("blog/all.atom", rss("All"));
    write("quiet/page.html", "<html><head><title>No link</title></head><body>Hello</body></html>");
    write("quiet/rss.xml", rss("Quiet"));
    write("nothing/page.html", "<html><head><title>Nothing</title></head><body>No feed here</body></html>");
    write("notes.txt", "just some words, no markup at all\n");
    write("direct/feed.xml", rss("Direct"));
    server_ = std::make_unique<demo::StaticServer>(root_);

    url_ = fresh_database("pipeline_add_discovery");
    storage::migrate_database(url_);
    conn_ = std::make_unique<pg::Connection>(url_);
    config_ = root_ / "newsd.toml";
    std::ofstream(config_) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nhost_gap = \"10ms\"\n";
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(root_);
  }

  void write(const std::string& name, std::string_view text) {
    fs::create_directories((root_ / name).parent_path());
    std::ofstream(root_ / name, std::ios::binary) << text;
  }
  CommandResult add(const std::string& path, const std::string& extra = "") {
    return run_newsd("add '" + server_->base_url() + path + "' --db '" + url_ + "' --config '" +
                     config_.string() + "'" + extra);
  }
  std::vector<std::string> sources() {
    auto result = conn_->exec("list sources", "select url from sources order by id");
    std::vector<std::string> urls;
    for (int row = 0; row < result.rows(); ++row) urls.emplace_back(result.text(row, 0));
    return urls;
  }
  long long position(const std::string& request) {
    auto log = server_->request_log();
    auto it = std::ranges::find(log, request);
    return it == log.end() ? -1 : it - log.begin();
  }

  fs::path root_;
  fs::path config_;
  std::unique_ptr<demo::StaticServer> server_;
  std::string url_;
  std::unique_ptr<pg::Connection> conn_;
};

TEST_F(AddDiscovery, AFeedIsAddedAsGiven) {
  auto result = add("/direct/feed.xml");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(sources(), std::vector<std::string>{server_->base_url() + "/direct/feed.xml"});
  EXPECT_THAT(result.out, Not(HasSubstr("found")));
}

TEST_F(AddDiscovery, APageGetsItsBestAnnouncedFeedAndTheOthersAreListed) {
  auto result = add("/blog/index.html");
  ASSERT_EQ(result.status, 0) << result.err;
  const std::string base = server_->base_url();
  // Comment feeds come last; the announced feed that is gone (404) is skipped.
  EXPECT_EQ(sources(), std::vector<std::string>{base + "/blog/feeds/posts.xml"});
  EXPECT_THAT(result.out, HasSubstr("added source"));
  EXPECT_THAT(result.out, HasSubstr("announced by " + base + "/blog/index.html"));
  EXPECT_THAT(result.out,
              HasSubstr("also announced: " + base + "/blog/all.atom (application/atom+xml, \"Everything\")"));
  EXPECT_THAT(result.out, HasSubstr("also announced: " + base + "/blog/comments.xml"));
  EXPECT_THAT(result.out, HasSubstr("also announced: " + base + "/blog/gone.xml"));
  // The page becomes the source's site.
  EXPECT_EQ(conn_->exec("site", "select site_url from sources").text(0, 0), base + "/blog/index.html");
  // The best feed was found before the others were fetched: no request for them.
  EXPECT_EQ(position("GET /blog/all.atom 200"), -1);
  EXPECT_LT(position("GET /blog/gone.xml 404"), position("GET /blog/feeds/posts.xml 200"));
}

TEST_F(AddDiscovery, APageWithoutLinksGetsTheFeedAtACommonPathAfterRobotsTxt) {
  auto result = add("/quiet/page.html");
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(sources(), std::vector<std::string>{server_->base_url() + "/quiet/rss.xml"});
  EXPECT_THAT(result.out, HasSubstr("at a common feed path of"));
  // Guessing is polite: robots.txt is asked first, and the guesses stop at the first feed.
  auto robots = position("GET /robots.txt 404");
  ASSERT_GE(robots, 0);
  EXPECT_LT(robots, position("GET /quiet/feed 404"));
  EXPECT_EQ(position("GET /quiet/atom.xml 404"), -1);
}

TEST_F(AddDiscovery, APageWithoutAnyFeedAddsNothingAndNamesTheUrl) {
  auto result = add("/nothing/page.html");
  EXPECT_EQ(result.status, 65) << result.err;
  EXPECT_THAT(result.err, HasSubstr(server_->base_url() + "/nothing/page.html is a web page without a feed"));
  EXPECT_THAT(result.err, HasSubstr("nothing was added"));
  EXPECT_TRUE(sources().empty());
  EXPECT_GE(position("GET /feed 404"), 0);  // the site's root was tried too
}

TEST_F(AddDiscovery, PlainTextAndMissingPagesAddNothing) {
  auto text = add("/notes.txt");
  EXPECT_EQ(text.status, 65);
  EXPECT_THAT(text.err, HasSubstr("/notes.txt is not a feed"));
  auto missing = add("/missing.html");
  EXPECT_EQ(missing.status, 65);
  EXPECT_THAT(missing.err, HasSubstr("/missing.html"));
  EXPECT_THAT(missing.err, HasSubstr("404"));
  EXPECT_TRUE(sources().empty());
}

TEST_F(AddDiscovery, AFeedRobotsTxtForbidsIsRefusedWhenFeedsObeyRobots) {
  write("robots.txt", "User-agent: *\nDisallow: /direct/\n");
  std::ofstream(config_) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nhost_gap = \"10ms\"\n"
                            "robots_for_feeds = true\n";
  auto result = add("/direct/feed.xml");
  EXPECT_EQ(result.status, 65) << result.err;
  EXPECT_THAT(result.err, HasSubstr(server_->base_url() + "/direct/feed.xml"));
  EXPECT_THAT(result.err, HasSubstr("robots"));
  EXPECT_TRUE(sources().empty());
  EXPECT_EQ(position("GET /direct/feed.xml 200"), -1);
}

TEST_F(AddDiscovery, NoDiscoverAddsWithoutARequestAndUnreachableIsAddedWithAWarning) {
  auto unchecked = add("/nothing/page.html", " --no-discover");
  ASSERT_EQ(unchecked.status, 0) << unchecked.err;
  EXPECT_TRUE(server_->request_log().empty());

  server_->go_away_after(0);
  auto down = add("/direct/feed.xml");
  ASSERT_EQ(down.status, 0) << down.err;
  EXPECT_THAT(down.err, HasSubstr("warning: could not check " + server_->base_url() + "/direct/feed.xml"));
  EXPECT_EQ(sources().size(), 2U);
}

}  // namespace
}  // namespace newsd::test
