// Titles that are the site's (or blog's) own name where the page declares
// no site name and the host does not spell it (issue 16, item 8): the page's
// feeds, its masthead or an og:url for the home page give the name away, and
// the headline shown above the prose (or the <title>'s other words) replaces
// it. A title that is the story's stays.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;

feeds::Article extracted(std::string_view html,
                         std::string_view url = "https://blogs.example/lights/2025/03/ferry.html") {
  feeds::ExtractOptions options;
  options.url = url;
  return feeds::extract_article(html, options).value();
}

std::string feed(std::string_view title) {
  return "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + std::string(title) +
         "\" href=\"https://blogs.example/lights/rss.xml\">";
}

// The blog's name on a heading that is not linked anywhere: only the feeds
// can tell it is the blog's.
std::string unlinked_masthead_post(std::string_view head_extra) {
  return page("<title>Harbour Lights</title>" + std::string(head_extra),
              "<div id=\"top\"><h1>Harbour Lights</h1><h2>Notes from the quay on boats and tides</h2></div>"
              "<div class=\"entry\"><h3>Night ferry extended until the end of March</h3>" +
                  prose(4) + "</div>");
}

TEST(TitleSite, FeedTitlesNameTheBlogInTheirCommonForms) {
  for (std::string_view title :
       {"Posts on 'Harbour Lights' (RSS 2.0)", "Harbour Lights &raquo; Feed", "RSS - Harbour Lights",
        "Harbour Lights RSS Feed", "Harbour Lights - Atom"}) {
    auto article = extracted(unlinked_masthead_post(feed(title)));
    EXPECT_EQ(article.title, "Night ferry extended until the end of March") << title;
  }
}

TEST(TitleSite, FeedsThatDoNotNameTheBlogLeaveTheTitleAlone) {
  // A comment feed names the post, a feed titled with its format names
  // nothing, and a feed titled with anything else is not known to be the
  // blog's: the masthead (the same box as the tagline) keeps the title.
  for (std::string_view title : {"Comments on 'Harbour Lights'", "RSS 2.0", "Harbour Lights"}) {
    auto article = extracted(unlinked_masthead_post(feed(title)));
    EXPECT_EQ(article.title, "Harbour Lights") << title;
  }
}

TEST(TitleSite, MastheadLinkedToTheBlogRootNamesTheSite) {
  // The h1 is wholly a link to the blog's folder (not "/") and marked as the
  // banner: the site's name, with the tagline in its box.
  auto article =
      extracted(page("<title>Harbour Lights</title>",
                     "<div id=\"banner\"><h1 id=\"banner-header\"><a "
                     "href=\"https://blogs.example/lights/\">Harbour Lights</a>"
                     "</h1><h2 id=\"banner-description\">Notes from the quay on boats and tides</h2></div>"
                     "<div class=\"entry\"><h3>Night ferry extended until the end of March</h3>" +
                         prose(4) + "</div>"));
  EXPECT_EQ(article.title, "Night ferry extended until the end of March");
}

TEST(TitleSite, HeadlineAnchorWithoutHrefIsNoMasthead) {
  // <h1><a id=...>Headline</a></h1> (a named anchor, or href=""): the
  // headline, not a link home; the <title> keeps its site suffix cut.
  for (std::string_view anchor : {"<a id=\"story\">", "<a href=\"\">"}) {
    auto article =
        extracted(page("<title>Night ferry extended until the end of March - Harbour Herald</title>" +
                           feed("Harbour Herald RSS Feed"),
                       "<div class=\"story\"><h1>" + std::string(anchor) +
                           "Night ferry extended until the end of March</a></h1>" + prose(4) + "</div>"),
                  "https://harbourherald.example/story.aspx?id=7");
    EXPECT_EQ(article.title, "Night ferry extended until the end of March") << anchor;
  }
}

