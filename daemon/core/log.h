#pragma once
// Minimal leveled logging to stderr. The sink and threshold are passed in,
// not global: components keep a Logger (cheap to copy) they were given.
#include <fmt/core.h>

#include <cstdio>
#include <string_view>

namespace newsd {

enum class LogLevel { debug = 0, info = 1, warn = 2, error = 3 };

class Logger {
 public:
  explicit Logger(LogLevel threshold = LogLevel::info, std::FILE* sink = stderr)
      : threshold_(threshold), sink_(sink) {}

  [[nodiscard]] bool enabled(LogLevel level) const { return level >= threshold_; }

  template <typename... Args>
  void log(LogLevel level, fmt::format_string<Args...> format, Args&&... args) const {
    if (!enabled(level)) return;
    write(level, fmt::format(format, std::forward<Args>(args)...));
  }
  template <typename... Args>
  void debug(fmt::format_string<Args...> f, Args&&... a) const {
    log(LogLevel::debug, f, std::forward<Args>(a)...);
  }
  template <typename... Args>
  void info(fmt::format_string<Args...> f, Args&&... a) const {
    log(LogLevel::info, f, std::forward<Args>(a)...);
  }
  template <typename... Args>
  void warn(fmt::format_string<Args...> f, Args&&... a) const {
    log(LogLevel::warn, f, std::forward<Args>(a)...);
  }
  template <typename... Args>
  void error(fmt::format_string<Args...> f, Args&&... a) const {
    log(LogLevel::error, f, std::forward<Args>(a)...);
  }

 private:
  void write(LogLevel level, std::string_view message) const;

  LogLevel threshold_;
  std::FILE* sink_;
};

}  // namespace newsd
