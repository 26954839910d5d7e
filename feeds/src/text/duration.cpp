#include "feeds/duration.h"

#include <array>
#include <cstdint>
#include <limits>

namespace feeds {
namespace {

struct Unit {
  std::string_view suffix;
  std::int64_t milliseconds;
};

// Descending order; "ms" is listed before "m" only for matching (see below).
constexpr std::array<Unit, 5> kUnits{{
    {"d", 86'400'000},
    {"h", 3'600'000},
    {"m", 60'000},
    {"s", 1'000},
    {"ms", 1},
}};

}  // namespace

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  std::size_t next_unit = 0;  // units must appear in descending order, each once
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::int64_t number = 0;
    std::size_t digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (number > (std::numeric_limits<std::int64_t>::max() - 9) / 10) return std::nullopt;
      number = number * 10 + (text[pos] - '0');
      ++pos;
      ++digits;
    }
    if (digits == 0 || digits > 15) return std::nullopt;
    // "ms" must win over "m" followed by garbage.
    std::size_t unit_index = kUnits.size();
    if (text.substr(pos).starts_with("ms")) {
      unit_index = 4;
    } else {
      for (std::size_t i = 0; i < 4; ++i) {
        if (text.substr(pos).starts_with(kUnits[i].suffix)) {
          unit_index = i;
          break;
        }
      }
    }
    if (unit_index == kUnits.size() || unit_index < next_unit) return std::nullopt;
    const auto& unit = kUnits[unit_index];
    if (number > (std::numeric_limits<std::int64_t>::max() - total) / unit.milliseconds) return std::nullopt;
    total += number * unit.milliseconds;
    pos += unit.suffix.size();
    next_unit = unit_index + 1;
  }
  return std::chrono::milliseconds(total);
}

std::string format_duration(std::chrono::milliseconds value) {
  std::int64_t remaining = value.count();
  if (remaining <= 0) return "0s";
  std::string out;
  for (const auto& unit : kUnits) {
    if (remaining >= unit.milliseconds) {
      out += std::to_string(remaining / unit.milliseconds);
      out += unit.suffix;
      remaining %= unit.milliseconds;
    }
  }
  return out;
}

}  // namespace feeds
