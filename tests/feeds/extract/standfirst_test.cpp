// The standfirst (deck, teaser, intro, summary) between the headline and the
// story's body opens the text, in the shapes today's news sites give it: in
// a header that also shows the lead picture, in a box named "teaser", in a
// div rather than a <p>, four levels above the body, in a headline box whose
// byline and "see also" link go. Another story's teaser, a card with a
// link, still goes.
#include <gtest/gtest.h>

#include <string>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using feeds::extract_article;
using newsd::test::prose;

const std::string kTitle = "Harbour ferries to run through the night from May";
const std::string kDeck =
    "The city will pay for a night service on three lines from the first of May, and the unions have agreed "
    "to the new shifts after two months of talks";

std::string document(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>" + kTitle +
         "</title><meta property=\"og:type\" content=\"article\"></head><body>" + body + "</body></html>";
}

// Where the deck stands in the text: 0 when it opens the story.
std::size_t deck_at(const std::string& body) {
  return extract_article(document(body)).value().text.find(kDeck);
}

// Deutsche Freitag's header holds the h1, the deck, the byline and the lead
// picture: a paragraph beside a picture is a caption only in a box of its
// own, not in the box that holds the headline.
TEST(Standfirst, DeckInTheHeaderThatShowsTheLeadPicture) {
  EXPECT_EQ(deck_at("<div class=\"js-article\"><header class=\"intro\"><h1>" + kTitle +
                    "</h1><p class=\"intro__text\">" + kDeck +
                    "</p><figure><img src=\"/ferry.jpg\" alt=\"A ferry\"></figure></header>"
                    "<div class=\"bo-article-text\">" +
                    prose(8) + "</div></div>"),
            0u);
}

// Kicker's p.kick__article__teaser sits in the box that also holds the
// body (and its pictures): the penalty word "teaser" in its name, and the
// pictures of the body beside it, make it no card.
TEST(Standfirst, DeckNamedTeaserBesideTheBody) {
  EXPECT_EQ(deck_at("<article><div class=\"kick__article__header\"><h1>" + kTitle +
                    "</h1></div><div class=\"kick__article__body\"><div class=\"kick__article__content\">"
                    "<p class=\"kick__article__teaser\">" +
                    kDeck + "</p><div class=\"kick__article__content__child\">" + prose(4) +
                    "<img src=\"/pier.jpg\" alt=\"The pier\">" + prose(4) + "</div></div></div></article>"),
            0u);
}

// A deck set in a div (Nature's div.c-article-teaser-text, Golem's
// div.go-article-header__intro) reads as a paragraph when it holds text
// only.
TEST(Standfirst, DeckInANamedDiv) {
  EXPECT_EQ(
      deck_at("<div id=\"content\"><div class=\"col3\"><h1>" + kTitle +
              "</h1><div class=\"article-teaser-text\">" + kDeck +
              "</div><div class=\"group\"><div class=\"longText\">" + prose(8) + "</div></div></div></div>"),
      0u);
}

// Motorsport-Magazin's <p class="teaser"> right under the h1 is the story's
// standfirst; junge Welt's <div class="teaser lead"> too. Another story's
// teaser is a card with a link, and goes.
TEST(Standfirst, TeaserClassRightUnderTheHeadline) {
  const std::string body = "<article class=\"details-content\"><header><h1>" + kTitle +
                           "</h1><p class=\"teaser\">" + kDeck +
                           "</p></header><section class=\"article-body\">" + prose(8) +
                           "</section><div class=\"teaser\"><a href=\"/other\">Another story about the "
                           "harbour and its bridges</a></div></article>";
  const auto article = extract_article(document(body)).value();
  EXPECT_EQ(article.text.find(kDeck), 0u) << article.text;
  EXPECT_EQ(article.text.find("Another story about"), std::string::npos) << article.text;
  EXPECT_EQ(deck_at("<article><div class=\"row\"><div class=\"col\"><header><h1>" + kTitle +
                    "</h1><div class=\"teaser lead\">" + kDeck + "</div></header><div class=\"body\">" +
                    prose(8) + "</div></div></div></article>"),
            0u);
}

// La Repubblica's summary sits in the header of a box four levels above
// the story's text.
TEST(Standfirst, DeckFourLevelsAboveTheBody) {
  EXPECT_EQ(deck_at("<div class=\"story\"><div class=\"story__hero\"><h1 class=\"story__title\">" + kTitle +
                    "</h1><div class=\"story__summary\"><p>" + kDeck +
                    "</p></div></div><div class=\"story__content\"><div class=\"story__body\"><div "
                    "class=\"story__main\"><div class=\"story__column\"><div class=\"story__text\">" +
                    prose(8) + "</div></div></div></div></div></div>"),
            0u);
}

// ABC's headline box: the h1, the deck in an h2, a linked "see also" h2
// and the byline with its photo and <time>. Once the headline, the link
// and the byline have gone, what is left is the deck, no teaser card and no
// dateline.
TEST(Standfirst, HeadlineBoxKeepsItsDeckOnceItsBylineAndLinksGo) {
  const std::string body =
      "<article class=\"voc-d__article\"><div class=\"voc-article voc-article--detail\"><div "
      "class=\"voc-info-container\"><h1 class=\"voc-title\">" +
      kTitle + "</h1><h2 class=\"voc-subtitle\">" + kDeck +
      "</h2><h2 class=\"voc-subtitle\"><a href=\"/other-story\">The old ferry timetable and why it "
      "changed</a></h2></div><div class=\"voc-author\"><img src=\"/author.jpg\" alt=\"\"><p "
      "class=\"voc-author__name\">Ana Ruiz</p><time datetime=\"2024-12-02\">02/12/2024</time></div></div>" +
      prose(8) + "</article>";
  const auto article = extract_article(document(body)).value();
  EXPECT_EQ(article.text.find(kDeck), 0u) << article.text;
  EXPECT_EQ(article.text.find("old ferry timetable"), std::string::npos) << article.text;

  // Golem's header: the h1, the deck in a div, a line of date and byline.
  // With the line gone it is no dateline box.
  const auto golem =
      extract_article(document("<main><article class=\"go-article\"><header><h1>" + kTitle +
                               "</h1><div class=\"go-article-header__intro\">" + kDeck +
                               "</div><div class=\"go-article-header__meta\"><time "
                               "datetime=\"2025-09-09T15:46\">9. September 2025 um 15:46 Uhr</time> / "
                               "<a href=\"/autoren/ana\">Ana Ruiz</a></div></header>" +
                               prose(8) + "</article></main>"))
          .value();
  EXPECT_EQ(golem.text.find(kDeck), 0u) << golem.text;
}

// Dagbladet's header box is named for what it holds ("articleHeader
// hasCaption"): the headline, the deck and the captioned lead picture. A
// box that has a caption is no caption; the caption itself still goes.
TEST(Standfirst, HeaderThatHasACaptionIsNoCaption) {
  const std::string body =
      "<article class=\"article-entity\"><div class=\"articleHeader column hasCaption\"><h1>" + kTitle +
      "</h1><h2 class=\"subtitle\">" + kDeck +
      "</h2><figure><img src=\"/ferry.jpg\" alt=\"\"><figcaption>NIGHT: The ferry leaves "
      "the pier. Photo: Agency</figcaption></figure></div>" +
      prose(8) + "</article>";
  const auto article = extract_article(document(body)).value();
  EXPECT_EQ(article.text.find(kDeck), 0u) << article.text;
  EXPECT_EQ(article.text.find("The ferry leaves the pier"), std::string::npos) << article.text;
}

}  // namespace
