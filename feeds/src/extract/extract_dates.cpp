#include "extract/extract_dates.h"

#include <algorithm>
#include <array>
#include <utility>

#include "extract/extract_dom.h"
#include "extract/extract_hints.h"
#include "feeds/dates.h"
#include "feeds/text.h"
#include "feeds/url.h"

namespace feeds::extract_detail {

namespace {

// Digits at `at`, exactly `count` of them.
std::optional<int> digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The offset at the end of a date with a time of day: "...T10:52:50+0100",
// "...09:53:00-04:00", "...Z", "... 10:00:00 GMT". Dates without a time
// ("2024-03-05") or without a zone have none.
std::optional<std::chrono::minutes> utc_offset_of(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  if (text.ends_with('Z') || text.ends_with('z') || text.ends_with("GMT") || text.ends_with("UTC") ||
      text.ends_with(" UT"))
    return std::chrono::minutes(0);
  const std::size_t sign = text.find_last_of("+-");
  if (sign == std::string_view::npos || sign < colon) return std::nullopt;
  std::string_view digits = text.substr(sign + 1);
  int hours = 0, minutes = 0;
  auto two = [](std::string_view d, int& out) {
    if (d.size() < 2 || d[0] < '0' || d[0] > '9' || d[1] < '0' || d[1] > '9') return false;
    out = (d[0] - '0') * 10 + (d[1] - '0');
    return true;
  };
  if (!two(digits, hours)) return std::nullopt;
  digits.remove_prefix(2);
  if (!digits.empty() && digits.front() == ':') digits.remove_prefix(1);
  if (!digits.empty() && !two(digits, minutes)) return std::nullopt;
  if (hours > 14 || minutes > 59) return std::nullopt;
  const std::chrono::minutes offset(hours * 60 + minutes);
  return text[sign] == '-' ? -offset : offset;
}

// "Monday, 11.05.2012" is November 5th, not May 11th: a dateline that names
// its weekday is misread when the day read falls on another one.
// The first word of `text` that names a weekday ("Mon", "Monday"), and the
// date read from it falls on that day, or no word names one.
bool weekday_agrees(std::string_view text, const PageDate& date) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                                "thursday", "friday", "saturday"};
  std::size_t start = 0;
  while (start < text.size()) {
    if (!ascii::is_alpha(text[start])) {
      ++start;
      continue;
    }
    std::size_t end = start;
    while (end < text.size() && ascii::is_alpha(text[end])) ++end;
    if (end - start >= 3) {
      const std::string word = ascii_lower(text.substr(start, end - start));
      for (std::size_t index = 0; index < kWeekdays.size(); ++index) {
        if (kWeekdays[index].starts_with(word))
          return std::chrono::weekday(local_day(date)).c_encoding() == index;
      }
    }
    start = end;
  }
  return true;
}

// "01.09.2008", "05/03/2024": day and month both 12 or less, the year last.
// English pages write both orders (Tucson's 01.09.2008 is January 9th).
bool ambiguous_numeric_day(std::string_view piece) {
  int first = 0, second = 0;
  std::size_t at = piece.find_first_of("0123456789"), digits = 0;
  if (at == std::string_view::npos) return false;
  for (; at < piece.size() && ascii::is_digit(piece[at]) && digits < 3; ++at, ++digits)
    first = first * 10 + (piece[at] - '0');
  if (digits == 0 || digits > 2 || at >= piece.size()) return false;
  ++at;  // the separator
  for (digits = 0; at < piece.size() && ascii::is_digit(piece[at]) && digits < 3; ++at, ++digits)
    second = second * 10 + (piece[at] - '0');
  if (digits == 0 || digits > 2) return false;
  return first >= 1 && first <= 12 && second >= 1 && second <= 12 && first != second;
}

