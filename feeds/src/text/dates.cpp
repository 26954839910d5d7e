// Date parsing for feeds and pages: ISO 8601/RFC 3339/W3C-DTF, RFC 822/1123
// as real feeds write it, and a few free forms. Locale-independent by design:
// no strptime, no std::get_time, only std::chrono and hand-written scanning.
#include "feeds/dates.h"

#include "common/ascii.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <initializer_list>
#include <utility>

namespace feeds {

namespace {

using namespace std::chrono;

using ascii::is_alpha;
using ascii::is_digit;
using ascii::is_space;
using ascii::lower;
using ascii::trim;

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
  if (text.size() > 9 && is_digit(text[0]) && is_digit(text[1]) && text[2] == '-' && is_digit(text[3]) &&
      (text[8] == 'T' || text[8] == 't')) {
    // ISO 8601:1988's two-digit year, "03-12-31T10:00:00Z": the century as RFC 2822
    // pivots it. Only with a time: "02-03-25" alone is as likely day-month-year.
    read_fixed(text, pos, 2, year);
    year += year < 50 ? 2000 : 1900;
  } else if (!read_fixed(text, pos, 4, year)) {
    return std::nullopt;
  }
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
  } else if (pos < text.size()) {  // basic 20250302, or the basic ordinal date 2025061
    std::size_t run = pos;
    while (run < text.size() && is_digit(text[run])) ++run;
    if (run - pos == 3) {
      int ordinal = 0;
      read_fixed(text, pos, 3, ordinal);
      if (ordinal < 1 || ordinal > 366) return std::nullopt;
      date_from_week = sys_days(std::chrono::year{year} / January / 1) + days(ordinal - 1);
    } else if (!read_fixed(text, pos, 2, month) || !read_fixed(text, pos, 2, day)) {
      return std::nullopt;
    }
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

// Month names and their usual abbreviations in the languages feeds are written
// in (as the tokens hold them: lowercase), after what feedparser (Greek,
// Hungarian) and the date libraries of other readers accept. Dates name the
// month in the genitive in Slavic languages and Greek ("2 марта 2025"), so
// those forms are here too. Exact matches only: prefixes are for English.
struct ForeignMonth {
  std::string_view name;
  int month;
};
constexpr ForeignMonth kForeignMonths[] = {
    // German
    {"januar", 1},
    {"jänner", 1},
    {"februar", 2},
    {"märz", 3},
    {"mär", 3},
    {"mrz", 3},
    {"mai", 5},
    {"juni", 6},
    {"juli", 7},
    {"oktober", 10},
    {"okt", 10},
    {"dezember", 12},
    {"dez", 12},
    // French
    {"janvier", 1},
    {"janv", 1},
    {"février", 2},
    {"fevrier", 2},
    {"févr", 2},
    {"fevr", 2},
    {"fév", 2},
    {"mars", 3},
    {"avril", 4},
    {"avr", 4},
    {"juin", 6},
    {"juillet", 7},
    {"juil", 7},
    {"août", 8},
    {"aout", 8},
    {"septembre", 9},
    {"octobre", 10},
    {"novembre", 11},
    {"décembre", 12},
    {"decembre", 12},
    {"déc", 12},
    // Spanish
    {"enero", 1},
    {"ene", 1},
    {"febrero", 2},
    {"marzo", 3},
    {"abril", 4},
    {"abr", 4},
    {"mayo", 5},
    {"junio", 6},
    {"julio", 7},
    {"agosto", 8},
    {"ago", 8},
    {"septiembre", 9},
    {"setiembre", 9},
    {"octubre", 10},
    {"noviembre", 11},
    {"diciembre", 12},
    {"dic", 12},
    // Italian
    {"gennaio", 1},
    {"gen", 1},
    {"febbraio", 2},
    {"aprile", 4},
    {"maggio", 5},
    {"mag", 5},
    {"giugno", 6},
    {"giu", 6},
    {"luglio", 7},
    {"lug", 7},
    {"settembre", 9},
    {"set", 9},
    {"ottobre", 10},
    {"ott", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1},
    {"fevereiro", 2},
    {"fev", 2},
    {"março", 3},
    {"maio", 5},
    {"junho", 6},
    {"julho", 7},
    {"setembro", 9},
    {"outubro", 10},
    {"out", 10},
    {"novembro", 11},
    {"dezembro", 12},
    // Dutch, Swedish, Danish, Norwegian
    {"januari", 1},
    {"februari", 2},
    {"maart", 3},
    {"mrt", 3},
    {"marts", 3},
    {"mei", 5},
    {"maj", 5},
    {"augustus", 8},
    {"augusti", 8},
    {"desember", 12},
    {"des", 12},
    // Polish (nominative and genitive)
    {"styczeń", 1},
    {"stycznia", 1},
    {"luty", 2},
    {"lutego", 2},
    {"marzec", 3},
    {"marca", 3},
    {"kwiecień", 4},
    {"kwietnia", 4},
    {"maja", 5},
    {"czerwiec", 6},
    {"czerwca", 6},
    {"lipiec", 7},
    {"lipca", 7},
    {"sierpień", 8},
    {"sierpnia", 8},
    {"wrzesień", 9},
    {"września", 9},
    {"październik", 10},
    {"października", 10},
    {"listopad", 11},
    {"listopada", 11},
    {"grudzień", 12},
    {"grudnia", 12},
    // Czech (genitive)
    {"ledna", 1},
    {"února", 2},
    {"března", 3},
    {"dubna", 4},
    {"května", 5},
    {"června", 6},
    {"července", 7},
    {"srpna", 8},
    {"září", 9},
    {"října", 10},
    {"listopadu", 11},
    {"prosince", 12},
    // Russian
    {"январь", 1},
    {"января", 1},
    {"янв", 1},
    {"февраль", 2},
    {"февраля", 2},
    {"фев", 2},
    {"март", 3},
    {"марта", 3},
    {"мар", 3},
    {"апрель", 4},
    {"апреля", 4},
    {"апр", 4},
    {"май", 5},
    {"мая", 5},
    {"июнь", 6},
    {"июня", 6},
    {"июн", 6},
    {"июль", 7},
    {"июля", 7},
    {"июл", 7},
    {"август", 8},
    {"августа", 8},
    {"авг", 8},
    {"сентябрь", 9},
    {"сентября", 9},
    {"сен", 9},
    {"сент", 9},
    {"октябрь", 10},
    {"октября", 10},
    {"окт", 10},
    {"ноябрь", 11},
    {"ноября", 11},
    {"ноя", 11},
    {"декабрь", 12},
    {"декабря", 12},
    {"дек", 12},
    // Ukrainian
    {"січень", 1},
    {"січня", 1},
    {"лютий", 2},
    {"лютого", 2},
    {"березень", 3},
    {"березня", 3},
    {"квітень", 4},
    {"квітня", 4},
    {"травень", 5},
    {"травня", 5},
    {"червень", 6},
    {"червня", 6},
    {"липень", 7},
    {"липня", 7},
    {"серпень", 8},
    {"серпня", 8},
    {"вересень", 9},
    {"вересня", 9},
    {"жовтень", 10},
    {"жовтня", 10},
    {"листопад", 11},
    {"листопада", 11},
    {"грудень", 12},
    {"грудня", 12},
    // Greek: feedparser's abbreviations (with the spellings seen in iso-8859-7 feeds) and the genitive
    {"ιαν", 1},
    {"φεβ", 2},
    {"μάώ", 3},
    {"μαώ", 3},
    {"μαρ", 3},
    {"μάρ", 3},
    {"απρ", 4},
    {"μάι", 5},
    {"μαϊ", 5},
    {"μαι", 5},
    {"ιούν", 6},
    {"ιον", 6},
    {"ιουν", 6},
    {"ιούλ", 7},
    {"ιολ", 7},
    {"ιουλ", 7},
    {"αύγ", 8},
    {"αυγ", 8},
    {"σεπ", 9},
    {"οκτ", 10},
    {"νοέ", 11},
    {"νοε", 11},
    {"δεκ", 12},
    {"ιανουαρίου", 1},
    {"φεβρουαρίου", 2},
    {"μαρτίου", 3},
    {"απριλίου", 4},
    {"μαΐου", 5},
    {"ιουνίου", 6},
    {"ιουλίου", 7},
    {"αυγούστου", 8},
    {"σεπτεμβρίου", 9},
    {"οκτωβρίου", 10},
    {"νοεμβρίου", 11},
    {"δεκεμβρίου", 12},
    // Hungarian (with feedparser's "máujus")
    {"január", 1},
    {"február", 2},
    {"febr", 2},
    {"március", 3},
    {"márc", 3},
    {"április", 4},
    {"ápr", 4},
    {"május", 5},
    {"máujus", 5},
    {"máj", 5},
    {"június", 6},
    {"jún", 6},
    {"július", 7},
    {"júl", 7},
    {"augusztus", 8},
    {"szeptember", 9},
    {"szept", 9},
    {"október", 10},
    // Turkish
    {"ocak", 1},
    {"şubat", 2},
    {"mart", 3},
    {"nisan", 4},
    {"mayıs", 5},
    {"haziran", 6},
    {"temmuz", 7},
    {"ağustos", 8},
    {"eylül", 9},
    {"ekim", 10},
    {"kasım", 11},
    {"aralık", 12},
    // Romanian ("mai" and "august" are above)
    {"ianuarie", 1},
    {"ian", 1},
    {"februarie", 2},
    {"martie", 3},
    {"aprilie", 4},
    {"iunie", 6},
    {"iulie", 7},
    {"septembrie", 9},
    {"octombrie", 10},
    {"noiembrie", 11},
    {"decembrie", 12},
    // Arabic: the Gregorian months transliterated (Egypt, the Gulf, the
    // Maghreb) and the Levantine names (Syria, Lebanon, Jordan, Iraq), often
    // written side by side ("نيسان / أبريل"). The two Levantine names of two
    // words (كانون الثاني, تشرين الأول...) are read by month_at.
    {"يناير", 1},
    {"فبراير", 2},
    {"مارس", 3},
    {"أبريل", 4},
    {"إبريل", 4},
    {"ابريل", 4},
    {"مايو", 5},
    {"يونيو", 6},
    {"يوليو", 7},
    {"أغسطس", 8},
    {"اغسطس", 8},
    {"سبتمبر", 9},
    {"أكتوبر", 10},
    {"اكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    {"شباط", 2},
    {"آذار", 3},
    {"نيسان", 4},
    {"أيار", 5},
    {"أيّار", 5},
    {"ايار", 5},
    {"حزيران", 6},
    {"تموز", 7},
    {"تمّوز", 7},
    {"آب", 8},
    {"أيلول", 9},
    {"ايلول", 9},
};

// "mar", "march", "sept": a month name or an abbreviation of at least 3
// letters; or a month named in another language (kForeignMonths).
int month_from_name(std::string_view word) {
  if (word.ends_with('.')) word.remove_suffix(1);
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (begins_with(kMonths[i], word)) return static_cast<int>(i) + 1;
  }
  if (word == "sept") return 9;
  if (!is_alpha(word.front()) && static_cast<unsigned char>(word.front()) < 0x80) return 0;
  for (const auto& foreign : kForeignMonths)
    if (foreign.name == word) return foreign.month;
  return 0;
}

// The Levantine Arabic months of two words: "كانون" (Kanun) or "تشرين"
// (Tishrin) and "الأول" (the first) or "الثاني" (the second).
int levantine_two_word_month(std::string_view first, std::string_view second) {
  const bool kanun = first == "كانون", tishrin = first == "تشرين";
  if (!kanun && !tishrin) return 0;
  const bool former = second == "الأول" || second == "الاول" || second == "الأوّل";
  const bool latter = second == "الثاني" || second == "الثّاني";
  if (former) return kanun ? 12 : 10;
  if (latter) return kanun ? 1 : 11;
  return 0;
}

// A word of letters (any script) with perhaps a final '.': what a weekday in
// another language looks like ("Montag", "mié.", "Κυρ").
bool is_word(std::string_view token) {
  if (token.ends_with('.')) token.remove_suffix(1);
  if (token.size() < 2) return false;
  for (char c : token)
    if (!is_alpha(c) && static_cast<unsigned char>(c) < 0x80 && c != '-') return false;
  return true;
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
      if (static_cast<unsigned char>(c) >= 0xC3 && static_cast<unsigned char>(c) <= 0xD0 &&
          i + 1 < text.size())
        i += lower_two_byte(text, i);
    }
    add(start, text.size());
  }

