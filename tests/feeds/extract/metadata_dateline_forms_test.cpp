// Dateline forms (issue 16, item 8, sixth round): the clock written before the
// date, or after a " - " or " | " that splits the line, is the story's time of
// day; the day and the page's own offset are kept.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;
using newsd::test::published;

std::string dated(const std::string& line) {
  return page("", "<article><h1>Ferry service extended</h1><div class=\"date\">" + line + "</div>" +
                      prose(4) + "</article>");
}

TEST(MetadataDatelineForms, ClockBeforeTheDate) {
  EXPECT_EQ(published(dated("10:49 AM, Jan 5, 2012")), "2012-01-05T10:49:00Z");
  EXPECT_EQ(published(dated("9:00AM - October 30, 2012")), "2012-10-30T09:00:00Z");
  EXPECT_EQ(published(dated("14:30, 5 January 2012")), "2012-01-05T14:30:00Z");
  EXPECT_EQ(published(dated("by Pat Hill | 2:23 pm, August 9th, 2012")), "2012-08-09T14:23:00Z");
  // The zone after the clock: the page's day and offset, not UTC's next day.
  EXPECT_EQ(published(dated("09:40 p.m. EDT, Fri October 26, 2012")), "2012-10-26T21:40:00-04:00");
  EXPECT_EQ(published(dated("Posted 11:15 PM PT, March 5, 2025")), "2025-03-05T23:15:00-08:00");
}

TEST(MetadataDatelineForms, ClockAfterTheMarkThatSplitsTheLine) {
  EXPECT_EQ(published(dated("October 30, 2012 | 9:00 AM")), "2012-10-30T09:00:00Z");
  EXPECT_EQ(published(dated("Submitted by Pat Hill on Thu, 08/09/2012 - 3:04pm")), "2012-08-09T15:04:00Z");
  EXPECT_EQ(published(dated("Wednesday, March 5, 2025 &middot; 18:05:30")), "2025-03-05T18:05:30Z");
}

TEST(MetadataDatelineForms, TheDayStaysWhenTheClockIsUnclear) {
  // Two clocks (a start and an end): which is the story's is not said.
  EXPECT_EQ(published(dated("March 5, 2025 | 9:00 AM to 11:00 AM")), "2025-03-05T00:00:00Z");
  // A 24-hour clock with a meridiem is no clock; a zone not known is not guessed.
  EXPECT_EQ(published(dated("15:04 pm | March 5, 2025")), "2025-03-05T00:00:00Z");
  EXPECT_EQ(published(dated("March 5, 2025 | 4:23 PM XYZ")), "2025-03-05T00:00:00Z");
  // A ratio or a score is no clock.
  EXPECT_EQ(published(dated("March 5, 2025 | won 3:1")), "2025-03-05T00:00:00Z");
  // The clock of the last update, on the line of the day the story was published.
  EXPECT_EQ(published(dated("24 July 2025 Last updated at 12:01")), "2025-07-24T00:00:00Z");
  // A numeric day that reads both ways still needs the page's evidence.
  EXPECT_EQ(published(dated("3:04 pm | 08/09/2012")), "none");
}

std::string release(const std::string& opening) {
  return page("", "<div><h3>NEWS RELEASE</h3>" + opening + prose(4) + "</div>");
}

TEST(MetadataDatelineForms, PressReleaseAndWireOpenings) {
  EXPECT_EQ(published(release("<p><strong>For Immediate Release:</strong> Nov. 6, 2012<br>"
                              "<strong>Media Inquiries:</strong> Pat Hill</p>")),
            "2012-11-06T00:00:00Z");
  EXPECT_EQ(published(release("<div><b>FOR IMMEDIATE RELEASE</b> - October 26, 2012</div>")),
            "2012-10-26T00:00:00Z");
  // The first prose paragraph opens with the date and a dash.
  const std::string lead =
      " The harbour board will present a new timetable for the night ferry at its spring meeting next week.";
  EXPECT_EQ(published(release("<p>October 25, 2012 -&nbsp;&nbsp;" + lead + "</p>")), "2012-10-25T00:00:00Z");
  EXPECT_EQ(published(release("<p>WASHINGTON, Nov. 6, 2012 /PRNewswire/ -- " + lead + "</p>")),
            "2012-11-06T00:00:00Z");
}

TEST(MetadataDatelineForms, NoReleaseDateInsideProse) {
  const std::string lead =
      " The harbour board will present a new timetable for the night ferry at its spring meeting next week.";
  // A date inside the sentence, or words before the date, is prose.
  EXPECT_EQ(published(release("<p>The board met on October 25, 2012 - and" + lead + "</p>")), "none");
  EXPECT_EQ(published(release("<p>Until October 25, 2012 - " + lead + "</p>")), "none");
  // Only the first prose paragraph: a later one's opening is a quoted event's.
  EXPECT_EQ(published(release("<p>" + lead + lead + "</p><p>October 25, 2012 - " + lead + "</p>")), "none");
  // "For immediate release" with no date after it.
  EXPECT_EQ(published(release("<p>For immediate release. Contact Pat Hill on 555-0100, 2012 edition</p>")),
            "none");
}

std::string select(const std::string& name, const std::vector<std::string>& choices) {
  std::string html = "<select name=\"" + name + "\">";
  for (const auto& choice : choices) html += "\n<option>" + choice + "</option>";  // a line each, as written
  return html + "</select>";
}

TEST(MetadataDatelineForms, ADatePickerIsNoDateline) {
  // A travel site's search form, in a box of class "find-date": its choices
  // read "Dec 26 27 28 29 30 31 2006 2007 to Jan Feb ...", once taken for
  // December 26, 2027.
  const std::string picker =
      "<form><div id=\"calender\" class=\"find-date\">" + select("from_mm", {"Dec"}) +
      select("from_dd", {"26", "27", "28", "29", "30", "31"}) + select("from_yyyy", {"2006", "2007"}) +
      " to<br>" +
      select("to_mm", {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}) +
      select("to_dd", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}) +
      select("to_yyyy", {"2006", "2007"}) + "</div></form>";
  EXPECT_EQ(
      published(page("", picker + "<article><h1>Ferry service extended</h1>" + prose(4) + "</article>")),
      "none");
  // The same class on a box with a date and no field is the dateline.
  EXPECT_EQ(published(dated("Dec 26, 2006")), "2006-12-26T00:00:00Z");
}

}  // namespace