// The weekday a piece's first word names ("Thu", "Thursday"), Sunday 0.
std::optional<unsigned> named_weekday(std::string_view piece) {
  static constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                                "thursday", "friday", "saturday"};
  std::size_t start = 0;
  while (start < piece.size() && !ascii::is_alpha(piece[start])) {
    if (ascii::is_digit(piece[start])) return std::nullopt;
    ++start;
  }
  std::size_t end = start;
  while (end < piece.size() && ascii::is_alpha(piece[end])) ++end;
  if (end - start < 3) return std::nullopt;
  const std::string word = ascii_lower(piece.substr(start, end - start));
  for (unsigned index = 0; index < kWeekdays.size(); ++index)
    if (kWeekdays[index].starts_with(word)) return index;
  return std::nullopt;
}

// "Thu, 08/09/2012 - 3:04pm" with its numeric day spelled out in the order
// given ("Thu, Aug 09 2012 - 3:04pm"), for feeds::parse_date to read the
// rest as it reads named months.
std::optional<std::string> spelled_numeric_day(std::string_view piece, bool month_first) {
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::size_t start = piece.find_first_of("0123456789");
  if (start == std::string_view::npos) return std::nullopt;
  std::size_t at = start;
  auto number = [&](std::size_t most) {
    int value = 0;
    std::size_t digits = 0;
    for (; at < piece.size() && ascii::is_digit(piece[at]) && digits <= most; ++at, ++digits)
      value = value * 10 + (piece[at] - '0');
    return digits >= 1 && digits <= most ? value : -1;
  };
  const int first = number(2);
  if (first < 0 || at >= piece.size()) return std::nullopt;
  const char separator = piece[at++];
  const int second = number(2);
  if (second < 0 || at >= piece.size() || piece[at++] != separator) return std::nullopt;
  const std::size_t year_at = at;
  if (number(4) < 0 || at - year_at != 4) return std::nullopt;
  const int month = month_first ? first : second, day = month_first ? second : first;
  if (month < 1 || month > 12) return std::nullopt;
  std::string spelled(piece.substr(0, start));
  spelled.append(kMonths[static_cast<std::size_t>(month - 1)]).append(" ").append(std::to_string(day));
  spelled.append(" ").append(piece.substr(year_at, 4)).append(piece.substr(at));
  return spelled;
}

// "08/09/2012" on an English page: the reading that falls on the weekday the
// piece names, or in the path's month, when only one does.
std::optional<PageDate> numeric_day_by_evidence(std::string_view piece, const NumericDays& numeric_days) {
  std::optional<PageDate> readings[2];
  for (int month_first = 0; month_first < 2; ++month_first)
    if (auto spelled = spelled_numeric_day(piece, month_first == 1))
      readings[month_first] = read_date(*spelled);
  if (!readings[0] || !readings[1]) return std::nullopt;
  auto pick = [&](auto&& fits) -> std::optional<PageDate> {
    const bool day_first_fits = fits(*readings[0]), month_first_fits = fits(*readings[1]);
    if (day_first_fits == month_first_fits) return std::nullopt;
    return day_first_fits ? readings[0] : readings[1];
  };
  if (const auto weekday = named_weekday(piece)) {
    return pick(
        [&](const PageDate& date) { return std::chrono::weekday(local_day(date)).c_encoding() == *weekday; });
  }
  if (numeric_days.path_month) {
    return pick([&](const PageDate& date) {
      const std::chrono::year_month_day day{local_day(date)};
      return day.year() / day.month() == *numeric_days.path_month;
    });
  }
  return std::nullopt;
}

