// Hostile and broken pages: bounded time and memory, a result or a clear
// feeds::Error, never a crash.
#include <gtest/gtest.h>

#include <string>

#include "feeds/extract.h"
#include "feeds/text.h"

namespace {

using feeds::ErrorCode;
using feeds::extract_article;

bool valid_utf8(const std::string& text) {
  std::string copy = text;
  return feeds::repair_utf8(copy) == 0;
}

TEST(Robustness, HundredThousandNestedLevels) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page +=
      "<p>Deep inside, a paragraph of text that is long enough to be scored as prose, with commas, too.</p>";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "</body></html>";
  // libxml2 stops descending at its depth limit (no HTML_PARSE_HUGE); the
  // extractor's walks are iterative either way.
  auto extracted = extract_article(page);
  if (!extracted) {
    SUCCEED() << extracted.error().message;
    return;
  }
  const feeds::Article& article = *extracted;
  EXPECT_TRUE(valid_utf8(article.text));
  EXPECT_GE(article.confidence, 0.0);
  EXPECT_LE(article.confidence, 1.0);
}

TEST(Robustness, NestedInlineAndTableSoup) {
  std::string page = "<body>";
  for (int i = 0; i < 20000; ++i)
    page += (i % 3 == 0) ? "<b><i>" : (i % 3 == 1) ? "<table><tr><td>" : "<span>";
  page += "text";
  EXPECT_NO_THROW({
    auto article = extract_article(page).value();
    EXPECT_TRUE(valid_utf8(article.text));
  });
}

TEST(Robustness, FiftyMegabytePageIsRefusedWithAReason) {
  std::string page = "<html><body>";
  page.append(50u << 20, 'a');
  auto extracted = extract_article(page);
  ASSERT_FALSE(extracted.has_value()) << "a 50 MB page was accepted";
  EXPECT_EQ(extracted.error().code, ErrorCode::too_large);
  EXPECT_NE(extracted.error().message.find("limit"), std::string::npos) << extracted.error().message;
}

TEST(Robustness, LimitIsConfigurable) {
  const std::string page = "<html><body><p>" + std::string(3000, 'x') + "</p></body></html>";
  feeds::ExtractOptions small;
  small.max_bytes = 1000;
  EXPECT_FALSE(extract_article(page, small).has_value());
  EXPECT_TRUE(extract_article(page).has_value());
}

TEST(Robustness, GiantTextNode) {
  std::string page = "<html><body><article><p>";
  for (int i = 0; i < 400000; ++i) page += "word, ";  // 2.4 MB in one text node
  page += "</p></article></body></html>";
  auto article = extract_article(page).value();
  EXPECT_GT(article.word_count, 100000u);
  EXPECT_TRUE(valid_utf8(article.text));
}

TEST(Robustness, InvalidUtf8BecomesValidText) {
  std::string page =
      "<html><head><meta charset=\"utf-8\"></head><body><article><p>Valid start, then bad bytes: \xC3\x28 "
      "\xFF\xFE "
      "\xE2\x82 and an overlong \xC0\xAF sequence, and the paragraph goes on for a while so it is prose.</p>"
      "<p>A second paragraph, with commas, makes the article clear enough to be "
      "chosen.</p></article></body></html>";
  auto article = extract_article(page).value();
  EXPECT_TRUE(valid_utf8(article.text));
  EXPECT_TRUE(valid_utf8(article.html));
  EXPECT_NE(article.text.find("Valid start"), std::string::npos) << article.text;
}

TEST(Robustness, TagSoup) {
  const std::string page =
      "<html><body><<<>>><div<p>>broken <b><i>mis</b>nested</i></p></div></div></div></span>"
      "<table><tr><td><p>Cell text that goes on, with commas, for long enough to count as a paragraph of "
      "prose."
      "<li><li><ul></ol><p>Another <a href='x'>link</p></a><!-- unclosed comment <script>alert(1)</script>"
      "<p>After the comment";
  EXPECT_NO_THROW({
    auto article = extract_article(page).value();
    EXPECT_TRUE(valid_utf8(article.text));
    EXPECT_EQ(article.text.find("alert(1)"), std::string::npos);
  });
}

TEST(Robustness, UnreadableInputIsAnError) {
  EXPECT_EQ(extract_article("").error().code, ErrorCode::empty);
  EXPECT_EQ(extract_article("   \n\t ").error().code, ErrorCode::empty);
  EXPECT_EQ(extract_article(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)).error().code,
            ErrorCode::not_a_page);
  EXPECT_EQ(extract_article(std::string("GIF89a\x01\x00\x01\x00", 10)).error().code, ErrorCode::not_a_page);
  EXPECT_EQ(extract_article(std::string("abc\0def<html>", 13)).error().code, ErrorCode::not_a_page);
  EXPECT_EQ(extract_article("just some plain text without any markup at all").error().code,
            ErrorCode::not_a_page);
  auto pdf = extract_article("%PDF-1.7 ...");
  ASSERT_FALSE(pdf.has_value());
  EXPECT_NE(pdf.error().message.find("PDF"), std::string::npos);
}

TEST(Robustness, PageWithoutArticleGivesEmptyTextAndLowConfidence) {
  std::string page =
      "<html><head><title>Example News</title><meta property=\"og:type\" content=\"website\"></head><body>"
      "<nav><a href='/'>Home</a><a href='/world'>World</a></nav><main>";
  for (int i = 0; i < 12; ++i) {
    page += "<div class=\"teaser\"><h3><a href=\"/story-" + std::to_string(i) + "\">Headline number " +
            std::to_string(i) + " about the news</a></h3><p>A one-line teaser, with a comma, for story " +
            std::to_string(i) + ".</p></div>";
  }
  page += "</main></body></html>";
  auto article = extract_article(page).value();
  EXPECT_EQ(article.text, "");
  EXPECT_EQ(article.method, "none");
  EXPECT_LT(article.confidence, 0.3);
  EXPECT_EQ(article.title, "Example News");
}

TEST(Robustness, ErrorPage) {
  auto article = extract_article(
                     "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
                     "<p>The requested URL was not found on this server.</p></body></html>")
                     .value();
  EXPECT_EQ(article.text, "");
  EXPECT_LT(article.confidence, 0.3);
}

}  // namespace
