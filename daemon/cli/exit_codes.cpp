// Which sysexits(3) code an exception that ended a command maps to.
#include "cli/args.h"
#include "cli/commands.h"
#include "config/config.h"
#include "storage/migrations.h"
#include "storage/pg.h"

namespace newsd::cli {

int exit_code_for(const std::exception& error) {
  if (dynamic_cast<const UsageError*>(&error) != nullptr) return kExitUsage;
  if (dynamic_cast<const config::ConfigError*>(&error) != nullptr) return kExitConfig;
  // A database newer than this binary: only an upgrade helps, not a restart.
  if (dynamic_cast<const storage::SchemaTooNew*>(&error) != nullptr) return kExitConfig;
  if (const auto* database = dynamic_cast<const pg::Error*>(&error)) {
    // Refused credentials or a database that does not exist are the
    // configuration's fault; a server that cannot be reached (no SQLSTATE:
    // libpq could not connect) or went away is an outage worth retrying.
    const std::string& state = database->sqlstate();
    if (state == "28000" || state == "28P01" || state == "3D000") return kExitConfig;
    if (database->connection_lost()) return kExitTempFail;
  }
  return kExitFailure;
}

}  // namespace newsd::cli