// The rest of a piece that opens with a clock: "10:49 AM, Jan 5, 2012",
// "9:00AM - October 30, 2012", "09:40 pm EDT, Fri October 26, 2012", "14:30,
// 5 January 2012" give the day after it (the clock is put back by
// with_lone_clock). Empty when the piece does not open with one.
std::string_view after_leading_clock(std::string_view piece) {
  std::size_t at = 0;
  while (at < piece.size() && piece[at] == ' ') ++at;
  const std::size_t hour_digits = at + 1 < piece.size() && ascii::is_digit(piece[at + 1]) ? 2 : 1;
  if (!digits_at(piece, at, hour_digits) || at + hour_digits >= piece.size() ||
      piece[at + hour_digits] != ':' || !digits_at(piece, at + hour_digits + 1, 2))
    return {};
  at += hour_digits + 3;
  if (at < piece.size() && piece[at] == ':' && digits_at(piece, at + 1, 2)) at += 3;  // seconds
  auto skip_word_if = [&](auto&& fits) {
    std::size_t start = at;
    if (start < piece.size() && piece[start] == ' ') ++start;
    std::size_t end = start;
    while (end < piece.size() && (ascii::is_alpha(piece[end]) || piece[end] == '.')) ++end;
    if (end > start && fits(piece.substr(start, end - start))) at = end;
  };
  skip_word_if([](std::string_view word) {
    const std::string lowered = ascii_lower(word);
    return lowered == "am" || lowered == "pm" || lowered == "a.m." || lowered == "p.m.";
  });
  skip_word_if([](std::string_view word) {  // a zone in capitals: "EDT", "ET"
    return word.size() >= 2 && word.size() <= 4 &&
           std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  });
  if (at >= piece.size() || (piece[at] != ' ' && piece[at] != ',')) return {};
  while (at < piece.size() &&
         (piece[at] == ' ' || piece[at] == ',' || piece[at] == '-' || piece[at] == '|' || piece[at] == '@'))
    ++at;
  return piece.substr(at);
}

