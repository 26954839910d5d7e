#include "http/header_values.h"

#include <gtest/gtest.h>

namespace newsd::http {
namespace {

using namespace std::chrono_literals;

SystemTime utc(int year, unsigned month, unsigned day, int h, int m, int s) {
  return std::chrono::sys_days{std::chrono::year{year} / month / day} + std::chrono::hours(h) +
         std::chrono::minutes(m) + std::chrono::seconds(s);
}

TEST(HeaderValues, HttpDateInAllThreeForms) {
  const auto expected = utc(1994, 11, 6, 8, 49, 37);
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), expected);
  EXPECT_EQ(parse_http_date("  Wed, 21 Oct 2065 07:28:00 GMT "), utc(2065, 10, 21, 7, 28, 0));
}

TEST(HeaderValues, BadHttpDatesAreRejected) {
  for (const char* text : {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Foo 1994 08:49:37 GMT",
                           "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
                           "Sun, 06 Nov 1994 08:49:37 GMT trailing"}) {
    EXPECT_FALSE(parse_http_date(text).has_value()) << text;
  }
}

TEST(HeaderValues, RetryAfterSecondsOrDate) {
  const auto now = utc(2024, 1, 1, 0, 0, 0);
  EXPECT_EQ(parse_retry_after("120", now), now + 120s);
  EXPECT_EQ(parse_retry_after(" 0 ", now), now);
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2065 07:28:00 GMT", now), utc(2065, 10, 21, 7, 28, 0));
  EXPECT_EQ(parse_retry_after("99999999999999999999", now), now + std::chrono::hours(24 * 365)) << "capped";
  EXPECT_FALSE(parse_retry_after("-5", now).has_value());
  EXPECT_FALSE(parse_retry_after("soon", now).has_value());
  EXPECT_FALSE(parse_retry_after("", now).has_value());
}

TEST(HeaderValues, CharsetFromContentType) {
  EXPECT_EQ(charset_from_content_type("text/xml; charset=UTF-8"), "utf-8");
  EXPECT_EQ(charset_from_content_type("text/html;CHARSET=\"windows-1251\""), "windows-1251");
  EXPECT_EQ(charset_from_content_type("application/rss+xml; q=1; charset = koi8-r ; x=y"), "koi8-r");
  EXPECT_EQ(charset_from_content_type("text/xml"), "");
  EXPECT_EQ(charset_from_content_type(""), "");
  EXPECT_EQ(media_type(" Application/RSS+XML ; charset=x"), "application/rss+xml");
}

TEST(HeaderValues, MaxAge) {
  EXPECT_EQ(max_age("public, max-age=3600"), 3600s);
  EXPECT_EQ(max_age("MAX-AGE=\"60\", must-revalidate"), 60s);
  EXPECT_EQ(max_age("s-maxage=10, max-age=20"), 20s);
  EXPECT_FALSE(max_age("no-cache").has_value());
  EXPECT_FALSE(max_age("max-age=abc").has_value());
  EXPECT_FALSE(max_age("max-age=-1").has_value());
}

}  // namespace
}  // namespace newsd::http
