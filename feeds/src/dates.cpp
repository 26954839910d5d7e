// Date parsing for feeds and pages: ISO 8601/RFC 3339/W3C-DTF, RFC 822/1123
// as real feeds write it, and a few free forms. Locale-independent by design:
// no strptime, no std::get_time, only std::chrono and hand-written scanning.
#include "feeds/dates.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace feeds {

namespace {

using namespace std::chrono;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Reads exactly `count` digits at text[pos]; advances pos.
bool read_fixed(std::string_view text, std::size_t& pos, std::size_t count, int& value) {
  if (text.size() - pos < count) return false;
  int result = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_digit(text[pos + i])) return false;
    result = result * 10 + (text[pos + i] - '0');
  }
  value = result;
  pos += count;
  return true;
}

// Reads 1..max_count digits; advances pos.
bool read_digits(std::string_view text, std::size_t& pos, std::size_t max_count, int& value,
                 std::size_t* count_out = nullptr) {
  std::size_t start = pos;
  int result = 0;
  while (pos < text.size() && pos - start < max_count && is_digit(text[pos])) {
    result = result * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return false;
  if (count_out != nullptr) *count_out = pos - start;
  value = result;
  return true;
}

struct Clock {
  int hour = 0, minute = 0, second = 0;
};

// A civil date and time plus an offset east of UTC, checked and converted.
std::optional<Timestamp> make_timestamp(int year, int month, int day, const Clock& clock, seconds offset) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                      std::chrono::day{static_cast<unsigned>(day)}};
  if (day < 1 || !date.ok()) return std::nullopt;
  bool end_of_day = clock.hour == 24 && clock.minute == 0 && clock.second == 0;  // ISO 8601 "24:00"
  if ((clock.hour > 23 && !end_of_day) || clock.minute > 59 || clock.second > 60) return std::nullopt;
  // A leap second (":60") is folded into the next second, which is all sys_seconds can say.
  return sys_days(date) + hours(clock.hour) + minutes(clock.minute) + seconds(clock.second) - offset;
}

// "+03:00", "+0300", "+03", "+3", "-0530": an offset at text[pos] (which is
// '+' or '-'); advances pos.
bool read_numeric_offset(std::string_view text, std::size_t& pos, seconds& offset) {
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-' && text[pos] != '\xE2')) return false;
  int sign = 1;
  if (text[pos] == '\xE2') {  // U+2212 MINUS SIGN, seen in typeset dates
    if (text.substr(pos, 3) != "\xE2\x88\x92") return false;
    sign = -1;
    pos += 3;
  } else {
    sign = text[pos] == '-' ? -1 : 1;
    ++pos;
  }
  int hours_part = 0, minutes_part = 0;
  std::size_t count = 0;
  if (!read_digits(text, pos, 4, hours_part, &count)) return false;
  if (count >= 3) {  // HHMM or HMM
    minutes_part = hours_part % 100;
    hours_part /= 100;
  } else if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!read_fixed(text, pos, 2, minutes_part)) return false;
  }
  if (hours_part > 18 || minutes_part > 59) return false;
  offset = seconds(sign * (hours_part * 3600 + minutes_part * 60));
  return true;
}

// ---- ISO 8601 / RFC 3339 / W3C-DTF -------------------------------------

// Monday of ISO week 1 of `year`.
sys_days iso_week_one(int year) {
  sys_days jan4 = sys_days(std::chrono::year{year} / January / 4);
  weekday wd{jan4};
  return jan4 - days((wd.iso_encoding() - 1));
}

}  // namespace

