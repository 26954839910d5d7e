// Authors the page shows but newsd missed or misread (issue 16, item 8):
// another story's byline in a menu, a byline element holding only its
// lead, the first text after an icon, a wire sign-off, bylines in other
// languages; and what stays no author (a handle, a bare "Staff").
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

// A story whose header (under the headline) is `header`.
std::string story(std::string_view header, std::string_view before = "",
                  std::string_view html_attributes = "") {
  return page("<title>Night ferry extended</title>",
              std::string(before) + "<article><header><h1>Night ferry extended</h1>" + std::string(header) +
                  "</header>" + prose(4) + "</article>",
              html_attributes);
}

TEST(BylineAuthors, BylineInNavigationNeverCounts) {
  const auto article = extracted(story("",
                                       "<nav><ul><li><a href=\"/a\">Tides</a> <p class=\"byline\">by <a "
                                       "href=\"/a\">Gustav Rehn</a></p></li></ul></nav>"));
  EXPECT_EQ(article.authors, Names{});
}

TEST(BylineAuthors, BylineInRelatedStoriesBoxNeverCounts) {
  // A related-posts plugin's credit ("By <a>Plugin Maker</a>") after the
  // story: a lead-only element whose name follows, were it not in the box.
  const auto article =
      extracted(page("<title>Night ferry extended</title>",
                     "<article><h1>Night ferry extended</h1>" + prose(4) +
                         "<div id=\"crp_related\"><small>By </small><a "
                         "href=\"https://plugins.example/\"><small>Plugin Maker</small></a></div>"
                         "</article>"));
  EXPECT_EQ(article.authors, Names{});
}

TEST(BylineAuthors, TeaserCardBylineGivesWayToTheStorysByline) {
  const std::string teasers =
      "<ul class=\"latest\"><li><a href=\"/b\">The winter of repairs on the eastern pier</a>"
      "<div class=\"byline\">By <a href=\"/u/g\">Gustav Rehn</a></div></li></ul>";
  EXPECT_EQ(
      extracted(story("<div class=\"byline\">By <a href=\"/u/m\">Mirela Dunn</a></div>", teasers)).authors,
      Names{"Mirela Dunn"});
  // The story's byline unread ("By: handle") still keeps the teaser's name out.
  EXPECT_EQ(extracted(story("<div class=\"byline\"><span class=\"byline\">By:</span> <a href=\"/u/w\">"
                            "HarbourWatcher</a></div>",
                            teasers))
                .authors,
            Names{});
}

TEST(BylineAuthors, TeaserCardBylineStandsInWhenThePageShowsNoOther) {
  // A blog that sets its one post as a list item with its heading.
  const auto article = extracted(
      page("<title>Night ferry extended</title>",
           "<ol class=\"posts\"><li><h2>Night ferry extended</h2><p class=\"byline\">By <a href=\"/u/m\">"
           "Mirela Dunn</a></p>" +
               prose(4) + "</li></ol>"));
  EXPECT_EQ(article.authors, Names{"Mirela Dunn"});
}

TEST(BylineAuthors, LeadOnlyBylineElementTakesTheNameThatFollows) {
  EXPECT_EQ(extracted(story("<p><span class=\"byline-author\">Posted by&nbsp;</span><span>Oskar Lind, "
                            "Product Manager</span></p>"))
                .authors,
            Names{"Oskar Lind"});
}

TEST(BylineAuthors, BylineReadPastAnIconAndInsideAWrapper) {
  EXPECT_EQ(
      extracted(story("<div class=\"meta\"><a href=\"#\"><img src=\"/clip.png\" alt=\"\"></a> Posted March "
                      "4th, 2025 / By <a href=\"/u/i\">Ines Moreau</a></div>"))
          .authors,
      Names{"Ines Moreau"});
  // The author's handle after the name is not part of it.
  EXPECT_EQ(extracted(story("<p><strong>By Kim Vale @kimvale</strong></p>")).authors, Names{"Kim Vale"});
}

TEST(BylineAuthors, DateLeadOnItsOwnSourceLine) {
  EXPECT_EQ(
      extracted(story("<p class=\"byline\">\n <span class=\"time\"><span>Mar</span> <span>04</span></span>\n"
                      " by <a href=\"/u/a\">Andy Hale</a>\n</p>"))
          .authors,
      Names{"Andy Hale"});
}

