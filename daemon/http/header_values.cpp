#include "http/header_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>

#include "core/strings.h"

namespace newsd::http {
namespace {

// A small cursor over the date text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool literal(char c) {
    if (text_.empty() || text_.front() != c) return false;
    text_.remove_prefix(1);
    return true;
  }
  void spaces() {
    while (!text_.empty() && text_.front() == ' ') text_.remove_prefix(1);
  }
  std::optional<int> number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t n = 0;
    while (n < text_.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(text_[n]))) ++n;
    if (n < min_digits) return std::nullopt;
    int value = 0;
    std::from_chars(text_.data(), text_.data() + n, value);
    text_.remove_prefix(n);
    return value;
  }
  std::string_view word() {
    std::size_t n = 0;
    while (n < text_.size() && std::isalpha(static_cast<unsigned char>(text_[n]))) ++n;
    auto out = text_.substr(0, n);
    text_.remove_prefix(n);
    return out;
  }
  std::optional<int> month() {
    static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
    const auto name = word();
    for (std::size_t i = 0; i < kMonths.size(); ++i)
      if (core::iequals(name, kMonths[i])) return static_cast<int>(i);
    return std::nullopt;
  }
  bool time_of_day(std::tm& tm) {
    auto h = number(2, 2);
    if (!h || !literal(':')) return false;
    auto m = number(2, 2);
    if (!m || !literal(':')) return false;
    auto s = number(2, 2);
    if (!s) return false;
    tm.tm_hour = *h;
    tm.tm_min = *m;
    tm.tm_sec = *s;
    return true;
  }
  [[nodiscard]] bool done() const { return core::trim(text_).empty(); }

 private:
  std::string_view text_;
};

std::optional<SystemTime> to_time(const std::tm& fields) {
  if (fields.tm_mon < 0 || fields.tm_mon > 11 || fields.tm_mday < 1 || fields.tm_mday > 31 ||
      fields.tm_hour > 23 || fields.tm_min > 59 || fields.tm_sec > 60)
    return std::nullopt;
  std::tm copy = fields;
  const std::time_t seconds = timegm(&copy);
  if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(seconds);
}

}  // namespace

std::optional<SystemTime> parse_http_date(std::string_view text) {
  text = core::trim(text);
  std::tm tm{};
  {  // IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT" and RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT"
    Scanner s(text);
    s.word();
    if (s.literal(',')) {
      s.spaces();
      auto day = s.number(1, 2);
      const bool dashed = s.literal('-');
      if (!dashed) s.spaces();
      auto month = s.month();
      if (dashed ? !s.literal('-') : (s.spaces(), false)) return std::nullopt;
      auto year = s.number(2, 4);
      s.spaces();
      if (!day || !month || !year || !s.time_of_day(tm)) return std::nullopt;
      s.spaces();
      const auto zone = s.word();
      if (!(core::iequals(zone, "GMT") || core::iequals(zone, "UTC")) || !s.done()) return std::nullopt;
      int y = *year;
      if (y < 100) y += y < 70 ? 2000 : 1900;  // RFC 850's two-digit years
      tm.tm_year = y - 1900;
      tm.tm_mon = *month;
      tm.tm_mday = *day;
      return to_time(tm);
    }
  }
  {  // asctime "Sun Nov  6 08:49:37 1994"
    Scanner s(text);
    s.word();
    s.spaces();
    auto month = s.month();
    s.spaces();
    auto day = s.number(1, 2);
    s.spaces();
    if (!month || !day || !s.time_of_day(tm)) return std::nullopt;
    s.spaces();
    auto year = s.number(4, 4);
    if (!year || !s.done()) return std::nullopt;
    tm.tm_year = *year - 1900;
    tm.tm_mon = *month;
    tm.tm_mday = *day;
    return to_time(tm);
  }
}

std::optional<SystemTime> parse_retry_after(std::string_view text, SystemTime now) {
  text = core::trim(text);
  if (!text.empty() && std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); })) {
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (ec != std::errc{}) seconds = 365LL * 24 * 3600;  // absurdly large: cap at a year
    seconds = std::min(seconds, 365LL * 24 * 3600);
    return now + std::chrono::seconds(seconds);
  }
  return parse_http_date(text);
}

std::string media_type(std::string_view content_type) {
  return core::to_lower(core::trim(content_type.substr(0, content_type.find(';'))));
}

std::string charset_from_content_type(std::string_view content_type) {
  auto pos = content_type.find(';');
  while (pos != std::string_view::npos) {
    content_type.remove_prefix(pos + 1);
    pos = content_type.find(';');
    auto parameter = core::trim(content_type.substr(0, pos));
    const auto eq = parameter.find('=');
    if (eq == std::string_view::npos || !core::iequals(core::trim(parameter.substr(0, eq)), "charset"))
      continue;
    auto value = core::trim(parameter.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    return core::to_lower(core::trim(value));
  }
  return {};
}

std::optional<std::chrono::seconds> max_age(std::string_view cache_control) {
  while (!cache_control.empty()) {
    const auto comma = cache_control.find(',');
    auto directive = core::trim(cache_control.substr(0, comma));
    cache_control = comma == std::string_view::npos ? std::string_view{} : cache_control.substr(comma + 1);
    const auto eq = directive.find('=');
    if (eq == std::string_view::npos || !core::iequals(core::trim(directive.substr(0, eq)), "max-age"))
      continue;
    auto value = core::trim(directive.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc{} || end != value.data() + value.size() || seconds < 0) return std::nullopt;
    return std::chrono::seconds(seconds);
  }
  return std::nullopt;
}

}  // namespace newsd::http
