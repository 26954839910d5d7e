// Storage pieces that need no server: COPY/array encoding, the embedded
// migrations, and the retry policy against a server that is not there.
#include <gtest/gtest.h>

#include <chrono>

#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/pg.h"

namespace {

using newsd::pg::copy_escape;
using newsd::pg::text_array_literal;

TEST(CopyEscape, EscapesTheCopyTextFormatSpecials) {
  std::string out;
  copy_escape(out, "a\tb\nc\rd\\e \"quoted\" ünïcødé");
  EXPECT_EQ(out, "a\\tb\\nc\\rd\\\\e \"quoted\" ünïcødé");
}

TEST(CopyEscape, NullIsBackslashN) {
  std::string out;
  copy_escape(out, std::nullopt);
  copy_escape(out, "");
  EXPECT_EQ(out, "\\N");
}

TEST(TextArrayLiteral, QuotesEveryElement) {
  std::vector<std::string> values{"plain", "with \"quotes\"", "back\\slash", "comma,brace}", ""};
  EXPECT_EQ(text_array_literal(values), R"({"plain","with \"quotes\"","back\\slash","comma,brace}",""})");
  EXPECT_EQ(text_array_literal({}), "{}");
}

TEST(EmbeddedMigrations, AreSortedUniqueAndCarryTheContractTables) {
  auto migrations = newsd::storage::embedded_migrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    EXPECT_LT(migrations[i - 1].version, migrations[i].version);
  }
  std::string_view initial = migrations.front().sql;
  for (std::string_view table : {"create table sources", "create table hosts", "create table items",
                                 "create table articles", "create table fetch_log", "create view news"}) {
    EXPECT_NE(initial.find(table), std::string_view::npos) << table;
  }
}

TEST(SchemaTooNew, SaysWhatToDo) {
  newsd::storage::SchemaTooNew error(7, 3);
  std::string message = error.what();
  EXPECT_NE(message.find("version 7"), std::string::npos);
  EXPECT_NE(message.find("version 3"), std::string::npos);
  EXPECT_NE(message.find("upgrade newsd"), std::string::npos);
}

TEST(Database, GivesUpOnAnUnreachableServerWithinThePolicy) {
  newsd::storage::RetryPolicy policy;
  policy.first_delay = std::chrono::milliseconds(20);
  policy.max_delay = std::chrono::milliseconds(40);
  policy.give_up_after = std::chrono::seconds(1);
  int retries_logged = 0;
  newsd::storage::Database db("host=/nonexistent-newsd-socket-dir dbname=x connect_timeout=1", policy,
                              [&](std::string_view) { ++retries_logged; });
  auto started = std::chrono::steady_clock::now();
  try {
    db.run("count sources",
           [](newsd::pg::Connection& conn) { return conn.exec("count", "select 1").rows(); });
    FAIL() << "expected to give up";
  } catch (const newsd::pg::Error& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("count sources"), std::string::npos) << message;
    EXPECT_NE(message.find("giving up"), std::string::npos) << message;
    EXPECT_NE(message.find("connect to PostgreSQL"), std::string::npos) << message;
    EXPECT_TRUE(e.connection_lost());
  }
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  EXPECT_GE(retries_logged, 3) << "backoff should have retried several times";
}

}  // namespace
