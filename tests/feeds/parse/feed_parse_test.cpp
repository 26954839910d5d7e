// parse_feed beyond the data-driven cases: the golden fixture, model fields the
// JSON does not show (scheduler, podcast), limits, key stability, large feeds.
#include <gtest/gtest.h>

#include <string>

#include "feed_test_support.h"
#include "feeds/dates.h"
#include "feeds/parse.h"

namespace {

using feeds::ErrorCode;
using feeds::parse_feed;
using feeds::ParseOptions;

ParseOptions fixed_options() {
  ParseOptions options;
  options.now = feeds::test::kFixedNow;
  return options;
}

feeds::Feed parse_ok(std::string_view bytes, ParseOptions options = fixed_options()) {
  auto result = parse_feed(bytes, options);
  if (!result.has_value()) ADD_FAILURE() << "not parsed: " << result.error().message;
  return result.has_value() ? *result : feeds::Feed{};
}

TEST(FeedFixture, KyivIndependent) {
  const std::string bytes =
      feeds::test::read_file(std::string(NEWSD_TEST_DATA_DIR) + "/fixtures/kyiv-independent/feed.xml");
  const feeds::Feed feed = parse_ok(bytes);
  EXPECT_EQ(feed.format, feeds::FeedFormat::rss2_0);
  EXPECT_EQ(feed.title, "The Kyiv Independent");
  EXPECT_EQ(feed.link, "https://kyivindependent.com/");
  EXPECT_EQ(feed.feed_url, "https://kyivindependent.com/rss/");
  EXPECT_EQ(feed.image, "https://kyivindependent.com/favicon.png");
  EXPECT_EQ(feed.generator, "Ghost 5.109");
  EXPECT_EQ(feed.ttl_minutes, 60);
  EXPECT_TRUE(feed.warnings.empty()) << feed.warnings.front();
  ASSERT_EQ(feed.items.size(), 3u);

  const feeds::Item& musk = feed.items[1];
  EXPECT_EQ(musk.title, "Elon Musk publicly supports call for US to exit NATO, UN");
  EXPECT_EQ(musk.link,
            "https://kyivindependent.com/elon-musk-publicly-supports-call-for-us-to-exit-nato-un/"
            "?utm_source=rss&utm_medium=feed");
  EXPECT_EQ(musk.canonical_url,
            "https://kyivindependent.com/elon-musk-publicly-supports-call-for-us-to-exit-nato-un/");
  ASSERT_TRUE(musk.published);
  EXPECT_EQ(feeds::format_rfc3339(*musk.published), "2025-03-02T08:40:00Z");
  EXPECT_EQ(musk.categories, (std::vector<std::string>{"News Feed", "Elon Musk", "United Nations", "NATO",
                                                       "Ukraine", "Donald Trump"}));
  EXPECT_EQ(musk.image, "https://kyivindependent.com/content/images/2025/03/GettyImages-2194313741.jpg");
  ASSERT_EQ(musk.authors.size(), 1u);
  EXPECT_EQ(musk.authors[0].name, "The Kyiv Independent news desk");
  EXPECT_EQ(musk.key, "guid:67c41b2f9a3c");
  EXPECT_EQ(musk.content_hash.size(), 32u);

  EXPECT_EQ(feeds::format_rfc3339(*feed.items[0].published), "2025-03-02T14:35:00Z");
  EXPECT_EQ(feeds::format_rfc3339(*feed.items[2].published), "2025-03-01T17:05:00Z");
  EXPECT_EQ(feed.items[0].title, "Bernie Sanders on Trump\u2019s alignment with Russia");
  EXPECT_EQ(feed.items[0].canonical_url,
            "https://kyivindependent.com/bernie-sanders-on-trumps-alignment-with-russia/");
  EXPECT_EQ(feed.items[2].categories, std::vector<std::string>{"War Analysis"});
}

TEST(FeedScheduler, TtlSyndicationAndSkips) {
  const feeds::Feed feed = parse_ok(
      R"(<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>s</title>
         <ttl>30</ttl><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
         <skipHours><hour>0</hour><hour>24</hour><hour>7</hour></skipHours>
         <skipDays><day>Saturday</day><day>sunday</day><day>Saturday</day></skipDays></channel></rss>)");
  EXPECT_EQ(feed.ttl_minutes, 30);
  ASSERT_TRUE(feed.update_interval);
  EXPECT_EQ(feed.update_interval->count(), 1800);
  EXPECT_EQ(feed.skip_hours, (std::vector<int>{0, 7}));
  EXPECT_EQ(feed.skip_days, (std::vector<std::string>{"Saturday", "Sunday"}));
}

TEST(FeedScheduler, FrequencyAloneMeansPerDay) {
  const feeds::Feed feed = parse_ok(
      R"(<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>s</title>
         <sy:updateFrequency>4</sy:updateFrequency></channel></rss>)");
  ASSERT_TRUE(feed.update_interval);
  EXPECT_EQ(feed.update_interval->count(), 86400 / 4);
}

TEST(FeedPodcast, ItunesSlashWfwFields) {
  const feeds::Feed feed = parse_ok(
      R"(<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
              xmlns:slash="http://purl.org/rss/1.0/modules/slash/" xmlns:wfw="http://wellformedweb.org/CommentAPI/">
         <channel><title>p</title><link>https://pod.example.com/</link><itunes:explicit>yes</itunes:explicit>
         <item><title>e</title><guid>e1</guid><itunes:duration>1:02:03</itunes:duration><itunes:explicit>clean</itunes:explicit>
         <slash:comments>12</slash:comments><wfw:commentRss>/e1/comments.rss</wfw:commentRss></item>
         <item><title>f</title><guid>e2</guid><itunes:duration>95</itunes:duration></item></channel></rss>)");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.explicit_content, true);
  EXPECT_EQ(feed.items[0].duration_seconds, 3723);
  EXPECT_EQ(feed.items[0].explicit_content, false);
  EXPECT_EQ(feed.items[0].comment_count, 12);
  EXPECT_EQ(feed.items[0].comments_feed, "https://pod.example.com/e1/comments.rss");
  EXPECT_EQ(feed.items[1].duration_seconds, 95);
}

TEST(FeedLimits, InputOverTheCapIsRefused) {
  ParseOptions options = fixed_options();
  options.max_bytes = 64;
  const std::string bytes =
      "<rss version=\"2.0\"><channel><title>" + std::string(100, 'x') + "</title></channel></rss>";
  const auto result = parse_feed(bytes, options);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::too_large);
  EXPECT_NE(result.error().message.find("64 byte limit"), std::string::npos) << result.error().message;
}

