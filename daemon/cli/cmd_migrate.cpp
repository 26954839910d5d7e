// newsd migrate [--db URL] [--config FILE]: applies the pending schema migrations and says what it did.
#include <fmt/core.h>

#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cluster/database.h"
#include "core/log.h"
#include "storage/migrations.h"

namespace newsd::cli {

// Migrates the database at `database_url` and prints the outcome; the part of
// `newsd migrate` that does not depend on how the URL was found.
int migrate_and_report(const std::string& database_url) {
  auto report = storage::migrate_database(database_url);
  for (const auto& warning : report.warnings) fmt::print(stderr, "warning: {}\n", warning);
  for (const auto& migration : report.applied) {
    fmt::print("applied {:04}_{}\n", migration.version, migration.name);
  }
  if (report.applied.empty()) {
    fmt::print("schema is up to date at version {}\n", report.to_version);
  } else {
    fmt::print("schema migrated from version {} to {}\n", report.from_version, report.to_version);
  }
  return kExitOk;
}

int cmd_migrate(std::span<const std::string_view> args) {
  Args parsed(args, options::kMigrate);
  if (!parsed.positional().empty()) throw UsageError("migrate takes no positional arguments");
  auto db_flag = parsed.value("db");
  if (db_flag && db_flag->empty()) throw UsageError("--db needs a database URL");
  // --db, NEWSD_DB, the configuration file, else the embedded cluster: the same
  // resolution every command uses.
  Logger logger(LogLevel::info, stderr);
  auto database = cluster::open_database(db_flag, parsed.value("config"), logger);
  try {
    return migrate_and_report(database.url);
  } catch (const storage::SchemaTooNew& e) {
    fmt::print(stderr, "newsd migrate: {}\n", e.what());
    return kExitConfig;
  }
}

}  // namespace newsd::cli
