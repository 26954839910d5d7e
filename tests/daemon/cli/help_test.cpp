// `newsd --help` and `newsd COMMAND --help`: every command answers, and its
// help lists every option its parser accepts (both come from one table).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/args.h"
#include "cli/commands.h"
#include "run_newsd.h"

namespace {

using newsd::cli::Args;
using newsd::cli::Option;
using newsd::cli::UsageError;
using newsd::test::run_newsd;
using ::testing::HasSubstr;

TEST(CommandHelp, EveryCommandAnswersHelpWithEveryOption) {
  ASSERT_GE(newsd::cli::commands().size(), 13U);
  for (const auto& command : newsd::cli::commands()) {
    const std::string name(command.name);
    SCOPED_TRACE(name);
    auto run = run_newsd(name + " --help");
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_THAT(run.out, HasSubstr("usage: newsd " + name));
    EXPECT_THAT(run.out, HasSubstr(std::string(command.summary)));
    EXPECT_THAT(run.out, HasSubstr("--help"));
    for (const auto& option : command.options) {
      std::string shown = "--" + std::string(option.name);
      if (option.takes_value()) shown += " " + std::string(option.placeholder);
      EXPECT_THAT(run.out, HasSubstr(shown + " ")) << "option missing from the help of " << name;
      EXPECT_THAT(run.out, HasSubstr(std::string(option.help)));
    }
  }
}

TEST(CommandHelp, ShortFormAndHelpCommandAndHelpAmidOtherArguments) {
  auto short_form = run_newsd("status -h");
  EXPECT_EQ(short_form.status, 0);
  EXPECT_THAT(short_form.out, HasSubstr("usage: newsd status"));
  auto help_command = run_newsd("help import");
  EXPECT_EQ(help_command.status, 0);
  EXPECT_THAT(help_command.out, HasSubstr("usage: newsd import FILE.opml"));
  EXPECT_THAT(help_command.out, HasSubstr("--prune"));
  // Asking for help wins over a mistake elsewhere on the line.
  auto amid = run_newsd("add --bogus --help");
  EXPECT_EQ(amid.status, 0);
  EXPECT_THAT(amid.out, HasSubstr("--category A/B"));
}

TEST(CommandHelp, TopLevelHelpListsEveryCommand) {
  auto run = run_newsd("--help");
  ASSERT_EQ(run.status, 0);
  for (const auto& command : newsd::cli::commands()) {
    EXPECT_THAT(run.out, HasSubstr("  " + std::string(command.name) + " ")) << command.name;
    EXPECT_THAT(run.out, HasSubstr(std::string(command.summary)));
  }
}

TEST(CommandHelp, UsageErrorExits64AndPointsToHelp) {
  auto run = run_newsd("export --frobnicate");
  EXPECT_EQ(run.status, 64);
  EXPECT_THAT(run.err, HasSubstr("newsd export: unknown option --frobnicate"));
  EXPECT_THAT(run.err, HasSubstr("see 'newsd export --help'"));
}

constexpr Option kTable[] = {{"db", "URL", "the database"}, {"prune", "", "delete"}};

std::vector<std::string_view> argv(std::initializer_list<std::string_view> items) {
  return {items};
}

TEST(ArgsTable, ParsesValuedAndFlagOptionsFromTheTable) {
  auto line = argv({"a.opml", "--db", "postgresql://x", "--prune", "--", "--db"});
  Args parsed(line, kTable);
  EXPECT_EQ(parsed.value("db"), "postgresql://x");
  EXPECT_TRUE(parsed.flag("prune"));
  EXPECT_EQ(parsed.positional(), (std::vector<std::string>{"a.opml", "--db"}));
  auto inline_value = argv({"--db=postgresql://y"});
  EXPECT_EQ(Args(inline_value, kTable).value("db"), "postgresql://y");
}

TEST(ArgsTable, RefusesWhatTheTableDoesNotSay) {
  auto unknown = argv({"--bogus"});
  EXPECT_THROW(Args(unknown, kTable), UsageError);
  auto flag_with_value = argv({"--prune=yes"});
  EXPECT_THROW(Args(flag_with_value, kTable), UsageError);
  auto missing_value = argv({"--db"});
  EXPECT_THROW(Args(missing_value, kTable), UsageError);
}

TEST(ArgsTable, HelpIsAskedOnlyWhereAnOptionMayStand) {
  auto plain = argv({"--help"});
  EXPECT_TRUE(Args::asks_for_help(plain, kTable));
  auto as_value = argv({"--db", "-h"});
  EXPECT_FALSE(Args::asks_for_help(as_value, kTable));
  auto after_dashes = argv({"--", "--help"});
  EXPECT_FALSE(Args::asks_for_help(after_dashes, kTable));
  auto after_value = argv({"--db", "x", "-h"});
  EXPECT_TRUE(Args::asks_for_help(after_value, kTable));
}

}  // namespace
