// Pull quotes: a sentence of the story set again in a box beside it. They go
// from the text when the story holds their words; quotes the story does not
// repeat (a letter, a tweet, a witness) stay, and so does the sentence
// itself in the story.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "feeds/extract.h"

namespace {

using feeds::extract_article;

constexpr std::string_view kStory =
    "<p>The harbour board met on Tuesday evening to settle the future of the old ferry pier, which has "
    "been closed since the storms of last winter.</p>"
    "<p>Engineers told the board, after a survey that took three months, that the timber piles could be "
    "saved if the work began before the autumn tides.</p>"
    "<p>\"We either repair it this year or we lose it for good,\" said Maria Olsen, who chairs the board, "
    "as residents applauded from the public gallery.</p>"
    "<p>The repairs will cost about two million, of which the city has promised half, and the rest is "
    "to come from a regional fund for coastal towns.</p>";

std::string page(const std::string& box, const std::string& after = "") {
  // The box stands before the paragraph whose quote it repeats.
  const std::size_t split = kStory.find("<p>\"We");
  return "<!DOCTYPE html><html><head><title>Pier</title><meta property=\"og:type\" "
         "content=\"article\"></head><body><main><article><div class=\"story-body\">" +
         std::string(kStory.substr(0, split)) + box + std::string(kStory.substr(split)) + after +
         "</div></article></main></body></html>";
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(PullQuotes, BoxRepeatingTheStoryGoesWithItsLabels) {
  // BBC's layout: a box with a "Start Quote" heading, the quote, an "End
  // Quote" label and the speaker, ahead of the paragraph it repeats.
  const std::string box =
      "<div class=\"story-feature narrow\"><h2 class=\"quote\">&ldquo;<span>Start Quote</span></h2>"
      "<blockquote><p>We either repair it this year or we lose it for good&rdquo;</p></blockquote>"
      "<span class=\"endquote\">End Quote</span><span class=\"quote-credit\">Maria Olsen</span></div>";
  const auto article = extract_article(page(box)).value();
  EXPECT_EQ(count(article.text, "We either repair it this year"), 1U) << article.text;
  EXPECT_EQ(article.text.find("Start Quote"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("End Quote"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("said Maria Olsen, who chairs the board"), std::string::npos) << article.text;
}

TEST(PullQuotes, NamedBoxWithAnEditedSentenceGoes) {
  // WordPress's pull-quote block. A pull quote trims its sentence: most of
  // its words in a row are the story's, not all of them.
  const std::string box =
      "<figure class=\"wp-block-pullquote\"><blockquote><p>The timber piles could be saved if the work "
      "began before the autumn tides</p><cite>The engineers</cite></blockquote></figure>";
  const auto article = extract_article(page(box)).value();
  EXPECT_EQ(count(article.text, "piles could be saved"), 1U) << article.text;
  EXPECT_NE(article.text.find("Engineers told the board"), std::string::npos) << article.text;
}

TEST(PullQuotes, QuoteTheStoryDoesNotRepeatStays) {
  const std::string letter =
      "<blockquote><p>Dear members of the board, the pier is where my grandfather landed his catch every "
      "morning for forty years. Please keep it.</p></blockquote>";
  const auto article = extract_article(page(letter)).value();
  EXPECT_NE(article.text.find("where my grandfather landed his catch"), std::string::npos) << article.text;
}

TEST(PullQuotes, DocumentQuotedAfterItsExcerptsKeepsBoth) {
  // Excerpts of a letter, then the whole letter: the quotes repeat each
  // other, not the story's own words, so neither goes.
  const std::string excerpt =
      "<blockquote><p>The pier is where my grandfather landed his catch every morning for forty "
      "years.</p></blockquote>";
  const std::string letter =
      "<p>The full letter, as it was read to the board:</p><blockquote><p>Dear members of the board, I write "
      "as one of the last of the old fishing families. The pier is where my grandfather landed his catch "
      "every morning for forty years. My father mended his nets on its steps, and I learned to swim from "
      "its end. Please keep it, whatever it costs, for the town would not be the town without "
      "it.</p></blockquote>";
  const auto article = extract_article(page(excerpt, letter)).value();
  EXPECT_EQ(count(article.text, "where my grandfather landed his catch"), 2U) << article.text;
}

TEST(PullQuotes, EmbeddedPostRepeatingTheStoryStays) {
  // A quoted post is part of the story (issue 16, item 7), even when the
  // story repeats what it says.
  const std::string post =
      "<blockquote class=\"twitter-tweet\"><p>The timber piles could be saved if the work began before the "
      "autumn tides.</p>&mdash; Harbour Board (@harbourboard) <a href=\"https://x.example/hb/1\">May 2, "
      "2025</a></blockquote>";
  const auto article = extract_article(page(post)).value();
  EXPECT_EQ(count(article.text, "piles could be saved"), 2U) << article.text;
}

}  // namespace
