// `newsd once` and `newsd import` with standard error not a terminal (a log
// file, a pipe, cron's mail): no progress line, no carriage returns or
// escape codes, only the log lines.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>
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
  // A warning line on stderr; a 404 does not back the shared host off (a 503 would, for 30 s).
  world.server().override_status("/valley/rss.xml", 404);
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

// The other side: with stderr on a (pseudo-)terminal the line is drawn and redrawn.
TEST(ProgressLine, DrawnInPlaceOnATerminal) {
  PipelineWorld world("pipeline_progress_tty");
  auto dir = std::filesystem::temp_directory_path() / ("newsd-progress-tty-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto config = dir / "newsd.toml";
  std::ofstream(config) << "[http]\nallow_private = [\"127.0.0.1\"]\n[politeness]\nhost_gap = \"10ms\"\n";
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0) GTEST_SKIP() << "no pseudo-terminals here";
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  const std::string terminal = ptsname(master);
  const std::string db = world.url();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int tty = open(terminal.c_str(), O_RDWR | O_NOCTTY);
    if (tty < 0 || dup2(tty, STDERR_FILENO) < 0) _exit(126);
    setenv("TERM", "xterm", 1);
    execl(NEWSD_BINARY, NEWSD_BINARY, "once", "--db", db.c_str(), "--config", config.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Read until the child's side closes (EIO), so it never blocks on a full terminal.
  std::string drawn;
  char buffer[4096];
  for (ssize_t n = 0; (n = read(master, buffer, sizeof buffer)) > 0;)
    drawn.append(buffer, static_cast<std::size_t>(n));
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  close(master);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << drawn;
  EXPECT_THAT(drawn, HasSubstr("\rsources 4/4 | 9 new items ("));
  EXPECT_THAT(drawn, HasSubstr("\x1b[K"));
  EXPECT_TRUE(drawn.ends_with("\r\x1b[K")) << drawn;  // erased at the end
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
