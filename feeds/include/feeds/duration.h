#pragma once
// Durations as people write them in configuration and OPML files: "30m",
// "1h30m", "90s", "500ms", "2d". Parsed strictly: one or more <digits><unit>
// groups, units in descending order, each unit at most once, no spaces, no
// sign, no fraction. Units: d, h, m, s, ms.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace feeds {

// nullopt for anything that is not exactly such a duration (including values
// that would overflow). "0s" is a valid duration; callers that need a positive
// one check for it.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

// The shortest spelling parse_duration reads back unchanged: 5400000 ms ->
// "1h30m", 500 ms -> "500ms", 0 -> "0s". Negative values are not durations;
// they are written as "0s".
std::string format_duration(std::chrono::milliseconds value);

}  // namespace feeds