// "2019年4月2日", "2019年04月21日 12時00分", "2019年3月15日 09:43": the date a
// Chinese, Japanese or Korean line writes, cut from the words around it
// (those scripts put no space between words: "2019年3月15日公表",
// "投稿日：2019年4月2日(火)"). Empty when the piece has none; a year and a
// month without the day ("2022年4月") is none.
std::string_view cjk_date_in(std::string_view piece) {
  for (std::string_view year_mark : {std::string_view("年"), std::string_view("년")}) {
    const std::size_t mark = piece.find(year_mark);
    if (mark == std::string_view::npos || mark < 4 || !digits_at(piece, mark - 4, 4) ||
        (mark > 4 && ascii::is_digit(piece[mark - 5])))
      continue;
    const std::string_view day_mark = year_mark == "年" ? "日" : "일";
    const std::size_t day = piece.find(day_mark, mark);
    if (day == std::string_view::npos || day - mark > 24) continue;
    std::size_t end = day + day_mark.size();
    // The weekday in brackets and the clock after it: "(火) 12時00分", " 09:43".
    std::size_t at = end;
    auto skip = [&](std::string_view what) {
      if (piece.substr(at, what.size()) != what) return false;
      at += what.size();
      return true;
    };
    auto skip_spaces = [&] {
      while (at < piece.size() && piece[at] == ' ') ++at;
    };
    for (const auto& [open, close] :
         {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
      if (piece.substr(at, open.size()) != open) continue;
      const std::size_t shut = piece.find(close, at);
      if (shut != std::string_view::npos && shut - at <= open.size() + 6) end = at = shut + close.size();
      break;
    }
    skip_spaces();
    auto number = [&] {
      const std::size_t start = at;
      while (at < piece.size() && ascii::is_digit(piece[at]) && at - start < 2) ++at;
      return at > start;
    };
    auto two_digits = [&] {
      const std::size_t start = at;
      return number() && at - start == 2;
    };
    if (number()) {
      if (skip(":")) {
        if (two_digits()) {
          end = at;
          if (skip(":") && two_digits()) end = at;
        }
      } else if (skip("時") || skip("时")) {
        end = at;
        if (number() && skip("分")) end = at;
      }
    }
    return piece.substr(mark - 4, end - (mark - 4));
  }
  return {};
}

// A piece of a dateline that can name a day: a month's name, or digits with
// two separators ("2024-03-05", "05.03.2024"). A bare year ("© 2005") or a
// number ISO 8601 or Unix time would read as a day is not one.
std::optional<PageDate> day_in(std::string_view piece, const NumericDays& numeric_days) {
  if (const auto rest = after_leading_clock(piece); !rest.empty())
    if (auto parsed = day_in(rest, numeric_days)) return parsed;
  if (const auto cjk = cjk_date_in(piece); !cjk.empty()) return read_date(cjk);
  // A month's name in any script ("أبريل", "марта"): letters beyond ASCII count.
  const bool named = std::any_of(piece.begin(), piece.end(), [](char c) {
    return ascii::is_alpha(c) || static_cast<unsigned char>(c) >= 0x80;
  });
  const auto separators =
      std::count_if(piece.begin(), piece.end(), [](char c) { return c == '-' || c == '/' || c == '.'; });
  const bool basic = piece.size() == 8 && !named && separators == 0 &&
                     (piece.starts_with("19") || piece.starts_with("20"));  // "20240305"
  if (!named && separators < 2 && !basic) return std::nullopt;
  if (!numeric_days.day_first && ambiguous_numeric_day(piece))
    return numeric_day_by_evidence(piece, numeric_days);
  return read_date(piece);
}

std::optional<PageDate> date_within_dateline(std::string_view text, const NumericDays& numeric_days) {
  if (text.size() < 6 || text.size() > 80 || text.find_first_of("0123456789") == std::string_view::npos)
    return std::nullopt;
  for (std::string_view stop : {" | ", " · ", " - ", " — "}) {
    if (auto at = text.find(stop); at != std::string_view::npos && at >= 6) {
      if (auto parsed = day_in(text.substr(0, at), numeric_days)) return parsed;
      // "Posted by Jane Doe - Friday, March 7, 2025 at 5:15 PM"
      if (auto parsed = day_in(text.substr(at + stop.size()), numeric_days)) return parsed;
    }
  }
  // A label and a full-width colon, no space: "最終更新日：2019/02/22".
  if (const auto colon = text.find("："); colon != std::string_view::npos && colon <= 24)
    if (auto parsed = day_in(text.substr(colon + std::string_view("：").size()), numeric_days)) return parsed;
  std::size_t start = 0;
  for (int words = 0; words < 5 && start < text.size(); ++words) {
    if (auto parsed = day_in(text.substr(start), numeric_days)) return parsed;
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  // A byline with the date: "by Jane Mary Doe on Tuesday, March 5, 2024 at
  // 10:40am" (the name may be long), "March 5th, 2024 by Jane Doe" (the
  // date first, words after it).
  if (const auto on = text.rfind(" on "); on != std::string_view::npos) {
    // The rest has no " on ": the dateline's own reading, once.
    if (auto parsed = date_within_dateline(text.substr(on + 4), numeric_days)) return parsed;
  }
  start = 0;
  for (int words = 0; words < 5 && start < text.size(); ++words) {
    for (std::size_t end = text.rfind(' '); end != std::string_view::npos && end > start;
         end = text.rfind(' ', end - 1)) {
      if (auto parsed = day_in(text.substr(start, end - start), numeric_days)) return parsed;
    }
    const std::size_t space = text.find(' ', start);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  return std::nullopt;
}

// The one clock a dateline shows, wherever it stands ("10:49 AM, Jan 5,
// 2012", "Thu, 08/09/2012 - 3:04pm", "2:23 pm | August 9th, 2012", "14:30,
// 5 January 2012", "09:40 pm EDT, Fri October 26, 2012"), as parse_date reads
// a clock after the year: "10:49 am", "21:40 pm edt" never (a 24-hour clock
// takes no meridiem), a zone name kept when one follows in capitals. Nothing
// when the line shows no clock or more than one (a start and an end time).
std::optional<std::string> lone_clock(std::string_view text) {
  std::optional<std::string> found;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] != ':' || at == 0 || !ascii::is_digit(text[at - 1])) continue;
    std::size_t start = at - 1;
    if (start > 0 && ascii::is_digit(text[start - 1])) --start;
    if (start > 0 && (ascii::is_digit(text[start - 1]) || text[start - 1] == ':')) continue;
    std::size_t end = at + 1;
    if (!digits_at(text, end, 2)) continue;
    end += 2;
    if (end < text.size() && text[end] == ':' && digits_at(text, end + 1, 2)) end += 3;  // seconds
    if (end < text.size() && (ascii::is_digit(text[end]) || text[end] == ':')) continue;
    if (found) return std::nullopt;  // a second clock: which is the story's is not said
    std::string clock(text.substr(start, end - start));
    const int hour = *digits_at(text, start, at - start);
    // "am", "AM", "a.m.", attached or after a space.
    std::size_t next = end;
    if (next < text.size() && text[next] == ' ') ++next;
    std::string_view rest = text.substr(next);
    std::string_view meridiem;
    if (rest.size() >= 2 && (rest[0] == 'a' || rest[0] == 'A' || rest[0] == 'p' || rest[0] == 'P')) {
      std::size_t m = 1;
      if (m < rest.size() && rest[m] == '.') ++m;
      if (m < rest.size() && (rest[m] == 'm' || rest[m] == 'M')) {
        ++m;
        if (m < rest.size() && rest[m] == '.') ++m;
        if (m == rest.size() || !ascii::is_alpha(rest[m])) {
          meridiem = ascii::lower(rest[0]) == 'a' ? "am" : "pm";
          next += m;
        }
      }
    }
    if (!meridiem.empty()) {
      if (hour < 1 || hour > 12) return std::nullopt;
      clock += ' ';
      clock += meridiem;
    } else if (hour > 23) {
      return std::nullopt;
    }
    // A zone in capitals right after: "EDT", "ET", "GMT".
    std::size_t zone = next;
    if (zone < text.size() && text[zone] == ' ') ++zone;
    std::size_t zone_end = zone;
    while (zone_end < text.size() && text[zone_end] >= 'A' && text[zone_end] <= 'Z') ++zone_end;
    if (zone_end - zone >= 2 && zone_end - zone <= 4 &&
        (zone_end == text.size() || !ascii::is_alpha(text[zone_end])))
      clock.append(" ").append(text.substr(zone, zone_end - zone));
    found = std::move(clock);
    at = end;
  }
  return found;
}

