#pragma once
// Date parsing for feeds and pages. Never throws: nullopt means "unparseable".
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace feeds {

using Timestamp = std::chrono::sys_seconds;  // UTC, whole seconds

// RFC 822/1123 with the deviations found in real feeds: missing or wrong
// weekday, 2- and 4-digit years, single-digit days, no seconds, named zones
// (UT, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT, military letters), numeric
// offsets "+0300", "+03:00", "GMT+3", trailing junk after the zone, month
// names in any case, full month names.
std::optional<Timestamp> parse_rfc822_date(std::string_view text);

// ISO 8601 / RFC 3339 / W3C-DTF: date only, no zone (taken as UTC), fractional
// seconds, "Z", offsets with and without colon, "T" or space separator, week
// dates (2025-W09-7), basic format (20250302T084000Z).
std::optional<Timestamp> parse_iso8601_date(std::string_view text);

// Tries ISO 8601 first, then RFC 822, then a few common free forms
// ("March 2, 2025 10:40 AM", "2 March 2025", "2025/03/02 08:40", and the
// Chinese, Japanese and Korean "2025年3月2日 8時40分").
std::optional<Timestamp> parse_date(std::string_view text);

// The calendar day and clock a named or numbered zone was given for, with the
// zone read but not applied (as if the time were UTC): "July 23, 2012, 10:49
// p.m. ET" -> 2012-07-23T22:49:00Z where parse_date gives 2012-07-24T02:49:00Z.
// Their difference is the offset the text wrote, so that a page's own
// calendar day survives. Only the token forms (RFC 822 and the free forms
// with month names); ISO 8601 writes its offset in digits.
std::optional<Timestamp> parse_date_wall_clock(std::string_view text);

// RFC 3339 in UTC: "2025-03-02T08:40:00Z".
std::string format_rfc3339(Timestamp time);

}  // namespace feeds
