// The migration runner against the real test server.
#include <gtest/gtest.h>

#include <cstdlib>
#include <future>
#include <string>
#include <vector>

#include "run_newsd.h"
#include "storage/migrations.h"
#include "storage_support.h"
#include "test_db.h"

namespace {

using newsd::pg::Connection;
using newsd::storage::embedded_migrations;
using newsd::storage::migrate;
using newsd::storage::Migration;
using newsd::storage::schema_version;
using newsd::storage::SchemaTooNew;

int latest_embedded() {
  return embedded_migrations().back().version;
}

// Every table, view and column of the public schema with its type and
// comment, one line each: two databases with equal dumps have the same schema.
std::string schema_dump(Connection& conn) {
  auto rows = conn.exec("dump schema", R"sql(
    select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' ||
           coalesce(col_description(c.oid, a.attnum), '<no comment>')
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'v', 'i')
    order by 1)sql");
  std::string out;
  for (int row = 0; row < rows.rows(); ++row) out += std::string(rows.text(row, 0)) + "\n";
  return out;
}

TEST(Migrations, EmbeddedMigrationsAreNumberedFromOneWithoutGaps) {
  auto migrations = embedded_migrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(migrations[i].sql.empty());
  }
  EXPECT_EQ(migrations.front().name, "initial");
}

TEST(Migrations, FromEmptyAppliesAllAndRecordsThem) {
  Connection conn(newsd::test::fresh_database("mig_empty"));
  EXPECT_EQ(schema_version(conn), 0);
  auto report = migrate(conn);
  EXPECT_EQ(report.from_version, 0);
  EXPECT_EQ(report.to_version, latest_embedded());
  ASSERT_EQ(report.applied.size(), embedded_migrations().size());
  EXPECT_EQ(newsd::test::count(conn, "select count(*) from schema_migrations"),
            static_cast<long long>(embedded_migrations().size()));
  for (const char* table : {"sources", "hosts", "items", "articles", "fetch_log", "news"}) {
    EXPECT_EQ(conn.exec("table exists", "select to_regclass($1) is not null", {table}).text(0, 0), "t")
        << table;
  }
  auto again = migrate(conn);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.from_version, latest_embedded());
  EXPECT_TRUE(again.warnings.empty());
}

TEST(Migrations, EveryTableViewAndColumnUsersQueryHasAComment) {
  Connection conn(newsd::test::migrated_database("mig_comments"));
  auto missing = conn.exec("find uncommented", R"sql(
    select c.relname || coalesce('.' || a.attname, '')
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    left join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'v')
      and ((a.attname is null and obj_description(c.oid, 'pg_class') is null)
        or (a.attname is not null and col_description(c.oid, a.attnum) is null))
    order by 1)sql");
  std::string names;
  for (int row = 0; row < missing.rows(); ++row) names += std::string(missing.text(row, 0)) + " ";
  EXPECT_EQ(missing.rows(), 0) << "without COMMENT ON: " << names;
}

TEST(Migrations, FromEveryEarlierVersionReachesTheSameSchema) {
  Connection reference(newsd::test::migrated_database("mig_reference"));
  const std::string expected = schema_dump(reference);
  for (int start = 0; start < latest_embedded(); ++start) {
    SCOPED_TRACE("starting at version " + std::to_string(start));
    Connection conn(newsd::test::fresh_database("mig_from_" + std::to_string(start)));
    auto first = migrate(conn, embedded_migrations(), start);
    EXPECT_EQ(first.to_version, start);
    EXPECT_EQ(schema_version(conn), start);
    auto rest = migrate(conn);
    ASSERT_EQ(rest.applied.size(), static_cast<std::size_t>(latest_embedded() - start));
    EXPECT_EQ(rest.applied.front().version, start + 1);
    EXPECT_EQ(schema_dump(conn), expected);
  }
}

// 0002 repairs what older versions left: items whose article row was never
// created (an interruption between the two writes, issue 15) get one, pending.
TEST(Migrations, QueueOrphanedArticlesRepairsItemsWithoutTheirArticle) {
  Connection conn(newsd::test::fresh_database("mig_orphans"));
  auto all = embedded_migrations();
  std::vector<Migration> first_only(all.begin(), all.begin() + 1);
  migrate(conn, first_only);
  conn.exec("sources", R"sql(
    insert into sources (url, options) values ('https://a.example/feed', '{}'),
      ('https://b.example/feed', '{"articles": false}'))sql");
  conn.exec("items", R"sql(
    insert into items (source_id, key, canonical_url, link, content_hash) values
      ((select id from sources where url = 'https://a.example/feed'), 'orphan', 'https://a.example/1',
       'https://a.example/1?utm_source=feed', 'h1'),
      ((select id from sources where url = 'https://a.example/feed'), 'fetched', 'https://a.example/2',
       'https://a.example/2', 'h2'),
      ((select id from sources where url = 'https://a.example/feed'), 'no-link', null, null, 'h3'),
      ((select id from sources where url = 'https://b.example/feed'), 'not-wanted', 'https://b.example/1',
       'https://b.example/1', 'h4'))sql");
  conn.exec("article", R"sql(
    insert into articles (canonical_url, url, status, text)
    values ('https://a.example/2', 'https://a.example/2', 'extracted', 'kept'))sql");
  migrate(conn);
  EXPECT_EQ(newsd::test::count(conn, "select count(*) from articles"), 2);
  EXPECT_EQ(newsd::test::count(conn,
                               "select count(*) from articles where canonical_url = 'https://a.example/1' "
                               "and url = 'https://a.example/1?utm_source=feed' and status = 'pending'"),
            1);
  EXPECT_EQ(
      newsd::test::count(conn, "select count(*) from articles where status = 'extracted' and text = 'kept'"),
      1);
}

