// The progress line of `once` and `import`: its text, and that it is drawn
// on a terminal only.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/progress.h"
#include "run_newsd.h"

namespace newsd::cli {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;

std::string read_all(std::FILE* file) {
  std::rewind(file);
  std::string text(4096, '\0');
  text.resize(std::fread(text.data(), 1, text.size(), file));
  return text;
}

TEST(ProgressFormat, OncePassCountsAndRates) {
  pipeline::PassSummary summary;
  summary.sources_due = 50;
  for (int i = 0; i < 12; ++i) {
    pipeline::SourceReport report;
    report.polled = true;
    report.items_new = i == 0 ? 340 : 0;
    report.articles_extracted = i < 4 ? 10 : 0;
    report.articles_failed = i == 5 ? 6 : 0;
    if (i == 7) report.error = "HTTP 503";
    summary.add(report);
  }
  EXPECT_EQ(format_once_progress(summary, seconds(12)),
            "sources 12/50 | 340 new items (28/s) | articles 46 (3.8/s) | 1 error | 12 s");
  summary.sources.back().error = "timeout";
  EXPECT_THAT(format_once_progress(summary, seconds(125)), HasSubstr("| 2 errors | 2m05s"));
  pipeline::PassSummary empty;
  EXPECT_EQ(format_once_progress(empty, seconds(0)),
            "sources 0/0 | 0 new items (0/s) | articles 0 (0/s) | 0 s");
}

TEST(ProgressFormat, ImportAndRates) {
  EXPECT_EQ(format_import_progress(1200, 5000, std::chrono::milliseconds(1500)),
            "sources 1200/5000 (800/s) | 1 s");
  EXPECT_EQ(format_rate(0.04), "0.04");
  EXPECT_EQ(format_rate(3.74), "3.7");
  EXPECT_EQ(format_rate(1234.4), "1234");
  EXPECT_EQ(format_rate(0), "0");
  EXPECT_EQ(format_rate(-1), "0");
}

TEST(ProgressLineTest, DrawsInPlaceWhenEnabledAndClearsAtTheEnd) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  {
    ProgressLine line(out, true, std::chrono::milliseconds(0));
    line.show("sources 1/2");
    line.show("sources 2/2");
  }
  // Not a terminal, so the width falls back to 80 columns.
  EXPECT_EQ(read_all(out), "\rsources 1/2\x1b[K\rsources 2/2\x1b[K\r\x1b[K");
  std::fclose(out);
}

TEST(ProgressLineTest, WritesNothingWhenDisabledAndCutsToTheWidth) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  {
    ProgressLine line(out, false);
    line.show("sources 1/2", true);
    line.clear();
  }
  EXPECT_EQ(read_all(out), "");
  {
    ProgressLine line(out, true, std::chrono::hours(1));
    line.show(std::string(200, 'x'));
    line.show("throttled: not drawn");
    line.show("forced", true);
  }
  EXPECT_EQ(read_all(out), "\r" + std::string(79, 'x') + "\x1b[K\rforced\x1b[K\r\x1b[K");
  std::fclose(out);
}

TEST(ProgressWanted, OnlyOnATerminal) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  EXPECT_FALSE(progress_wanted(pipe_fds[1]));
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  std::FILE* file = std::tmpfile();
  EXPECT_FALSE(progress_wanted(fileno(file)));
  std::fclose(file);

  // A pseudo-terminal is a terminal.
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0) GTEST_SKIP() << "no pseudo-terminals here";
  ASSERT_EQ(grantpt(master), 0);
  ASSERT_EQ(unlockpt(master), 0);
  int terminal = open(ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(terminal, 0);
  const char* term = std::getenv("TERM");
  const std::string saved = term ? term : "";
  setenv("TERM", "xterm", 1);
  EXPECT_TRUE(progress_wanted(terminal));
  setenv("TERM", "dumb", 1);
  EXPECT_FALSE(progress_wanted(terminal));
  if (term) {
    setenv("TERM", saved.c_str(), 1);
  } else {
    unsetenv("TERM");
  }
  close(terminal);
  close(master);
}

}  // namespace
}  // namespace newsd::cli
