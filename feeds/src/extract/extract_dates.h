#pragma once
// Dates as pages write them: parsed with their UTC offset kept, found in
// datelines ("Posted on March 5, 2024"), bylines and the URL's path.
#include <libxml/tree.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace feeds::extract_detail {

// A date as the page wrote it: the instant, and the UTC offset the page gave
// ("+01:00", "-0500", "Z"), so that the page's own calendar date survives.
struct PageDate {
  std::chrono::sys_seconds at;
  std::optional<std::chrono::minutes> offset;
};

// A date in any form feeds::parse_date reads ("2024-03-05T10:52:50+01:00",
// "Tue, 05 Mar 2024 10:52:50 GMT", "March 5, 2024"), its offset kept.
std::optional<PageDate> read_date(std::string_view raw);

// The calendar day the page wrote (its own offset, not UTC's day).
std::chrono::sys_days local_day(const PageDate& date);

// What a page tells about a numeric day that reads both ways ("11/06/2012",
// "01.09.2008"): English pages write both orders.
struct NumericDays {
  bool day_first = false;  // the page's language is not English
  // The year and month of the article's path (/2012/11/): the one reading in
  // that month is the page's.
  std::optional<std::chrono::year_month> path_month;
};

// "Published: March 5, 2024", "Posted on 5 March 2024 | 10:40": the date in
// a short dateline, after at most four leading words; refused when the
// weekday the line names is not the date's. A numeric day that reads both
// ways ("01.09.2008") only when the page's language writes the day first,
// or when only one reading falls on the weekday the line names ("Thu,
// 08/09/2012") or in the path's month.
std::optional<PageDate> dateline_date(std::string_view text, const NumericDays& numeric_days);
std::optional<PageDate> dateline_date(std::string_view text, bool numeric_day_first);

// The year and month in the article's path, with or without a day
// (/2012/11/, /2012/11/05/): the month the story was filed in.
std::optional<std::chrono::year_month> month_in_url(std::string_view url);

// The date a press release or a wire story opens with, read from the start of
// a paragraph's text: "For Immediate Release: Nov. 6, 2012", "October 25,
// 2012 - BMW will ...", "WASHINGTON, Nov. 6, 2012 /PRNewswire/ -- ..." (a
// city in capitals and a wire's tag allowed; the date alone before the dash,
// its month named). Never a date inside prose.
std::optional<PageDate> release_opening_date(std::string_view text, const NumericDays& numeric_days);

// A dateline that gives the last revision: "Updated …", "Last updated: …",
// "Modified …".
bool says_updated(std::string_view text);

// A line that names its date with a label in Chinese, Japanese or Korean and
// a colon: "公開日：2019年4月2日", "投稿日: 2019/04/02", "最終更新日：2019/02/22"
// (says_updated tells the revision's labels), "发布时间：2019-04-02 10:30".
// Those scripts seldom mark the date with a class; the label says it.
std::optional<PageDate> labelled_date(std::string_view line, const NumericDays& numeric_days);

// Class or id words of an element that holds the post's date, or its line of
// author and date: "entry-date", "timestamp", "timeLine", "posted-on",
// "published", "submitted" (Drupal's), "entry-meta", "byline", "post-info".
bool names_a_dateline(xmlNode* node);

// "by Jane Doe on March 5, 2024", "Posted on March 5, 2024 in News": an
// element whose own text begins with "by" or "posted"; or one that dates the
// story in a sentence: "This story is from …", "First published …".
bool starts_as_byline(xmlNode* node);

// A line that opens with its date: its first word is a number ("2018年6月18日
// 10:01", "18.06.2018"), a weekday or a month ("Thursday 10 January 2008",
// "Oct 28, 2012 11:30 PM"), or a dateline's label ("Published:", "Updated",
// "Posted", "Veröffentlicht"), and a date follows within a few words. A
// line whose date comes after a name ("Jane Doe to Alex May 14, 2026") does
// not.
bool opens_with_date(std::string_view line);

// The first words of a dateline element, up to `limit` bytes, cut at a word:
// a meta line goes on with share buttons and counts after its date.
std::string_view leading_words(std::string_view text, std::size_t limit);

// A date on the path's day or the day beside it: stories are filed before
// midnight and published after, or dated in another zone than the path.
bool near_day(const PageDate& date, std::chrono::sys_seconds path_day);

// The date many CMSes put in the article's path: /2024/03/07/, /2024-03-07/,
// /20240307/ (the year 1990-2099, a real month and day; a path segment
// boundary on both sides). Midnight of that calendar day, as the page gives
// no time.
std::optional<std::chrono::sys_seconds> date_in_url(std::string_view url);

// Four digits in a row: every day a dateline gives has its year (a cheap
// test before the dateline's readings, for the many lines under headings).
bool has_four_digits(std::string_view text);

// The text's line on its own (a dateline, a byline bar), not a sentence whose
// links cut it into short text nodes ("On October 29, 1863, the <a>Red
// Cross</a> was formed. …"): the text around it, in document order through
// inline elements up to a <br> or a block on each side, is short and no sentence.
// At most `limit` bytes.
bool a_line_of_its_own(xmlNode* text, std::size_t limit);

}  // namespace feeds::extract_detail
