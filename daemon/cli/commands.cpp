#include "cli/commands.h"

#include <fmt/core.h>

#include <exception>
#include <vector>

#include "cli/args.h"
#include "core/version.h"

namespace newsd::cli {

// Subcommands: declared here, defined in cmd_<name>.cpp, listed once in kCommands.
int cmd_version(std::span<const std::string_view> args);
int cmd_parse(std::span<const std::string_view> args);
int cmd_extract(std::span<const std::string_view> args);
int cmd_migrate(std::span<const std::string_view> args);
int cmd_import(std::span<const std::string_view> args);
int cmd_export(std::span<const std::string_view> args);
int cmd_add(std::span<const std::string_view> args);
int cmd_db_url(std::span<const std::string_view> args);
int cmd_db_stop(std::span<const std::string_view> args);
int cmd_run(std::span<const std::string_view> args);
int cmd_once(std::span<const std::string_view> args);
int cmd_status(std::span<const std::string_view> args);
int cmd_demo(std::span<const std::string_view> args);

namespace {

constexpr Command kCommands[] = {
    {"version", "version", "print the version", cmd_version},
    {"parse", "parse FILE... [--charset NAME] [--base-url URL]", "parse feeds and print them as JSON",
     cmd_parse},
    {"extract", "extract FILE [--url URL] [--charset NAME]", "extract the article from an HTML page as JSON",
     cmd_extract},
    {"migrate", "migrate [--db URL] [--config FILE]", "apply pending database schema migrations",
     cmd_migrate},
    {"import", "import FILE.opml [--prune] [--db URL]",
     "sync the sources with an OPML file (missing: disabled)", cmd_import},
    {"export", "export [--file F] [--db URL]", "write the enabled sources as OPML 2.0", cmd_export},
    {"add", "add URL [--category A/B] [--title T] [--interval D]", "add one source", cmd_add},
    {"db-url", "db-url", "print the database URL (starts the embedded cluster)", cmd_db_url},
    {"db-stop", "db-stop", "stop the embedded cluster that db-url left running", cmd_db_stop},
    {"run", "run [--db URL] [--config FILE] [--opml FILE] [--debug]",
     "the daemon: poll sources until SIGTERM/SIGINT (SIGHUP: reload)", cmd_run},
    {"once", "once [--db URL] [--config FILE] [--quiet]",
     "poll every due source once, follow articles, print a summary", cmd_once},
    {"status", "status [--db URL] [--config FILE]",
     "sources due, failing and disabled; hosts in backoff; counts", cmd_status},
    {"demo", "demo [--data DIR] [--keep]", "offline demo: embedded PostgreSQL, local feeds, one pass",
     cmd_demo},
};

void print_help() {
  fmt::print(
      "newsd {} - self-hosted news ingestion daemon\n\n"
      "Usage: newsd [--version] [--help] COMMAND [ARGS...]\n\n"
      "Commands:\n",
      kVersion);
  for (const auto& command : kCommands) fmt::print("  {:<58} {}\n", command.usage, command.summary);
  fmt::print("\nRun 'newsd COMMAND --help' for a command's options. See docs/ for the guide.\n");
}

}  // namespace

std::span<const Command> commands() {
  return kCommands;
}

int run(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help();
    return args.empty() ? kExitUsage : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    fmt::print("newsd {}\n", kVersion);
    return kExitOk;
  }
  for (const auto& command : kCommands) {
    if (command.name != args[0]) continue;
    try {
      return command.run(std::span(args).subspan(1));
    } catch (const UsageError& e) {
      fmt::print(stderr, "newsd {}: {}\nusage: newsd {}\n", command.name, e.what(), command.usage);
      return kExitUsage;
    } catch (const std::exception& e) {
      fmt::print(stderr, "newsd {}: {}\n", command.name, e.what());
      return exit_code_for(e);
    }
  }
  fmt::print(stderr, "newsd: unknown command '{}' (see 'newsd --help')\n", args[0]);
  return kExitUsage;
}

}  // namespace newsd::cli
