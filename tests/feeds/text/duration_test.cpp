#include "feeds/duration.h"

#include <gtest/gtest.h>

using namespace std::chrono_literals;

namespace {

TEST(Duration, ParsesSingleAndCombinedUnits) {
  EXPECT_EQ(feeds::parse_duration("90s"), 90s);
  EXPECT_EQ(feeds::parse_duration("30m"), 30min);
  EXPECT_EQ(feeds::parse_duration("1h30m"), 90min);
  EXPECT_EQ(feeds::parse_duration("2d"), 48h);
  EXPECT_EQ(feeds::parse_duration("500ms"), 500ms);
  EXPECT_EQ(feeds::parse_duration("1m500ms"), 60500ms);
  EXPECT_EQ(feeds::parse_duration("0s"), 0ms);
}

TEST(Duration, RefusesEverythingElse) {
  for (const char* bad : {"", "30", "m", "30 m", " 30m", "30m ", "-5m", "+5m", "1.5h", "30M", "5x", "30m1h",
                          "1m1m", "1ms1s", "1hh", "99999999999999999999s", "1e3s", "30min"}) {
    EXPECT_FALSE(feeds::parse_duration(bad).has_value()) << bad;
  }
}

TEST(Duration, FormatsTheShortestSpellingThatReadsBack) {
  EXPECT_EQ(feeds::format_duration(90min), "1h30m");
  EXPECT_EQ(feeds::format_duration(500ms), "500ms");
  EXPECT_EQ(feeds::format_duration(0ms), "0s");
  EXPECT_EQ(feeds::format_duration(86400s + 1s), "1d1s");
  for (std::chrono::milliseconds value : {1ms, 999ms, 1000ms, 61001ms, 3600000ms, 123456789ms}) {
    EXPECT_EQ(feeds::parse_duration(feeds::format_duration(value)), value);
  }
}

}  // namespace