// A day read without its time of day, the line's lone clock put back: the
// wall clock on the day the page wrote, the zone's offset kept when the line
// names one. The day never moves; an unreadable clock or zone leaves the day
// as it was read, and so does a line that says its clock is an update's.
PageDate with_lone_clock(const PageDate& date, std::string_view text) {
  if (date.offset || date.at != std::chrono::floor<std::chrono::days>(date.at)) return date;
  // "24 July 2012 Last updated at 12:01": the clock is the revision's.
  if (const std::string lowered = ascii_lower(text);
      !says_updated(text) &&
      (lowered.find("updated") != std::string::npos || lowered.find("modified") != std::string::npos ||
       lowered.find("edited") != std::string::npos))
    return date;
  const auto clock = lone_clock(text);
  if (!clock) return date;
  static constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::chrono::year_month_day day{local_day(date)};
  std::string written = std::to_string(static_cast<unsigned>(day.day()));
  written.append(" ")
      .append(kMonths[static_cast<unsigned>(day.month()) - 1])
      .append(" ")
      .append(std::to_string(static_cast<int>(day.year())))
      .append(" ")
      .append(*clock);
  const auto timed = read_date(written);
  if (!timed || local_day(*timed) != local_day(date)) return date;
  return *timed;
}

// Text, a comment, or an inline element: part of the line around it.
bool inline_element(xmlNode* node) {
  if (node->type == XML_TEXT_NODE || node->type == XML_COMMENT_NODE) return true;
  if (!is_element(node)) return false;
  const std::string_view name = tag(node);
  return name == "a" || name == "span" || name == "b" || name == "strong" || name == "i" || name == "em" ||
         name == "font" || name == "small" || name == "time" || name == "abbr" || name == "cite" ||
         name == "u" || name == "sup" || name == "sub";
}

// "Formed. Coincidentally": a word of two lower-case letters or more ending a
// sentence, and another beginning. Abbreviations ("Nov. 6", "p.m. ET") are not.
bool has_sentence_end(std::string_view text) {
  for (std::size_t at = text.find_first_of(".!?"); at != std::string_view::npos;
       at = text.find_first_of(".!?", at + 1)) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    if (at < 2 || at + 2 >= text.size() || !lower(text[at - 1]) || !lower(text[at - 2])) continue;
    if (text[at + 1] == ' ' && text[at + 2] >= 'A' && text[at + 2] <= 'Z') return true;
  }
  return false;
}

}  // namespace

