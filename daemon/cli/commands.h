#pragma once
// The subcommands of `newsd`. Each lives in its own cmd_<name>.cpp and is
// listed once in the table in commands.cpp, which `--help` prints.
#include <span>
#include <string_view>

namespace newsd::cli {

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // runtime failure: database down, I/O error
inline constexpr int kExitBadInput = 2;  // unusable input or command line

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
