// Dates on Chinese, Japanese and Korean pages, and on custom elements (issue
// 16, item 8, seventh round): "2019年4月2日" in a date-classed element or cut
// from the words around it, a label and a colon ("公開日：…", "最終更新日：…"),
// a datetime attribute on an element that is not <time>, and a sentence that
// dates the story ("This story is from …").
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/dates.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;
using newsd::test::published;

std::string japanese(const std::string& body) {
  return page("<meta property=\"og:type\" content=\"article\">",
              "<article><h1>夜間フェリーの運航を三月末まで延長</h1>" + body + prose(4) + "</article>",
              " lang=\"ja\"");
}

TEST(MetadataCjkDates, DateClassedLineWithWordsAroundTheDate) {
  EXPECT_EQ(published(japanese("<p class=\"date\">2019年04月21日 12時00分更新</p>")), "2019-04-21T12:00:00Z");
  EXPECT_EQ(published(japanese("<span id=\"update\">2019年02月22日 14時30分 公開</span>")),
            "2019-02-22T14:30:00Z");
  EXPECT_EQ(published(japanese("<p class=\"posted\">By.KJ : 2019年04月04日 09:00</p>")),
            "2019-04-04T09:00:00Z");
  EXPECT_EQ(published(japanese("<div class=\"pubdate\">2019年4月4日（木）</div>")), "2019-04-04T00:00:00Z");
  // A year and a month is no day.
  EXPECT_EQ(published(japanese("<div class=\"date\">2022年4月のまとめ</div>")), "none");
}

TEST(MetadataCjkDates, StoryDatelineBeforeAFooterEventDate) {
  // The story's line failed to read, so a footer's event date was taken.
  const std::string html = japanese("<p class=\"article__readTime date\">2019年2月27日 読了時間 3 分</p>") +
                           "<footer><span class=\"meta date\">AUGUST 23, 2022</span></footer>";
  EXPECT_EQ(published(html), "2019-02-27T00:00:00Z");
}

TEST(MetadataCjkDates, YearFirstNumericDayInADateClassedList) {
  EXPECT_EQ(
      published(japanese("<dl class=\"date\"><dt>2019.03.08</dt><dd><a href=\"/pdf\">PDF</a></dd></dl>")),
      "2019-03-08T00:00:00Z");
}

TEST(MetadataCjkDates, LabelledDates) {
  // At the story's end, away from the line under the headline (read for any date).
  auto labelled = [](const std::string& line) {
    return published(
        page("", "<article><h1>夜間フェリーの運航を延長</h1>" + prose(8) + "<p>" + line + "</p></article>",
             " lang=\"ja\""));
  };
  EXPECT_EQ(labelled("公開日：2019年4月2日"), "2019-04-02T00:00:00Z");
  EXPECT_EQ(labelled("投稿日: 2019/04/02 10:30"), "2019-04-02T10:30:00Z");
  EXPECT_EQ(labelled("发布时间：2019-04-02"), "2019-04-02T00:00:00Z");
  // No colon, no label, or no date right after it: not a labelled date.
  EXPECT_EQ(labelled("公開日は2019年4月2日です"), "none");
  EXPECT_EQ(labelled("締切：2019年4月2日"), "none");
  EXPECT_EQ(labelled("公開日：未定 2019年4月2日"), "none");
}

TEST(MetadataCjkDates, LastUpdatedLabelIsTheRevisionAndStandsInAlone) {
  const std::string html =
      page("",
           "<div class=\"head\">最終更新日：2019/02/22</div><article><h1>脆弱性の概要</h1>" + prose(4) +
               "</article>",
           " lang=\"ja\"");
  feeds::ExtractOptions options;
  options.url = "https://news.example/story/ferry";
  const auto json = feeds::article_to_json(feeds::extract_article(html, options).value());
  EXPECT_EQ(std::string(json.at("modified").as_string()), "2019-02-22T00:00:00Z");
  EXPECT_EQ(published(html), "2019-02-22T00:00:00Z");
  // Beside a publication label, the revision's stays the revision's.
  const std::string both =
      page("",
           "<div class=\"head\">最終更新日：2019/02/22</div><article><h1>脆弱性の概要</h1>"
           "<p>公開日：2018/12/23</p>" +
               prose(4) + "</article>",
           " lang=\"ja\"");
  EXPECT_EQ(published(both), "2018-12-23T00:00:00Z");
}

TEST(MetadataCjkDates, SentenceThatDatesTheStory) {
  auto above_headline = [](const std::string& line) {
    return published(page("", "<div class=\"k7Qz\">" + line +
                                  "</div><article><h1>Ferry service extended</h1>" + prose(4) +
                                  "</article>"));
  };
  EXPECT_EQ(above_headline("This story is from October 9, 2019"), "2019-10-09T00:00:00Z");
  EXPECT_EQ(above_headline("First published March 5, 2024"), "2024-03-05T00:00:00Z");
  // Other sentences that name a day are prose.
  EXPECT_EQ(above_headline("This storm is from October 9, 2019"), "none");
}

TEST(MetadataCjkDates, DatetimeOnACustomElement) {
  const std::string html =
      page("",
           "<article><h1>Convert a bundle</h1><div class=\"commit\">Latest commit "
           "<relative-time datetime=\"2020-07-07T12:10:51Z\">on Jul 7, 2020</relative-time>"
           "</div>" +
               prose(4) + "</article>");
  EXPECT_EQ(published(html), "2020-07-07T12:10:51Z");
  // <ins> and <del> date an edit.
  EXPECT_EQ(published(page("",
                           "<article><h1>Convert a bundle</h1><ins datetime=\"2020-07-07T12:10:51Z\">Added."
                           "</ins>" +
                               prose(4) + "</article>")),
            "none");
}

}  // namespace
