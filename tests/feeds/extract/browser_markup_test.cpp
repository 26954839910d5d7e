// The page's markup read as a browser reads it: the slash on an HTML element
// that is not void is ignored (void elements, SVG and MathML, comments,
// script text and raw-text elements are left as written), "</br>" is a line
// break, and a noscript element's content is text no one sees.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "feeds/extract.h"
#include "feeds/testing/extract.h"

namespace {

std::string rewritten(std::string html) {
  return feeds::as_a_browser_reads_it(std::move(html));
}

TEST(SelfClosing, NonVoidElementsStayOpen) {
  EXPECT_EQ(rewritten("<li><a class=\"l\" href='/x' />Headline</a></li><div id=\"a\"/><p>x</p>"),
            "<li><a class=\"l\" href='/x' >Headline</a></li><div id=\"a\"><p>x</p>");
  EXPECT_EQ(rewritten("<span/>"), "<span>");
}

TEST(SelfClosing, ScriptAfterADroppedSlashEndsWhereItEnds) {
  // Once a slash is dropped, every later tag moves left as it is copied:
  // the script's end must still be found, and the slashes after it dropped.
  EXPECT_EQ(rewritten("<div/><script>var a = 1;</script><i class=\"icon\"/><style>p{}</style><b/>"),
            "<div><script>var a = 1;</script><i class=\"icon\"><style>p{}</style><b>");
}

TEST(SelfClosing, VoidForeignAndRawTextAreLeftAlone) {
  const std::string kept =
      "<br/><img src=\"/a.png\" /><META charset=utf-8/><svg><path d=\"M0\"/><g/></svg>"
      "<math><mi/></math><script src=\"/s.js\" /><script>if (a </b/>) x = '<div/>';</script>"
      "<!-- <div/> --><textarea>a <b/> c</textarea><a href=/x/>y</a>";
  EXPECT_EQ(rewritten(kept), kept);
}

TEST(SelfClosing, ClosingBrIsALineBreak) {
  EXPECT_EQ(rewritten("line one</br>line two</BR >three<svg></br></svg>"),
            "line one<br>line two<BR >three<svg></br></svg>");
  const auto article = feeds::extract_article(
                           "<html><head><title>T</title></head><body><article><p>The council met on Monday "
                           "evening to settle the plan.</br>Officials said the work would start in the "
                           "spring, after a long delay.</p><p>More text of the story follows here, with "
                           "commas, clauses, and a full stop.</p></article></body></html>")
                           .value();
  EXPECT_EQ(article.text.find("plan.Officials"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("Officials said the work"), std::string::npos) << article.text;
}

TEST(SelfClosing, SlashInsideAQuotedValueIsNoClose) {
  EXPECT_EQ(rewritten("<a title=\"x />\" href=\"/y\">z</a><p/>"), "<a title=\"x />\" href=\"/y\">z</a><p>");
}

TEST(SelfClosing, UnfinishedTagsAndStrayBracketsEndSafely) {
  EXPECT_EQ(rewritten("a < b and <div class=\"x"), "a < b and <div class=\"x");
  EXPECT_EQ(rewritten("<div/"), "<div/");
  EXPECT_EQ(rewritten("</div/><i/>"), "</div/><i>");
  EXPECT_EQ(rewritten(""), "");
}

TEST(SelfClosing, RelatedLinksSetSelfClosingAreLinks) {
  // The Times set its "Also in ..." lists as <a href=x />Headline</a>:
  // read with the slash, the headlines stood outside their links and the
  // list read as prose.
  std::string list = "<h3>Also in World News</h3><ul>";
  for (int i = 0; i < 4; ++i)
    list += "<li><a class=\"link-666\" href='/tol/news/article" + std::to_string(i) +
            ".ece' />Other headline " + std::to_string(i) + " about the talks</a></li>";
  list += "</ul>";
  std::string story;
  for (int i = 0; i < 5; ++i)
    story +=
        "<p>Paragraph " + std::to_string(i) +
        " of the story, in which officials said, after a long meeting, that the plan would go ahead.</p>";
  const auto article =
      feeds::extract_article(
          "<html><head><title>T</title><meta property=\"og:type\" content=\"article\"></head>"
          "<body><div class=\"article\">" +
          story + "<div class=\"puff\">" + list + "</div></div></body></html>")
          .value();
  EXPECT_EQ(article.text.find("Other headline"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("Paragraph 4 of the story"), std::string::npos) << article.text;
}

TEST(Noscript, ContentIsLeftOut) {
  EXPECT_EQ(rewritten("<noscript><div id=\"leftcont1\"></noscript><p>x</p>"),
            "<noscript></noscript><p>x</p>");
  EXPECT_EQ(rewritten("<NOSCRIPT class=n><img src=\"/a.png\"/></NoScript><div/>"),
            "<NOSCRIPT class=n></NoScript><div>");
  // No end tag: left to the parser, as nothing tells where the text would end.
  EXPECT_EQ(rewritten("<noscript><p>Turn on scripts"), "<noscript><p>Turn on scripts");
  EXPECT_EQ(rewritten("<script>document.write('<noscript>x</noscript>')</script>"),
            "<script>document.write('<noscript>x</noscript>')</script>");
}

TEST(Noscript, AnElementLeftOpenInsideKeepsThePage) {
  // Socialist Worker gave browsers without scripts the layout's column in a
  // noscript, left open as the script's document.write leaves it. libxml2
  // parsed it as markup: the column's div kept </noscript> from closing the
  // noscript, the whole page lay inside it, and nothing was extracted.
  std::string story;
  for (int i = 0; i < 5; ++i)
    story += "<p>Paragraph " + std::to_string(i) +
             " of the story, in which the speakers said, after a long meeting, that the tour would go "
             "ahead.</p>";
  const auto article =
      feeds::extract_article(
          "<html><head><title>Forums and events</title></head><body><script>document.write(\"<div "
          "id=leftcont>\")</script><noscript><div id=\"leftcont1\"></noscript><div id=\"main\">" +
          story + "</div></div></body></html>")
          .value();
  EXPECT_NE(article.text.find("Paragraph 4 of the story"), std::string::npos) << article.text;
}

}  // namespace
