#pragma once
// Leveled logging to stderr, one line per event. The sink, threshold and
// style are passed in, not global: components keep a Logger (cheap to copy)
// they were given.
//
// A line is logfmt by default, or JSON (--log-format json):
//   ts=2026-12-06T09:00:00.123Z level=info msg="newsd is running"
//   {"ts":"2026-12-06T09:00:00.123Z","level":"info","msg":"newsd is running"}
// Under journald (stderr is the stream JOURNAL_STREAM names) the line starts
// with the syslog priority, "<6>", and has no ts: the journal keeps its own.
// A message spanning lines (libpq's "ERROR: ...\nDETAIL: ...") is folded
// into one ("ERROR: ...; DETAIL: ..."), so a record is never split.
#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace newsd {

enum class LogLevel { debug = 0, info = 1, warn = 2, error = 3 };

enum class LogFormat { logfmt, json };

struct LogStyle {
  LogFormat format = LogFormat::logfmt;
  bool journald = false;  // "<N>" priority prefix, no timestamp
};

// "logfmt" or "json"; nullopt for anything else.
std::optional<LogFormat> parse_log_format(std::string_view name);

// True when `fd` is the stream systemd connected to the journal: JOURNAL_STREAM
// ("DEVICE:INODE") names it. Comparing with fstat keeps a child whose stderr
// was redirected elsewhere from prefixing lines for a journal it does not write to.
bool is_journal_stream(int fd, const char* journal_stream);

// The style for stderr in this process: `format`, and journald when stderr is
// the journal stream.
LogStyle stderr_log_style(LogFormat format = LogFormat::logfmt);

// One key=value of a structured event. Numbers are written bare in both
// formats; text is quoted where logfmt needs it and always in JSON.
struct LogField {
  LogField(std::string_view field_key, std::string_view text) : key(field_key), value(text) {}
  LogField(std::string_view field_key, const char* text) : key(field_key), value(text) {}
  LogField(std::string_view field_key, const std::string& text) : key(field_key), value(text) {}
  template <typename Number>
  requires std::is_arithmetic_v<Number> LogField(std::string_view field_key, Number number)
      : key(field_key), value(fmt::format("{}", number)), numeric(true) {}

  std::string_view key;
  std::string value;
  bool numeric = false;
};

// The whole line (with its '\n') for an event: what Logger writes, exposed
// for the tests and for anything that must log the same way.
std::string format_log_line(const LogStyle& style, LogLevel level, std::string_view message,
                            std::span<const LogField> fields, std::chrono::system_clock::time_point now);

// "a\nb  \r\n  c\n" -> "a; b; c": the lines of a multi-line message joined.
std::string fold_lines(std::string_view message);

std::string_view to_string(LogLevel level);

class Logger {
 public:
  explicit Logger(LogLevel threshold = LogLevel::info, std::FILE* sink = stderr)
      : Logger(threshold, sink, default_style(sink)) {}
  Logger(LogLevel threshold, std::FILE* sink, LogStyle style)
      : threshold_(threshold), sink_(sink), style_(style) {}

  [[nodiscard]] bool enabled(LogLevel level) const { return level >= threshold_; }
  [[nodiscard]] const LogStyle& style() const { return style_; }

  template <typename... Args>
  void log(LogLevel level, fmt::format_string<Args...> format, Args&&... args) const {
    if (!enabled(level)) return;
    write(level, fmt::format(format, std::forward<Args>(args)...), {});
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

  // A structured event: `message` names it, the fields carry the values
  // (`logger.event(LogLevel::debug, "fetch", {{"url", url}, {"status", 200}})`).
  void event(LogLevel level, std::string_view message, std::initializer_list<LogField> fields) const {
    if (!enabled(level)) return;
    write(level, message, std::span<const LogField>(fields.begin(), fields.size()));
  }

 private:
  static LogStyle default_style(std::FILE* sink);
  void write(LogLevel level, std::string_view message, std::span<const LogField> fields) const;

  LogLevel threshold_;
  std::FILE* sink_;
  LogStyle style_;
};

}  // namespace newsd
