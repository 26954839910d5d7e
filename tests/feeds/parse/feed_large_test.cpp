// Realistic large feeds, generated here: many items with several kilobytes of
// HTML each, in RSS 2.0 (content:encoded), Atom (xhtml) and JSON Feed.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "feed_test_support.h"
#include "feeds/parse.h"

namespace {

std::string article_html(int n) {
  std::string html = "<h2>Section " + std::to_string(n) + "</h2>";
  for (int p = 0; p < 12; ++p)
    html += "<p>Paragraph " + std::to_string(p) + " of story " + std::to_string(n) +
            " with <a href=\"/story/" + std::to_string(n) + "#p" + std::to_string(p) +
            "\" onclick=\"track()\">a link</a>, <em>emphasis</em> &amp; an entity &mdash; and some more "
            "words to read.</p>";
  html += "<script>tracker()</script><img src=\"/img/" + std::to_string(n) + ".jpg\" alt=\"photo\">";
  return html;
}

feeds::ParseOptions options() {
  feeds::ParseOptions o;
  o.now = feeds::test::kFixedNow;
  o.document_url = "https://big.example.com/feed";
  return o;
}

TEST(FeedLarge, Rss2WithContentEncoded) {
  std::string doc =
      R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Big</title><link>https://big.example.com/</link><description>d</description>)";
  constexpr int kItems = 400;
  for (int i = 0; i < kItems; ++i) {
    doc += "<item><title>Story " + std::to_string(i) +
           " &amp; more</title><link>https://big.example.com/story/" + std::to_string(i) +
           "?utm_campaign=feed</link><guid isPermaLink=\"false\">story-" + std::to_string(i) +
           "</guid><pubDate>Sun, 02 Mar 2025 08:" + std::to_string(10 + i % 50) +
           ":00 +0200</pubDate><dc:creator>Writer " + std::to_string(i % 7) + "</dc:creator><category>Cat " +
           std::to_string(i % 5) + "</category><description><![CDATA[<p>Summary " + std::to_string(i) +
           "</p>]]></description><content:encoded><![CDATA[" + article_html(i) +
           "]]></content:encoded></item>";
  }
  doc += "</channel></rss>";
  ASSERT_GT(doc.size(), 400u * 2000u);
  const auto result = feeds::parse_feed(doc, options());
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const feeds::Feed& feed = *result;
  EXPECT_TRUE(feed.warnings.empty()) << feed.warnings.front();
  ASSERT_EQ(feed.items.size(), static_cast<std::size_t>(kItems));
  const feeds::Item& item = feed.items[123];
  EXPECT_EQ(item.title, "Story 123 & more");
  EXPECT_EQ(item.canonical_url, "https://big.example.com/story/123");
  EXPECT_EQ(item.key, "guid:story-123");
  EXPECT_EQ(item.content.find("<script"), std::string::npos);
  EXPECT_EQ(item.content.find("onclick"), std::string::npos);
  EXPECT_NE(item.content.find("https://big.example.com/story/123#p3"), std::string::npos);
  EXPECT_NE(item.content.find("https://big.example.com/img/123.jpg"), std::string::npos);
  EXPECT_NE(item.content.find("\u2014"), std::string::npos);  // &mdash; decoded
}

TEST(FeedLarge, AtomWithXhtmlContent) {
  std::string doc =
      R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.com/blog/"><title>Atom big</title><id>urn:big</id><updated>2025-03-02T08:40:00Z</updated>)";
  constexpr int kEntries = 250;
  for (int i = 0; i < kEntries; ++i) {
    std::string xhtml = article_html(i);
    // XHTML must be well-formed: close the img.
    xhtml.replace(xhtml.find("alt=\"photo\">"), 12, "alt=\"photo\"/>");
    for (auto at = xhtml.find("&mdash;"); at != std::string::npos; at = xhtml.find("&mdash;"))
      xhtml.replace(at, 7, "&#8212;");
    doc += "<entry><id>urn:big:" + std::to_string(i) + "</id><title type=\"html\">Entry &lt;b&gt;" +
           std::to_string(i) + "&lt;/b&gt;</title><link href=\"entries/" + std::to_string(i) +
           "\"/><updated>2025-03-02T08:40:00Z</updated>"
           "<author><name>A" +
           std::to_string(i % 3) +
           "</name></author><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + xhtml +
           "</div></content></entry>";
  }
  doc += "</feed>";
  const auto result = feeds::parse_feed(doc, options());
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const feeds::Feed& feed = *result;
  EXPECT_TRUE(feed.warnings.empty()) << feed.warnings.front();
  ASSERT_EQ(feed.items.size(), static_cast<std::size_t>(kEntries));
  EXPECT_EQ(feed.items[42].title, "Entry 42");
  EXPECT_EQ(feed.items[42].link, "https://atom.example.com/blog/entries/42");
  EXPECT_NE(feed.items[42].content.find("https://atom.example.com/story/42#p0"), std::string::npos);
  EXPECT_EQ(feed.items[42].content.find("<script"), std::string::npos);
}

TEST(FeedLarge, JsonFeedManyItems) {
  boost::json::array items;
  constexpr int kItems = 300;
  for (int i = 0; i < kItems; ++i)
    items.push_back({{"id", "j" + std::to_string(i)},
                     {"url", "https://json.example.com/" + std::to_string(i)},
                     {"title", "J " + std::to_string(i)},
                     {"content_html", article_html(i)},
                     {"date_published", "2025-03-02T08:40:00Z"},
                     {"tags", boost::json::array{"x", "y", "x"}}});
  const boost::json::object root{
      {"version", "https://jsonfeed.org/version/1.1"}, {"title", "JSON big"}, {"items", items}};
  const std::string doc = boost::json::serialize(root);
  const auto result = feeds::parse_feed(doc, options());
  ASSERT_TRUE(result.has_value()) << result.error().message;
  ASSERT_EQ(result->items.size(), static_cast<std::size_t>(kItems));
  EXPECT_EQ(result->items[7].categories, (std::vector<std::string>{"x", "y"}));
  EXPECT_NE(result->items[7].content.find("https://json.example.com/img/7.jpg"), std::string::npos);
}

}  // namespace