std::optional<PageDate> read_date(std::string_view raw) {
  const std::string text = collapse_whitespace(raw);
  auto at = parse_date(text);
  if (!at) return std::nullopt;
  auto offset = utc_offset_of(text);
  if (!offset && text.find(':') != std::string::npos) {
    // A zone by name ("10:49 p.m. ET", "5:37 AM PDT"): the offset is the
    // written clock's distance from the instant, so that a late-evening
    // dateline keeps its own day rather than UTC's next one.
    if (const auto wall = parse_date_wall_clock(text); wall && *wall != *at) {
      const auto named = std::chrono::duration_cast<std::chrono::minutes>(*wall - *at);
      if (std::chrono::abs(named) <= std::chrono::hours(14)) offset = named;
    }
  }
  return PageDate{*at, offset};
}

std::chrono::sys_days local_day(const PageDate& date) {
  return std::chrono::floor<std::chrono::days>(date.at + date.offset.value_or(std::chrono::minutes(0)));
}

std::optional<PageDate> dateline_date(std::string_view text, const NumericDays& numeric_days) {
  auto date = date_within_dateline(text, numeric_days);
  if (date && !weekday_agrees(text, *date)) return std::nullopt;
  if (date) return with_lone_clock(*date, text);
  return date;
}

std::optional<PageDate> dateline_date(std::string_view text, bool numeric_day_first) {
  return dateline_date(text, NumericDays{.day_first = numeric_day_first, .path_month = std::nullopt});
}

bool opens_with_date(std::string_view line) {
  line = ascii::trim(line);
  if (line.empty() || !has_four_digits(line)) return false;
  // The first word: letters and digits, any script's ("Veröffentlicht").
  std::size_t end = 0;
  while (end < line.size() && (ascii::is_alnum(line[end]) || static_cast<unsigned char>(line[end]) >= 0x80))
    ++end;
  const std::string first = ascii_lower(line.substr(0, end));
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 10> kLabels = {
      "published",      "posted",       "updated", "date",      "dated",
      "veröffentlicht", "aktualisiert", "publié",  "publicado", "pubblicato"};
  const bool opens =
      ascii::is_digit(line.front()) || named_weekday(first).has_value() ||
      (first.size() >= 3 && std::any_of(kMonths.begin(), kMonths.end(),
                                        [&](std::string_view month) { return month.starts_with(first); })) ||
      std::any_of(kLabels.begin(), kLabels.end(), [&](std::string_view label) { return first == label; });
  return opens && dateline_date(leading_words(line, 80), false).has_value();
}

std::optional<PageDate> release_opening_date(std::string_view text, const NumericDays& numeric_days) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  static constexpr std::string_view kRelease = "for immediate release";
  if (ascii_lower(text.substr(0, kRelease.size())) == kRelease) {
    std::string_view rest = text.substr(kRelease.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':' || rest.front() == '-'))
      rest.remove_prefix(1);
    // The date must come first: "For Immediate Release: Nov. 6, 2012 Media Inquiries: ..."
    if (rest.empty() || !(ascii::is_alpha(rest.front()) || ascii::is_digit(rest.front())))
      return std::nullopt;
    // The next line glued on by a <br>: "Nov. 6, 2012Media Inquiries: ...".
    for (std::size_t at = 1; at < rest.size(); ++at)
      if (ascii::is_digit(rest[at - 1]) && rest[at] >= 'A' && rest[at] <= 'Z') rest = rest.substr(0, at);
    return dateline_date(leading_words(rest, 24), numeric_days);
  }
  // "October 25, 2012 - BMW will ...", "WASHINGTON, Nov. 6, 2012 /PRNewswire/ -- ...":
  // the date, alone before the dash that opens the story.
  std::size_t dash = std::string_view::npos, dash_size = 0;
  for (std::string_view mark : {" - ", " -- ", " -\u00a0", " --\u00a0", " \u2013 ", " \u2014 "}) {
    const auto at = text.substr(0, 72).find(mark);
    if (at != std::string_view::npos && at < dash) dash = at, dash_size = mark.size();
  }
  if (dash == std::string_view::npos || dash_size == 0) return std::nullopt;
  std::string_view head = text.substr(0, dash);
  if (head.ends_with('/')) {  // a wire's tag: "/PRNewswire/"
    const auto open = head.rfind('/', head.size() - 2);
    if (open == std::string_view::npos) return std::nullopt;
    head = head.substr(0, open);
  }
  // A city in capitals first: "WASHINGTON,", "NEW YORK,".
  if (const auto comma = head.find(','); comma != std::string_view::npos && comma >= 2) {
    const std::string_view city = head.substr(0, comma);
    if (std::all_of(city.begin(), city.end(),
                    [](char c) { return (c >= 'A' && c <= 'Z') || c == ' ' || c == '.'; }))
      head = head.substr(comma + 1);
  }
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  while (!head.empty() && head.front() == ' ') head.remove_prefix(1);
  // Only a date with its month named and its year last: no words of prose
  // before or after it.
  if (head.size() < 8 || head.size() > 24 || !ascii::is_digit(head.back()) ||
      !ascii::is_alpha(head.front()) || std::count(head.begin(), head.end(), ' ') > 3)
    return std::nullopt;
  // It opens with the month or the weekday ("Until October 25, 2012" is prose).
  static constexpr std::array<std::string_view, 19> kOpenings = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
      "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const std::string opening = ascii_lower(head.substr(0, 3));
  if (std::find(kOpenings.begin(), kOpenings.end(), opening) == kOpenings.end()) return std::nullopt;
  const auto date = read_date(head);
  if (!date || !weekday_agrees(head, *date)) return std::nullopt;
  return date;
}