TEST(BylineAuthors, FiledUnderEndsTheNames) {
  EXPECT_EQ(
      extracted(story("<div class=\"postMetaBot\">Written by <a href=\"/u/c\">Clark</a>&nbsp;filed under "
                      "<a href=\"/c/g\">General Finance</a></div>"))
          .authors,
      Names{"Clark"});
}

TEST(BylineAuthors, SubmittedByIsALead) {
  EXPECT_EQ(
      extracted(story("<div class=\"submitted\">Submitted by Nils Aberg on Tue, 03/04/2025 - 3:04pm</div>"))
          .authors,
      Names{"Nils Aberg"});
}

TEST(BylineAuthors, BareStaffIsNoName) {
  EXPECT_EQ(
      extracted(story("<div class=\"meta\">Jan 12, 2025 by <a href=\"/t/staff\">Staff</a>, The Herald</div>"))
          .authors,
      Names{});
}

TEST(BylineAuthors, WireSignOffNamesTheReporterNotTheEditors) {
  const auto signed_off = [](std::string_view signoff) {
    return extracted(
        page("<title>Night ferry extended</title>", "<article><h1>Night ferry extended</h1>" + prose(4) +
                                                        "<p>The board meets again in April. " +
                                                        std::string(signoff) + "</p></article>"));
  };
  EXPECT_EQ(signed_off("(Reporting by Tarik Halloran and Ida Berg in Lisbon; Editing by Vera Dunne)").authors,
            (Names{"Tarik Halloran", "Ida Berg"}));
  EXPECT_EQ(signed_off("(Additional reporting by Ida Berg; Editing by Vera Dunne)").authors, Names{});
  // A byline comes first.
  EXPECT_EQ(extracted(story("<p class=\"byline\">By Mirela Dunn</p>") +
                      "<p>(Reporting by Tarik Halloran; Editing by Vera Dunne)</p>")
                .authors,
            Names{"Mirela Dunn"});
}

TEST(BylineAuthors, NewsMarkupBylineElement) {
  EXPECT_EQ(extracted(story("<byline>Petra Novak, Lisbon</byline><br><span>March 4, 2025</span>")).authors,
            Names{"Petra Novak"});
}

TEST(BylineAuthors, AuthorBoxNameOverJobTitle) {
  EXPECT_EQ(
      extracted(story("<div class=\"author\"><a href=\"/u/l\">Leon Brandt</a><div>Transport Editor</div>"
                      "</div>"))
          .authors,
      Names{"Leon Brandt"});
  // A second line that is no job title: not read as a name box.
  EXPECT_EQ(
      extracted(story("<div class=\"author\"><a href=\"/u/l\">Leon Brandt</a><div>Follow him for updates"
                      "</div></div>"))
          .authors,
      Names{});
}

TEST(BylineAuthors, JobInASpanOfItsOwnIsNoPartOfTheName) {
  // The style sheet sets the job on a line of its own; the markup has no
  // space between the two spans.
  EXPECT_EQ(
      extracted(
          story("<div class=\"byline__text\"><a href=\"/about/leon-brandt\"><span class=\"byline__author\">"
                "<span class=\"byline__name\">Leon Brandt</span><span class=\"byline__title\">CEO</span>"
                "</span></a></div>"))
          .authors,
      Names{"Leon Brandt"});
}

TEST(BylineAuthors, BylinesInOtherLanguages) {
  // The page's language brings its word for "and"...
  EXPECT_EQ(
      extracted(story("<p class=\"firma\">Por Ana Gómez, Luis Pérez y Rosa Díaz</p>", "", " lang=\"es\""))
          .authors,
      (Names{"Ana Gómez", "Luis Pérez", "Rosa Díaz"}));
  EXPECT_EQ(extracted(story("<p class=\"autore\">Di Marco Ferri e Anna Bellini</p>", "", " lang=\"it-IT\""))
                .authors,
            (Names{"Marco Ferri", "Anna Bellini"}));
  EXPECT_EQ(
      extracted(story("<p class=\"autor\">Von Hans Brenner und Eva Schulte</p>", "", " lang=\"de\"")).authors,
      (Names{"Hans Brenner", "Eva Schulte"}));
  // ... and so does a lead only one language uses, where the page does not say.
  EXPECT_EQ(extracted(story("<p class=\"signature\">Par Jean Dupont et Marie Lenoir</p>")).authors,
            (Names{"Jean Dupont", "Marie Lenoir"}));
  // Elsewhere "y" stays a name's particle and "Di" a surname.
  EXPECT_EQ(extracted(story("<p class=\"byline\">By José Ortega y Gasset</p>", "", " lang=\"en\"")).authors,
            Names{"José Ortega y Gasset"});
  EXPECT_EQ(
      extracted(story("<p class=\"intro\">Di Marco Ferri e Anna Bellini</p>", "", " lang=\"en\"")).authors,
      Names{});
}

