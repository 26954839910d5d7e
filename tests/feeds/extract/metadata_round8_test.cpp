// Metadata on today's news pages (issue 16, item 8, eighth round), as a
// mirror of modern news sites showed newsd misreading it: the article's
// JSON-LD node inside a WebPage's "mainEntity"; a date with no zone beside
// the same wall clock written with one; a headline's own second part after
// a dash taken for the site's name; several writers in one author string;
// an editor's code or a job word after the name; a picture credit as the
// author; the "twitter:misc:Written by" pair.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::extracted;
using newsd::test::page;
using newsd::test::prose;
using newsd::test::published;
using Names = std::vector<std::string>;

// A story with `head` in its <head> (after the site's name), `headline` as
// its h1 and `header` under it; `lang` on the <html> tag.
std::string story(std::string_view head, std::string_view header = "",
                  std::string_view headline = "Night ferry extended", std::string_view lang = "") {
  return page(
      "<meta property=\"og:site_name\" content=\"Harbour Herald\">"
      "<meta property=\"og:type\" content=\"article\">" +
          std::string(head),
      "<article><header><h1>" + std::string(headline) + "</h1>" + std::string(header) + "</header>" +
          prose(4) + "</article>",
      lang.empty() ? "" : " lang=\"" + std::string(lang) + "\"");
}

std::string with_title(std::string_view title) {
  return "<title>" + std::string(title) + "</title><meta property=\"og:title\" content=\"" +
         std::string(title) + "\">";
}

std::string json_ld(std::string_view data) {
  return "<script type=\"application/ld+json\">" + std::string(data) + "</script>";
}

std::vector<std::string> authors_of_meta(std::string_view value, std::string_view lang = "") {
  return extracted(story("<title>Night ferry extended</title><meta name=\"author\" content=\"" +
                             std::string(value) + "\">",
                         "", "Night ferry extended", lang))
      .authors;
}

TEST(JsonLdMainEntity, TheArticleInsideAWebPageGivesAuthorAndDate) {
  const std::string html = story(
      "<title>Night ferry extended</title>" +
      json_ld(R"({"@context":"https://schema.org","@type":"WebPage","mainEntity":{"@type":"NewsArticle",)"
              R"("headline":"Night ferry extended","datePublished":"2025-03-05T21:40:00+01:00",)"
              R"("author":[{"@type":"Person","name":"Hedda Lorne"}]}})"));
  EXPECT_EQ(extracted(html).authors, Names{"Hedda Lorne"});
  EXPECT_EQ(published(html), "2025-03-05T21:40:00+01:00");
}

TEST(ZonelessDate, TakesTheOffsetOfTheSameWallClockElsewhere) {
  const std::string html =
      story("<title>Night ferry extended</title><meta name=\"date\" content=\"2025-03-05T21:40:00+02:00\">" +
            json_ld(R"({"@type":"NewsArticle","headline":"Night ferry extended",)"
                    R"("datePublished":"2025-03-05 21:40:00.0"})"));
  EXPECT_EQ(published(html), "2025-03-05T21:40:00+02:00");
}

TEST(ZonelessDate, AnotherWallClockLendsNoOffset) {
  // The meta date is another time (its wall clock 19:40): the JSON-LD's own stays.
  const std::string html =
      story("<title>Night ferry extended</title><meta name=\"date\" content=\"2025-03-05T19:40:00+02:00\">" +
            json_ld(R"({"@type":"NewsArticle","headline":"Night ferry extended",)"
                    R"("datePublished":"2025-03-05 21:40:00.0"})"));
  EXPECT_EQ(published(html), "2025-03-05T21:40:00Z");
}

TEST(DashTail, KeptWhenTheHeadlineShowsTheTitleWhole) {
  const std::string title =
      "Night ferry service extended until the end of March \xE2\x80\x93 Mayor Overrules Board";
  EXPECT_EQ(extracted(story(with_title(title), "", title)).title, title);
}

TEST(DashTail, KeptWhenItReadsAsAClause) {
  for (std::string title : {"Night ferry service extended until the end of March - here is what changes",
                            "Nachtf\xC3\xA4hre f\xC3\xA4hrt bis Ende M\xC3\xA4rz weiter - so viel kostet sie",
                            "Nattfergen g\xC3\xA5r til mars \xE2\x80\x93 s\xC3\xA5 kom overraskelsen"}) {
    EXPECT_EQ(extracted(story(with_title(title), "", "Late ferries run all winter")).title, title);
  }
}

