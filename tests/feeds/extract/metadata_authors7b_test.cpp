// Authors on modern news pages, the seventh round's second part (issue 16,
// item 8): a byline with no lead set "name / desk / date", an author item
// that gives several names, and an author box's name in an element of
// class "name".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::extracted;
using newsd::test::page;
using newsd::test::prose;
using Names = std::vector<std::string>;

// A story with `header` under its headline.
std::string story(std::string_view header) {
  return page("<title>Night ferry extended</title><meta property=\"og:type\" content=\"article\">",
              "<article><header><h1>Night ferry extended</h1>" + std::string(header) + "</header>" +
                  prose(4) + "</article>");
}

TEST(NameDeskDateByline, NameBeforeDeskAndDateIsTheAuthor) {
  EXPECT_EQ(extracted(story("<div class=\"byline\"><a href=\"/reporters/rhea\">Rhea Castellan</a> / HNS / "
                            "<span>Updated: Mar 4, 2025, 09:40 CET</span></div>"))
                .authors,
            Names{"Rhea Castellan"});
}

TEST(NameDeskDateByline, NameAndDateWithoutDesk) {
  EXPECT_EQ(extracted(story("<div class=\"byline\">Rhea Castellan | March 4, 2025</div>")).authors,
            Names{"Rhea Castellan"});
}

TEST(NameDeskDateByline, NoDateNoName) {
  // Without the date the items are a trail of sections, not a byline.
  EXPECT_TRUE(extracted(story("<div class=\"byline\">Harbour Ferries / Night Service / Winter</div>"))
                  .authors.empty());
}

TEST(NameDeskDateByline, DeskWithDigitsOrTooManyItemsIsNoByline) {
  EXPECT_TRUE(extracted(story("<div class=\"byline\">Rhea Castellan / Route 12 / Updated: Mar 4, 2025</div>"))
                  .authors.empty());
  EXPECT_TRUE(
      extracted(story("<div class=\"byline\">Rhea Castellan / HNS / Port Desk / Updated: Mar 4, 2025</div>"))
          .authors.empty());
}

TEST(AuthorItemNames, EveryNameOfTheAuthorItem) {
  EXPECT_EQ(extracted(story("<div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
                            "<span itemprop=\"name\">Oskar Lindgren</span>"
                            "<span itemprop=\"name\">Maren Solberg</span></div>"))
                .authors,
            (Names{"Oskar Lindgren", "Maren Solberg"}));
}

TEST(AuthorItemNames, NestedItemsNameIsNotTheAuthors) {
  // The writer's employer is an item of its own inside the author item.
  EXPECT_EQ(
      extracted(story("<div itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
                      "<div itemprop=\"worksFor\" itemscope itemtype=\"http://schema.org/Organization\">"
                      "<span itemprop=\"name\">Harbour Media Group</span></div>"
                      "<span itemprop=\"name\">Oskar Lindgren</span></div>"))
          .authors,
      Names{"Oskar Lindgren"});
}

TEST(NameInAuthorBox, NameElementBesideTheDate) {
  EXPECT_EQ(
      extracted(story("<div class=\"author\"><a class=\"avatar\" href=\"#\"><img src=\"/f.jpg\" alt=\"\"></a>"
                      "<span class=\"name\">Tamsin Quill</span><span class=\"date\">2025-03-04 09:40</span>"
                      "</div>"))
          .authors,
      Names{"Tamsin Quill"});
}

TEST(NameInAuthorBox, NameElementOutsideAnAuthorBoxIsNoAuthor) {
  EXPECT_TRUE(extracted(story("<div class=\"route\"><span class=\"name\">Eastern Shore Line</span>"
                              "<span class=\"date\">2025-03-04 09:40</span></div>"))
                  .authors.empty());
}

TEST(AuthorPageLink, LinkToTheWritersPageInTheHeader) {
  EXPECT_EQ(
      extracted(story("<div class=\"meta-bar\"><a href=\"/about/editors/linnea-farrow/\">Linnea Farrow</a>"
                      " <span>2h ago</span></div>"))
          .authors,
      Names{"Linnea Farrow"});
  EXPECT_EQ(extracted(story("<div class=\"meta\"><a href=\"https://harbourherald.example/author/180/\">"
                            "\xE8\x91\x97\xE8\x80\x85\xEF\xBC\x9A\xE6\xA3\xAE\xE7\x94\xB0</a></div>"))
                .authors,
            Names{"\xE6\xA3\xAE\xE7\x94\xB0"});  // "著者：森田" -> "森田"
}

TEST(AuthorPageLink, NotTheListOfWritersNorALinkInAList) {
  // The page of all writers, and a list of the site's writers.
  EXPECT_TRUE(extracted(story("<div class=\"meta-bar\"><a href=\"/authors/\">Our Writers</a></div>"))
                  .authors.empty());
  EXPECT_TRUE(
      extracted(story("<ul class=\"staff\"><li><a href=\"/author/linnea-farrow/\">Linnea Farrow</a></li>"
                      "<li><a href=\"/author/ivo-marsh/\">Ivo Marsh</a></li></ul>"))
          .authors.empty());
  // Four writers' links in the header: a list, not a byline.
  EXPECT_TRUE(
      extracted(story("<div><a href=\"/author/a-b/\">Ada Berg</a> <a href=\"/author/c-d/\">Cyd Dahl</a> "
                      "<a href=\"/author/e-f/\">Eli Falk</a> <a href=\"/author/g-h/\">Gus Holm</a></div>"))
          .authors.empty());
}

TEST(AuthorPageLink, NotAfterTheStoryBegins) {
  // A writer's link after the first prose paragraph is a box below the story.
  EXPECT_TRUE(
      extracted(page("<title>Night ferry extended</title>",
                     "<article><h1>Night ferry extended</h1>" + prose(2) +
                         "<div class=\"more\"><a href=\"/author/ivo-marsh/\">Ivo Marsh</a></div></article>"))
          .authors.empty());
}

}  // namespace
