// Authors on modern news pages (issue 16, item 8, seventh round): the
// publisher or a login name given as the meta author stands in only when
// the page names no person; a byline's lead, names and trailing words read
// where the markup glues or wraps them.
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

// A story with `head` in its <head>, `header` under its headline and
// `before` before it.
std::string story(std::string_view head, std::string_view header = "", std::string_view before = "") {
  return page(
      "<title>Night ferry extended</title><meta property=\"og:site_name\" content=\"Harbour Herald\">" +
          std::string(head),
      std::string(before) + "<article><header><h1>Night ferry extended</h1>" + std::string(header) +
          "</header>" + prose(4) + "</article>");
}

TEST(PublisherAsMetaAuthor, CopyrightHolderGivesWayToTheNextMetaKey) {
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Lindqvist Media\">"
                            "<meta name=\"copyright\" content=\"Copyright (c) Lindqvist Media 2024\">"
                            "<meta name=\"article:author\" content=\"Teodora Vance\">"))
                .authors,
            Names{"Teodora Vance"});
}

TEST(PublisherAsMetaAuthor, CopyrightHolderStandsInWhenNoPersonIsNamed) {
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Lindqvist Media\">"
                            "<meta name=\"copyright\" content=\"Copyright (c) Lindqvist Media 2024\">"))
                .authors,
            Names{"Lindqvist Media"});
}

TEST(PublisherAsMetaAuthor, PersonWhoHoldsTheCopyrightIsStillTheAuthor) {
  // A personal blog: the writer holds the copyright and is the meta author.
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Jane Holm\">"
                            "<meta name=\"copyright\" content=\"(c) 2024 Jane Holm\">"))
                .authors,
            Names{"Jane Holm"});
}

TEST(PublisherAsMetaAuthor, CopyrightMatchesWholeWordsOnly) {
  // "Anna Berg" is not the holder "Anna Bergström".
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Anna Berg\">"
                            "<meta name=\"copyright\" content=\"Copyright Anna Bergstrom AB\">",
                            "<p class=\"byline\">By Tomas Wik</p>"))
                .authors,
            Names{"Anna Berg"});
}

TEST(PublisherAsMetaAuthor, SiteStaffGivesWayToTheByline) {
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Harbour Herald Staff\">",
                            "<div class=\"byline\">By <a href=\"/u/r\" rel=\"author\">Ruben Aalto</a></div>"))
                .authors,
            Names{"Ruben Aalto"});
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Harbour Herald Staff\">")).authors,
            Names{"Harbour Herald Staff"});
}

TEST(PublisherAsMetaAuthor, SiteStaffDoesNotGiveWayToASidebarOfBylines) {
  // A sidebar lists the blogs' latest posts, each with its byline, before
  // the story: on a page of byline after byline the first is no more the
  // story's than the publisher the meta author names.
  std::string sidebar = "<div class=\"blogs\">";
  for (const char* blog : {"Tides", "Rails", "Roads", "Ports", "Bridges", "Ferries"})
    sidebar += std::string("<p><a href=\"/b\">") + blog +
               "</a> <span class=\"blog-byline\">| <a href=\"/u/t\">" + "Tomas Wik</a></span></p>";
  sidebar += "</div>";
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Harbour Herald Editors\">",
                            "<p class=\"blog-byline\">By Harbour Herald Editors</p>", sidebar))
                .authors,
            Names{"Harbour Herald Editors"});
  // One byline, the story's, names the writer.
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Harbour Herald Editors\">",
                            "<p class=\"byline\">By Tomas Wik</p>"))
                .authors,
            Names{"Tomas Wik"});
}

TEST(PublisherAsMetaAuthor, LoginNameGivesWayToTheByline) {
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"mkastner\">",
                            "<p class=\"byline\">By Mara Kastner | mkastner@harbourherald.example</p>"))
                .authors,
            Names{"Mara Kastner"});
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"mkastner\">")).authors, Names{"mkastner"});
}

TEST(BylineText, LeadInItsOwnElementEndsThere) {
  EXPECT_EQ(extracted(story("", "<a class=\"story-meta__author\" href=\"/u/i\"><span>By</span>Ivo Marsh</a>"))
                .authors,
            Names{"Ivo Marsh"});
  // A name that merely starts with the letters of a lead is no lead's.
  EXPECT_EQ(extracted(story("", "<p class=\"byline\">By <span>Byron</span> Hale</p>")).authors,
            Names{"Byron Hale"});
}

TEST(BylineText, NameListWrappedInsideItsLastNameIsWhole) {
  EXPECT_EQ(extracted(story("", "<div class=\"byline\"><span>by SANNA LUND and ELIF\n     KAYA</span></div>"))
                .authors,
            (Names{"SANNA LUND", "ELIF KAYA"}));
}

