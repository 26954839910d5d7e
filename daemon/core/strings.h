#pragma once
// The daemon's one set of ASCII string helpers. Protocol text (HTTP header
// values, URLs' schemes and hosts, configuration keys, command-line values)
// is ASCII-case-insensitive and delimited by ASCII whitespace; these never
// consult the C locale, so a process locale cannot change what they accept.
#include <string>
#include <string_view>

namespace newsd::core {

// Space, tab, newline, vertical tab, form feed, carriage return: the set
// std::isspace uses in the "C" locale.
[[nodiscard]] constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

[[nodiscard]] constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` without leading and trailing ASCII whitespace.
[[nodiscard]] constexpr std::string_view trim(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

// A copy with A-Z turned into a-z; other bytes (UTF-8 included) unchanged.
[[nodiscard]] inline std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// Equal when compared ASCII-case-insensitively.
[[nodiscard]] constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace newsd::core
