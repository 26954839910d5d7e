// The sanitiser's fast path must agree with the general code byte for byte
// whenever it accepts: the scanner against libxml2. Checked over every string in
// tests/data (feed element text and markup, JSON strings, whole HTML pages) and
// over generated inputs built to be mostly accepted, with the constructs on the
// edge of what the scanner accepts mixed in. (The URL fast paths have theirs in
// tests/feeds/url/fast_path_test.cpp.)
#include "feeds/testing/fast_paths.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "feeds/sanitize.h"

namespace {

namespace fs = std::filesystem;
using feeds::SanitizeOptions;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct StringWriter final : pugi::xml_writer {
  std::string& out;
  explicit StringWriter(std::string& target) : out(target) {}
  void write(const void* data, std::size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

void collect_json_strings(const boost::json::value& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    out.emplace_back(value.as_string());
  } else if (value.is_array()) {
    for (const auto& item : value.as_array()) collect_json_strings(item, out);
  } else if (value.is_object()) {
    for (const auto& member : value.as_object()) collect_json_strings(member.value(), out);
  }
}

// Every string in tests/data that could be HTML handed to the sanitiser.
const std::vector<std::string>& data_fragments() {
  static const std::vector<std::string> fragments = [] {
    std::vector<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(NEWSD_TEST_DATA_DIR)) {
      if (!entry.is_regular_file()) continue;
      const std::string extension = entry.path().extension().string();
      const std::string bytes = read_file(entry.path());
      if (extension == ".html" || extension == ".htm") {
        out.push_back(bytes);
      } else if (extension == ".json") {
        boost::system::error_code ec;
        auto value = boost::json::parse(bytes, ec);
        if (!ec) collect_json_strings(value, out);
      } else if (extension == ".xml" || extension == ".opml") {
        pugi::xml_document document;
        if (!document.load_buffer(bytes.data(), bytes.size())) continue;
        for (pugi::xpath_node hit : document.select_nodes("//*")) {
          std::string text = hit.node().child_value();
          if (!text.empty()) out.push_back(std::move(text));
          std::string markup;
          StringWriter writer(markup);
          for (pugi::xml_node child : hit.node().children()) child.print(writer, "", pugi::format_raw);
          if (markup.find('<') != std::string::npos) out.push_back(std::move(markup));
        }
      }
    }
    return out;
  }();
  return fragments;
}

// Random fragments: mostly well-nested markup of the elements the scanner
// knows, with attributes, references and text, plus the constructs it must
// decline (misnesting, implied end tags, unknown elements, bare '<' and '&',
// comments, control characters, the wrapper's own name).
class FragmentGenerator {
 public:
  explicit FragmentGenerator(unsigned seed) : random_(seed) {}

