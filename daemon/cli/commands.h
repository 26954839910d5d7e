#pragma once
// The subcommands of `newsd`. Each lives in its own cmd_<name>.cpp and is
// listed once in the table in commands.cpp, with its option table from
// cli/options.h; `newsd --help` and `newsd COMMAND --help` print that table.
#include <span>
#include <string>
#include <string_view>

#include "cli/args.h"
#include "core/log.h"

namespace newsd::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // runtime failure: database down, I/O error
inline constexpr int kExitBadInput = 2;  // unusable input
inline constexpr int kExitUsage = 64;    // EX_USAGE: a command line that cannot be understood
inline constexpr int kExitDataErr = 65;  // EX_DATAERR: the input is not what it must be (not a feed)

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
