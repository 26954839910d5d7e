#include "cli/commands.h"

#include <fmt/core.h>

#include <algorithm>
#include <exception>
#include <vector>

#include "cli/args.h"
#include "cli/options.h"
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
    {"version", "", "print the version", options::kNone, "", cmd_version},
    {"parse", "FILE...", "parse feeds and print them as JSON", options::kParse,
     "Parses each FILE (- for standard input) as RSS, Atom, RDF or JSON Feed and prints it as JSON\n"
     "(docs/feed-json.md): one object for one file, JSON Lines for several, where a file that fails\n"
     "gives {\"file\": ..., \"error\": ...} and the exit status is 2.",
     cmd_parse},
    {"extract", "FILE", "extract the article from an HTML page as JSON", options::kExtract,
     "Extracts the article from an HTML page (FILE, or - for standard input) and prints\n"
     "one JSON object: url, canonical_url, title, authors, published, modified, site_name,\n"
     "language, image, tags, description, text, html, word_count, confidence, method.\n"
     "A page without an article prints text \"\" and a low confidence (exit 0);\n"
     "unreadable input exits 2. See docs/extraction.md.",
     cmd_extract},
    {"migrate", "", "apply pending database schema migrations", options::kMigrate, "", cmd_migrate},
    {"import", "FILE.opml", "sync the sources with an OPML file (missing: disabled)", options::kImport,
     "Adds the sources FILE.opml (- for standard input) lists, updates the changed ones and\n"
     "disables (with --prune deletes) the ones it no longer lists. A broken file changes nothing.\n"
     "On a terminal, a progress line on standard error while the sources are written.",
     cmd_import},
    {"export", "", "write the enabled sources as OPML 2.0", options::kExport, "", cmd_export},
    {"add", "URL", "add one source: a feed, or a web page whose feed is found", options::kAdd,
     "Fetches URL: a feed is added as it is. A web page is searched for the feeds it announces\n"
     "(<link rel=\"alternate\"> of RSS, Atom or JSON Feed), then the common feed paths of its site\n"
     "(/feed, /rss.xml, /atom.xml, /index.xml, ...) are tried one at a time; the best feed is added\n"
     "and the others listed. A page without a feed adds nothing (exit 65). When URL cannot be\n"
     "fetched at all (no answer, 5xx) it is added as given, with a warning.",
     cmd_add},
    {"db-url", "", "print the database URL (starts the embedded cluster)", options::kDbUrl, "", cmd_db_url},
    {"db-stop", "", "stop the embedded cluster that db-url left running", options::kDbStop, "", cmd_db_stop},
    {"run", "", "the daemon: poll sources until SIGTERM/SIGINT (SIGHUP: reload)", options::kRun,
     "Logs one line per event to standard error (docs/operations.md, \"Logs\"): at info a summary\n"
     "of the polls every few minutes and what went wrong, at debug one line per fetch.",
     cmd_run},
    {"once", "", "poll every due source once, follow articles, print a summary", options::kOnce,
     "On a terminal, a progress line on standard error (sources done of due, new items, articles\n"
     "and their rates), redrawn in place; none when standard error is not a terminal.",
     cmd_once},
    {"status", "[SOURCE...]", "sources due, failing and disabled; hosts in backoff; counts", options::kStatus,
     "Reads the database; a running daemon need not be asked. SOURCE (a URL, or a title matched\n"
     "exactly but for case) shows those sources in detail instead of the failing and disabled ones.",
     cmd_status},
    {"demo", "", "offline demo: embedded PostgreSQL, local feeds, one pass", options::kDemo, "", cmd_demo},
};

void print_help() {
  fmt::print(
      "newsd {} - self-hosted news ingestion daemon\n\n"
      "Usage: newsd [--version] [--help] COMMAND [ARGS...]\n\n"
      "Commands:\n",
      kVersion);
  std::size_t width = 0;
  for (const auto& command : kCommands) {
    width = std::max(width, command.name.size() + 1 + command.arguments.size());
  }
  for (const auto& command : kCommands) {
    fmt::print("  {:<{}}  {}\n", fmt::format("{} {}", command.name, command.arguments), width,
               command.summary);
  }
  fmt::print("\nRun 'newsd COMMAND --help' for a command's options. See docs/ for the guide.\n");
}

}  // namespace

std::span<const Command> commands() {
  return kCommands;
}

LogStyle log_style_option(const Args& parsed) {
  auto name = parsed.value("log-format");
  if (!name) return stderr_log_style();
  auto format = parse_log_format(*name);
  if (!format) throw UsageError(fmt::format("--log-format wants logfmt or json, not \"{}\"", *name));
  return stderr_log_style(*format);
}

std::string usage(const Command& command) {
  std::string text(command.name);
  if (!command.arguments.empty()) text += fmt::format(" {}", command.arguments);
  if (!command.options.empty()) text += " [OPTIONS]";
  return text;
}

std::string command_help(const Command& command) {
  std::string text = fmt::format("usage: newsd {}\n\n{}\n", usage(command), command.summary);
  if (!command.description.empty()) text += fmt::format("\n{}\n", command.description);
  text += "\nOptions:\n";
  std::size_t width = 6;  // "--help"
  for (const auto& option : command.options) {
    width =
        std::max(width, 2 + option.name.size() + (option.takes_value() ? 1 + option.placeholder.size() : 0));
  }
  for (const auto& option : command.options) {
    std::string flag = option.takes_value() ? fmt::format("--{} {}", option.name, option.placeholder)
                                            : fmt::format("--{}", option.name);
    text += fmt::format("  {:<{}}  {}\n", flag, width, option.help);
  }
  text += fmt::format("  {:<{}}  {}\n", "--help", width, "print this help and exit");
  return text;
}

int run(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() > 1 && args[0] == "help") {
      // `newsd help COMMAND` is `newsd COMMAND --help`.
      args = {args[1], "--help"};
    } else {
      print_help();
      return args.empty() ? kExitUsage : kExitOk;
    }
  }
  if (args[0] == "--version" || args[0] == "-V") {
    fmt::print("newsd {}\n", kVersion);
    return kExitOk;
  }
  for (const auto& command : kCommands) {
    if (command.name != args[0]) continue;
    auto command_args = std::span(args).subspan(1);
    if (Args::asks_for_help(command_args, command.options)) {
      fmt::print("{}", command_help(command));
      return kExitOk;
    }
    try {
      return command.run(command_args);
    } catch (const UsageError& e) {
      fmt::print(stderr, "newsd {}: {}\nusage: newsd {} (see 'newsd {} --help')\n", command.name, e.what(),
                 usage(command), command.name);
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
