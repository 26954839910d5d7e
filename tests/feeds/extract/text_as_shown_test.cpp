// The text says what the page shows, character for character: a sentence
// quoted from the page must be found in it. A numeric reference to a C1
// control is windows-1252's character, a smiley drawn as a picture is its
// alt text, and text clipped to nothing is for screen readers only.
#include <gtest/gtest.h>

#include <string>

#include "feeds/extract.h"

namespace {

feeds::Article extracted(const std::string& story) {
  const std::string page =
      "<html><head><title>Wal-Mart&#146;s player</title></head><body><article><h1>Wal-Mart&#146;s "
      "player</h1>" +
      story +
      "<p>Another paragraph of the story follows here, with commas, clauses, and a full stop, so that "
      "the page holds prose enough to be an article.</p></article></body></html>";
  return feeds::extract_article(page).value();
}

TEST(TextAsShown, NumericReferencesToC1ControlsAreWindows1252) {
  const auto article = extracted(
      "<p class=\"byline\">By Sean O&#146;Neil</p><p>Hill said he declined Wal-Mart&#146;s offer to replace "
      "the player &#151; the theory being that a new one would fail the same way, he told the paper on "
      "Monday.</p>");
  EXPECT_NE(article.text.find("declined Wal-Mart\u2019s offer"), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("the player \u2014 the theory"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("\xC2\x92"), std::string::npos);
  ASSERT_EQ(article.authors.size(), 1u);
  EXPECT_EQ(article.authors[0], "Sean O\u2019Neil");
  EXPECT_EQ(article.title, "Wal-Mart\u2019s player");
}

TEST(TextAsShown, SmileysAndEmojiDrawnAsPicturesAreTheirCharacters) {
  const auto article = extracted(
      "<p>It turned out to look pretty good, all is NOT lost! <img src=\"/smilies/icon_smile.gif\" "
      "alt=\":)\" "
      "class=\"wp-smiley\" /> It was a fun one to bake <img draggable=\"false\" role=\"img\" class=\"emoji\" "
      "alt=\"\U0001F600\" src=\"/72x72/1f600.png\"> and the family ate it all on the same evening.</p>"
      "<p>The recipe comes from my grandmother <img class=\"wp-smiley\" alt=\"smile\" src=\"/s.gif\"> and "
      "a photo of the cake <img src=\"/cake.jpg\" alt=\"A cake\"> is below, with the notes she wrote.</p>");
  EXPECT_NE(article.text.find("all is NOT lost! :) It was a fun one to bake \U0001F600 and the family"),
            std::string::npos)
      << article.text;
  // A name is no character, and a photo's alt is no part of the sentence.
  EXPECT_NE(article.text.find("my grandmother and a photo of the cake is below"), std::string::npos)
      << article.text;
}

TEST(TextAsShown, TextClippedToNothingIsForScreenReadersOnly) {
  const auto article = extracted(
      "<p>The footage was analysed by the Netherlands Organisation for Applied Scientific Research, "
      "<a href=\"https://example.org/report\">click here<span style=\"border:0;clip:rect(0 0 0 0);"
      "clip-path:inset(50%);height:1px;margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px;"
      "white-space:nowrap\">, opens new tab</span></a>, and by the paper's own reporters.</p>");
  EXPECT_NE(article.text.find("click here, and by the paper"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("opens new tab"), std::string::npos) << article.text;
}

TEST(TextAsShown, ACustomPropertyNamedLikeDisplayHidesNothing) {
  // Obsidian Publish sets "--footer-display: none" on the box around the
  // whole page, for its style sheet to read: the page is shown.
  const auto shown =
      feeds::extract_article(
          "<html><head><title>T</title></head><body><div class=\"published-container\" "
          "style=\"--footer-display: none; --graph-controls-display: none;\"><article><p>If you "
          "know TypeScript or CSS, you can write your own plugins and themes, and share them "
          "with everyone.</p><p>The developer documentation has more, with examples, guides "
          "and a reference of the whole interface.</p><p style=\"DISPLAY: None !important\">A "
          "box a script shows later, with a sentence of its own that no one sees yet.</p>"
          "</article></div></body></html>")
          .value();
  EXPECT_NE(shown.text.find("write your own plugins"), std::string::npos) << shown.text;
  EXPECT_EQ(shown.text.find("A box a script shows later"), std::string::npos) << shown.text;
}

TEST(TextAsShown, CodeKeepsItsLinesAndLosesItsLineNumbers) {
  const auto article = extracted(
      "<p>First, import the required modules, then define the model as the guide does below.</p>"
      "<div class=\"highlight\"><pre><span class=\"lineno\">1</span><span class=\"kn\">import</span> torch\n"
      "<span class=\"lineno\">2</span>\n<span class=\"lineno\">3</span><span class=\"k\">class</span> "
      "Model(nn.Module):\n<span class=\"lineno\">4</span>    def __init__(self):\n"
      "<span class=\"lineno\">5</span>        super().__init__()\n</pre></div>"
      "<table class=\"highlighttable\"><tr><td class=\"linenos\"><pre>10\n11</pre></td><td class=\"code\">"
      "<pre>x = 1\ny = 2</pre></td></tr></table>");
  EXPECT_NE(article.text.find("import torch\n\nclass Model(nn.Module):\n    def __init__(self):\n        "
                              "super().__init__()\n"),
            std::string::npos)
      << article.text;
  EXPECT_NE(article.text.find("x = 1\ny = 2"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("10"), std::string::npos) << article.text;
  EXPECT_EQ(article.text.find("1import"), std::string::npos) << article.text;

  // Rouge's gutter is a <pre class="lineno"> of its own; the code's <pre>
  // after it keeps its lines all the same.
  const auto rouge = extracted(
      "<p>First, import the required modules, then define the model as the guide does below.</p>"
      "<table class=\"rouge-table\"><tr><td><pre class=\"lineno\">7\n8</pre></td><td><pre>z = 1\nw = 2</pre>"
      "</td></tr></table><pre>a = 1\nb = 2</pre>");
  EXPECT_NE(rouge.text.find("z = 1\nw = 2"), std::string::npos) << rouge.text;
  EXPECT_NE(rouge.text.find("a = 1\nb = 2"), std::string::npos) << rouge.text;
  EXPECT_EQ(rouge.text.find("7\n8"), std::string::npos) << rouge.text;
}

}  // namespace
