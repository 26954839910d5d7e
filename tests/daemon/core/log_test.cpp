// The log line formats: logfmt, JSON, journald's priority prefix, folding.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <boost/json/parse.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/log.h"

namespace newsd {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const auto kNow = std::chrono::sys_days{std::chrono::year{2026} / 12 / 6} + std::chrono::hours(9) +
                  std::chrono::milliseconds(1234);

std::string line(const LogStyle& style, LogLevel level, std::string_view message,
                 std::vector<LogField> fields = {}) {
  return format_log_line(style, level, message, fields, kNow);
}

TEST(LogFormat, LogfmtWithTimestampLevelAndQuotedMessage) {
  EXPECT_EQ(line({}, LogLevel::info, "newsd is running"),
            "ts=2026-12-06T09:00:01.234Z level=info msg=\"newsd is running\"\n");
  EXPECT_EQ(line({}, LogLevel::warn, "stopped"), "ts=2026-12-06T09:00:01.234Z level=warn msg=stopped\n");
}

TEST(LogFormat, LogfmtFieldsBareOrQuotedAndEscaped) {
  auto text = line({}, LogLevel::debug, "fetch",
                   {{"source", 12},
                    {"url", "https://x.example/a b?q=\"1\""},
                    {"status", 200},
                    {"bytes", std::size_t{5120}},
                    {"ms", 31},
                    {"error", ""}});
  EXPECT_EQ(
      text,
      "ts=2026-12-06T09:00:01.234Z level=debug msg=fetch source=12 url=\"https://x.example/a b?q=\\\"1\\\"\" "
      "status=200 bytes=5120 ms=31 error=\"\"\n");
}

TEST(LogFormat, MultiLineMessagesAreFoldedIntoOneLine) {
  // libpq's error text: a primary line, DETAIL and HINT lines, a trailing newline.
  const std::string libpq =
      "ERROR:  duplicate key value violates unique constraint \"items_pkey\"\nDETAIL:  Key (id)=(1) already "
      "exists.\n";
  auto text = line({}, LogLevel::error, "could not store items: " + libpq);
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  EXPECT_THAT(text,
              HasSubstr("msg=\"could not store items: ERROR:  duplicate key value violates unique constraint "
                        "\\\"items_pkey\\\"; DETAIL:  Key (id)=(1) already exists.\"\n"));
  EXPECT_EQ(fold_lines("a\nb  \r\n\n  c\n"), "a; b; c");
  EXPECT_EQ(fold_lines("single"), "single");
  // A field's value is folded too.
  auto field = line({}, LogLevel::warn, "database", {{"error", "one\ntwo"}});
  EXPECT_THAT(field, HasSubstr("error=\"one; two\"\n"));
  // Other control characters are escaped, never written raw.
  auto control = line({}, LogLevel::info, std::string("bell\x07tab\t"));
  EXPECT_THAT(control, HasSubstr("msg=\"bell\\u0007tab\\t\""));
}

TEST(LogFormat, JsonIsOneParsableObjectPerLine) {
  LogStyle json{LogFormat::json, false};
  auto text = line(json, LogLevel::debug, "fetch\nsecond line",
                   {{"source", 3}, {"url", "https://x.example/\"q\""}, {"status", 304}, {"kind", "feed"}});
  ASSERT_EQ(text.back(), '\n');
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
  auto object = boost::json::parse(text).as_object();
  EXPECT_EQ(object.at("ts").as_string(), "2026-12-06T09:00:01.234Z");
  EXPECT_EQ(object.at("level").as_string(), "debug");
  EXPECT_EQ(object.at("msg").as_string(), "fetch; second line");
  EXPECT_EQ(object.at("source").as_int64(), 3);
  EXPECT_EQ(object.at("status").as_int64(), 304);
  EXPECT_EQ(object.at("url").as_string(), "https://x.example/\"q\"");
  EXPECT_EQ(object.at("kind").as_string(), "feed");
}

TEST(LogFormat, JournaldGetsThePriorityPrefixAndNoTimestamp) {
  LogStyle journal{LogFormat::logfmt, true};
  EXPECT_EQ(line(journal, LogLevel::debug, "x"), "<7>level=debug msg=x\n");
  EXPECT_EQ(line(journal, LogLevel::info, "x"), "<6>level=info msg=x\n");
  EXPECT_EQ(line(journal, LogLevel::warn, "x"), "<4>level=warn msg=x\n");
  EXPECT_EQ(line(journal, LogLevel::error, "x"), "<3>level=error msg=x\n");
  LogStyle journal_json{LogFormat::json, true};
  auto text = line(journal_json, LogLevel::error, "down");
  ASSERT_TRUE(text.starts_with("<3>{"));
  auto object = boost::json::parse(text.substr(3)).as_object();
  EXPECT_FALSE(object.contains("ts"));
  EXPECT_EQ(object.at("msg").as_string(), "down");
}

TEST(LogFormat, JournalStreamIsRecognisedOnlyForTheStreamItNames) {
  char path[] = "/tmp/newsd-journal-XXXXXX";
  int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  struct stat info {};
  ASSERT_EQ(fstat(fd, &info), 0);
  const std::string matching = std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino);
  const std::string other = std::to_string(info.st_dev) + ":" + std::to_string(info.st_ino + 1);
  EXPECT_TRUE(is_journal_stream(fd, matching.c_str()));
  EXPECT_FALSE(is_journal_stream(fd, other.c_str()));
  EXPECT_FALSE(is_journal_stream(fd, nullptr));
  EXPECT_FALSE(is_journal_stream(fd, "garbage"));
  close(fd);
  unlink(path);
}

TEST(LogFormat, FormatNamesAndLoggerThreshold) {
  EXPECT_EQ(parse_log_format("logfmt"), LogFormat::logfmt);
  EXPECT_EQ(parse_log_format("json"), LogFormat::json);
  EXPECT_EQ(parse_log_format("JSON"), std::nullopt);
  EXPECT_EQ(parse_log_format(""), std::nullopt);

  std::FILE* sink = std::tmpfile();
  ASSERT_NE(sink, nullptr);
  Logger logger(LogLevel::info, sink, LogStyle{LogFormat::json, true});
  logger.debug("hidden {}", 1);
  logger.info("shown {}", 2);
  logger.event(LogLevel::debug, "fetch", {{"status", 200}});
  logger.event(LogLevel::warn, "polls", {{"errors", 1}});
  std::rewind(sink);
  std::string written(4096, '\0');
  written.resize(std::fread(written.data(), 1, written.size(), sink));
  std::fclose(sink);
  EXPECT_EQ(written,
            "<6>{\"level\":\"info\",\"msg\":\"shown "
            "2\"}\n<4>{\"level\":\"warn\",\"msg\":\"polls\",\"errors\":1}\n");
}

}  // namespace
}  // namespace newsd