std::optional<Timestamp> parse_iso8601_date(std::string_view input) {
  std::string_view text = trim(input);
  std::size_t pos = 0;
  int year = 0, month = 1, day = 1;
  if (!read_fixed(text, pos, 4, year)) return std::nullopt;
  bool extended = pos < text.size() && text[pos] == '-';
  std::optional<sys_days> date_from_week;
  if (extended) {
    ++pos;
    if (pos < text.size() && (text[pos] == 'W' || text[pos] == 'w')) {  // 2025-W09-7 / 2025-W09
      ++pos;
      int week = 0, weekday_number = 1;
      if (!read_fixed(text, pos, 2, week)) return std::nullopt;
      if (pos < text.size() && text[pos] == '-') {
        ++pos;
        if (!read_fixed(text, pos, 1, weekday_number)) return std::nullopt;
      }
      if (week < 1 || week > 53 || weekday_number < 1 || weekday_number > 7) return std::nullopt;
      date_from_week = iso_week_one(year) + days((week - 1) * 7 + weekday_number - 1);
    } else {
      std::size_t count = 0;
      int value = 0;
      if (!read_digits(text, pos, 3, value, &count) || count < 2) return std::nullopt;
      if (count == 3) {  // ordinal date 2025-061
        if (value < 1 || value > 366) return std::nullopt;
        date_from_week = sys_days(std::chrono::year{year} / January / 1) + days(value - 1);
      } else {
        month = value;
        if (pos < text.size() && text[pos] == '-') {
          ++pos;
          if (!read_fixed(text, pos, 2, day)) return std::nullopt;
        }
      }
    }
  } else if (pos < text.size() && (text[pos] == 'W' || text[pos] == 'w')) {  // 2025W097
    ++pos;
    int week = 0, weekday_number = 1;
    if (!read_fixed(text, pos, 2, week)) return std::nullopt;
    if (pos < text.size() && is_digit(text[pos])) read_fixed(text, pos, 1, weekday_number);
    if (week < 1 || week > 53 || weekday_number < 1 || weekday_number > 7) return std::nullopt;
    date_from_week = iso_week_one(year) + days((week - 1) * 7 + weekday_number - 1);
  } else if (pos < text.size()) {  // basic 20250302
    if (!read_fixed(text, pos, 2, month) || !read_fixed(text, pos, 2, day)) return std::nullopt;
  }
  if (date_from_week) {
    year_month_day ymd{*date_from_week};
    year = static_cast<int>(ymd.year());
    month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    if (year_month_day{*date_from_week}.year() != std::chrono::year{year}) return std::nullopt;
  }

  Clock clock;
  seconds offset{0};
  if (pos < text.size()) {
    char separator = text[pos];
    if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
    ++pos;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (!read_fixed(text, pos, 2, clock.hour)) return std::nullopt;
    bool time_extended = pos < text.size() && text[pos] == ':';
    if (time_extended) ++pos;
    if (pos < text.size() && is_digit(text[pos])) {
      if (!read_fixed(text, pos, 2, clock.minute)) return std::nullopt;
      if (time_extended ? (pos < text.size() && text[pos] == ':')
                        : (pos < text.size() && is_digit(text[pos]))) {
        if (time_extended) ++pos;
        if (!read_fixed(text, pos, 2, clock.second)) return std::nullopt;
        if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {  // fractional seconds: dropped
          ++pos;
          std::size_t digits = pos;
          while (pos < text.size() && is_digit(text[pos])) ++pos;
          if (pos == digits) return std::nullopt;
        }
      }
    } else if (time_extended) {
      return std::nullopt;
    }
    while (pos < text.size() && text[pos] == ' ') ++pos;
    if (pos < text.size()) {
      if (text[pos] == 'Z' || text[pos] == 'z') {
        ++pos;
      } else if (text.substr(pos) == "UTC" || text.substr(pos) == "GMT") {
        pos = text.size();
      } else if (!read_numeric_offset(text, pos, offset)) {
        return std::nullopt;
      }
    }
    if (pos != text.size()) return std::nullopt;
  }
  return make_timestamp(year, month, day, clock, offset);
}

namespace {

// ---- RFC 822 / RFC 1123 and free forms -----------------------------------

constexpr std::array<std::string_view, 12> kMonths = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {"monday", "tuesday",  "wednesday", "thursday",
                                                       "friday", "saturday", "sunday"};

// name.starts_with(word), inline: words are a few letters, and the memcmp
// call starts_with makes per name was most of the cost of a month lookup.
bool begins_with(std::string_view name, std::string_view word) {
  if (word.size() > name.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (name[i] != word[i]) return false;
  }
  return true;
}

// "mar", "march", "sept": a month name or an abbreviation of at least 3 letters.
int month_from_name(std::string_view word) {
  if (word.size() < 3) return 0;
  if (word.ends_with('.')) word.remove_suffix(1);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (begins_with(kMonths[i], word)) return static_cast<int>(i) + 1;
  }
  if (word == "sept") return 9;
  return 0;
}

