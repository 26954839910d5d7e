#include "core/log.h"

#include <fmt/chrono.h>

#include <chrono>

namespace newsd {

namespace {
std::string_view level_name(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warn:
      return "warn";
    case LogLevel::error:
      return "error";
  }
  return "?";
}
}  // namespace

void Logger::write(LogLevel level, std::string_view message) const {
  // One fmt::print call per line so concurrent writers do not interleave mid-line.
  auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
  fmt::print(sink_, "{:%Y-%m-%dT%H:%M:%S}Z {} {}\n", now, level_name(level), message);
}

}  // namespace newsd
