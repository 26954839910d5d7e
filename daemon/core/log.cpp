#include "core/log.h"

#include <fmt/chrono.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

namespace newsd {

namespace {

// syslog priorities, as sd-daemon(3)'s "<N>" prefixes want them.
int priority(LogLevel level) {
  switch (level) {
    case LogLevel::debug:
      return 7;
    case LogLevel::info:
      return 6;
    case LogLevel::warn:
      return 4;
    case LogLevel::error:
      return 3;
  }
  return 6;
}

// JSON string escaping (RFC 8259): quote, backslash and control characters.
void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

// logfmt: bare when the value has nothing that would split it, else quoted
// with the JSON escapes (what logfmt parsers accept).
void append_logfmt_value(std::string& out, std::string_view value) {
  bool bare = !value.empty();
  for (char c : value) {
    if (c == ' ' || c == '=' || c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x21 || c == 0x7f) {
      bare = false;
      break;
    }
  }
  if (bare) {
    out += value;
  } else {
    append_json_string(out, value);
  }
}

}  // namespace

std::string_view to_string(LogLevel level) {
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

std::optional<LogFormat> parse_log_format(std::string_view name) {
  if (name == "logfmt") return LogFormat::logfmt;
  if (name == "json") return LogFormat::json;
  return std::nullopt;
}

bool is_journal_stream(int fd, const char* journal_stream) {
  if (journal_stream == nullptr) return false;
  unsigned long long device = 0;
  unsigned long long inode = 0;
  if (std::sscanf(journal_stream, "%llu:%llu", &device, &inode) != 2) return false;  // NOLINT(cert-err34-c)
  struct stat info {};
  if (fstat(fd, &info) != 0) return false;
  return static_cast<unsigned long long>(info.st_dev) == device &&
         static_cast<unsigned long long>(info.st_ino) == inode;
}

LogStyle stderr_log_style(LogFormat format) {
  // getenv before any thread starts (loggers are made in main's thread).
  return {format,
          is_journal_stream(STDERR_FILENO, std::getenv("JOURNAL_STREAM"))};  // NOLINT(concurrency-mt-unsafe)
}

LogStyle Logger::default_style(std::FILE* sink) {
  // Computed once: the journal stream does not change while we run.
  static const LogStyle for_stderr = stderr_log_style();
  return sink == stderr ? for_stderr : LogStyle{};
}

std::string fold_lines(std::string_view message) {
  std::string out;
  std::size_t start = 0;
  while (start <= message.size()) {
    auto end = message.find('\n', start);
    auto line = message.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    constexpr std::string_view kSpace = " \t\r";
    auto first = line.find_first_not_of(kSpace);
    if (first != std::string_view::npos) {
      line = line.substr(first, line.find_last_not_of(kSpace) - first + 1);
      if (!out.empty()) out += "; ";
      out += line;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

std::string format_log_line(const LogStyle& style, LogLevel level, std::string_view message,
                            std::span<const LogField> fields, std::chrono::system_clock::time_point now) {
  std::string line;
  if (style.journald) line += fmt::format("<{}>", priority(level));
  const std::string folded =
      message.find('\n') == std::string_view::npos ? std::string(message) : fold_lines(message);
  std::string timestamp;
  if (!style.journald) {
    // Milliseconds written out: fmt prints a time_point's seconds whole.
    const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now - seconds).count();
    timestamp = fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", seconds, millis);
  }
  if (style.format == LogFormat::json) {
    line.push_back('{');
    if (!style.journald) line += fmt::format("\"ts\":\"{}\",", timestamp);
    line += fmt::format("\"level\":\"{}\",\"msg\":", to_string(level));
    append_json_string(line, folded);
    for (const auto& field : fields) {
      line.push_back(',');
      append_json_string(line, field.key);
      line.push_back(':');
      if (field.numeric) {
        line += field.value;
      } else {
        append_json_string(
            line, field.value.find('\n') == std::string::npos ? field.value : fold_lines(field.value));
      }
    }
    line.push_back('}');
  } else {
    if (!style.journald) line += fmt::format("ts={} ", timestamp);
    line += fmt::format("level={} msg=", to_string(level));
    append_logfmt_value(line, folded);
    for (const auto& field : fields) {
      line += fmt::format(" {}=", field.key);
      append_logfmt_value(
          line, field.value.find('\n') == std::string::npos ? field.value : fold_lines(field.value));
    }
  }
  line.push_back('\n');
  return line;
}

void Logger::write(LogLevel level, std::string_view message, std::span<const LogField> fields) const {
  // One fwrite per line, so concurrent writers do not interleave mid-line.
  const std::string line = format_log_line(style_, level, message, fields, std::chrono::system_clock::now());
  std::fwrite(line.data(), 1, line.size(), sink_);
  std::fflush(sink_);
}

}  // namespace newsd