bool is_weekday_name(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  if (word.size() < 2) return false;
  for (auto name : kWeekdays) {
    if (begins_with(name, word)) return true;
  }
  return word == "tues" || word == "thur" || word == "thurs";
}

struct NamedZone {
  std::string_view name;
  int minutes;
};
constexpr NamedZone kZones[] = {
    {"ut", 0},     {"utc", 0},    {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240},  {"cst", -360},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480},
    {"hst", -600}, {"ast", -240}, {"adt", -180}, {"nst", -210}, {"ndt", -150}, {"wet", 0},     {"west", 60},
    {"bst", 60},   {"cet", 60},   {"cest", 120}, {"met", 60},   {"mest", 120}, {"eet", 120},   {"eest", 180},
    {"msk", 180},  {"msd", 240},  {"jst", 540},  {"kst", 540},  {"hkt", 480},  {"sgt", 480},   {"awst", 480},
    {"acst", 570}, {"acdt", 630}, {"aest", 600}, {"aedt", 660}, {"nzst", 720}, {"nzdt", 780},
};

// Military zones: A-I = +1..+9, K-M = +10..+12, N-Y = -1..-12, Z = 0 (J is local time: unknown).
std::optional<int> military_zone_minutes(char letter) {
  if (letter >= 'a' && letter <= 'i') return (letter - 'a' + 1) * 60;
  if (letter >= 'k' && letter <= 'm') return (letter - 'k' + 10) * 60;
  if (letter >= 'n' && letter <= 'y') return -(letter - 'n' + 1) * 60;
  if (letter == 'z') return 0;
  return std::nullopt;
}

// The words of a date, lowercased, split at white space and commas. Callers
// refuse dates over 256 bytes, so the words fit on the stack: a vector of
// strings here was four fifths of the cost of reading a date.
class Tokens {
 public:
  static constexpr std::size_t kMaxText = 256;

  explicit Tokens(std::string_view text) {
    text = text.substr(0, kMaxText);
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      if (is_space(c) || c == ',') {
        add(start, i);
        start = i + 1;
        continue;
      }
      lowered_[i] = lower(c);
    }
    add(start, text.size());
  }

  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  std::string_view operator[](std::size_t index) const { return items_[index]; }

  // Token `index` becomes the three pieces it is split into (views of it).
  void split(std::size_t index, std::string_view a, std::string_view b, std::string_view c) {
    for (std::size_t i = count_; i-- > index + 1;) items_[i + 2] = items_[i];
    items_[index] = a;
    items_[index + 1] = b;
    items_[index + 2] = c;
    count_ += 2;
  }

 private:
  void add(std::size_t start, std::size_t end) {
    if (end > start) items_[count_++] = std::string_view(lowered_.data() + start, end - start);
  }

  // Left uninitialised: only what add() and split() wrote is read.
  std::array<char, kMaxText> lowered_;
  // A token and a separator take two bytes at least; a split adds two tokens.
  std::array<std::string_view, kMaxText / 2 + 3> items_;
  std::size_t count_ = 0;
};

