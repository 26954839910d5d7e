// A published day without its time (<meta name="date" content="2016-12-15">,
// a JSON-LD "datePublished": "2024-04-22") beside another of the page's
// dates on the same day that has the time of day: the date is told more
// exactly by the latter. A time on another day never replaces it.
#include <gtest/gtest.h>

#include <string>

#include "extract_support.h"
#include "feeds/extract.h"

namespace {

using newsd::test::page;
using newsd::test::prose;
using newsd::test::published;

std::string story(std::string_view head, std::string_view header) {
  return page("<title>Night ferry extended</title>" + std::string(head),
              "<article><h1>Night ferry extended</h1>" + std::string(header) + prose(4) + "</article>");
}

TEST(TimeOfDay, TimeElementOnTheSameDayTellsTheHour) {
  const std::string html = story("<meta name=\"date\" content=\"2016-12-15\">",
                                 "<time datetime=\"2016-12-15T15:33:00-05:00\">December 15, 2016</time>");
  EXPECT_EQ(published(html), "2016-12-15T15:33:00-05:00");
}

TEST(TimeOfDay, TimestampAttributesTellTheHour) {
  // A <time> that keeps its timestamp in a data attribute, and a byline
  // <div> with a datetime attribute.
  EXPECT_EQ(published(story("<meta name=\"date\" content=\"2016-12-09\">",
                            "<time data-published=\"2016-12-09 09:13:00Z\">Dec 9, 2016</time>")),
            "2016-12-09T09:13:00Z");
  EXPECT_EQ(
      published(story("<meta name=\"date\" content=\"2016-10-13\">",
                      "<div class=\"byline\" datetime=\"2016-10-13 17:00:00 -0400\">Oct 13, 2016</div>")),
      "2016-10-13T17:00:00-04:00");
}

TEST(TimeOfDay, TimeOnAnotherDayLeavesTheDay) {
  const std::string html = story("<meta name=\"date\" content=\"2016-12-15\">",
                                 "<div data-published=\"2016-12-16T08:00:00Z\">Updated</div>");
  EXPECT_EQ(published(html), "2016-12-15T00:00:00Z");
}

}  // namespace
