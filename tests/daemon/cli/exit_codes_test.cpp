// Exit codes follow sysexits(3), so that systemd's RestartPreventExitStatus=
// and scripts can tell a mistake a restart will not fix (64 usage, 65 bad
// data, 66 missing input, 78 configuration) from an outage it may (75: the
// database cannot be reached). docs/operations.md has the table.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_newsd.h"

namespace {

using newsd::test::run_newsd;
using ::testing::HasSubstr;

class ExitCodes : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("newsd-exit-codes-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    auto path = dir_ / name;
    std::ofstream(path) << text;
    return path.string();
  }

  // A database URL whose server does not exist: a socket directory with no socket.
  std::string unreachable_database() const {
    return "postgresql:///newsd?host=" + (dir_ / "no-server").string() + "&connect_timeout=5";
  }

  std::filesystem::path dir_;
};

TEST_F(ExitCodes, UsageIs64) {
  EXPECT_EQ(run_newsd("once --bogus").status, 64);
  EXPECT_EQ(run_newsd("run extra-argument").status, 64);
  EXPECT_EQ(run_newsd("no-such-command").status, 64);
}

TEST_F(ExitCodes, ABrokenConfigurationIs78ForEveryCommandThatReadsIt) {
  auto config = write("newsd.toml", "[http]\nrequest_timeout = \"often\"\n");
  for (const std::string command : {"run", "once", "status", "migrate"}) {
    auto result = run_newsd(command + " --config '" + config + "'");
    EXPECT_EQ(result.status, 78) << command << ": " << result.err;  // EX_CONFIG
    EXPECT_THAT(result.err, HasSubstr("newsd.toml:2")) << command;
  }
  // A --config file that does not exist is a configuration error too.
  EXPECT_EQ(run_newsd("once --config '" + (dir_ / "missing.toml").string() + "'").status, 78);
}

TEST_F(ExitCodes, AnUnreachableDatabaseIs75SoSystemdTriesAgain) {
  for (const std::string command : {"once", "status", "migrate"}) {
    auto result = run_newsd(command + " --db '" + unreachable_database() + "'");
    EXPECT_EQ(result.status, 75) << command << ": " << result.err;  // EX_TEMPFAIL
    EXPECT_THAT(result.err, HasSubstr("no-server")) << command;
  }
}

TEST_F(ExitCodes, MissingInputIs66AndBadInputIs65) {
  EXPECT_EQ(run_newsd("import '" + (dir_ / "missing.opml").string() + "'").status, 66);
  EXPECT_EQ(run_newsd("parse '" + (dir_ / "missing.xml").string() + "'").status, 66);
  EXPECT_EQ(run_newsd("parse '" + write("page.html", "<html><body>hi</body></html>") + "'").status, 65);
  auto broken = run_newsd("import '" + write("broken.opml", "<opml><body><outline") + "'");
  EXPECT_EQ(broken.status, 65) << broken.err;
}

}  // namespace