// Synthetic histories exercise what one real migration cannot: later
// versions, failures, edited files.
const Migration kCreate{1, "create_notes", "create table notes (id int primary key);"};
const Migration kAddColumn{2, "add_body", "alter table notes add column body text;"};
const Migration kAddIndex{3, "index_body", "create index notes_body on notes (body);"};

TEST(Migrations, AppliesOnlyThePendingOnesInOrder) {
  Connection conn(newsd::test::fresh_database("mig_pending"));
  std::vector<Migration> v1{kCreate};
  EXPECT_EQ(migrate(conn, v1).applied.size(), 1u);
  std::vector<Migration> v3{kAddIndex, kCreate, kAddColumn};  // order given does not matter
  auto report = migrate(conn, v3);
  ASSERT_EQ(report.applied.size(), 2u);
  EXPECT_EQ(report.applied[0].version, 2);
  EXPECT_EQ(report.applied[1].version, 3);
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.to_version, 3);
  conn.exec("use the column", "insert into notes values (1, 'x')");
}

TEST(Migrations, AFailingMigrationRollsBackAloneAndNamesItself) {
  Connection conn(newsd::test::fresh_database("mig_failing"));
  const Migration broken{2, "broken", "alter table notes add column ok text; select no_such_function();"};
  std::vector<Migration> known{kCreate, broken};
  try {
    migrate(conn, known);
    FAIL() << "expected the broken migration to throw";
  } catch (const newsd::pg::Error& e) {
    EXPECT_NE(std::string(e.what()).find("0002_broken"), std::string::npos) << e.what();
  }
  EXPECT_EQ(schema_version(conn), 1);
  EXPECT_EQ(newsd::test::count(conn,
                               "select count(*) from information_schema.columns "
                               "where table_name = 'notes' and column_name = 'ok'"),
            0);
}

TEST(Migrations, RefusesASchemaNewerThanItKnows) {
  Connection conn(newsd::test::fresh_database("mig_newer"));
  std::vector<Migration> newer{kCreate, kAddColumn, kAddIndex};
  migrate(conn, newer);
  std::vector<Migration> older{kCreate, kAddColumn};
  try {
    migrate(conn, older);
    FAIL() << "expected SchemaTooNew";
  } catch (const SchemaTooNew& e) {
    EXPECT_EQ(e.database_version(), 3);
    EXPECT_EQ(e.known_version(), 2);
    EXPECT_NE(std::string(e.what()).find("newer than this newsd knows"), std::string::npos);
  }
  EXPECT_EQ(schema_version(conn), 3);
}

TEST(Migrations, WarnsWhenAnAppliedMigrationWasEdited) {
  Connection conn(newsd::test::fresh_database("mig_edited"));
  std::vector<Migration> original{kCreate};
  migrate(conn, original);
  std::vector<Migration> edited{{1, "create_notes", "create table notes (id bigint primary key);"}};
  auto report = migrate(conn, edited);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.warnings[0].find("0001_create_notes"), std::string::npos);
}

TEST(Migrations, ConcurrentStartsApplyEachMigrationOnce) {
  const std::string url = newsd::test::fresh_database("mig_concurrent");
  auto run = [&] {
    Connection conn(url);
    return migrate(conn).applied.size();
  };
  auto first = std::async(std::launch::async, run);
  auto second = std::async(std::launch::async, run);
  std::size_t applied_first = first.get();
  std::size_t applied_second = second.get();
  EXPECT_EQ(applied_first + applied_second, embedded_migrations().size());
  EXPECT_TRUE(applied_first == 0 || applied_second == 0);
  Connection conn(url);
  EXPECT_EQ(newsd::test::count(conn, "select count(*) from schema_migrations"),
            static_cast<long long>(embedded_migrations().size()));
}

TEST(MigrateCommand, PrintsWhatItAppliedThenNothingToDo) {
  const std::string url = newsd::test::fresh_database("mig_cli");
  auto first = newsd::test::run_newsd("migrate --db '" + url + "'");
  EXPECT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.out.find("applied 0001_initial"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("from version 0 to " + std::to_string(latest_embedded())), std::string::npos)
      << first.out;
  setenv("NEWSD_DB", url.c_str(), 1);  // the URL may also come from the environment
  auto again = newsd::test::run_newsd("migrate");
  unsetenv("NEWSD_DB");
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.out.find("up to date at version"), std::string::npos) << again.out;
}

TEST(MigrateCommand, RefusesNewerSchemaWithAClearMessage) {
  const std::string url = newsd::test::migrated_database("mig_cli_newer");
  Connection conn(url);
  conn.exec("pretend a newer newsd ran",
            "insert into schema_migrations (version, name, checksum) values (9999, 'future', 'x')");
  auto result = newsd::test::run_newsd("migrate --db '" + url + "'");
  EXPECT_EQ(result.status, 78);  // EX_CONFIG: only an upgrade helps, not a restart
  EXPECT_NE(result.err.find("version 9999, newer than this newsd knows"), std::string::npos) << result.err;
}

TEST(MigrateCommand, WithoutADatabaseIsAUsageError) {
  auto result = newsd::test::run_newsd("migrate --db ''");
  EXPECT_EQ(result.status, 64) << result.err;  // EX_USAGE
}

}  // namespace
