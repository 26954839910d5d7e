// Article bodies in client-side state scripts other than __NEXT_DATA__
// (window.__INITIAL_STATE__, React Query pushes, Fusion.globalContent,
// <script type=application/json>): when they are taken, when they are not,
// and that hostile script text neither crashes nor hangs the extractor. The
// corpus pages 1140-1148 hold one working case of each kind.
#include <gtest/gtest.h>

#include <string>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;

constexpr std::string_view kTitle = "Harbour board extends the night ferry";

// `count` paragraphs as an HTML string escaped for a JSON string value.
std::string body_json(int count) {
  std::string html;
  for (int i = 0; i < count; ++i) {
    html += "\\u003cp\\u003eState paragraph " + std::to_string(i) +
            " of the story, in which the harbour board said, after a long meeting, that the late "
            "crossing would run all winter.\\u003c/p\\u003e";
  }
  return html;
}

// A client-rendered shell: headline, empty mount point, and `script`.
std::string shell(std::string_view title, std::string_view script, std::string_view dom = "") {
  return page("<title>" + std::string(title) + " - Harbour Herald</title>",
              "<main><h1>" + std::string(kTitle) + "</h1><div id=\"root\">" + std::string(dom) +
                  "</div></main>" + std::string(script));
}

std::string assignment(std::string_view object_title, int paragraphs) {
  return R"(<script>window.__INITIAL_STATE__ = {"article":{"title":")" + std::string(object_title) +
         R"(","body":")" + body_json(paragraphs) + R"("}};</script>)";
}

feeds::Article extracted(const std::string& html) {
  return feeds::extract_article(html).value();
}

TEST(StateScript, BodyBesideThePagesTitleIsTaken) {
  auto article = extracted(shell(kTitle, assignment(kTitle, 8)));
  EXPECT_EQ(article.method, "state-script");
  EXPECT_EQ(article.text.rfind("State paragraph 0 of the story", 0), 0u) << article.text;
  EXPECT_NE(article.text.find("State paragraph 4"), std::string::npos);
  EXPECT_GE(article.confidence, 0.5);
}

TEST(StateScript, BodyUnderAnotherStorysTitleIsNotTaken) {
  // A home page's state: a teaser with a long body, but not the page's story.
  auto article = extracted(shell(kTitle, assignment("Market hall roof to be repaired in May", 8)));
  EXPECT_NE(article.method, "state-script");
  EXPECT_EQ(article.text.find("State paragraph"), std::string::npos) << article.text;
}

TEST(StateScript, AnyOfTheBodysTitlesMayNameThePage) {
  // The print headline differs; the web headline is the page's.
  const std::string script =
      R"(<script>window.__INITIAL_STATE__ = {"article":{"title":"Late boats stay","webTitle":")" +
      std::string(kTitle) + R"(","body":")" + body_json(8) + R"("}};</script>)";
  auto article = extracted(shell(kTitle, script));
  EXPECT_EQ(article.method, "state-script");
}

TEST(StateScript, BodyWithoutATitleIsNotTaken) {
  const std::string script =
      R"(<script>window.__INITIAL_STATE__ = {"feed":{"body":")" + body_json(8) + R"("}};</script>)";
  auto article = extracted(shell(kTitle, script));
  EXPECT_NE(article.method, "state-script");
  EXPECT_EQ(article.text.find("State paragraph"), std::string::npos) << article.text;
}

TEST(StateScript, ShortScriptsAreNotRead) {
  // Under 1 KiB a script cannot hold a body worth replacing a cut with: it is
  // not parsed.
  auto article = extracted(shell(kTitle, assignment(kTitle, 3)));
  EXPECT_NE(article.method, "state-script");
}

TEST(StateScript, AStrongDomCutIsKept) {
  // The DOM holds the story: the state is not read (only a weak cut gives way).
  auto article = extracted(shell(kTitle, assignment(kTitle, 8), "<article>" + prose(16) + "</article>"));
  EXPECT_EQ(article.method.rfind("dom", 0), 0u) << article.method;
  EXPECT_EQ(article.text.find("State paragraph"), std::string::npos);
}

TEST(StateScript, NextDataStillComesFirst) {
  const std::string next =
      R"(<script id="__NEXT_DATA__" type="application/json">{"props":{"post":{"bodyHtml":")" + body_json(4) +
      R"("}}}</script>)";
  auto article = extracted(shell(kTitle, next + assignment(kTitle, 3)));
  EXPECT_EQ(article.method, "next-data");
}

TEST(StateScript, ValueFoundAfterCodeThatIsNotJson) {
  // Object literals of ordinary code, comparisons and arrows before the state.
  const std::string script = R"(<script>var config = {mode: 'x', n: 1}; if (a == b) f = (x) => x; g(x);
    window.__APP__ = window.__APP__ || [];window.__APP__.push({"queries":[{"data":{"title":")" +
                             std::string(kTitle) + R"(","contentHtml":")" + body_json(8) +
                             R"("}}]})</script>)";
  auto article = extracted(shell(kTitle, script));
  EXPECT_EQ(article.method, "state-script");
  EXPECT_NE(article.text.find("State paragraph 3"), std::string::npos);
}

TEST(StateScript, HostileScriptsNeitherCrashNorHang) {
  // Each large enough to be read and holding "<p": truncated values, deep
  // nesting, unterminated strings, thousands of would-be values, a string
  // that is no JSON inside JSON.parse.
  const std::string filler = body_json(6);
  const std::vector<std::string> scripts = {
      "window.__S__ = {\"article\":{\"title\":\"" + std::string(kTitle) + "\",\"body\":\"" + filler,
      "window.__S__ = " + std::string(200000, '[') + "\"<p>\"",
      "window.__S__ = {\"a\":" + std::string(100000, '{') + filler,
      [&] {
        std::string many;
        for (int i = 0; i < 20000; ++i) many += "x={\"<p\":[\"" + std::to_string(i) + "\",";
        return many;
      }(),
      "x = JSON.parse(\"{\\\"title\\\": \\\"" + std::string(kTitle) + "\\\", \\\"body\\\": \\\"" + filler +
          "\");",
      "self.push(\"" + std::string(300000, 'a') + "<p>",
  };
  for (const auto& script : scripts) {
    auto result = feeds::extract_article(shell(kTitle, "<script>" + script + "</script>"));
    ASSERT_TRUE(result.has_value());
    EXPECT_NE(result->method, "state-script") << script.substr(0, 80);
  }
}

}  // namespace
