#include "storage/migrations.h"

#include <fmt/core.h>

#include <algorithm>
#include <map>

namespace newsd::storage {

namespace {

// Any constant shared by every newsd; "newsdmig" in ASCII.
constexpr std::string_view kMigrationLockKey = "7954894346458081639";

constexpr std::string_view kCreateLedger = R"sql(
create table if not exists schema_migrations (
  version int primary key,
  name text not null,
  applied_at timestamptz not null default now(),
  checksum text not null
);
comment on table schema_migrations is 'Migrations applied to this database (sql/migrations/NNNN_name.sql), one row each; written by newsd only.';
comment on column schema_migrations.version is 'NNNN of the migration file.';
comment on column schema_migrations.name is 'Name part of the migration file.';
comment on column schema_migrations.applied_at is 'When the migration was applied.';
comment on column schema_migrations.checksum is 'md5 of the migration text as applied; a mismatch means the file was edited after release.';
)sql";

// Session-level advisory lock held while migrating, so two newsd starting at
// once against the same database apply each migration exactly once: the second
// waits, then finds nothing pending. Released on every exit path; if the
// connection dies the server releases it anyway.
class MigrationLock {
 public:
  explicit MigrationLock(pg::Connection& conn) : conn_(conn) {
    conn_.exec("take the migration lock", "select pg_advisory_lock($1::bigint)", {kMigrationLockKey});
  }
  ~MigrationLock() {
    try {
      if (conn_.ok()) {
        conn_.exec("release the migration lock", "select pg_advisory_unlock($1::bigint)",
                   {kMigrationLockKey});
      }
    } catch (const pg::Error&) {
      // The session is going away; the server drops the lock with it.
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  pg::Connection& conn_;
};

int highest_known(std::span<const Migration> known) {
  int highest = 0;
  for (const auto& migration : known) highest = std::max(highest, migration.version);
  return highest;
}

}  // namespace

SchemaTooNew::SchemaTooNew(int database_version, int known_version)
    : std::runtime_error(
          fmt::format("the database schema is at version {}, newer than this newsd knows (version {}): "
                      "it was migrated by a newer newsd; upgrade newsd, or point it at another database",
                      database_version, known_version)),
      database_version_(database_version),
      known_version_(known_version) {}

int schema_version(pg::Connection& conn) {
  auto exists = conn.exec("read the schema version", "select to_regclass('schema_migrations') is not null");
  if (exists.text(0, 0) != "t") return 0;
  auto result =
      conn.exec("read the schema version", "select coalesce(max(version), 0) from schema_migrations");
  return static_cast<int>(result.integer(0, 0));
}

MigrationReport migrate(pg::Connection& conn, std::span<const Migration> known, int target_version) {
  std::vector<Migration> ordered(known.begin(), known.end());
  std::sort(ordered.begin(), ordered.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  const int known_version = highest_known(ordered);
  if (target_version < 0) target_version = known_version;

  MigrationLock lock(conn);
  conn.exec_script("create the schema_migrations table", kCreateLedger);

  std::map<int, std::string> recorded;  // version -> checksum
  auto rows = conn.exec("read applied migrations", "select version, checksum from schema_migrations");
  for (int row = 0; row < rows.rows(); ++row) {
    recorded.emplace(static_cast<int>(rows.integer(row, 0)), std::string(rows.text(row, 1)));
  }

  MigrationReport report;
  report.from_version = recorded.empty() ? 0 : recorded.rbegin()->first;
  if (report.from_version > known_version) throw SchemaTooNew(report.from_version, known_version);

  for (const auto& migration : ordered) {
    if (migration.version > target_version) break;
    auto found = recorded.find(migration.version);
    if (found != recorded.end()) {
      auto checksum = conn.exec("check migration checksum", "select md5($1)", {migration.sql});
      if (checksum.text(0, 0) != found->second) {
        report.warnings.push_back(
            fmt::format("migration {:04}_{} differs from the text applied to this database; released "
                        "migrations must never be edited (add a new one instead)",
                        migration.version, migration.name));
      }
      continue;
    }
    const std::string operation = fmt::format("apply migration {:04}_{}", migration.version, migration.name);
    pg::transaction(conn, operation, [&] {
      conn.exec_script(operation, migration.sql);
      conn.exec(operation,
                "insert into schema_migrations (version, name, checksum) values ($1::int, $2, md5($3))",
                {std::to_string(migration.version), migration.name, migration.sql});
    });
    report.applied.push_back(migration);
  }
  report.to_version = schema_version(conn);
  return report;
}

MigrationReport migrate_database(const std::string& database_url) {
  pg::Connection conn(database_url);
  return migrate(conn);
}

}  // namespace newsd::storage
