// find_feed_links / common_feed_urls: what `newsd add PAGE` tries.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "feeds/discover.h"

namespace {

using feeds::common_feed_urls;
using feeds::find_feed_links;

std::vector<std::string> urls_of(const std::vector<feeds::FeedLink>& links) {
  std::vector<std::string> urls;
  for (const auto& link : links) urls.push_back(link.url);
  return urls;
}

TEST(FindFeedLinks, AlternateLinksOfEveryFeedTypeResolvedAgainstThePage) {
  const std::string html = R"html(<!doctype html><html><head><title>Blog</title>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/rss+xml" title="  Main   feed " href="/feed.rss">
    <link rel="alternate" type="application/atom+xml" href="atom.xml">
    <link rel="alternate" type="application/feed+json" href="https://cdn.example.net/feed.json">
    <link rel="alternate" type="text/html" hreflang="de" href="/de/">
    <link rel="alternate" type="application/rdf+xml" href="//other.example/index.rdf">
    </head><body></body></html>)html";
  auto links = find_feed_links(html, "https://blog.example/posts/index.html");
  ASSERT_EQ(links.size(), 4U);
  EXPECT_EQ(links[0].url, "https://blog.example/feed.rss");
  EXPECT_EQ(links[0].type, "application/rss+xml");
  EXPECT_EQ(links[0].title, "Main feed");
  EXPECT_EQ(links[1].url, "https://blog.example/posts/atom.xml");
  EXPECT_EQ(links[1].type, "application/atom+xml");
  EXPECT_EQ(links[1].title, "");
  EXPECT_EQ(links[2].url, "https://cdn.example.net/feed.json");
  EXPECT_EQ(links[3].url, "https://other.example/index.rdf");
}

TEST(FindFeedLinks, BaseHrefRulesRelativeLinks) {
  const std::string html = R"html(<html><head><base href="https://static.example/site/">
    <base href="https://ignored.example/">
    <link rel="alternate" type="application/atom+xml" href="news/atom.xml"></head></html>)html";
  auto links = find_feed_links(html, "https://www.example/a/b.html");
  ASSERT_EQ(links.size(), 1U);
  EXPECT_EQ(links[0].url, "https://static.example/site/news/atom.xml");

  // A relative <base> is itself resolved against the page.
  const std::string relative_base = R"html(<head><base href="/root/"><link rel="alternate"
    type="application/rss+xml" href="rss.xml"></head>)html";
  EXPECT_EQ(urls_of(find_feed_links(relative_base, "http://x.example/a/b/c")),
            std::vector<std::string>{"http://x.example/root/rss.xml"});
}

TEST(FindFeedLinks, CaseParametersRelTokensAndDuplicates) {
  const std::string html = R"html(<HTML><HEAD>
    <LINK REL="Alternate Feed" TYPE="Application/RSS+XML; charset=UTF-8" HREF="/rss">
    <link rel="alternate" type="application/rss+xml" href="https://site.example/rss">
    <link rel="alternates" type="application/rss+xml" href="/not-a-token-match">
    <link rel="alternate" type="application/rss+xml">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml" href="mailto:x@site.example">
    </HEAD></HTML>)html";
  auto links = find_feed_links(html, "https://site.example/");
  ASSERT_EQ(urls_of(links), std::vector<std::string>{"https://site.example/rss"});
  EXPECT_EQ(links[0].type, "application/rss+xml");
}

TEST(FindFeedLinks, CommentFeedsComeLast) {
  const std::string html = R"html(<head>
    <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Comments Feed" href="/comments/feed/">
    <link rel="alternate" type="application/rss+xml" title="Blog &raquo; Feed" href="/feed/">
    <link rel="alternate" type="application/atom+xml" href="/comments-atom.xml">
    <link rel="alternate" type="application/atom+xml" href="/atom.xml"></head>)html";
  EXPECT_EQ(urls_of(find_feed_links(html, "https://wp.example/2024/post/")),
            (std::vector<std::string>{"https://wp.example/feed/", "https://wp.example/atom.xml",
                                      "https://wp.example/comments/feed/",
                                      "https://wp.example/comments-atom.xml"}));
}

TEST(FindFeedLinks, LinksInTheBodyAndCharsetOfTheTitle) {
  const std::string html =
      "<html><head><meta charset=\"windows-1251\"></head><body><p>x</p>"
      "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"\xCD\xEE\xE2\xE8\xED\xE8\" href=\"/rss\">"
      "</body></html>";
  auto links = find_feed_links(html, "https://ua.example/");
  ASSERT_EQ(links.size(), 1U);
  EXPECT_EQ(links[0].title, "Новини");
}

TEST(FindFeedLinks, NothingFromPagesWithoutFeedsOrWithoutMarkup) {
  EXPECT_TRUE(find_feed_links("", "https://x.example/").empty());
  EXPECT_TRUE(find_feed_links("just some text", "https://x.example/").empty());
  EXPECT_TRUE(
      find_feed_links("<html><head><link rel=icon href=/f.ico></head></html>", "https://x.example/").empty());
  EXPECT_TRUE(find_feed_links(std::string("\0\0\xff<link", 8), "https://x.example/").empty());
  // Without a page URL only absolute links can be kept.
  auto links = find_feed_links(R"html(<link rel="alternate" type="application/rss+xml" href="/rss">
    <link rel="alternate" type="application/rss+xml" href="https://abs.example/rss">)html",
                               "");
  EXPECT_EQ(urls_of(links), std::vector<std::string>{"https://abs.example/rss"});
}

TEST(CommonFeedUrls, PageDirectoryFirstThenRoot) {
  auto urls = common_feed_urls("https://news.example:8443/blog/post.html?x=1#top");
  ASSERT_FALSE(urls.empty());
  EXPECT_EQ(urls.front(), "https://news.example:8443/blog/feed");
  auto contains = [&](const std::string& url) { return std::ranges::find(urls, url) != urls.end(); };
  EXPECT_TRUE(contains("https://news.example:8443/blog/rss.xml"));
  EXPECT_TRUE(contains("https://news.example:8443/feed"));
  EXPECT_TRUE(contains("https://news.example:8443/atom.xml"));
  EXPECT_TRUE(contains("https://news.example:8443/index.xml"));
  EXPECT_TRUE(contains("https://news.example:8443/rss.xml"));
  auto root_feed = std::ranges::find(urls, "https://news.example:8443/feed");
  auto dir_feed = std::ranges::find(urls, "https://news.example:8443/blog/feed");
  EXPECT_LT(dir_feed, root_feed);
}

TEST(CommonFeedUrls, RootPageOnlyOnceAndNothingForNonHttp) {
  auto urls = common_feed_urls("http://site.example");
  EXPECT_EQ(urls.front(), "http://site.example/feed");
  EXPECT_EQ(std::ranges::count(urls, "http://site.example/feed"), 1);
  EXPECT_TRUE(common_feed_urls("ftp://site.example/").empty());
  EXPECT_TRUE(common_feed_urls("not a url").empty());
  EXPECT_TRUE(common_feed_urls("/relative/page").empty());
}

}  // namespace
