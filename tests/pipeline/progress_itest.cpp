// `newsd once` and `newsd import` with standard error not a terminal (a log
// file, a pipe, cron's mail): no progress line, no carriage returns or
// escape codes, only the log lines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "pipeline_support.h"
#include "run_newsd.h"

namespace newsd::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ProgressLine, NoneWhenStandardErrorIsNotATerminal) {
  PipelineWorld world("pipeline_progress_not_tty");
  world.server().override_status("/valley/rss.xml", 503);  // a warning line on stderr
  auto dir = std::filesystem::temp_directory_path() / ("newsd-progress-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto config = dir / "newsd.toml";
  std::ofstream(config) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nhost_gap = \"10ms\"\n";
  auto once = run_newsd("once --db '" + world.url() + "' --config '" + config.string() + "'");
  ASSERT_EQ(once.status, 0) << once.err;
  EXPECT_THAT(once.out, HasSubstr("sources polled: 4"));
  EXPECT_THAT(once.err, HasSubstr("level=warn"));  // the log still reaches stderr
  EXPECT_THAT(once.err, Not(HasSubstr("\r")));
  EXPECT_THAT(once.err, Not(HasSubstr("\x1b[")));
  EXPECT_THAT(once.err, Not(HasSubstr("new items (")));

  auto opml = dir / "one.opml";
  std::ofstream(opml) << "<opml version=\"2.0\"><body><outline text=\"a\" xmlUrl=\"https://a.example/feed\"/>"
                         "</body></opml>";
  auto import = run_newsd("import '" + opml.string() + "' --db '" + world.url() + "'");
  ASSERT_EQ(import.status, 0) << import.err;
  EXPECT_THAT(import.err, Not(HasSubstr("\r")));
  EXPECT_THAT(import.err, Not(HasSubstr("sources 1/1")));
  std::filesystem::remove_all(dir);
}

TEST(Logs, OnceAtDebugLogsOneLogfmtOrJsonLinePerFetch) {
  PipelineWorld world("pipeline_debug_fetch_lines", {"/harbour/"});
  auto dir = std::filesystem::temp_directory_path() / ("newsd-debuglog-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto config = dir / "newsd.toml";
  std::ofstream(config) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nhost_gap = \"10ms\"\n";
  auto once = run_newsd("once --debug --db '" + world.url() + "' --config '" + config.string() + "'");
  ASSERT_EQ(once.status, 0) << once.err;
  const auto fetches = world.count("select count(*) from fetch_log");
  ASSERT_GT(fetches, 1);
  long long fetch_lines = 0;
  for (std::size_t at = once.err.find("msg=fetch "); at != std::string::npos;
       at = once.err.find("msg=fetch ", at + 1)) {
    ++fetch_lines;
  }
  EXPECT_EQ(fetch_lines, fetches) << once.err;
  const std::string feed = world.text("select url from sources");
  const std::string source = world.text("select id::text from sources");
  EXPECT_THAT(once.err, HasSubstr("level=debug msg=fetch source=" + source + " kind=feed url=" + feed +
                                  " status=200 bytes="));
  EXPECT_THAT(once.err, HasSubstr(" ms="));

  world.make_all_due();
  auto json = run_newsd("once --debug --log-format json --db '" + world.url() + "' --config '" +
                        config.string() + "'");
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_THAT(json.err,
              HasSubstr("\"level\":\"debug\",\"msg\":\"fetch\",\"source\":" + source + ",\"kind\":\"feed\""));
  auto bad = run_newsd("once --log-format yaml --db '" + world.url() + "'");
  EXPECT_EQ(bad.status, 64);
  EXPECT_THAT(bad.err, HasSubstr("--log-format wants logfmt or json"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsd::test
