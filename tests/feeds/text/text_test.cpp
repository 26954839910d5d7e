// decode_entities, collapse_whitespace, html_to_plain_text, repair_utf8.
#include "feeds/text.h"

#include <gtest/gtest.h>

namespace {

using feeds::collapse_whitespace;
using feeds::decode_entities;
using feeds::html_to_plain_text;
using feeds::repair_utf8;

TEST(DecodeEntities, BasicNamedReferences) {
  EXPECT_EQ(decode_entities("AT&amp;T &lt;b&gt; &quot;q&quot; &apos;a&apos;"), "AT&T <b> \"q\" 'a'");
}

TEST(DecodeEntities, Html5OnlyNamesFromTheFullTable) {
  EXPECT_EQ(decode_entities("&hellip;&mdash;&rsquo;&NewLine;&Cfr;&bigstar;"),
            "\xE2\x80\xA6\xE2\x80\x94\xE2\x80\x99\n\xE2\x84\xAD\xE2\x98\x85");
  EXPECT_EQ(decode_entities("&zwnj;&zwj;&nbsp;"), "\xE2\x80\x8C\xE2\x80\x8D\xC2\xA0");
}

TEST(DecodeEntities, NamesWithTwoCodePoints) {
  // &NotEqualTilde; is U+2242 U+0338
  EXPECT_EQ(decode_entities("&NotEqualTilde;"), "\xE2\x89\x82\xCC\xB8");
}

TEST(DecodeEntities, FirstAndLastNamesOfTheTable) {
  EXPECT_EQ(decode_entities("&AElig;"), "\xC3\x86");
  EXPECT_EQ(decode_entities("&zwnj;"), "\xE2\x80\x8C");
  EXPECT_EQ(decode_entities("&AMP;"), "&");
}

TEST(DecodeEntities, LegacyNamesWithoutSemicolon) {
  EXPECT_EQ(decode_entities("&amp &copy 2025 &eacute"), "& \xC2\xA9 2025 \xC3\xA9");
  EXPECT_EQ(decode_entities("Fish &amp Chips"), "Fish & Chips");
}

TEST(DecodeEntities, NonLegacyNamesNeedTheSemicolon) {
  EXPECT_EQ(decode_entities("&hellip and"), "&hellip and");
  EXPECT_EQ(decode_entities("&mdash"), "&mdash");
}

TEST(DecodeEntities, LegacyPrefixFollowedByAlphanumericIsLeftAlone) {
  // As HTML5 does in attribute values: query strings survive.
  EXPECT_EQ(decode_entities("?id=5&section=news&copy=1"), "?id=5&section=news&copy=1");
  EXPECT_EQ(decode_entities("&notit"), "&notit");
}

TEST(DecodeEntities, UnknownNamesAreLeftAsWritten) {
  EXPECT_EQ(decode_entities("&bogus; & &; &#; &#x; AT&T"), "&bogus; & &; &#; &#x; AT&T");
}

TEST(DecodeEntities, NumericReferences) {
  EXPECT_EQ(decode_entities("&#65;&#x42;&#X43;&#0000068;"), "ABCD");
  EXPECT_EQ(decode_entities("&#1055;&#x440;&#x438;"), "\xD0\x9F\xD1\x80\xD0\xB8");
  EXPECT_EQ(decode_entities("&#128512;"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_entities("&#65 &#x42"), "A B");  // ';' optional
}

TEST(DecodeEntities, InvalidCodePointsBecomeReplacementCharacter) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(decode_entities("&#0;"), fffd);
  EXPECT_EQ(decode_entities("&#xD800;"), fffd);
  EXPECT_EQ(decode_entities("&#x110000;"), fffd);
  EXPECT_EQ(decode_entities("&#99999999999999999999;"), fffd);
}

TEST(DecodeEntities, C1ReferencesMeanWindows1252) {
  EXPECT_EQ(decode_entities("&#146;&#150;&#128;"), "\xE2\x80\x99\xE2\x80\x93\xE2\x82\xAC");
}

TEST(DecodeEntities, DoubleEscapingUndoneWithRounds) {
  EXPECT_EQ(decode_entities("AT&amp;amp;T"), "AT&amp;T");
  EXPECT_EQ(decode_entities("AT&amp;amp;T", 2), "AT&T");
  EXPECT_EQ(decode_entities("&amp;amp;amp;", 2), "&amp;");
  EXPECT_EQ(decode_entities("&amp;amp;amp;", 5), "&");
  EXPECT_EQ(decode_entities("&amp;lt;p&amp;gt;", 2), "<p>");
  EXPECT_EQ(decode_entities("&amp;", 0), "&amp;");
}

TEST(DecodeEntities, TextWithoutReferencesIsUnchanged) {
  EXPECT_EQ(decode_entities(""), "");
  EXPECT_EQ(decode_entities("plain \xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82"),
            "plain \xD1\x82\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82");
  EXPECT_EQ(decode_entities("trailing &"), "trailing &");
}

TEST(CollapseWhitespace, AsciiRunsAndTrim) {
  EXPECT_EQ(collapse_whitespace("  a \t\n b\r\n\fc  "), "a b c");
  EXPECT_EQ(collapse_whitespace(""), "");
  EXPECT_EQ(collapse_whitespace(" \n\t "), "");
}

TEST(CollapseWhitespace, UnicodeSpaces) {
  EXPECT_EQ(collapse_whitespace("a\xC2\xA0\xC2\xA0"
                                "b"),
            "a b");  // NBSP
  EXPECT_EQ(collapse_whitespace("a\xE2\x80\x83"
                                "b\xE2\x80\xAF"
                                "c\xE3\x80\x80"
                                "d"),
            "a b c d");
  EXPECT_EQ(collapse_whitespace("\xE2\x80\xA8"
                                "a\xE2\x80\xA9"),
            "a");  // line/paragraph separators
  // Other characters of the U+2000 block that are not spaces stay.
  EXPECT_EQ(collapse_whitespace("a\xE2\x80\x94"
                                "b"),
            "a\xE2\x80\x94"
            "b");
}

TEST(HtmlToPlainText, StripsTagsAndDecodes) {
  EXPECT_EQ(html_to_plain_text("<b>Breaking</b>: Kyiv &amp; Lviv"), "Breaking: Kyiv & Lviv");
  EXPECT_EQ(html_to_plain_text("<p>One</p><p>Two</p>"), "One Two");
  EXPECT_EQ(html_to_plain_text("Hel<i>lo</i>"), "Hello");
  EXPECT_EQ(html_to_plain_text("a<br>b<br/>c"), "a b c");
}

TEST(HtmlToPlainText, DoubleEscapedTitles) {
  EXPECT_EQ(html_to_plain_text("AT&amp;amp;T"), "AT&T");
  EXPECT_EQ(html_to_plain_text("Tom &amp;amp; Jerry&amp;#8217;s"), "Tom & Jerry\xE2\x80\x99s");
}

TEST(HtmlToPlainText, ScriptsStylesAndCommentsDisappear) {
  EXPECT_EQ(html_to_plain_text("a<script>alert('x<b>')</script>b<style>p{}</style>c<!-- note -->d"), "abcd");
  EXPECT_EQ(html_to_plain_text("<SCRIPT type=x>bad()</SCRIPT >ok"), "ok");
  EXPECT_EQ(html_to_plain_text("x<script>never closed"), "x");
}

TEST(HtmlToPlainText, LessThanThatIsNotATag) {
  EXPECT_EQ(html_to_plain_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
  EXPECT_EQ(html_to_plain_text("a <"), "a <");
  EXPECT_EQ(html_to_plain_text("&lt;b&gt;escaped&lt;/b&gt;"), "<b>escaped</b>");
}

TEST(HtmlToPlainText, QuotedGreaterThanInAttribute) {
  EXPECT_EQ(html_to_plain_text("<a title=\"x > y\" href='/'>link</a> after"), "link after");
}

TEST(HtmlToPlainText, CdataKeptAsText) {
  EXPECT_EQ(html_to_plain_text("<![CDATA[Title & more]]>"), "Title & more");
}

TEST(HtmlToPlainText, WhitespaceAndNbspCollapsed) {
  EXPECT_EQ(html_to_plain_text("  <p>\n  Hello&nbsp;&nbsp;world \n</p> "), "Hello world");
}

TEST(RepairUtf8, ValidTextUntouched) {
  std::string text = "ok \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x98\x80";
  std::string copy = text;
  EXPECT_EQ(repair_utf8(text), 0u);
  EXPECT_EQ(text, copy);
}

TEST(RepairUtf8, InvalidSequencesReplaced) {
  std::string text =
      "a\xFF"
      "b\xC3"
      "c\xE2\x82"
      "d\xED\xA0\x80"
      "e\xC0\xAF"
      "f";
  EXPECT_EQ(repair_utf8(text), 8u);
  EXPECT_EQ(text,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD"
            "d\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
            "e\xEF\xBF\xBD\xEF\xBF\xBD"
            "f");
}

TEST(RepairUtf8, TruncatedAtEnd) {
  std::string text = "end\xF0\x9F\x98";
  EXPECT_EQ(repair_utf8(text), 1u);
  EXPECT_EQ(text, "end\xEF\xBF\xBD");
}

TEST(RepairUtf8, OutOfRangeFourByte) {
  std::string text = "\xF4\x90\x80\x80";
  EXPECT_EQ(repair_utf8(text), 4u);
}

}  // namespace