bool says_updated(std::string_view text) {
  // "最終更新日：", "更新日：", Chinese "更新时间：", "最后更新", Korean "수정일".
  for (std::string_view label : {"最終更新", "更新日", "更新時間", "更新时间", "最后更新", "수정"})
    if (text.starts_with(label)) return true;
  const std::string head = ascii_lower(text.substr(0, 14));
  return head.starts_with("updated") || head.starts_with("last updated") || head.starts_with("modified") ||
         head.starts_with("last modified");
}

std::optional<PageDate> labelled_date(std::string_view line, const NumericDays& numeric_days) {
  // Longest first: "公開日時" before "公開日".
  static constexpr std::array<std::string_view, 26> kLabels = {
      "最終更新日時", "最終更新日", "公開日時", "公開日",   "投稿日時", "投稿日",   "掲載日時",
      "掲載日",       "配信日時",   "配信日",   "発行日",   "更新日時", "更新日",   "最后更新",
      "发布时间",     "发布日期",   "发表时间", "发表日期", "更新时间", "更新日期", "작성일시",
      "작성일",       "등록일시",   "등록일",   "수정일시", "수정일"};
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  if (line.empty() || static_cast<unsigned char>(line.front()) < 0x80) return std::nullopt;
  for (std::string_view label : kLabels) {
    if (!line.starts_with(label)) continue;
    std::string_view rest = line.substr(label.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.starts_with("：")) {
      rest.remove_prefix(std::string_view("：").size());
    } else if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    } else {
      return std::nullopt;
    }
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty() || !ascii::is_digit(rest.front())) return std::nullopt;
    return dateline_date(leading_words(rest, 40), numeric_days);
  }
  return std::nullopt;
}

bool names_a_dateline(xmlNode* node) {
  for (const char* key : {"class", "id"}) {
    const std::string_view value = attribute(node, key);
    if (value.empty()) continue;
    for (std::string_view word :
         {"date", "time", "posted", "published", "submitted", "meta", "byline", "info"})
      if (icontains(value, word)) return true;
  }
  return false;
}

bool starts_as_byline(xmlNode* node) {
  if (node->children == nullptr || node->children->type != XML_TEXT_NODE) return false;
  std::string_view first = as_view(node->children->content);
  while (!first.empty() && (first.front() == ' ' || first.front() == '\n' || first.front() == '\t'))
    first.remove_prefix(1);
  const std::string head = ascii_lower(first.substr(0, 19));
  // A sentence that dates the story itself: "This story is from October 9,
  // 2019" (over a story kept in an archive), "First published March 5, 2024".
  return head.starts_with("by ") || head.starts_with("by\n") || head.starts_with("posted ") ||
         head.starts_with("this story is from ") || head.starts_with("first published ");
}

