// sanitize_html: the allow-list, URL handling and XSS vectors.
#include "feeds/sanitize.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <string>

namespace {

using feeds::sanitize_html;
using feeds::SanitizeOptions;

std::string clean(std::string_view html, std::string_view base = "https://example.com/news/story.html") {
  SanitizeOptions options;
  options.base_url = base;
  return sanitize_html(html, options);
}

// The output must be well-formed: parse it as XML inside a root element.
bool well_formed(const std::string& html) {
  pugi::xml_document doc;
  std::string wrapped = "<root>" + html + "</root>";
  return doc.load_buffer(wrapped.data(), wrapped.size(), pugi::parse_default, pugi::encoding_utf8).status ==
         pugi::status_ok;
}

// Nothing that can run script may survive, whatever the spelling.
void expect_inert(const std::string& html) {
  std::string lower;
  for (char c : html) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(lower.find("<script"), std::string::npos) << html;
  EXPECT_EQ(lower.find("javascript:"), std::string::npos) << html;
  EXPECT_EQ(lower.find("vbscript:"), std::string::npos) << html;
  EXPECT_EQ(lower.find(" on"), std::string::npos) << html;  // no event handler attribute
  EXPECT_EQ(lower.find("<iframe"), std::string::npos) << html;
  EXPECT_EQ(lower.find("<svg"), std::string::npos) << html;
  EXPECT_EQ(lower.find("<style"), std::string::npos) << html;
  EXPECT_EQ(lower.find("style="), std::string::npos) << html;
  EXPECT_TRUE(well_formed(html)) << html;
}

TEST(Sanitize, KeepsTextStructure) {
  EXPECT_EQ(clean("<p>Hello <b>bold</b> and <em>em</em></p><ul><li>one</li><li>two</li></ul>"),
            "<p>Hello <b>bold</b> and <em>em</em></p><ul><li>one</li><li>two</li></ul>");
  EXPECT_EQ(clean("<h2>Title</h2><blockquote cite=\"/src\">q</blockquote><pre><code>x  y</code></pre>"),
            "<h2>Title</h2><blockquote cite=\"https://example.com/src\">q</blockquote><pre><code>x  "
            "y</code></pre>");
}

TEST(Sanitize, TopLevelTextIsNotWrapped) {
  EXPECT_EQ(clean("Just text"), "Just text");
  EXPECT_EQ(clean("Text with <i>markup</i> only"), "Text with <i>markup</i> only");
  EXPECT_EQ(clean(""), "");
}

TEST(Sanitize, LinksGetRelAndAbsoluteHref) {
  EXPECT_EQ(clean("<a href=\"/world/kyiv?x=1&amp;y=2\" target=\"_blank\" class=\"c\">Kyiv</a>"),
            "<a href=\"https://example.com/world/kyiv?x=1&amp;y=2\" rel=\"noopener noreferrer\">Kyiv</a>");
  EXPECT_EQ(clean("<a href=\"other.html#frag\">x</a>"),
            "<a href=\"https://example.com/news/other.html#frag\" rel=\"noopener noreferrer\">x</a>");
  EXPECT_EQ(clean("<a href=\"mailto:desk@example.com\">mail</a>"),
            "<a href=\"mailto:desk@example.com\" rel=\"noopener noreferrer\">mail</a>");
  EXPECT_EQ(clean("<a href=\"//cdn.example.org/a\">p</a>"),
            "<a href=\"https://cdn.example.org/a\" rel=\"noopener noreferrer\">p</a>");
}

TEST(Sanitize, RelativeUrlsStayRelativeWithoutBase) {
  EXPECT_EQ(sanitize_html("<img src=\"pic.jpg\" alt=\"A\">"), "<img src=\"pic.jpg\" alt=\"A\"/>");
}

TEST(Sanitize, ImagesAndFigures) {
  EXPECT_EQ(clean("<figure><img src=\"/i.jpg\" srcset=\"/i2.jpg 2x, https://x.org/i3.jpg 3x\" width=\"10\" "
                  "onload=\"x()\">"
                  "<figcaption>Cap</figcaption></figure>"),
            "<figure><img src=\"https://example.com/i.jpg\" srcset=\"https://example.com/i2.jpg 2x, "
            "https://x.org/i3.jpg 3x\" width=\"10\"/><figcaption>Cap</figcaption></figure>");
  EXPECT_EQ(clean("<picture><source srcset=\"/a.webp\" type=\"image/webp\"><img src=\"/a.jpg\"></picture>"),
            "<picture><source srcset=\"https://example.com/a.webp\" type=\"image/webp\"/>"
            "<img src=\"https://example.com/a.jpg\"/></picture>");
}

TEST(Sanitize, ImagesDroppedWhenNotWanted) {
  SanitizeOptions options;
  options.keep_images = false;
  EXPECT_EQ(sanitize_html("<figure><img src=\"/i.jpg\"><figcaption>Cap</figcaption></figure>", options),
            "Cap");
}

TEST(Sanitize, ImageWithoutUsableSourceDropped) {
  EXPECT_EQ(clean("<img src=\"javascript:alert(1)\">after"), "after");
  EXPECT_EQ(clean("<img alt=\"x\">after"), "after");
  EXPECT_EQ(clean("<source srcset=\"/a.webp\">x"), "x");  // outside <picture>
}

TEST(Sanitize, DataUrls) {
  EXPECT_EQ(clean("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"),
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\"/>");
  EXPECT_EQ(clean("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">"), "");
  EXPECT_EQ(clean("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>"),
            "<a rel=\"noopener noreferrer\">x</a>");
  EXPECT_EQ(clean("<a href=\"data:image/png;base64,AAAA\">x</a>"), "<a rel=\"noopener noreferrer\">x</a>");
}

TEST(Sanitize, ScriptAndStyleRemovedWithContent) {
  EXPECT_EQ(clean("a<script>alert('x')</script>b<style>body{color:red}</style>c"), "abc");
  EXPECT_EQ(clean("<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok"), "ok");
  EXPECT_EQ(clean("<script>document.write('<p>inner</p>')</script>ok"), "ok");
}

TEST(Sanitize, DangerousContainersRemovedWithContent) {
  EXPECT_EQ(clean("<iframe src=\"https://evil\">fallback</iframe>x"), "x");
  EXPECT_EQ(clean("<object data=\"x.swf\"><param name=a value=b>fb</object>x"), "x");
  EXPECT_EQ(clean("<embed src=\"x.swf\">x"), "x");
  EXPECT_EQ(
      clean("<form action=\"/steal\"><input name=p><button>Go</button><select><option>o</option></select>"
            "<textarea>t</textarea></form>x"),
      "x");
  EXPECT_EQ(clean("<noscript><img src=/track.gif></noscript>x"), "x");
  EXPECT_EQ(clean("<template><p>t</p></template>x"), "x");
  EXPECT_EQ(clean("<math><mi>x</mi></math>y"), "y");
}

TEST(Sanitize, SvgRemovedWithContent) {
  std::string out = clean("<svg onload=alert(1)><script>alert(2)</script><text>t</text></svg>after");
  EXPECT_EQ(out, "after");
}

TEST(Sanitize, EventHandlersAndStyleAttributesDropped) {
  EXPECT_EQ(clean("<p onclick=\"steal()\" style=\"position:fixed\" class=\"c\" id=\"i\" title=\"t\">x</p>"),
            "<p title=\"t\">x</p>");
  EXPECT_EQ(clean("<b ONMOUSEOVER=alert(1)>x</b>"), "<b>x</b>");
}

TEST(Sanitize, JavascriptUrlsInAllSpellings) {
  for (const char* vector :
       {"<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\" javascript:alert(1)\">x</a>", "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>", "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<a href=\"\x01javascript:alert(1)\">x</a>", "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href='javascript&colon;alert(1)'>x</a>", "<a href=javascript:alert(1)>x</a>"}) {
    std::string out = clean(vector);
    expect_inert(out);
    EXPECT_NE(out.find(">x</a>"), std::string::npos) << vector << " -> " << out;
  }
}

TEST(Sanitize, JavascriptInOtherUrlAttributes) {
  expect_inert(clean("<img src=\"javascript:alert(1)\" srcset=\"javascript:alert(2) 1x\">"));
  expect_inert(clean("<blockquote cite=\"javascript:alert(1)\">q</blockquote>"));
  expect_inert(clean("<img srcset=\"/ok.jpg 1x, javascript:alert(1) 2x\">"));
}

TEST(Sanitize, UnclosedAndMisnestedTagsAreBalanced) {
  std::string out = clean("<p>one <b>bold <i>both</b> italic? <div>block");
  EXPECT_TRUE(well_formed(out)) << out;
  out = clean("<ul><li>a<li>b</ul></p></div></span>tail");
  EXPECT_TRUE(well_formed(out)) << out;
  EXPECT_NE(out.find("tail"), std::string::npos);
  out = clean("<table><tr><td>1<td>2</table>");
  EXPECT_TRUE(well_formed(out)) << out;
}

TEST(Sanitize, CommentsAndCdataDropped) {
  EXPECT_EQ(clean("a<!-- <script>alert(1)</script> -->b"), "ab");
  std::string out = clean("a<![CDATA[<script>alert(1)</script>]]>b");
  expect_inert(out);
  out = clean("<!--[if IE]><script>alert(1)</script><![endif]-->ok");
  expect_inert(out);
  EXPECT_NE(out.find("ok"), std::string::npos);
}

TEST(Sanitize, NestedFormsRemoved) {
  std::string out = clean("<form><form><input value=\"x\"></form>inside</form>outside");
  expect_inert(out);
  EXPECT_EQ(out.find("<form"), std::string::npos);
  EXPECT_EQ(out.find("<input"), std::string::npos);
  EXPECT_NE(out.find("outside"), std::string::npos);
}

TEST(Sanitize, TextAndAttributesEscaped) {
  EXPECT_EQ(clean("5 &lt; 6 &amp; 7 &gt; 3"), "5 &lt; 6 &amp; 7 &gt; 3");
  EXPECT_EQ(clean("<p title='a \"quoted\" &lt;tag&gt;'>x</p>"),
            "<p title=\"a &quot;quoted&quot; &lt;tag&gt;\">x</p>");
  EXPECT_EQ(clean("caf&eacute; &nbsp;&mdash;"), "caf\xC3\xA9 \xC2\xA0\xE2\x80\x94");
}

TEST(Sanitize, UnknownElementsUnwrapped) {
  EXPECT_EQ(clean("<font color=red><center>Text</center></font><custom-el>more</custom-el>"), "Textmore");
  EXPECT_EQ(clean("<html><body><p>x</p></body></html>"), "<p>x</p>");
}

TEST(Sanitize, HeadAndTitleDropped) {
  std::string out =
      clean("<head><title>Page</title><meta charset=koi8-r><link rel=stylesheet href=x></head><p>body</p>");
  EXPECT_EQ(out.find("Page"), std::string::npos) << out;
  EXPECT_NE(out.find("<p>body</p>"), std::string::npos) << out;
  EXPECT_EQ(out.find("<meta"), std::string::npos);
}

TEST(Sanitize, MetaCharsetDoesNotSwitchEncoding) {
  EXPECT_EQ(clean("<meta charset=\"koi8-r\"><p>\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2</p>"),
            "<p>\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2</p>");
}

TEST(Sanitize, InvalidUtf8Repaired) {
  EXPECT_EQ(clean("<p>a\xFF"
                  "b \xD0\x9A</p>"),
            "<p>a\xEF\xBF\xBD"
            "b \xD0\x9A</p>");
}

TEST(Sanitize, BaseAndDuplicateAttributes) {
  EXPECT_EQ(clean("<a href=\"/1\" href=\"javascript:x\">x</a>"),
            "<a href=\"https://example.com/1\" rel=\"noopener noreferrer\">x</a>");
}

TEST(Sanitize, ControlCharactersAndNulDoNotLeak) {
  static constexpr char kInput[] =
      "<p>a\0b\x01"
      "c</p><p>after</p>";
  std::string out = clean(std::string(kInput, sizeof kInput - 1));
  EXPECT_TRUE(well_formed(out)) << out;
  EXPECT_NE(out.find("after"), std::string::npos);
}

TEST(Sanitize, EmptyHrefPointsAtTheBase) {
  EXPECT_EQ(clean("<a href>x</a>"),
            "<a href=\"https://example.com/news/story.html\" rel=\"noopener noreferrer\">x</a>");
}

TEST(Sanitize, ProtocolRelativeAndUppercaseSchemes) {
  EXPECT_EQ(clean("<img src=\"HTTPS://CDN.Example.com/A.JPG\">"),
            "<img src=\"https://cdn.example.com/A.JPG\"/>");
}

TEST(Sanitize, TablesKeepSpans) {
  EXPECT_EQ(clean("<table><tbody><tr><td colspan=\"2\" bgcolor=red>x</td></tr></tbody></table>"),
            "<table><tbody><tr><td colspan=\"2\">x</td></tr></tbody></table>");
}

TEST(Sanitize, TimeAndQuotes) {
  EXPECT_EQ(clean("<time datetime=\"2025-03-02T08:40:00Z\">today</time> <q cite=\"http://a.example/\">q</q>"),
            "<time datetime=\"2025-03-02T08:40:00Z\">today</time> <q cite=\"http://a.example/\">q</q>");
}

// The sanitiser wraps the input in an element of its own; text that happens to
// close it must not end the fragment early.
TEST(Sanitize, TextClosingTheWrapperKeepsWhatFollows) {
  EXPECT_EQ(clean("before</newsd-sanitized>after"), "beforeafter");
  EXPECT_EQ(clean("<p>a</NEWSD-SANITIZED >b <b>c</b></p>"), "<p>ab <b>c</b></p>");
  EXPECT_EQ(clean("<newsd-sanitized>x</newsd-sanitized>y"), "xy");
}

TEST(Sanitize, DeepNestingIsCappedButTextKept) {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "deep";
  std::string out = clean(deep);
  EXPECT_TRUE(well_formed(out));
  EXPECT_NE(out.find("deep"), std::string::npos);
  std::size_t opened = 0;
  for (std::size_t pos = 0; (pos = out.find("<div>", pos)) != std::string::npos; ++pos) ++opened;
  EXPECT_EQ(opened, 256u);
}

}  // namespace