TEST(DashTail, ANameStillGoes) {
  // A short tail that reads as a name (capitals, or small words names hold) is the site's or section's.
  for (std::string_view tail : {"Ferry Desk", "Journal of Commerce", "harbourherald.example", "Local news"}) {
    const std::string title = "Night ferry service extended until the end of March - " + std::string(tail);
    EXPECT_EQ(extracted(story(with_title(title), "", "Late ferries run all winter")).title,
              "Night ferry service extended until the end of March")
        << tail;
  }
}

TEST(DashTail, KeptAfterAHeadThatEndsInAColon) {
  const std::string title = "Night ferry service extended until the end of March: \xE2\x80\x93 Finally";
  EXPECT_EQ(extracted(story(with_title(title), "", "Late ferries run all winter")).title, title);
}

TEST(JoinedAuthors, SplitAtTheLanguagesAnd) {
  EXPECT_EQ(authors_of_meta("Samira Holt and Dennis Ware"), (Names{"Samira Holt", "Dennis Ware"}));
  EXPECT_EQ(authors_of_meta("Ada Quist, Bram Olde, Cleo Marsh and Dara Penn"),
            (Names{"Ada Quist", "Bram Olde", "Cleo Marsh", "Dara Penn"}));
  EXPECT_EQ(authors_of_meta("Lena Brandt und Jonas Feld, dpa", "de"), (Names{"Lena Brandt", "Jonas Feld"}));
  EXPECT_EQ(authors_of_meta("Anna Berg und Lea Stein, Nairobi", "de"), (Names{"Anna Berg", "Lea Stein"}));
  EXPECT_EQ(authors_of_meta("Trine Holm og Mads Krag", "da"), (Names{"Trine Holm", "Mads Krag"}));
  EXPECT_EQ(authors_of_meta("Karin Ek och Lars Holm", "sv"), (Names{"Karin Ek", "Lars Holm"}));
}

TEST(JoinedAuthors, OneNameThatHoldsAJointStaysWhole) {
  // Parts of one word each are a firm's or a pair's name, not two writers.
  EXPECT_EQ(authors_of_meta("Holt &amp; Ware"), Names{"Holt & Ware"});
  // "und" joins names only on a German page (or after "Von").
  EXPECT_EQ(authors_of_meta("Lena Brandt und Jonas Feld"), Names{"Lena Brandt und Jonas Feld"});
}

TEST(AuthorName, EditorsCodeAfterTheNameGoes) {
  const std::string html =
      story("<title>Night ferry extended</title>" +
            json_ld(R"j({"@type":"NewsArticle","headline":"Night ferry extended","author":[)j"
                    R"j({"@type":"Person","name":"Elena Vogt (evo)"},)j"
                    R"j({"@type":"Person","name":"Paul Marti (pma.)"}]})j"));
  EXPECT_EQ(extracted(html).authors, (Names{"Elena Vogt", "Paul Marti"}));
  // A note in parentheses that is not a code stays the page's to give.
  EXPECT_EQ(authors_of_meta("Jane Doe (Lyon)"), Names{"Jane Doe (Lyon)"});
}

TEST(AuthorName, DescriptionAfterTheNameGoes) {
  EXPECT_EQ(
      authors_of_meta("Mira Talvik, lecturer in maritime history at the Harbour College, Harbour Herald"),
      Names{"Mira Talvik"});
  // Names after the comma, or a place, are no description.
  EXPECT_EQ(authors_of_meta("Mira Talvik, Oskar Brandt"), (Names{"Mira Talvik, Oskar Brandt"}));
}

TEST(AuthorName, KoreanReporterWordGoes) {
  EXPECT_EQ(authors_of_meta("\xEA\xB9\x80\xED\x95\x98\xEB\x8A\x98 \xEA\xB8\xB0\xEC\x9E\x90", "ko"),
            Names{"\xEA\xB9\x80\xED\x95\x98\xEB\x8A\x98"});
}

TEST(AuthorName, PictureCreditIsNoAuthor) {
  const std::string header =
      "<p class=\"byline\">By <a rel=\"author\" href=\"/people/emma-lowe\">Emma Lowe</a></p>"
      "<figure><img src=\"/media/ferry.jpg\" alt=\"\">"
      "<meta itemprop=\"author\" content=\"(Image: Harbour Photo Agency)\"></figure>";
  EXPECT_EQ(extracted(story("<title>Night ferry extended</title>", header)).authors, Names{"Emma Lowe"});
}

TEST(AuthorName, TwitterMiscWrittenBy) {
  EXPECT_EQ(extracted(story("<title>Night ferry extended</title>"
                            "<meta name=\"twitter:misc:Written by\" content=\"Oskar Brandt\">"
                            "<meta name=\"twitter:misc:Est. reading time\" content=\"3 minutes\">"))
                .authors,
            Names{"Oskar Brandt"});
}

}  // namespace
