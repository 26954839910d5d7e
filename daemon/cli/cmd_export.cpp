// newsd export [--file F]: the enabled sources as OPML 2.0.
#include <fmt/core.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cluster/database.h"
#include "feeds/opml.h"
#include "storage/migrations.h"
#include "storage/sources.h"

namespace newsd::cli {

int cmd_export(std::span<const std::string_view> args) {
  Args parsed(args, options::kExport);
  if (!parsed.positional().empty()) throw UsageError("export takes no positional arguments");

  Logger logger(LogLevel::info, stderr);
  auto database = cluster::open_database(parsed.value("db"), parsed.value("config"), logger);
  pg::Connection conn(database.url);
  storage::migrate(conn);
  feeds::OpmlDocument document;
  document.title = "newsd sources";
  document.sources = storage::load_sources(conn);
  const std::string opml = feeds::write_opml(document);

  auto file = parsed.value("file");
  if (!file || *file == "-") {
    fmt::print("{}", opml);
    return kExitOk;
  }
  // Written beside the target and renamed: a failed export never leaves half a file.
  std::filesystem::path target(*file);
  auto scratch = target;
  scratch += fmt::format(".tmp{}", getpid());
  {
    std::ofstream out(scratch, std::ios::binary | std::ios::trunc);
    out << opml;
    out.close();
    if (!out) {
      std::filesystem::remove(scratch);
      throw std::runtime_error(fmt::format("cannot write {}", scratch.string()));
    }
  }
  std::filesystem::rename(scratch, target);
  fmt::print(stderr, "newsd export: {} sources written to {}\n", document.sources.size(), target.string());
  return kExitOk;
}

}  // namespace newsd::cli
