// newsd import FILE.opml [--prune]: make the sources table match an OPML file.
#include <fmt/core.h>
#include <unistd.h>

#include <chrono>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/progress.h"
#include "cluster/database.h"
#include "feeds/opml.h"
#include "storage/migrations.h"
#include "storage/sources.h"

namespace newsd::cli {
namespace {

std::optional<std::string> read_input(const std::string& path) {
  if (path == "-")
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

void print_list(std::string_view what, const std::vector<std::string>& urls) {
  for (const auto& url : urls) fmt::print("  {:<9} {}\n", what, url);
}

}  // namespace

int cmd_import(std::span<const std::string_view> args) {
  Args parsed(args, options::kImport);
  if (parsed.positional().size() != 1) throw UsageError("import takes exactly one OPML file ('-' for stdin)");
  const std::string& path = parsed.positional()[0];
  const std::string name = path == "-" ? "<stdin>" : path;

  auto bytes = read_input(path);
  if (!bytes) {
    fmt::print(stderr, "newsd import: {}: cannot be read; nothing was changed\n", name);
    return kExitNoInput;
  }
  auto parsed_opml = feeds::parse_opml(*bytes);
  if (!parsed_opml) {
    const feeds::Error& error = parsed_opml.error();
    fmt::print(stderr, "newsd import: {}:{}: {}; nothing was changed\n", name, error.line, error.message);
    return kExitDataError;
  }
  feeds::OpmlDocument document = std::move(*parsed_opml);
  for (const auto& warning : document.warnings) {
    fmt::print(stderr, "newsd import: {}:{}: warning: {}\n", name, warning.line, warning.message);
  }
  if (document.sources.empty()) {
    // A sync with an empty list would disable (or with --prune delete) every source.
    fmt::print(stderr, "newsd import: {}: lists no feeds; refusing to {} every source\n", name,
               parsed.flag("prune") ? "delete" : "disable");
    return kExitDataError;
  }

  Logger logger(LogLevel::info, stderr);
  auto database = cluster::open_database(parsed.value("db"), parsed.value("config"), logger);
  pg::Connection conn(database.url);
  storage::migrate(conn);
  storage::SyncOptions sync_options{parsed.flag("prune"), name};
  ProgressLine progress(stderr, progress_wanted(STDERR_FILENO));
  const auto started = std::chrono::steady_clock::now();
  if (progress.enabled()) {
    sync_options.on_progress = [&progress, started](std::size_t done, std::size_t total) {
      progress.show(format_import_progress(done, total, std::chrono::steady_clock::now() - started));
    };
  }
  auto report = storage::sync_sources(conn, document.sources, sync_options);
  progress.clear();

  print_list("added", report.added);
  print_list("updated", report.updated);
  print_list("enabled", report.reenabled);
  print_list("disabled", report.disabled);
  print_list("deleted", report.deleted);
  for (const auto& url : report.still_disabled) {
    fmt::print(stderr,
               "newsd import: {} is listed but stays disabled (disabled for another reason; see "
               "sources.disabled_reason)\n",
               url);
  }
  fmt::print("{}: {} sources: {} added, {} updated, {} re-enabled, {} unchanged, {} {}\n", name,
             document.sources.size(), report.added.size(), report.updated.size(), report.reenabled.size(),
             report.unchanged, parsed.flag("prune") ? report.deleted.size() : report.disabled.size(),
             parsed.flag("prune") ? "deleted" : "disabled");
  return kExitOk;
}

}  // namespace newsd::cli