TEST(BylineText, AffiliationOnTheNextSourceLineStaysApart) {
  // A name of two words ends its line; the wire's name and a job title follow.
  EXPECT_EQ(extracted(story("", "<p>\nBy Tom Hale \nHarbour Wire Contributing Writer</p>")).authors,
            Names{"Tom Hale"});
}

TEST(BylineText, PublishedAfterTheNameIsNotPartOfIt) {
  EXPECT_EQ(extracted(story("",
                            "<div class=\"info\"><span>By <a href=\"/u/n\"> Nadia Holm </a></span> <span> "
                            "Published in <a href=\"/s/h\">Harbour</a></span></div>"))
                .authors,
            Names{"Nadia Holm"});
  EXPECT_EQ(extracted(story("", "<p class=\"byline\">By Nadia Holm Updated March 4, 2025</p>")).authors,
            Names{"Nadia Holm"});
}

TEST(BylineText, DeskInParenthesesGluedToTheNameGoes) {
  EXPECT_EQ(
      extracted(
          story("", "<p class=\"meta\">Par <a href=\"/u/l\">Lucie Morel<span>(Lyon, bureau)</span></a></p>"))
          .authors,
      Names{"Lucie Morel"});
}

TEST(WrittenByLabel, NamesTheWriterWhenThePageShowsNone) {
  EXPECT_EQ(extracted(story("<meta name=\"twitter:label1\" content=\"Written by\">"
                            "<meta name=\"twitter:data1\" content=\"Ines Farrow\">"))
                .authors,
            Names{"Ines Farrow"});
  // Another label's data is no name.
  EXPECT_EQ(extracted(story("<meta name=\"twitter:label1\" content=\"Reading time\">"
                            "<meta name=\"twitter:data1\" content=\"Four Minutes\">"))
                .authors,
            Names{});
}

TEST(WrittenByLabel, GivesWayToTheBylineTheReaderSees) {
  EXPECT_EQ(extracted(story("<meta name=\"twitter:label1\" content=\"Written by\">"
                            "<meta name=\"twitter:data1\" content=\"Ines Farrow\">",
                            "<p class=\"byline\">By Duncan Reeve</p>"))
                .authors,
            Names{"Duncan Reeve"});
}

TEST(AuthorNameClass, ClassWordsThatPairAuthorOrWriterWithName) {
  for (const char* cls : {"authorname-txt", "author-card__details__name", "tc_meta-writer-name", "writer"}) {
    EXPECT_EQ(extracted(story("", std::string("<span class=\"") + cls + "\">Selma Brandt</span>")).authors,
              Names{"Selma Brandt"})
        << cls;
  }
  // A name class without the author's word is anyone's (a place, a product).
  EXPECT_EQ(extracted(story("", "<span class=\"place-name\">Port Ellen</span>")).authors, Names{});
  // A comment's author stays a reader.
  EXPECT_EQ(extracted(story("",
                            "<div class=\"comments\"><span class=\"comment-authorname\">Selma Brandt</span>"
                            "</div>"))
                .authors,
            Names{});
}

TEST(BylineLabel, JapaneseAndChineseLabelsAreLeadsNotNames) {
  EXPECT_EQ(extracted(story("", "<p class=\"author\"><a>文● 森田ハル／港湾ニュース編集部</a></p>")).authors,
            Names{"森田ハル"});
  EXPECT_EQ(extracted(story("", "<div class=\"byline\">著者：後藤ハル</div>")).authors, Names{"後藤ハル"});
  EXPECT_EQ(extracted(story("", "<div class=\"byline\">作者：谢小河</div>")).authors, Names{"谢小河"});
  EXPECT_EQ(extracted(story("", "<div class=\"byline\">By Kenji Mori（kmori）</div>")).authors,
            Names{"Kenji Mori"});
}

TEST(IndexOrderMetaAuthor, TurnedWhenTheBylineWritesItSo) {
  EXPECT_EQ(extracted(story("<meta name=\"parsely-author\" content=\"Gillan, Stefan\">",
                            "<p class=\"author-name\">by <a href=\"/u/s\">Stefan Gillan</a></p>"))
                .authors,
            Names{"Stefan Gillan"});
  // Unconfirmed by the page, the meta author stays as it is: "Holm, Wik"
  // may be two surnames as well as one name turned.
  EXPECT_EQ(extracted(story("<meta name=\"parsely-author\" content=\"Gillan, Stefan\">")).authors,
            Names{"Gillan, Stefan"});
  // Not one word on each side of the comma: no name in an index's order.
  EXPECT_EQ(extracted(story("<meta name=\"author\" content=\"Stefan Gillan, Reuters\">",
                            "<p class=\"byline\">By Reuters Stefan Gillan</p>"))
                .authors,
            Names{"Stefan Gillan"});
}

}  // namespace
