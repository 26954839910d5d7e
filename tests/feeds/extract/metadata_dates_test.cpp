// The published date a reader sees (issue 16, item 8): datelines in
// date-, time- and meta-classed elements, bylines that carry the date, the
// path's date against a markup date days away, and the page's own calendar
// day for zones given by name.
#include <gtest/gtest.h>

#include "extract_support.h"
#include "feeds/dates.h"
#include "feeds/extract.h"
#include "feeds/testing/extract.h"

namespace {

using newsd::test::prose;

using newsd::test::page;
using newsd::test::published;

std::string story(const std::string& dateline) {
  return "<article><h1>Ferry service extended</h1>" + dateline + prose(4) + "</article>";
}

TEST(MetadataDates, NamedZoneKeepsThePagesCalendarDay) {
  // 10:49 p.m. in New York is 02:49 the next day in UTC.
  EXPECT_EQ(published(page(
                "", story("<ul><li class=\"dateStamp\">Updated July 23, 2012, 10:49 p.m. ET</li></ul>"))),
            "2012-07-23T22:49:00-04:00");
  EXPECT_EQ(published(page("", story("<time class=\"stamp\">March 5, 2025 11:40 PM PST</time>"))),
            "2025-03-05T23:40:00-08:00");
}

TEST(MetadataDates, MarkupDateDaysAwayFromThePathGivesWayToOneThatAgrees) {
  const std::string url = "https://news.example/2025/03/05/ferry-extended/";
  // A "date" meta stamped when the page was served, a week later; the story's
  // <time> (after a sidebar's) agrees with the path.
  const std::string head = R"(<meta name="date" content="March 12, 2025, 4:05 pm">)";
  const std::string sidebar =
      R"(<aside><time datetime="2025-03-12T09:00:00+01:00">2 hours ago</time></aside>)";
  EXPECT_EQ(
      published(page(head, sidebar + story(R"(<time datetime="2025-03-05T18:20:00+01:00">Mar 5</time>)")),
                url),
      "2025-03-05T18:20:00+01:00");
  // The day beside the path's still agrees (filed before midnight, published after).
  EXPECT_EQ(published(page(R"(<meta name="date" content="2025-03-06T00:30:00+01:00">)", story("")), url),
            "2025-03-06T00:30:00+01:00");
  // Nothing agrees with the path: the markup stays (some paths carry the draft's day).
  EXPECT_EQ(published(page(head, story("")), url), "2025-03-12T16:05:00Z");
}

TEST(MetadataDates, FirstTimeElementsTextBeforeALaterDatetime) {
  const std::string review =
      R"(<div class="box">Review date: <time datetime="2024-11-02">11/02/24</time></div>)";
  EXPECT_EQ(published(page("", story(R"(<time class="stamp">March 5, 2025 9:40 AM CET</time>)" + review))),
            "2025-03-05T09:40:00+01:00");
  // A <time> in a comment thread is a reader's, not the story's, with or without datetime.
  EXPECT_EQ(
      published(page("", story("") + R"(<ol class="commentlist"><li><time>March 9, 2025</time></li></ol>)")),
      "none");
  EXPECT_EQ(
      published(page(
          "",
          R"(<div class="c-comments"><time datetime="2025-03-09T10:00:00Z">Mar 9</time></div>)" +
              story(R"(<p class="meta">by <a href="/a/ph">Pat Hill</a> on 03/18/2025 &bull; Notes</p>)"))),
      "2025-03-18T00:00:00Z");
  // A byline bar that counts comments is no comment thread.
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<div class="by-line-comments-views-date"><span>34 views</span> <time datetime="2025-03-06T11:00:00-0800">March 6, 2025</time></div>)"))),
      "2025-03-06T11:00:00-08:00");
}

TEST(MetadataDates, DatelineInTimeAndMetaClassedElements) {
  EXPECT_EQ(published(page("", story(R"(<div class="timeLine"> March 5, 2025 6:45 PM </div>)"))),
            "2025-03-05T18:45:00Z");
  // The date first, the author after it.
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<div class="entry-meta"><abbr>March 5th, 2025</abbr> by <a href="/a/tb">Tomas Berg</a></div>)"))),
      "2025-03-05T00:00:00Z");
  // The day split over child elements.
  EXPECT_EQ(
      published(page(
          "", story(R"(<div class="post-date"><span>5</span> <span>Mar</span> <span>2025</span></div>)"))),
      "2025-03-05T00:00:00Z");
}

