#pragma once
// The subcommands of `newsd`. Each lives in its own cmd_<name>.cpp and is
// listed once in the table in commands.cpp, which `--help` prints.
#include <sysexits.h>

#include <exception>
#include <span>
#include <string_view>

namespace newsd::cli {

// Exit codes shared by every subcommand: sysexits(3), so that systemd
// (RestartPreventExitStatus=) and scripts can tell a mistake that a restart
// will not fix from an outage that it may. docs/operations.md has the table.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;             // any other failure
inline constexpr int kExitUsage = EX_USAGE;        // 64: the command line is wrong
inline constexpr int kExitDataError = EX_DATAERR;  // 65: the input is unusable (broken OPML, not a feed)
inline constexpr int kExitNoInput = EX_NOINPUT;    // 66: an input file is missing or unreadable
inline constexpr int kExitTempFail = EX_TEMPFAIL;  // 75: the database is unreachable now; try again later
inline constexpr int kExitConfig = EX_CONFIG;      // 78: the configuration (or the schema) is wrong

// The exit code for an exception that ended a command (see the table above).
int exit_code_for(const std::exception& error);

using CommandFn = int (*)(std::span<const std::string_view> args);

struct Command {
  std::string_view name;
  std::string_view usage;    // e.g. "parse FILE... [--charset NAME] [--base-url URL]"
  std::string_view summary;  // one line for --help
  CommandFn run;
};

std::span<const Command> commands();

// Entry point used by main(): dispatches argv to a subcommand.
int run(int argc, char** argv);

}  // namespace newsd::cli
