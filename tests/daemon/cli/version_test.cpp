// The command line's fixed points: --version, --help, unknown commands and options.
#include <gtest/gtest.h>

#include <string>

#include "core/version.h"
#include "run_newsd.h"

namespace {

using newsd::test::run_newsd;

TEST(Cli, VersionPrintsProjectVersion) {
  auto run = run_newsd("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, std::string("newsd ") + newsd::kVersion + "\n");
}

TEST(Cli, HelpListsCommands) {
  auto run = run_newsd("--help");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("Usage: newsd"), std::string::npos);
  EXPECT_NE(run.out.find("version"), std::string::npos);
}

TEST(Cli, NoArgumentsPrintsHelpAndFails) {
  auto run = run_newsd("");
  EXPECT_EQ(run.status, 64);  // EX_USAGE
  EXPECT_NE(run.out.find("Usage: newsd"), std::string::npos);
}

TEST(Cli, UnknownCommandIsAUsageError) {
  auto run = run_newsd("frobnicate");
  EXPECT_EQ(run.status, 64);  // EX_USAGE
  EXPECT_NE(run.err.find("unknown command 'frobnicate'"), std::string::npos) << run.err;
}

TEST(Cli, UnknownOptionNamesTheCommand) {
  auto run = run_newsd("version --bogus");
  EXPECT_EQ(run.status, 64);  // EX_USAGE
  EXPECT_NE(run.err.find("newsd version: unknown option --bogus"), std::string::npos) << run.err;
}

}  // namespace