TEST(MetadataDates, BylineThatCarriesTheDate) {
  // No class says byline or date; the name is three words long.
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<div class="x1">by <a href="/p/amr">Ana Maria Ruiz</a> on Wednesday, March 5, 2025 at 9:15am</div>)"))),
      "2025-03-05T09:15:00Z");
  // A date-classed dateline says more than a byline further down (a quoted story's).
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<h2 class="date-header">Wednesday, March 5, 2025</h2><p>by Old Source on Monday, January 6, 2025</p>)"))),
      "2025-03-05T00:00:00Z");
}

TEST(MetadataDates, PostedLinesWithTheDateAmongWords) {
  // After a separator, past the first words.
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<h2 class="date-header">Posted by Jane Mary Doe - Friday, March 7, 2025 at 5:15 PM</h2>)"))),
      "2025-03-07T17:15:00Z");
  // An "info" line: the date after "on", words after the date.
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<div class="articleinfo">Posted by admin in <a href="/c/news">News</a> on Mar 5th, 2025 | <a href="#r">no responses</a></div>)"))),
      "2025-03-05T00:00:00Z");
  EXPECT_EQ(
      published(page(
          "",
          story(R"(<p class="PostInfo">Posted on March 5, 2025 at 12:13 am as <a href="/c">Notes</a></p>)"))),
      "2025-03-05T00:13:00Z");
  // A heading without a class that begins "Posted".
  EXPECT_EQ(published(page("", story(R"(<h3>Posted on March 5th, 2025 in <a href="/c/tips">Tips</a></h3>)"))),
            "2025-03-05T00:00:00Z");
  // A meta line that goes on with buttons: its first words.
  EXPECT_EQ(
      published(page(
          "",
          story(
              R"(<div class="meta">By <a href="/a/j">jdoe</a> - March 5, 2025 <a href="#t">Tweet this story to your followers</a> <a href="#s">Share it with your friends</a></div>)"))),
      "2025-03-05T00:00:00Z");
}

TEST(MetadataDates, UpdatedLineIsTheRevisionWhenAnotherDatelineGivesTheStory) {
  // A site-wide "UPDATED" status above the story, the story's own line below its headline.
  const std::string html =
      page("", R"(<div class="updated">UPDATED: 8:11 p.m. CST, March 15, 2025</div>)" +
                   story(R"(<h3>by The Harbour Herald <div>Sunday March 9, 2025, 5:00 AM</div></h3>)"));
  EXPECT_EQ(published(html), "2025-03-09T05:00:00Z");
  feeds::ExtractOptions options;
  options.url = "https://news.example/story/ferry";
  const auto json = feeds::article_to_json(feeds::extract_article(html, options).value());
  // The clock written before the date is the update's time of day.
  EXPECT_EQ(std::string(json.at("modified").as_string()), "2025-03-15T20:11:00-06:00");
  // Alone, the updated line is the only date the page gives.
  EXPECT_EQ(published(page("", story(R"(<p class="dateStamp">Updated March 15, 2025, 10:49 p.m. ET</p>)"))),
            "2025-03-15T22:49:00-04:00");
}

TEST(MetadataDates, NumericDayThatReadsBothWays) {
  // English pages (or pages that do not say) write 01.09.2008 for January 9th too.
  const std::string line = R"(<div class="siteinfo">Tucson | Published: 01.09.2008</div>)";
  EXPECT_EQ(published(page("", story(line))), "none");
  EXPECT_EQ(published(page("", story(line), R"( lang="en-US")")), "none");
  EXPECT_EQ(published(page("", story(line), R"( lang="de")")), "2008-09-01T00:00:00Z");
  // Unambiguous: the day is over 12.
  EXPECT_EQ(published(page("", story(R"(<div class="siteinfo">Published: 21.09.2008</div>)"))),
            "2008-09-21T00:00:00Z");
}

TEST(MetadataDates, NotADay) {
  // A bare year, or a weekday the day read does not fall on ("Monday,
  // 11.05.2012" is November 5th written month first, not May 11th).
  EXPECT_EQ(published(page("", story(R"(<div class="date">© 2005</div>)"))), "none");
  EXPECT_EQ(published(page("", story(R"(<span id="item-time-35601213">35601213</span>)"))), "none");
  // On a German page, where day first is the reading; an English page reads
  // 11.05.2012 by the weekday (NumericDayReadByTheWeekdayOrThePathsMonth).
  EXPECT_EQ(published(page("", story(R"(<div class="pubDate">Monday, 11.05.2012 / 9:04 PM / News</div>)"),
                           R"( lang="de")")),
            "none");
  EXPECT_EQ(published(page("", story(R"(<div class="pubDate">Friday, 11.05.2012 / 9:04 PM / News</div>)"),
                           R"( lang="de")")),
            "2012-05-11T21:04:00Z");  // the day, and the clock after "/"
}

TEST(MetadataDates, DatelineOnTheLineUnderTheHeadline) {
  // No class says date: the short line under the heading that shows the title.
  EXPECT_EQ(published(page("", story(R"(<p class="post-subhead">Wednesday, March 5, 2025 | 2:00 PM</p>)"))),
            "2025-03-05T14:00:00Z");
  EXPECT_EQ(
      published(page("", story(R"(<div class="stats"><a href="/a/jd">Jane Doe</a> on March 5, 2025</div>)"))),
      "2025-03-05T00:00:00Z");
  // The date as a heading of its own under the headline, and a line inside
  // inline elements between <br>s of a block that holds the whole story.
  EXPECT_EQ(published(page("", story("<h3>March 5 2025</h3>"))), "2025-03-05T00:00:00Z");
  EXPECT_EQ(published(page(
                "", "<h1>Ferry service extended</h1><font size=\"2\">Staff writers<br>5 March, 2025<br>" +
                        prose(4) + "</font>")),
            "2025-03-05T00:00:00Z");
  // A sentence that a link cuts into short pieces names a day, not the story's.
  EXPECT_EQ(published(page(
                "", story(R"(<p>On March 5, 1863, the <a href="/w">society</a> was founded. Be safe!</p>)"))),
            "none");
  // The line must come within the first few lines under the headline.
  EXPECT_EQ(published(page("", story("<p>One</p><p>Two</p><p>Three</p><p>Four</p><p>Five</p><p>Six</p>"
                                     "<p>March 5, 2025</p>"))),
            "none");
  // A teaser's heading and its dated line are not the story's.
  EXPECT_EQ(published(page("", story("") + "<h3>Bridge repairs to start</h3><p>March 1, 2025</p>")), "none");
}

TEST(MetadataDates, NumericDayReadByTheWeekdayOrThePathsMonth) {
  // 08/09/2012 is Thursday, August 9th read month first, Saturday, September
  // 8th read day first: the weekday the line names decides.
  EXPECT_EQ(
      published(page("", story(R"(<div class="meta">Filed by Pat Hill on Thu, 08/09/2012 - 3:04pm</div>)"))),
      "2012-08-09T15:04:00Z");
  EXPECT_EQ(
      published(page("", story(R"(<div class="meta">Filed by Pat Hill on Sat, 08/09/2012 - 3:04pm</div>)"))),
      "2012-09-08T15:04:00Z");
  // No weekday: the reading in the path's month (/2025/03/, no day in the path).
  const std::string line =
      R"(<p class="meta">by <a href="/a/ph">Pat Hill</a> on 03/05/2025 &bull; Notes</p>)";
  EXPECT_EQ(published(page("", story(line)), "https://news.example/2025/03/ferry-extended/"),
            "2025-03-05T00:00:00Z");
  EXPECT_EQ(published(page("", story(line)), "https://news.example/2025/05/ferry-extended/"),
            "2025-05-03T00:00:00Z");
  // Neither reading in the path's month, or no path month: refused.
  EXPECT_EQ(published(page("", story(line)), "https://news.example/2025/07/ferry-extended/"), "none");
  EXPECT_EQ(published(page("", story(line))), "none");
}

TEST(MetadataDates, DrupalsSubmittedLine) {
  // Above the headline, where the line under it is not looked for.
  EXPECT_EQ(published(page("", R"(<div class="submitted">March 5, 2025 @ 9:00AM</div>)" + story(""))),
            "2025-03-05T09:00:00Z");
  EXPECT_EQ(
      published(page(
          "", R"(<div class="submitted">Submitted by Pat Hill on 5 March 2025 - 8:22am</div>)" + story(""))),
      "2025-03-05T08:22:00Z");
}

TEST(MetadataDates, LineUnderTheHeadlineOutranksAMastheadsDay) {
  // The masthead prints the day the page was served in a date-classed element.
  const std::string masthead = R"(<div id="date">Tuesday, March 18, 2025</div>)";
  EXPECT_EQ(published(page("", masthead + story("<p>2:15 p.m. 5 March 2025</p>"))), "2025-03-05T14:15:00Z");
  // On the same day, the date-classed line stays: it has the time of day.
  EXPECT_EQ(published(page("", R"(<div class="post-date">March 5, 2025 6:45 PM</div>)" +
                                   story("<p>Wednesday, March 5, 2025</p>"))),
            "2025-03-05T18:45:00Z");
  // A list of other posts where this one's headline is a linked item, and the
  // next day's separator follows it: no line under the headline.
  EXPECT_EQ(published(page(
                "", R"(<ul class="river"><li><a class="headline" href="/s/1">Ferry service extended</a></li>)"
                    R"(<li class="separator"><span>Sunday, March 2, 2025</span></li></ul>)" +
                        story(""))),
            "none");
}

}  // namespace
