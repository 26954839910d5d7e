#pragma once
// The subcommands of `newsd`. Each lives in its own cmd_<name>.cpp and is
// listed once in the table in commands.cpp, with its option table from
// cli/options.h; `newsd --help` and `newsd COMMAND --help` print that table.
#include <sysexits.h>

#include <exception>
#include <span>
#include <string>
#include <string_view>

#include "cli/args.h"
#include "core/log.h"

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
  std::string_view arguments;    // the positional arguments, e.g. "FILE..." ("" for none)
  std::string_view summary;      // one line for `newsd --help`
  Options options;               // the options its parser accepts (cli/options.h)
  std::string_view description;  // more for `newsd COMMAND --help` ("" for none)
  CommandFn run;
};

std::span<const Command> commands();

// "status [SOURCE...] [OPTIONS]"
std::string usage(const Command& command);
// What `newsd COMMAND --help` prints: usage, summary, description, every option.
std::string command_help(const Command& command);

// The log style --log-format asks for (logfmt when absent), journald-aware.
// Throws UsageError for an unknown format.
LogStyle log_style_option(const Args& parsed);

// Entry point used by main(): dispatches argv to a subcommand.
int run(int argc, char** argv);

}  // namespace newsd::cli