TEST(FeedLimits, NotAFeedNamesTheRoot) {
  const auto result =
      parse_feed("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>", fixed_options());
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::not_a_feed);
  EXPECT_EQ(result.error().message, "not a feed: the root element is <opml>");
}

TEST(FeedLimits, WarningsAreCapped) {
  std::string bytes = "<rss version=\"2.0\"><channel><title>w</title>";
  for (int i = 0; i < 300; ++i)
    bytes += "<item><title>t</title><guid>g" + std::to_string(i) + "</guid><pubDate>bad " +
             std::to_string(i) + "</pubDate></item>";
  bytes += "</channel></rss>";
  const feeds::Feed feed = parse_ok(bytes);
  EXPECT_EQ(feed.items.size(), 300u);
  ASSERT_EQ(feed.warnings.size(), 101u);
  EXPECT_EQ(feed.warnings.back(), "... and 200 more warnings");
}

std::string poll(const std::vector<std::string>& items) {
  std::string out = "<rss version=\"2.0\"><channel><title>k</title><link>https://k.example.com/</link>";
  for (const auto& item : items) out += item;
  return out + "</channel></rss>";
}

TEST(FeedKeys, StableAcrossPollsWhateverTheOrder) {
  const std::string a = "<item><title>A</title><guid>tag:a</guid></item>";
  const std::string b = "<item><title>B</title><link>/b?utm_source=x</link></item>";
  const std::string c =
      "<item><title>C</title><description>no id, no link</description><pubDate>Sun, 02 Mar 2025 08:40:00 "
      "GMT</pubDate></item>";
  const std::string d = "<item><title>D</title><guid>tag:d</guid></item>";
  const feeds::Feed first = parse_ok(poll({a, b, c}));
  const feeds::Feed second = parse_ok(poll({d, c, b, a}));
  ASSERT_EQ(first.items.size(), 3u);
  ASSERT_EQ(second.items.size(), 4u);
  EXPECT_EQ(first.items[0].key, second.items[3].key);
  EXPECT_EQ(first.items[1].key, second.items[2].key);
  EXPECT_EQ(first.items[2].key, second.items[1].key);
  EXPECT_EQ(first.items[1].key, "url:https://k.example.com/b");
  EXPECT_TRUE(first.items[2].key.starts_with("hash:"));
}

TEST(FeedKeys, ContentHashTellsAnEditFromNoChange) {
  const feeds::Feed before =
      parse_ok(poll({"<item><title>Old title</title><guid>g</guid><description>x</description></item>"}));
  const feeds::Feed same =
      parse_ok(poll({"<item><title>Old title</title><guid>g</guid><description>x</description></item>"}));
  const feeds::Feed edited =
      parse_ok(poll({"<item><title>New title</title><guid>g</guid><description>x</description></item>"}));
  EXPECT_EQ(before.items[0].content_hash, same.items[0].content_hash);
  EXPECT_NE(before.items[0].content_hash, edited.items[0].content_hash);
  EXPECT_EQ(before.items[0].key, edited.items[0].key);
}

TEST(FeedRobustness, EveryPrefixOfAFeedParsesOrIsRefused) {
  const std::string bytes =
      feeds::test::read_file(std::string(NEWSD_TEST_DATA_DIR) + "/fixtures/kyiv-independent/feed.xml");
  for (std::size_t size = 0; size < bytes.size(); size += 7) {
    const auto result = parse_feed(std::string_view(bytes).substr(0, size), fixed_options());
    if (result.has_value()) {
      EXPECT_LE(result->items.size(), 3u);
    }
  }
  // A cut in the middle of the third item still yields the first two.
  const auto cut =
      parse_feed(std::string_view(bytes).substr(0, bytes.find("Taurus missiles")), fixed_options());
  ASSERT_TRUE(cut.has_value());
  ASSERT_GE(cut->items.size(), 2u);
  EXPECT_EQ(cut->items[1].key, "guid:67c41b2f9a3c");
}

}  // namespace