TEST(TitleSite, OgTitleOfTheHomePageOnAPostGivesWay) {
  const std::string head =
      "<title>Night ferry extended until the end of March - Harbour Herald</title>"
      "<meta property=\"og:title\" content=\"The official blog of the Harbour Herald newsroom\">"
      "<meta property=\"og:site_name\" content=\"Harbour Herald\">";
  const std::string body = "<div class=\"post\">" + prose(4) + "</div>";
  auto post =
      extracted(page(head + "<meta property=\"og:url\" content=\"https://harbourherald.example/\">", body),
                "https://harbourherald.example/2025/03/ferry/");
  EXPECT_EQ(post.title, "Night ferry extended until the end of March");
  // The og:url is the page itself: its og:title is its own.
  auto own = extracted(
      page(head + "<meta property=\"og:url\" content=\"https://harbourherald.example/2025/03/ferry/\">",
           body),
      "https://harbourherald.example/2025/03/ferry/");
  EXPECT_EQ(own.title, "The official blog of the Harbour Herald newsroom");
}

TEST(TitleSite, TheOtherWordsOfTheTitleStandInWhenNoHeadlineIsShown) {
  // "Blog: Post" as the <title>, the blog's name as the masthead, and no
  // heading over the text that reads as a headline.
  auto article =
      extracted(page("<title>Harbour Lights: Ferry notes</title>" + feed("Harbour Lights &raquo; Feed"),
                     "<div id=\"top\"><h1><a href=\"/\">Harbour Lights</a></h1></div>"
                     "<div class=\"entry\">" +
                         prose(4) + "</div>"));
  EXPECT_EQ(article.title, "Ferry notes");
  // Those words are cleaned like any <title>: a date set off by a pipe goes.
  auto dated = extracted(
      page("<title>Harbour Lights: Ferry notes | 5 March 2025</title>" + feed("Harbour Lights &raquo; Feed"),
           "<div id=\"top\"><h1><a href=\"/\">Harbour Lights</a></h1></div>"
           "<div class=\"entry\">" +
               prose(4) + "</div>"));
  EXPECT_EQ(dated.title, "Ferry notes");
}

TEST(TitleSite, PersonalBlogBylineDoesNotStopTheSearch) {
  auto article =
      extracted(page("<title>Mara Lindqvist</title>" + feed("Mara Lindqvist &raquo; Feed"),
                     "<header><h1><a href=\"/\" rel=\"home\">Mara Lindqvist</a></h1></header><article>"
                     "<h1 class=\"entry-title\">Night ferry extended until the end of March</h1>"
                     "<div class=\"entry-meta\">by <a href=\"/about/\">Mara Lindqvist</a></div>" +
                         prose(4) + "</article>"),
                "https://maralindqvist.example/night-ferry/");
  EXPECT_EQ(article.title, "Night ferry extended until the end of March");
}

TEST(TitleSite, NameAfterTheTitleGoesWhenTheFeedsGiveOneName) {
  // The heading links to the post's short address, not to this page's own
  // (a link to the page itself would show the headline and cut the title
  // whatever the feeds say).
  const std::string body =
      "<div class=\"post\"><h2><a href=\"/p/4127/\">Night ferry extended until the end of "
      "March</a></h2>" +
      prose(4) + "</div>";
  const std::string title =
      "<title>Night ferry extended until the end of March | Code | Mara Lindqvist</title>";
  const auto feed_at = [](std::string_view name, std::string_view href) {
    return "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"" + std::string(name) +
           "\" href=\"" + std::string(href) + "\">";
  };
  // Every feed is "Code": the blog's name, after the title.
  auto one_name =
      extracted(page(title + feed_at("Code (RSS)", "/feed/") + feed_at("Code (Atom)", "/atom/"), body),
                "https://mara.example/code/2025/night-ferry/");
  EXPECT_EQ(one_name.title, "Night ferry extended until the end of March");
  // Feeds of several names are the sections': "Code" is one, and stays.
  auto sections =
      extracted(page(title + feed_at("Code (RSS)", "/code/feed/") + feed_at("Talks (RSS)", "/talks/feed/") +
                         feed_at("Everything (RSS)", "/feed/"),
                     body),
                "https://mara.example/code/2025/night-ferry/");
  EXPECT_EQ(sections.title, "Night ferry extended until the end of March | Code");
}

}  // namespace