  // Lowercases the two-byte UTF-8 capital at text[i] (Latin-1, Greek, Cyrillic)
  // into lowered_, same length; returns the bytes consumed past text[i].
  std::size_t lower_two_byte(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto trail = static_cast<unsigned char>(text[i + 1]);
    if ((trail & 0xC0) != 0x80) return 0;
    char32_t cp = ((lead & 0x1Fu) << 6) | (trail & 0x3Fu);
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) ||
        (cp >= 0x410 && cp <= 0x42F))
      cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F)
      cp += 0x50;
    else if (cp == 0x386)
      cp = 0x3AC;
    else if (cp >= 0x388 && cp <= 0x38A)
      cp += 0x25;
    else if (cp == 0x38C)
      cp = 0x3CC;
    else if (cp == 0x38E || cp == 0x38F)
      cp += 0x3F;
    lowered_[i] = static_cast<char>(0xC0 | (cp >> 6));
    lowered_[i + 1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 1;
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

// A zone as a date names it. The US names without a season (ET, CT, MT, PT)
// give their standard offset and leave daylight saving time to the date.
struct Zone {
  seconds offset{0};
  bool us_generic = false;
};

constexpr NamedZone kUsGenericZones[] = {{"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480}};

// Reads a zone from tokens[index...]: named zones, military letters, numeric
// offsets, "GMT+3", "UTC +03:00"; nothing there is no zone (UTC). An unknown
// word is refused (nullopt): read as UTC it could be hours off.
std::optional<Zone> parse_zone(const Tokens& tokens, std::size_t index) {
  if (index >= tokens.size()) return Zone{};
  std::string_view token = tokens[index];
  // A zone named only in a comment, "(EET)": the name inside counts.
  if (token.starts_with('(') && token.ends_with(')') && token.size() > 2)
    token = token.substr(1, token.size() - 2);
  seconds offset{0};
  std::size_t pos = 0;
  if (read_numeric_offset(token, pos, offset)) return Zone{offset};
  // Split a leading name from an attached offset: "gmt+3", "utc-05:00".
  std::size_t name_end = 0;
  while (name_end < token.size() && is_alpha(token[name_end])) ++name_end;
  std::string_view name = token.substr(0, name_end);
  std::string_view rest = token.substr(name_end);
  if ((name == "gmt" || name == "utc" || name == "ut")) {
    pos = 0;
    if (!rest.empty() && read_numeric_offset(rest, pos, offset)) return Zone{offset};
    if (rest.empty() && index + 1 < tokens.size()) {
      pos = 0;
      if (read_numeric_offset(tokens[index + 1], pos, offset)) return Zone{offset};
    }
    return Zone{};
  }
  for (const auto& zone : kZones) {
    if (zone.name == name) return Zone{minutes(zone.minutes)};
  }
  for (const auto& zone : kUsGenericZones) {
    if (zone.name == name) return Zone{minutes(zone.minutes), true};
  }
  if (name.size() == 1 && rest.empty()) {
    if (auto military = military_zone_minutes(name[0])) return Zone{minutes(*military)};
  }
  // "Coordinated Universal Time", "Greenwich Mean Time" spelled out.
  if (name == "coordinated" || name == "universal" || name == "greenwich") return Zone{};
  if (name.empty() || name == "uhr" || name == "h") return Zone{};  // "08:40 Uhr": no zone given
  return std::nullopt;
}

// The offset of a US zone named without its season at a local date and time:
// daylight saving time from 2:00 on the second Sunday of March to 2:00 on the
// first Sunday of November (since 2007; 1987-2006 the first Sunday of April to
// the last Sunday of October). The hour skipped in spring and the hour
// repeated in autumn have no single answer, nor have years before 1987: nullopt.
std::optional<seconds> us_local_offset(int year, int month, int day, const Clock& clock, seconds standard) {
  if (year < 1987 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const std::chrono::year y{year};
  sys_days start_day, end_day;
  if (year >= 2007) {
    start_day = sys_days(year_month_weekday{y / March / Sunday[2]});
    end_day = sys_days(year_month_weekday{y / November / Sunday[1]});
  } else {
    start_day = sys_days(year_month_weekday{y / April / Sunday[1]});
    end_day = sys_days(year_month_weekday_last{y / October / Sunday[last]});
  }
  const year_month_day date{y, std::chrono::month{static_cast<unsigned>(month)},
                            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  // Wall-clock times compared as if they were UTC.
  const sys_seconds wall = sys_days(date) + hours(clock.hour) + minutes(clock.minute) + seconds(clock.second);
  const sys_seconds start = start_day + hours(2), end = end_day + hours(2);
  if (wall < start) return standard;
  if (wall < start + hours(1)) return std::nullopt;  // 2:00-3:00 does not exist that night
  if (wall < end - hours(1)) return standard + hours(1);
  if (wall < end) return std::nullopt;  // 1:00-2:00 happens twice that night
  return standard;
}

// The timestamp a date with a zone names.
std::optional<Timestamp> make_zoned(int year, int month, int day, const Clock& clock, const Zone& zone) {
  seconds offset = zone.offset;
  if (zone.us_generic) {
    const auto local = us_local_offset(year, month, day, clock, zone.offset);
    if (!local) return std::nullopt;
    offset = *local;
  }
  return make_timestamp(year, month, day, clock, offset);
}

int expand_year(int year, std::size_t digits) {
  if (digits == 2) return year < 50 ? 2000 + year : 1900 + year;  // RFC 2822 section 4.3
  if (digits == 3) return 1900 + year;
  return year;
}

// The token-based reader behind parse_rfc822_date and the free forms:
// [weekday] (day month | month day) [year] [time] [am|pm] [zone] [junk],
// or asctime's "weekday month day time year". With apply_zone false, the
// zone is still read (an unknown word still refuses the text) but not applied:
// the wall clock as written, as if it were UTC.
std::optional<Timestamp> parse_tokens(std::string_view text, bool apply_zone = true) {
  Tokens tokens(text);
  std::size_t i = 0;
  auto at = [&](std::size_t index) -> std::string_view {
    return index < tokens.size() ? std::string_view(tokens[index]) : std::string_view();
  };
  // A weekday first: English by name; in other languages any word before the
  // day or the month ("Montag, 2. März", "mié, 2 de marzo"); it is not checked.
  if (i < tokens.size() && !all_digits(at(i)) && month_from_name(at(i)) == 0 &&
      (is_weekday_name(at(i)) || (is_word(at(i)) && !at(i + 1).empty() &&
                                  (is_digit(at(i + 1).front()) || month_from_name(at(i + 1)) != 0))))
    ++i;
  // "02-Mar-2025" and "2-march-2025": split into three tokens.
  if (std::string_view first = at(i);
      std::count(first.begin(), first.end(), '-') == 2 && is_digit(first.front())) {
    const std::size_t a = first.find('-'), b = first.find('-', a + 1);
    tokens.split(i, first.substr(0, a), first.substr(a + 1, b - a - 1), first.substr(b + 1));
  }
  int day = 0, month = 0, year = 0;
  // The month's name at i, perhaps of two words, perhaps followed by the
  // same month's other name after a slash ("نيسان / أبريل"); 0 when none.
  auto month_at = [&](std::size_t& index) {
    int named = levantine_two_word_month(at(index), at(index + 1));
    std::size_t words = named != 0 ? 2 : 1;
    if (named == 0) named = month_from_name(at(index));
    if (named == 0) return 0;
    index += words;
    if (at(index) == "/") {
      const int other = levantine_two_word_month(at(index + 1), at(index + 2));
      if (other == named) {
        index += 3;
      } else if (month_from_name(at(index + 1)) == named) {
        index += 2;
      }
    }
    return named;
  };
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
    if (at(i) == "of" || at(i) == "de") ++i;  // "2 of March", "2 de marzo"
    month = month_at(i);
    if (month == 0) return std::nullopt;
  } else if ((month = month_at(i)) != 0) {
    if (!read_day(at(i))) return std::nullopt;
    ++i;
  } else {
    return std::nullopt;
  }
  if (at(i) == "de" || at(i) == "del") ++i;  // "2 de marzo de 2025"
  Clock clock;
  std::string_view meridiem;
  bool have_clock = false;
  std::size_t zone_at = tokens.size();
  // asctime puts the time before the year.
  if (at(i).find(':') != std::string_view::npos) {
    if (!parse_clock(at(i), clock, meridiem)) return std::nullopt;
    have_clock = true;
    ++i;
    // Twitter's and ctime's zoned form puts the zone there too: "Wed Aug 27 13:08:45 +0000 2008".
    if (!at(i).empty() && !all_digits(at(i)) && at(i + 1).size() == 4 && all_digits(at(i + 1))) zone_at = i++;
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
  // Arabic: "ص" or "صباحاً" (morning), "م" or "مساءً" (evening).
  if (have_clock && meridiem.empty()) {
    const std::string_view word = at(i);
    if (word == "ص" || word == "صباحا" || word == "صباحاً") {
      meridiem = "am";
      ++i;
    } else if (word == "م" || word == "مساء" || word == "مساءً" || word == "مساءا") {
      meridiem = "pm";
      ++i;
    }
  }
  if (!have_clock && !at(i).empty() && is_digit(at(i).front()))
    return std::nullopt;  // "2025 8": a broken time
  if (!apply_meridiem(clock, meridiem)) return std::nullopt;
  if (!have_clock) return make_timestamp(year, month, day, clock, seconds(0));
  const auto zone = parse_zone(tokens, zone_at < tokens.size() ? zone_at : i);
  if (!zone) return std::nullopt;
  if (!apply_zone) return make_timestamp(year, month, day, clock, seconds(0));
  return make_zoned(year, month, day, clock, *zone);
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
  // Hungarian writes the year first with a period and a space after each
  // part: "2020. 06. 04. 11:27".
  const bool spaced = separator == '.' && first_digits == 4 && pos < text.size() && text[pos] == ' ';
  if (spaced) ++pos;
  if (!read_digits(text, pos, 2, second)) return std::nullopt;
  if (pos >= text.size() || text[pos] != separator) return std::nullopt;
  ++pos;
  if (spaced && pos < text.size() && text[pos] == ' ') ++pos;
  if (!read_digits(text, pos, 4, third, &third_digits)) return std::nullopt;
  if (spaced && pos < text.size() && text[pos] == '.') ++pos;
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
    const auto zone = parse_zone(tokens, i);
    if (!zone) return std::nullopt;
    return make_zoned(year, month, day, clock, *zone);
  }
  return make_timestamp(year, month, day, clock, offset);
}

// Korean blog software writes "2004년 05월 28일 01:31:15" (OnBlog) and
// "2004-05-25 오후 11:23:17" (Nate); both mean Korean time (+09:00), as
// feedparser reads them.
std::optional<Timestamp> parse_korean_date(std::string_view text) {
  static constexpr std::string_view kYear = "년", kMonth = "월", kDay = "일", kAm = "오전", kPm = "오후";
  const bool onblog = text.find(kYear) != std::string_view::npos;
  if (!onblog && text.find(kAm) == std::string_view::npos && text.find(kPm) == std::string_view::npos)
    return std::nullopt;
  std::size_t pos = 0;
  auto skip_spaces = [&] {
    while (pos < text.size() && is_space(text[pos])) ++pos;
  };
  auto expect = [&](std::string_view word) {
    if (text.substr(pos, word.size()) != word) return false;
    pos += word.size();
    return true;
  };
  int year = 0, month = 0, day = 0;
  if (!read_fixed(text, pos, 4, year)) return std::nullopt;
  if (onblog) {
    if (!expect(kYear)) return std::nullopt;
    skip_spaces();
    if (!read_digits(text, pos, 2, month) || !expect(kMonth)) return std::nullopt;
    skip_spaces();
    if (!read_digits(text, pos, 2, day) || !expect(kDay)) return std::nullopt;
  } else if (!expect("-") || !read_fixed(text, pos, 2, month) || !expect("-") ||
             !read_fixed(text, pos, 2, day)) {
    return std::nullopt;
  }
  skip_spaces();
  std::string_view meridiem;
  if (expect(kAm))
    meridiem = "am";
  else if (expect(kPm))
    meridiem = "pm";
  skip_spaces();
  Clock clock;
  std::string_view clock_meridiem;
  if (!parse_clock(text.substr(pos), clock, clock_meridiem) || !clock_meridiem.empty()) return std::nullopt;
  if (!meridiem.empty() && !apply_meridiem(clock, meridiem)) return std::nullopt;
  return make_timestamp(year, month, day, clock, hours(9));
}

// Chinese and Japanese pages write "2019年4月2日" (year, month and day each
// followed by its character), perhaps the weekday in brackets ("(火)",
// "（火）") and a clock as "12時30分" (Chinese "12时30分", seconds "05秒") or
// "12:30"; Korean pages the same with 년/월/일 and no clock. No zone is
// written: the wall clock is read as UTC, as other zoneless dates are.
std::optional<Timestamp> parse_cjk_date(std::string_view text) {
  std::size_t pos = 0;
  auto skip_spaces = [&] {
    while (pos < text.size() && is_space(text[pos])) ++pos;
  };
  auto expect_any = [&](std::initializer_list<std::string_view> words) {
    for (std::string_view word : words) {
      if (text.substr(pos, word.size()) == word) {
        pos += word.size();
        return true;
      }
    }
    return false;
  };
  int year = 0, month = 0, day = 0;
  if (!read_fixed(text, pos, 4, year) || !expect_any({"年", "년"})) return std::nullopt;
  skip_spaces();
  if (!read_digits(text, pos, 2, month) || !expect_any({"月", "월"})) return std::nullopt;
  skip_spaces();
  if (!read_digits(text, pos, 2, day) || !expect_any({"日", "일"})) return std::nullopt;
  skip_spaces();
  // The weekday: one character (two bytes or more) in brackets.
  for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (text.substr(pos, open.size()) != open) continue;
    const std::size_t end = text.find(close, pos + open.size());
    if (end == std::string_view::npos || end - pos - open.size() > 6 || end == pos + open.size())
      return std::nullopt;
    pos = end + close.size();
    skip_spaces();
    break;
  }
  Clock clock;
  if (pos < text.size()) {
    if (!read_digits(text, pos, 2, clock.hour)) return std::nullopt;
    if (expect_any({":"})) {
      if (!read_fixed(text, pos, 2, clock.minute)) return std::nullopt;
      if (expect_any({":"}) && !read_fixed(text, pos, 2, clock.second)) return std::nullopt;
    } else if (expect_any({"時", "时"})) {
      if (pos < text.size() && (!read_digits(text, pos, 2, clock.minute) || !expect_any({"分"})))
        return std::nullopt;
      if (pos < text.size() && (!read_digits(text, pos, 2, clock.second) || !expect_any({"秒"})))
        return std::nullopt;
    } else {
      return std::nullopt;
    }
    skip_spaces();
    if (pos != text.size()) return std::nullopt;
  }
  return make_timestamp(year, month, day, clock, seconds(0));
}

// ISO 8601 with the month named: "2004-július-13T9:15-05:00" (Hungarian, as
// feedparser reads it); the hour may have one digit.
std::optional<Timestamp> parse_iso_named_month(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || is_digit(text[5])) return std::nullopt;
  for (std::size_t i = 0; i < 4; ++i)
    if (!is_digit(text[i])) return std::nullopt;
  const std::size_t dash = text.find('-', 5);
  if (dash == std::string_view::npos) return std::nullopt;
  const Tokens word(text.substr(5, dash - 5));
  if (word.size() != 1) return std::nullopt;
  const int month = month_from_name(word[0]);
  if (month == 0) return std::nullopt;
  std::string rebuilt(text.substr(0, 5));
  rebuilt += static_cast<char>('0' + month / 10);
  rebuilt += static_cast<char>('0' + month % 10);
  rebuilt += text.substr(dash);
  if (const auto t = rebuilt.find('T');
      t != std::string::npos && t + 2 < rebuilt.size() && is_digit(rebuilt[t + 1]) && rebuilt[t + 2] == ':')
    rebuilt.insert(t + 1, "0");
  return parse_iso8601_date(rebuilt);
}

// ISO 8601 date and time followed by a zone name, "2025-03-02 08:40:00 EST"
// (some CMSs write it): the name read as in RFC 822 dates.
std::optional<Timestamp> parse_iso_named_zone(std::string_view text) {
  const std::size_t space = text.rfind(' ');
  if (space == std::string_view::npos || space + 1 >= text.size() || !is_alpha(text[space + 1]))
    return std::nullopt;
  const std::string_view local = trim(text.substr(0, space));
  // A time, and no offset of its own: the name is the only zone.
  if (local.size() < 13 || local.find(':') == std::string_view::npos ||
      local.find_first_of("+Zz", 10) != std::string_view::npos ||
      local.find('-', 10) != std::string_view::npos)
    return std::nullopt;
  const auto wall = parse_iso8601_date(local);  // the wall-clock time, read as if it were UTC
  if (!wall) return std::nullopt;
  const Tokens name(text.substr(space + 1));
  if (name.size() != 1) return std::nullopt;
  const auto zone = parse_zone(name, 0);
  if (!zone) return std::nullopt;
  const sys_days day = floor<days>(*wall);
  const year_month_day date{day};
  const hh_mm_ss time_of_day{*wall - day};
  Clock clock;
  clock.hour = static_cast<int>(time_of_day.hours().count());
  clock.minute = static_cast<int>(time_of_day.minutes().count());
  clock.second = static_cast<int>(time_of_day.seconds().count());
  return make_zoned(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                    static_cast<int>(static_cast<unsigned>(date.day())), clock, *zone);
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
  if (auto named = parse_iso_named_month(text)) return named;
  if (auto korean = parse_korean_date(text)) return korean;
  if (auto cjk = parse_cjk_date(text)) return cjk;
  if (auto zoned = parse_iso_named_zone(text)) return zoned;
  // Perforce's "Fri, 2006/09/15 08:19:53 EDT": a weekday before a numeric date.
  if (is_alpha(text.front())) {
    const std::size_t word_end = text.find_first_of(", ");
    if (word_end != std::string_view::npos && word_end <= 12) {
      const std::string_view rest = trim(text.substr(word_end + 1));
      if (!rest.empty() && is_digit(rest.front())) {
        if (auto numeric = parse_numeric_date(rest)) return numeric;
      }
    }
  }
  // Unix time in seconds (9-10 digits) or milliseconds (12-13 digits), as some JSON feeds write it.
  if (all_digits(text) && (text.size() == 9 || text.size() == 10 || text.size() == 12 || text.size() == 13)) {
    long long value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    if (text.size() >= 12) value /= 1000;
    return Timestamp(seconds(value));
  }
  return std::nullopt;
}

std::optional<Timestamp> parse_date_wall_clock(std::string_view input) {
  const std::string_view text = trim(input);
  if (text.empty() || text.size() > 256) return std::nullopt;
  return parse_tokens(text, /*apply_zone=*/false);
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