std::string_view leading_words(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  const std::size_t cut = text.rfind(' ', limit);
  return text.substr(0, cut == std::string_view::npos ? limit : cut);
}

bool near_day(const PageDate& date, std::chrono::sys_seconds path_day) {
  const auto apart = local_day(date) - std::chrono::floor<std::chrono::days>(path_day);
  return apart >= std::chrono::days(-1) && apart <= std::chrono::days(1);
}

std::optional<std::chrono::year_month> month_in_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  const auto path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  const std::string_view path = url.substr(path_start, url.find_first_of("?#", path_start) - path_start);
  for (std::size_t i = 0; i + 8 <= path.size(); ++i) {
    if (path[i] != '/') continue;
    const auto year = digits_at(path, i + 1, 4);
    if (!year || *year < 1990 || *year > 2099 || path[i + 5] != '/') continue;
    const auto month = digits_at(path, i + 6, 2);
    if (!month || *month < 1 || *month > 12 || (i + 8 < path.size() && path[i + 8] != '/')) continue;
    return std::chrono::year(*year) / std::chrono::month(static_cast<unsigned>(*month));
  }
  return std::nullopt;
}

std::optional<std::chrono::sys_seconds> date_in_url(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  auto path_start = url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  const std::string_view path = url.substr(path_start, url.find_first_of("?#", path_start) - path_start);
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    if (path[i] != '/' && path[i] != '-' && path[i] != '_') continue;
    const auto year = digits_at(path, i + 1, 4);
    if (!year || *year < 1990 || *year > 2099) continue;
    std::optional<int> month, day;
    std::size_t end = 0;
    const std::size_t after = i + 5;
    if (after < path.size() && (path[after] == '/' || path[after] == '-')) {
      month = digits_at(path, after + 1, 2);
      if (month && after + 3 < path.size() && path[after + 3] == path[after]) {
        day = digits_at(path, after + 4, 2);
        end = after + 6;
      }
    } else {
      month = digits_at(path, after, 2);
      day = digits_at(path, after + 2, 2);
      end = after + 4;
    }
    if (!month || !day) continue;
    if (end < path.size() && path[end] >= '0' && path[end] <= '9') continue;
    const std::chrono::year_month_day date{std::chrono::year(*year),
                                           std::chrono::month(static_cast<unsigned>(*month)),
                                           std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok()) continue;
    return std::chrono::sys_seconds(std::chrono::sys_days(date));
  }
  return std::nullopt;
}

bool has_four_digits(std::string_view text) {
  int run = 0;
  for (const char c : text) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

bool a_line_of_its_own(xmlNode* text, std::size_t limit) {
  if (text == nullptr || text->content == nullptr) return false;
  std::string after;
  for (xmlNode* node = text; node != nullptr && after.size() <= limit;) {
    if (node != text && is_element(node) && node->children != nullptr) {
      node = node->children;
    } else {
      while (node != nullptr && node->next == nullptr) {
        node = node->parent;
        if (node == nullptr || !inline_element(node)) break;
      }
      if (node == nullptr || !inline_element(node)) break;
      node = node->next;
    }
    if (!inline_element(node)) break;
    if (node->type == XML_TEXT_NODE && node->content != nullptr) after += as_view(node->content);
  }
  std::string before;
  for (xmlNode* node = text; node != nullptr && before.size() <= limit;) {
    if (node->prev != nullptr) {
      node = node->prev;
      while (is_element(node) && inline_element(node) && node->last != nullptr) node = node->last;
    } else {
      node = node->parent;
      if (node == nullptr || !inline_element(node)) break;
      continue;
    }
    if (!inline_element(node)) break;
    if (node->type == XML_TEXT_NODE && node->content != nullptr) before.insert(0, as_view(node->content));
  }
  before += as_view(text->content);
  before += after;
  const std::string line = collapse_whitespace(before);
  return line.size() <= limit && !has_sentence_end(line);
}

}  // namespace feeds::extract_detail
