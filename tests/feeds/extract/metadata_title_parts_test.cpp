// The title when the <title> keeps the site's words around the headline or
// spells the headline otherwise than the page shows it (issue 16, item 8):
// links to the page itself show its headline, the page's own spelling of
// the headline wins over the <title>'s, and a <title> cut short or glued to
// the site's name gives way to the heading it begins. Each mechanism has
// its page too (tests/data/pages/105x, generate_metadata_typography.py);
// these are the edges.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;

constexpr std::string_view kPermalink = "https://harbourlights.example/2025/03/night-ferry/";

feeds::Article extracted(std::string_view html, std::string_view url) {
  feeds::ExtractOptions options;
  options.url = url;  // a view: the callers pass literals
  return feeds::extract_article(html, options).value();
}

std::string head(std::string_view title, std::string_view extra = "") {
  return "<title>" + std::string(title) + "</title>" + std::string(extra);
}

const std::string kLongBlogTail =
    " – Harbour Lights - the log of the crews who run the eastern shore ferries";

TEST(TitleParts, RootRelativePermalinkShowsTheHeadline) {
  auto article =
      extracted(page(head("Night ferry extended until March" + kLongBlogTail),
                     "<div class=\"post\"><h2><a href=\"/2025/03/night-ferry/\" rel=\"bookmark\">Night "
                     "ferry extended until March</a></h2>" +
                         prose(4) + "</div>"),
                kPermalink);
  EXPECT_EQ(article.title, "Night ferry extended until March");
}

TEST(TitleParts, LinkWithAFragmentIsNotThePagesName) {
  // "#comments", "#respond": the page's comment links, whatever their text.
  auto article =
      extracted(page(head("Night ferry extended until March" + kLongBlogTail),
                     "<div class=\"post\"><p><a href=\"" + std::string(kPermalink) +
                         "#respond\">Night ferry extended until March</a></p>" + prose(4) + "</div>"),
                kPermalink);
  EXPECT_EQ(article.title, "Night ferry extended until March" + kLongBlogTail);
}

TEST(TitleParts, PingbackShowingTheWholeTitleIsNoEvidence) {
  // A pingback in the recent comments names the page by its whole <title>;
  // the headline shown as a plain heading still gives the cut.
  const std::string title = "Night ferry extended until March » Harbour Lights crew notes";
  auto article = extracted(
      page(head(title), "<div class=\"post\"><h2>Night ferry extended until March</h2>" + prose(4) +
                            "</div><ul class=\"recent\"><li><a href=\"" + std::string(kPermalink) + "\">" +
                            title + "</a> on <a href=\"/2025/02/other/\">Winter timetable</a></li></ul>"),
      kPermalink);
  EXPECT_EQ(article.title, "Night ferry extended until March");
}

TEST(TitleParts, DeclaredTitleKeepsThePublishersSpelling) {
  // og:title taken as it stands is the publisher's own spelling (the one its
  // shares and reader views show), even where the h1 sets curly quotes.
  auto article =
      extracted(page(head("Harbour's night ferry won't stop | Harbour Herald",
                          "<meta property=\"og:title\" content=\"Harbour's night ferry won't stop\">"),
                     "<article><h1>Harbour’s night ferry won’t stop</h1>" + prose(4) + "</article>"),
                "https://harbourherald.example/news/1");
  EXPECT_EQ(article.title, "Harbour's night ferry won't stop");
}

TEST(TitleParts, DeclaredTitleWithTheSitesWordsTakesTheShownSpelling) {
  auto article = extracted(
      page(head("Harbour's night ferry won't stop | Harbour Herald",
                "<meta property=\"og:title\" content=\"Harbour's night ferry won't stop | Harbour Herald\">"),
           "<article><h1>Harbour’s night ferry won’t stop</h1>" + prose(4) + "</article>"),
      "https://harbourherald.example/news/1");
  EXPECT_EQ(article.title, "Harbour’s night ferry won’t stop");
}

TEST(TitleParts, HeadingInOtherCaseIsNotTheTitlesSpelling) {
  // Only quotes, dashes, ellipses and spacing may differ: a heading set in
  // capitals is styled, and the <title> keeps its words' case.
  auto article =
      extracted(page(head("Harbour's night ferry won't stop | Harbour Herald"),
                     "<article><h1>HARBOUR’S NIGHT FERRY WON’T STOP</h1>" + prose(4) + "</article>"),
                "https://harbourherald.example/news/1");
  EXPECT_EQ(article.title, "Harbour's night ferry won't stop");
}

TEST(TitleParts, BracketsInsideTheHeadlineStay) {
  // A bracket joins parts only where the page shows the rest alone.
  auto article = extracted(
      page(head("Harbour board votes (again) on the night ferry | Harbour Herald"),
           "<article><h1>Harbour board votes (again) on the night ferry</h1>" + prose(4) + "</article>"),
      "https://harbourherald.example/news/1");
  EXPECT_EQ(article.title, "Harbour board votes (again) on the night ferry");
}

TEST(TitleParts, BracketedEndOfTheHeadlineStays) {
  // The closing bracket belongs to the part it ends: the section's word
  // before the headline goes, the headline's own brackets stay.
  auto article = extracted(
      page(head("Clips: Ferry crews rehearse the night run (video)"),
           "<article><h1>Ferry crews rehearse the night run (video)</h1>" + prose(4) + "</article>"),
      "https://harbourherald.example/news/1");
  EXPECT_EQ(article.title, "Ferry crews rehearse the night run (video)");
}

TEST(TitleParts, EllipsisAndSpacedDashesAreTypography) {
  auto article = extracted(page(head("Night ferry stays - for now... | Harbour Herald"),
                                "<article><h1>Night ferry stays—for now…</h1>" + prose(4) + "</article>"),
                           "https://harbourherald.example/news/1");
  EXPECT_EQ(article.title, "Night ferry stays—for now…");
}

TEST(TitleParts, CutTitleDoesNotTakeALongerStoryThatBeginsTheSame) {
  // The words left in a cut <title> begin a sidebar story more than twice
  // as long: another story, not the headline.
  const std::string title = "Night ferry service extended until - Harbour Herald: news, sport and weather";
  auto article =
      extracted(page(head(title),
                     "<article>" + prose(4) +
                         "</article><aside><h3 class=\"teaser-title\">Night ferry service extended until the "
                         "summer as the harbour board weighs a permanent timetable for the eastern shore</h3>"
                         "</aside>"),
                "https://harbourherald.example/news/1");
  EXPECT_NE(article.title.find("Harbour Herald"), std::string::npos) << article.title;
}

}  // namespace