TEST(BylineAuthors, MetaAuthorListSplitAtSemicolons) {
  const auto with_meta_author = [](std::string_view value) {
    return extracted(page(
        "<title>Night ferry extended</title><meta name=\"author\" content=\"" + std::string(value) + "\">",
        "<article><h1>Night ferry extended</h1>" + prose(4) + "</article>"));
  };
  EXPECT_EQ(with_meta_author("Hanna Ekberg;Milo Varga").authors, (Names{"Hanna Ekberg", "Milo Varga"}));
  // A one-word part after the first is the name's degree or suffix.
  EXPECT_EQ(with_meta_author("Hanna Ekberg; M.D.").authors, Names{"Hanna Ekberg"});
}

TEST(BylineAuthors, OneWordSiteNameInAuthorMarkupGivesWayToTheByline) {
  const auto titled = [](std::string_view title, std::string_view marked) {
    return extracted(page("<title>" + std::string(title) + "</title>",
                          "<div class=\"post\"><span class=\"author\">" + std::string(marked) +
                              "</span><p>By Daniel Okafor</p>" + prose(4) + "</div>"));
  };
  EXPECT_EQ(titled("Night ferry extended | Tidewater", "Tidewater").authors, Names{"Daniel Okafor"});
  // A person's full name in the <title> is often the blog's author: it stays.
  EXPECT_EQ(titled("Night ferry extended - Jane Roe - Tidewater", "Jane Roe").authors, Names{"Jane Roe"});
  // With no other name the site's stands in, as before.
  EXPECT_EQ(
      extracted(page("<title>Night ferry extended | Tidewater</title>",
                     "<div class=\"post\"><span class=\"author\">Tidewater</span>" + prose(4) + "</div>"))
          .authors,
      Names{"Tidewater"});
}

TEST(BylineAuthors, NewsroomAfterTheReportersNameGoes) {
  EXPECT_EQ(extracted(story("<p class=\"byline\">By DANICA VALE Associated Press</p>")).authors,
            Names{"DANICA VALE"});
  // A meta author that names the newsroom after the reporter.
  EXPECT_EQ(extracted(page("<title>Night ferry extended</title><meta name=\"author\" content=\"Jo Aleccia, "
                           "Harbour News\">",
                           "<article><h1>Night ferry extended</h1>" + prose(4) + "</article>"))
                .authors,
            Names{"Jo Aleccia"});
  // The wire service alone stands in for a person.
  EXPECT_EQ(extracted(story("<p class=\"byline\">By The Associated Press</p>")).authors,
            Names{"The Associated Press"});
}

TEST(BylineAuthors, MarkedNamesOfOneBylineOnly) {
  // rel=author on every writer's link: the story's co-authors stand together;
  // a teaser's writer after the story is another story's.
  const auto article = extracted(page(
      "<title>Night ferry extended</title>",
      "<article><h1>Night ferry extended</h1><p>By <a rel=\"author\" href=\"/u/m\">Mirela Dunn</a> and <a "
      "rel=\"author\" href=\"/u/o\">Oskar Lind</a></p>" +
          prose(4) +
          "</article><div class=\"more\"><h3><a href=\"/b\">A winter of repairs on the eastern "
          "pier</a></h3>By <a "
          "rel=\"author\" href=\"/u/g\">Gustav Rehn</a></div>"));
  EXPECT_EQ(article.authors, (Names{"Mirela Dunn", "Oskar Lind"}));
}

}  // namespace