bool all_digits(std::string_view token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// "08:40", "8:40:00", "08:40:00.123", "10:40am"; am/pm returned separately.
bool parse_clock(std::string_view token, Clock& clock, std::string_view& meridiem) {
  if (token.ends_with("am") || token.ends_with("pm")) {
    meridiem = token.substr(token.size() - 2);
    token.remove_suffix(2);
  }
  std::size_t pos = 0;
  if (!read_digits(token, pos, 2, clock.hour)) return false;
  if (pos >= token.size() || (token[pos] != ':' && token[pos] != '.')) return false;
  char separator = token[pos++];
  if (!read_fixed(token, pos, 2, clock.minute)) return false;
  if (pos < token.size() && token[pos] == separator) {
    ++pos;
    if (!read_fixed(token, pos, 2, clock.second)) return false;
    if (pos < token.size() && token[pos] == '.') {
      ++pos;
      while (pos < token.size() && is_digit(token[pos])) ++pos;
    }
  }
  return pos == token.size();
}

bool apply_meridiem(Clock& clock, std::string_view meridiem) {
  if (meridiem.empty()) return true;
  if (clock.hour < 1 || clock.hour > 12) return false;
  if (meridiem == "am" && clock.hour == 12) clock.hour = 0;
  if (meridiem == "pm" && clock.hour != 12) clock.hour += 12;
  return true;
}

// Reads a zone from tokens[index...]: named zones, military letters, numeric
// offsets, "GMT+3", "UTC +03:00". Unknown words count as trailing junk (UTC).
seconds parse_zone(const Tokens& tokens, std::size_t index) {
  if (index >= tokens.size()) return seconds(0);
  std::string_view token = tokens[index];
  if (token.starts_with('(')) return seconds(0);  // "(EET)" comment only
  seconds offset{0};
  std::size_t pos = 0;
  if (read_numeric_offset(token, pos, offset)) return offset;
  // Split a leading name from an attached offset: "gmt+3", "utc-05:00".
  std::size_t name_end = 0;
  while (name_end < token.size() && is_alpha(token[name_end])) ++name_end;
  std::string_view name = token.substr(0, name_end);
  std::string_view rest = token.substr(name_end);
  if ((name == "gmt" || name == "utc" || name == "ut")) {
    pos = 0;
    if (!rest.empty() && read_numeric_offset(rest, pos, offset)) return offset;
    if (rest.empty() && index + 1 < tokens.size()) {
      pos = 0;
      if (read_numeric_offset(tokens[index + 1], pos, offset)) return offset;
    }
    return seconds(0);
  }
  for (const auto& zone : kZones) {
    if (zone.name == name) return minutes(zone.minutes);
  }
  if (name.size() == 1 && rest.empty()) {
    if (auto military = military_zone_minutes(name[0])) return minutes(*military);
  }
  return seconds(0);
}

int expand_year(int year, std::size_t digits) {
  if (digits == 2) return year < 50 ? 2000 + year : 1900 + year;  // RFC 2822 section 4.3
  if (digits == 3) return 1900 + year;
  return year;
}

// The token-based reader behind parse_rfc822_date and the free forms:
// [weekday] (day month | month day) [year] [time] [am|pm] [zone] [junk],
// or asctime's "weekday month day time year".
std::optional<Timestamp> parse_tokens(std::string_view text) {
  Tokens tokens(text);
  std::size_t i = 0;
  auto at = [&](std::size_t index) -> std::string_view {
    return index < tokens.size() ? std::string_view(tokens[index]) : std::string_view();
  };
  if (i < tokens.size() && !all_digits(at(i)) && month_from_name(at(i)) == 0 && is_weekday_name(at(i))) ++i;
  // "02-Mar-2025" and "2-march-2025": split into three tokens.
  if (std::string_view first = at(i);
      std::count(first.begin(), first.end(), '-') == 2 && is_digit(first.front())) {
    const std::size_t a = first.find('-'), b = first.find('-', a + 1);
    tokens.split(i, first.substr(0, a), first.substr(a + 1, b - a - 1), first.substr(b + 1));
  }
  int day = 0, month = 0, year = 0;
  auto read_day = [&](std::string_view token) {
    // "2", "02", "2nd", "21st"
    std::size_t pos = 0;
    if (!read_digits(token, pos, 2, day)) return false;
    std::string_view suffix = token.substr(pos);
    return suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" ||
           suffix == ".";
  };
  if (read_day(at(i))) {
    ++i;
    if (at(i) == "of") ++i;
    month = month_from_name(at(i));
    if (month == 0) return std::nullopt;
    ++i;
  } else if ((month = month_from_name(at(i))) != 0) {
    ++i;
    if (!read_day(at(i))) return std::nullopt;
    ++i;
  } else {
    return std::nullopt;
  }
  Clock clock;
  std::string_view meridiem;
  bool have_clock = false;
  // asctime puts the time before the year.
  if (at(i).find(':') != std::string_view::npos) {
    if (!parse_clock(at(i), clock, meridiem)) return std::nullopt;
    have_clock = true;
    ++i;
  }
  std::size_t year_digits = 0;
  {
    std::string_view token = at(i);
    std::size_t pos = 0;
    if (!read_digits(token, pos, 4, year, &year_digits) || pos != token.size() || year_digits == 1)
      return std::nullopt;
    year = expand_year(year, year_digits);
    ++i;
  }
  if (at(i) == "at" || at(i) == "-" || at(i) == "um" || at(i) == "à") ++i;
  if (!have_clock && at(i).find(':') != std::string_view::npos) {
    if (!parse_clock(at(i), clock, meridiem)) return std::nullopt;
    have_clock = true;
    ++i;
  }
  if (have_clock && meridiem.empty() &&
      (at(i) == "am" || at(i) == "pm" || at(i) == "a.m." || at(i) == "p.m.")) {
    meridiem = at(i).substr(0, 1) == "a" ? "am" : "pm";
    ++i;
  }
  if (!have_clock && !at(i).empty() && is_digit(at(i).front()))
    return std::nullopt;  // "2025 8": a broken time
  if (!apply_meridiem(clock, meridiem)) return std::nullopt;
  seconds offset = have_clock ? parse_zone(tokens, i) : seconds(0);
  return make_timestamp(year, month, day, clock, offset);
}

// "2025/03/02 08:40", "2025.03.02", "02.03.2025 08:40" (day first, as
// Ukrainian, Russian and German pages write it), "02/03/2025" is ambiguous
// and refused unless one part exceeds 12.
std::optional<Timestamp> parse_numeric_date(std::string_view text) {
  std::size_t pos = 0;
  int first = 0, second = 0, third = 0;
  std::size_t first_digits = 0, third_digits = 0;
  if (!read_digits(text, pos, 4, first, &first_digits)) return std::nullopt;
  if (pos >= text.size() || (text[pos] != '/' && text[pos] != '.')) return std::nullopt;
  char separator = text[pos++];
  if (!read_digits(text, pos, 2, second)) return std::nullopt;
  if (pos >= text.size() || text[pos] != separator) return std::nullopt;
  ++pos;
  if (!read_digits(text, pos, 4, third, &third_digits)) return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (first_digits == 4) {
    year = first, month = second, day = third;
  } else if (third_digits == 4) {
    year = third;
    if (separator == '.') {
      day = first, month = second;
    } else if (first > 12 && second <= 12) {
      day = first, month = second;
    } else if (second > 12 && first <= 12) {
      month = first, day = second;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  Clock clock;
  seconds offset{0};
  std::string_view rest = trim(text.substr(pos));
  const Tokens tokens(rest);  // may be empty: "02.03.2025,"
  if (!tokens.empty()) {
    std::size_t i = 0;
    if (i < tokens.size() && (tokens[i] == "at" || tokens[i] == "-")) ++i;
    if (i >= tokens.size()) return std::nullopt;
    std::string_view meridiem;
    if (!parse_clock(tokens[i], clock, meridiem)) return std::nullopt;
    ++i;
    if (meridiem.empty() && i < tokens.size() && (tokens[i] == "am" || tokens[i] == "pm"))
      meridiem = tokens[i++];
    if (!apply_meridiem(clock, meridiem)) return std::nullopt;
    offset = parse_zone(tokens, i);
  }
  return make_timestamp(year, month, day, clock, offset);
}

}  // namespace

std::optional<Timestamp> parse_rfc822_date(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 256) return std::nullopt;
  return parse_tokens(text);
}

std::optional<Timestamp> parse_date(std::string_view input) {
  std::string_view text = trim(input);
  if (text.empty() || text.size() > 256) return std::nullopt;
  if (auto iso = parse_iso8601_date(text)) return iso;
  if (auto rfc = parse_tokens(text)) return rfc;
  if (auto numeric = parse_numeric_date(text)) return numeric;
  // Unix time in seconds (9-10 digits) or milliseconds (12-13 digits), as some JSON feeds write it.
  if (all_digits(text) && (text.size() == 9 || text.size() == 10 || text.size() == 12 || text.size() == 13)) {
    long long value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    if (text.size() >= 12) value /= 1000;
    return Timestamp(seconds(value));
  }
  return std::nullopt;
}

std::string format_rfc3339(Timestamp time) {
  sys_days day_point = floor<days>(time);
  year_month_day date{day_point};
  hh_mm_ss clock{time - day_point};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()));
  return buffer;
}

}  // namespace feeds
