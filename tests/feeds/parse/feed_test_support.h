#pragma once
// Helpers for the feed tests: files, a fixed "now", JSON path checks and diffs.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace feeds::test {

// "Now" for every case, so future-date warnings do not depend on the clock.
inline const std::chrono::sys_seconds kFixedNow{std::chrono::seconds(1748736000)};  // 2025-06-01T00:00:00Z

std::string read_file(const std::filesystem::path& path);

// Applies {"a/0/b": value, "path~": substring, "path#": length} checks; returns failures.
std::vector<std::string> apply_checks(const boost::json::value& actual, const boost::json::object& checks);

// Path of the first place where two JSON values differ ("" when equal).
std::string first_difference(const boost::json::value& a, const boost::json::value& b,
                             const std::string& path = "");

std::string pretty(const boost::json::value& value);

}  // namespace feeds::test
