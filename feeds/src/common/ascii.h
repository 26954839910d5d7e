#pragma once
// ASCII character helpers, written once for all of feeds/: the markup, dates,
// URLs and protocol lines feeds/ reads are ASCII where it matters, and the C
// <cctype> functions depend on the locale and cost a call per byte.
//
// Two white-space sets, because the specifications differ:
//  - is_space: C's isspace in the "C" locale (space, \t, \n, \v, \f, \r). The
//    default for trimming values: feed fields, dates, OPML attributes,
//    robots.txt lines. A stray \v in a value is trimmed like any space.
//  - is_html_space: WHATWG "ASCII whitespace" (space, \t, \n, \f, \r; no \v),
//    what HTML parsers skip. Used where feeds/ reads HTML as a browser would
//    (<meta charset>, <link> attributes, encoding labels) so that a \v there
//    stays part of the value, as it does for the browser.
#include <cstddef>
#include <string>
#include <string_view>

namespace feeds::ascii {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
constexpr bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}

constexpr char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}
inline std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

// Case-insensitive equality (what std::tolower does in the "C" locale).
// Inline: element names are compared this way for every element of every
// feed, mostly against literals whose length alone settles it.
constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i] && lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}
constexpr bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}
// Whether `prefix` starts at text[pos] (any case); false when pos is past the end.
constexpr bool starts_with_icase(std::string_view text, std::size_t pos, std::string_view prefix) {
  return pos <= text.size() && istarts_with(text.substr(pos), prefix);
}
constexpr bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// `text` without is_space (trim) or is_html_space (trim_html) bytes at either end.
constexpr std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}
constexpr std::string_view trim_html(std::string_view text) {
  while (!text.empty() && is_html_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_html_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace feeds::ascii
