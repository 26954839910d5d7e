// newsd migrate [--db URL]: applies the pending schema migrations and says what it did.
#include <fmt/core.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "cli/args.h"
#include "cli/commands.h"
#include "storage/migrations.h"

namespace newsd::cli {

namespace {

// --db, else NEWSD_DB. The full resolution (config file, embedded cluster) lives
// in daemon/cluster/; the lead replaces this function's body with a call to it.
std::optional<std::string> explicit_database_url(const Args& parsed) {
  if (auto url = parsed.value("db")) {
    if (url->empty()) throw UsageError("--db needs a database URL");
    return url;
  }
  const char* from_env = std::getenv("NEWSD_DB");
  if (from_env != nullptr && *from_env != '\0') return std::string(from_env);
  return std::nullopt;
}

}  // namespace

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
  Args parsed(args, {"db"});
  if (!parsed.positional().empty()) throw UsageError("migrate takes no positional arguments");
  auto url = explicit_database_url(parsed);
  if (!url) throw UsageError("no database given: pass --db URL or set NEWSD_DB");
  try {
    return migrate_and_report(*url);
  } catch (const storage::SchemaTooNew& e) {
    fmt::print(stderr, "newsd migrate: {}\n", e.what());
    return kExitFailure;
  }
}

}  // namespace newsd::cli
