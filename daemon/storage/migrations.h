#pragma once
// Schema migrations: the numbered files of sql/migrations/, compiled into the
// binary, applied once each, in order, each in its own transaction, recorded in
// schema_migrations. Concurrent starts are serialised by an advisory lock; a
// database whose schema is newer than this binary knows is refused.
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "storage/pg.h"

namespace newsd::storage {

struct Migration {
  int version;            // NNNN of NNNN_name.sql
  std::string_view name;  // "initial"
  std::string_view sql;   // the file's text
};

// The migrations of sql/migrations/, in version order (generated at build time).
std::span<const Migration> embedded_migrations();

// The database holds migrations this binary does not know: running against it
// could corrupt data a newer newsd wrote.
class SchemaTooNew : public std::runtime_error {
 public:
  SchemaTooNew(int database_version, int known_version);
  [[nodiscard]] int database_version() const { return database_version_; }
  [[nodiscard]] int known_version() const { return known_version_; }

 private:
  int database_version_;
  int known_version_;
};

struct MigrationReport {
  int from_version = 0;  // highest version recorded before (0: empty database)
  int to_version = 0;    // highest version recorded after
  std::vector<Migration> applied;
  std::vector<std::string> warnings;  // e.g. a recorded migration whose text has changed since
};

// Highest version recorded in schema_migrations; 0 when the table does not exist.
int schema_version(pg::Connection& conn);

// Applies the pending migrations of `known` (sorted by version) up to
// `target_version` (default: all of them). Throws SchemaTooNew before touching
// anything when the database is ahead of `known`; throws pg::Error naming the
// migration when one fails (that migration is rolled back, earlier ones stay).
MigrationReport migrate(pg::Connection& conn, std::span<const Migration> known = embedded_migrations(),
                        int target_version = -1);

// The seam for callers that have resolved the database URL (`newsd migrate`,
// the daemon at start): connects, migrates, disconnects.
MigrationReport migrate_database(const std::string& database_url);

}  // namespace newsd::storage