  std::string next() {
    // Half the fragments use only what the scanner accepts, so that it does.
    clean_ = pick(0, 1) == 0;
    std::string out;
    std::vector<std::string> open;
    const int tokens = pick(1, 40);
    for (int i = 0; i < tokens; ++i) {
      const int kind = pick(0, 99);
      if (kind < 30 || (clean_ && kind >= 85)) {
        out += text();
      } else if (kind < 60) {
        std::string name = one_of(kElements);
        out += start_tag(name);
        if (name == "script" || name == "style") {
          if (pick(0, 3) > 0) out += "var a = b && c > d;";
          out += "</" + name + ">";
        } else if (name != "br" && name != "hr" && name != "img") {
          open.push_back(name);
        }
      } else if (kind < 85) {
        if (!open.empty()) {
          out += "</" + case_of(open.back()) + ">";
          open.pop_back();
        }
      } else if (kind < 90) {
        out += start_tag(one_of(kOthers));
      } else if (kind < 95 && !open.empty()) {
        out += "</" + one_of(kElements) + ">";  // often misnested
      } else {
        out += one_of(kOddities);
      }
    }
    while (!open.empty() && (clean_ || pick(0, 9) > 0)) {
      out += "</" + open.back() + ">";
      open.pop_back();
    }
    return out;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  template <std::size_t N>
  std::string one_of(const char* const (&items)[N]) {
    return items[pick(0, static_cast<int>(N) - 1)];
  }
  std::string case_of(std::string name) {
    if (pick(0, 9) == 0)
      for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return name;
  }

  std::string text() {
    std::string out;
    const int pieces = pick(1, 4);
    for (int i = 0; i < pieces; ++i) {
      if (pick(0, 3) > 0)
        out += one_of(kWords);
      else
        out += clean_ ? one_of(kCleanReferences) : one_of(kReferences);
    }
    return out;
  }

  std::string start_tag(const std::string& name) {
    std::string out = "<" + case_of(name);
    const int attributes = pick(0, 3);
    for (int i = 0; i < attributes; ++i) {
      out += pick(0, 5) == 0 ? "\n" : " ";
      out += one_of(kAttributeNames);
      const int quoting = clean_ ? 3 : pick(0, 9);
      std::string value = one_of(kValues);
      if (quoting == 0) {
        out += "=" + value;
      } else if (quoting == 1) {
        out += "='" + value + "'";
      } else if (quoting == 2) {
        out += " = \"" + value + "\"";
      } else {
        out += "=\"" + value + "\"";
      }
    }
    const int ending = pick(0, 9);
    out += ending == 0 ? "/>" : ending == 1 ? " >" : ">";
    return out;
  }

  static constexpr const char* kElements[] = {
      "a",      "abbr",   "b",     "blockquote", "br",     "cite",    "code",   "dd",     "div",
      "dl",     "dt",     "em",    "figcaption", "figure", "h1",      "h2",     "h6",     "hr",
      "i",      "img",    "li",    "ol",         "p",      "q",       "s",      "script", "small",
      "span",   "strong", "style", "sub",        "sup",    "time",    "u",      "ul",     "font",
      "table",  "tbody",  "tr",    "td",         "th",     "pre",     "iframe", "center", "picture",
      "source", "wbr",    "col",   "caption",    "tt",     "noscript"};
  static constexpr const char* kOthers[] = {
      "newsd-sanitized",  "body", "html",     "head", "title", "svg",   "object",
      "textarea",         "meta", "x-widget", "o:p",  "video", "track", "x_y",
      "newsd-sanitized-1"};
  static constexpr const char* kOddities[] = {"<!-- comment -->",
                                              "<!-- wp:paragraph -->",
                                              "<!---->",
                                              "<!-- a -- b -->",
                                              "<!-->",
                                              "<!--->",
                                              "<!-- x --!>",
                                              "<!-- a\rb -->",
                                              "<![CDATA[x]]>",
                                              "<?pi?>",
                                              "<!DOCTYPE html>",
                                              "a < b",
                                              "<3",
                                              "a <= b",
                                              "<\tx",
                                              "&",
                                              "AT&T ",
                                              "R&D.",
                                              "&nbsp",
                                              "&nbsp x",
                                              "&alefsym;",
                                              "&notanentity;",
                                              "&_x;",
                                              "&:x;",
                                              "&a.b;",
                                              "&amp-x;",
                                              "&é;",
                                              "&#146;",
                                              "&#150",
                                              "</newsd-sanitized>",
                                              "</p>",
                                              "</br>",
                                              "</div >",
                                              "</x_y>",
                                              "</o:p>",
                                              "</x-widget>",
                                              "</svg>",
                                              "</VIDEO>",
                                              "<p>",
                                              "<li>",
                                              "<td>",
                                              "<tr>",
                                              "\r\n",
                                              "\x01",
                                              "\xEF\xBF\xBE",
                                              "<>",
                                              "</>",
                                              "<p/>",
                                              "<img src=\"/a.jpg\"/>",
                                              "<img src=/a.jpg>",
                                              "<img src=/a.jpg/>",
                                              "<br>",
                                              "<hr>",
                                              "<font color=#333 size=2>",
                                              "<a href=/x?a=1&b=2&amp;c=3>",
                                              "<a href=x'y>",
                                              "<ol reversed>",
                                              "<td nowrap width=1>",
                                              "<p class=\"a\" class=\"b\">",
                                              "<p style=\"margin:0 0 1em;font-family:Georgia\">",
                                              "< p>"};
  static constexpr const char* kWords[] = {"Kyiv ",   "council", " said ", "—",  "“quoted”", "café",
                                           " a > b ", "\t",      "\n",     "  ", "новини",   "日本",
                                           "😀",       "]]>",     "=",      "'",  "\"",       "x"};
  static constexpr const char* kReferences[] = {
      "&amp;",     "&lt;",       "&gt;",       "&quot;",     "&apos;",   "&nbsp;",  "&mdash;",  "&hellip;",
      "&rsquo;",   "&copy;",     "&euro;",     "&#8212;",    "&#x2014;", "&#X41;",  "&#65;",    "&#0;",
      "&#128;",    "&#xD800;",   "&#1114111;", "&#1114112;", "&#9;",     "&#13;",   "&#x;",     "&unknown;",
      "&amp",      "&",          "&AMP;",      "&#0065;",    "&frac12;", "&szlig;", "&Eacute;", "&zwnj;",
      "&alefsym;", "&thetasym;", "&T ",        "&x",         "& ",       "&;",      "&#146;",   "&nbsp"};
  static constexpr const char* kCleanReferences[] = {"&amp;",   "&lt;",    "&gt;",     "&quot;", "&nbsp;",
                                                     "&mdash;", "&#8212;", "&#x2014;", "&copy;", "&#13;"};
  static constexpr const char* kAttributeNames[] = {
      "href", "src",      "srcset", "alt",  "title",  "class", "onclick", "style", "width",
      "cite", "datetime", "lang",   "HREF", "data-x", "dir",   "start",   "href"};
  static constexpr const char* kValues[] = {
      "https://example.com/a",
      "https://example.com",
      "https://example.com?q=1&amp;r=2",
      "https://Example.COM/a",
      "https://example.com:443/a",
      "https://example.com./a",
      "https://example.com/a/../b",
      "https://example.com/./b",
      "https://example.com/a%20b",
      "https://example.com/a b",
      "https://example.com/a#b#c",
      "https://user@example.com/",
      "http://xn--kyiv-abc.example/a?b=c#d",
      "/images/1.jpg",
      "/",
      "//cdn.example.com/x.png",
      "images/2.jpg",
      "../up.html",
      "?page=2",
      "#top",
      "",
      " https://example.com/spaced ",
      "javascript:alert(1)",
      "jav&#x09;ascript:alert(1)",
      "data:image/png;base64,AAAA",
      "mailto:a@example.com",
      "/a.jpg 1x, /b.jpg 2x",
      "A photo &amp; a caption",
      "a > b",
      "it's",
      "say \"hi\"",
      "tab\there",
      "line\nbreak",
      "x&mdash;y",
      "&unknown;",
      "café",
  };

  std::mt19937 random_;
  bool clean_ = false;
};

void expect_same(const std::string& html, const SanitizeOptions& options, std::size_t& accepted) {
  auto fast = feeds::fast_paths::sanitize_html_fast(html, options);
  if (!fast) return;
  ++accepted;
  EXPECT_EQ(*fast, feeds::fast_paths::sanitize_html_libxml2(html, options)) << "input: " << html;
}

SanitizeOptions with_base() {
  SanitizeOptions options;
  options.base_url = "https://news.example.com/2025/03/story.html";
  return options;
}

SanitizeOptions without_images_or_base() {
  SanitizeOptions options;
  options.keep_images = false;
  return options;
}

TEST(FastPath, SanitiserAgreesWithLibxml2OnTestData) {
  std::size_t accepted = 0;
  for (const auto& fragment : data_fragments()) {
    expect_same(fragment, with_base(), accepted);
    expect_same(fragment, without_images_or_base(), accepted);
  }
  EXPECT_GT(accepted, 100u);  // the comparison is not vacuous
}

TEST(FastPath, SanitiserAgreesWithLibxml2OnGeneratedFragments) {
  FragmentGenerator generator(20250302);
  std::size_t accepted = 0;
  constexpr int kFragments = 20000;
  for (int i = 0; i < kFragments; ++i) {
    const std::string fragment = generator.next();
    expect_same(fragment, with_base(), accepted);
    expect_same(fragment, without_images_or_base(), accepted);
  }
  EXPECT_GT(accepted, static_cast<std::size_t>(kFragments) / 4);
}

TEST(FastPath, SanitiserAcceptsTypicalFeedHtml) {
  const std::string html =
      "<p>Officials said <strong>on Tuesday</strong> <a "
      "href=\"https://news.example.com/story/1?utm_source=feed\">"
      "more</a> &mdash; and &amp; more.</p><figure><img src=\"/images/1.jpg\" alt=\"A photo\" width=\"800\" "
      "height=\"450\"><figcaption>Caption.</figcaption></figure><script>window.track(3);</script>"
      "<div class=\"ad\" onclick=\"ad()\">Ad</div><ul><li>One</li><li>Two</li></ul>";
  auto fast = feeds::fast_paths::sanitize_html_fast(html, with_base());
  ASSERT_TRUE(fast.has_value());
  EXPECT_EQ(*fast, feeds::fast_paths::sanitize_html_libxml2(html, with_base()));
}

// HTML as real feeds write it (issue 17): implied and stray end tags, void
// elements without a slash, comments, bare '&', unknown references, unquoted
// and bare attributes, inline styles. The scanner takes these, and writes
// what libxml2's path writes.
TEST(FastPath, SanitiserAcceptsRealWorldHtml) {
  for (const char* html : {
           "<p>a<p>b",
           "<ul><li>a<li>b</ul>",
           "<p>a<div>b</div></p>",
           "<div class=entry><p>Misnested.</div><p>After",
           "<div><p>a</div>b",
           "<p>a</div>b</p>",
           "a</p>b",
           "<p>a",
           "<p>one<br>two<br/>three<hr>four<img src=/a.jpg alt=x>five",
           "<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph -->",
           "a<!---->b<!-- a -- b -->c",
           "a < b, <3 and c <= d",
           "AT&T, R&D. Q&A; B&B &nbsp x &unknown; &alefsym; &#146;quoted&#148;",
           "<a href=/story?a=1&b=2&amp;c=3&copy=4>link</a>",
           "<font color=#333 size=2>Small print</font>",
           "<p style=\"margin:0 0 1em;font-family:Georgia\">Styled</p>",
           "<ol reversed start = \"3\"><li>x</ol>",
           "<p class=\"a\" class=\"b\" title=\"t\" title=\"u\">x</p>",
           "<table><tr><td>a<td>b<tr><td>c</table>",
           "<table><tr><td><div>x</td></tr></table>",
           "<pre>x\n y</pre><center>c</center>",
           "<iframe src=\"https://www.youtube.com/embed/x\">fallback <b>text</b></iframe>after",
           "<br></br><p></p></P>",
           "<p>x</newsd-sanitized>y</p>",
           "<div>a</div >b</x_y></o:p>",
           "<p class=MsoNormal>Pasted from Word<o:p></o:p></p><P>Next<O:P>&nbsp;</O:P>",
           "<x-widget data-id=3>a<p>b</x-widget>c",
           "<div><x-a>a<div>b</x-a>c</div>d",
           "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><style>x</style></svg>after",
           "<video controls><track kind=captions>caption</video><p>x<x_y>y</p>z",
       }) {
    for (const SanitizeOptions& options : {with_base(), without_images_or_base()}) {
      auto fast = feeds::fast_paths::sanitize_html_fast(html, options);
      ASSERT_TRUE(fast.has_value()) << html;
      EXPECT_EQ(*fast, feeds::fast_paths::sanitize_html_libxml2(html, options)) << html;
    }
  }
}

TEST(FastPath, SanitiserDeclinesWhatItCannotBeSureOf) {
  for (const char* html : {"<!-- c", "<!-- a --!> b -->", "<!DOCTYPE html>x", "<![CDATA[x]]>", "<?pi?>x",
                           "a\rb", "<a href=x'y>z</a>", "<a href=>z</a>", "<object>a</object>",
                           "<textarea>a</textarea>", "&#146", "&#;", "<newsd-sanitized>a</newsd-sanitized>",
                           "<a href=\"a>b\">c</a>", "<p>x<", "a <b", "<title>t</title>"}) {
    EXPECT_FALSE(feeds::fast_paths::sanitize_html_fast(html, with_base()).has_value()) << html;
  }
}

}  // namespace
