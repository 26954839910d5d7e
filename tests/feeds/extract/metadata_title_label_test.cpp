// The title when the page's <title>, og:title or h1 is not the story's
// headline: the site's or a section's name, none at all, or a <title> left
// open (issue 16, item 8). The headline then is the heading shown right
// above the article's text; a title the page confirms stays.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::extracted;
using newsd::test::prose;

using newsd::test::page;

const std::string kNav =
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news/\">News</a></li></ul></nav>";

TEST(TitleLabel, SectionNameInTheH1GivesWayToTheHeadlineAboveTheText) {
  auto article = extracted(
      page("<title>Latest News</title>", kNav +
                                             "<div id=\"top\"><h1>Latest News</h1></div><div class=\"post\">"
                                             "<h2>Night ferry extended until March</h2>" +
                                             prose(4) + "</div>"));
  EXPECT_EQ(article.title, "Night ferry extended until March");
  // The headline is the title field, not body text.
  EXPECT_EQ(article.text.find("Night ferry extended until March"), std::string::npos) << article.text;
}

TEST(TitleLabel, ShortTitleShownAsTheHeadlineStaysOverItsStandfirst) {
  // The same shape inside one box is a headline and its standfirst: the
  // short <title> that the h1 shows is the headline.
  auto article = extracted(page("<title>Ferry runs on</title>",
                                kNav +
                                    "<article><h1>Ferry runs on</h1>"
                                    "<h2>The board keeps the night service going until March</h2>" +
                                    prose(4) + "</article>"));
  EXPECT_EQ(article.title, "Ferry runs on");
}

TEST(TitleLabel, DeclaredShortTitleStays) {
  // An og:title is the page's own word on the story, however short.
  auto article = extracted(
      page("<meta property=\"og:title\" content=\"Ferry runs on\"><title>Ferry runs on</title>",
           kNav + "<div class=\"post\"><h2>Harbour board minutes for the winter</h2>" + prose(4) + "</div>"));
  EXPECT_EQ(article.title, "Ferry runs on");
}

TEST(TitleLabel, NoTitleTakesTheHeadlineLineNotItsBylineOrAStandfirstSentence) {
  // The heading's own line, not the byline set in it after a <br>.
  auto byline_in_heading = extracted(
      page("", kNav +
                   "<div class=\"box\"><h2>Night ferry extended until March<br><span>by Ann Lee, 3 March "
                   "2025</span></h2>" +
                   prose(4) + "</div>"));
  EXPECT_EQ(byline_in_heading.title, "Night ferry extended until March");
  // A sentence ending in a full stop is a standfirst or a lede, not a headline.
  auto sentence = extracted(
      page("", kNav +
                   "<div class=\"box\"><div class=\"story-title\">The board voted on Thursday to keep the "
                   "night ferry running.</div>" +
                   prose(4) + "</div>"));
  EXPECT_EQ(sentence.title, "");
}

TEST(TitleLabel, ListingKeepsItsTitleNotItsFirstCardsHeadline) {
  // A page of story cards (linked headings over teasers) has no article:
  // the heading above its first teaser is another page's headline.
  std::string cards;
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    cards += "<div class=\"card\"><h2><a href=\"/news/" + n + "\">Story number " + n +
             " about the harbour ferry plan</a></h2><p>The harbour board met on Thursday to discuss story "
             "number " +
             n + ", and the members agreed that the ferry plan needs more money than planned.</p></div>";
  }
  feeds::ExtractOptions options;
  options.url = "https://harbourherald.example/";
  const std::string html = page("<title>Harbour Herald</title>",
                                kNav + "<h1>Latest News</h1><div class=\"list\">" + cards + "</div>");
  auto listing = feeds::extract_article(html, options);
  ASSERT_TRUE(listing.has_value());
  EXPECT_EQ(listing->title, "Harbour Herald");
}

TEST(TitleLabel, TitleLeftOpenIsItsFirstLineNotTheHeadsCode) {
  // No </title>: libxml2 reads the scripts after it into the title.
  auto article = extracted(
      "<!DOCTYPE html><html><head><title>Night ferry extended until March\n<script>var slots = {a: 1};\n"
      "function track() { return 1; }\n</script><style>p { margin: 0 }</style></head><body>" +
      kNav + "<div class=\"story\">" + prose(4) + "</div></body></html>");
  EXPECT_EQ(article.title, "Night ferry extended until March");
}

TEST(TitleLabel, WireSlugAboveTheTextIsNoHeadline) {
  // A wire story pasted with its slug line in the h1: most of its words
  // hold digits, so it is a code, not the story's headline; the headline
  // below it is taken.
  auto article = extracted(page("<title>Harbour Herald</title>",
                                kNav +
                                    "<div class=\"post\"><h2>Night ferry extended until March</h2>"
                                    "<h1>p0412 BC-Ferry-Service 2ndLd-Writethru 03-04 0611</h1>" +
                                    prose(4) + "</div>"));
  EXPECT_EQ(article.title, "Night ferry extended until March");
}

}  // namespace
