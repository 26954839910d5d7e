// The libpq wrapper against the real test server.
#include <gtest/gtest.h>

#include "storage/pg.h"
#include "test_db.h"

namespace {

using newsd::pg::Connection;
using newsd::pg::Error;

TEST(Pg, BoundParametersRoundTripIncludingNull) {
  Connection conn(newsd::test::fresh_database("pg_params"));
  auto result = conn.exec("round trip", "select $1::text, $2::text is null, $3::int + 1",
                          {"it's \"quoted\"; drop table x", std::nullopt, "41"});
  ASSERT_EQ(result.rows(), 1);
  EXPECT_EQ(result.text(0, 0), "it's \"quoted\"; drop table x");
  EXPECT_EQ(result.text(0, 1), "t");
  EXPECT_EQ(result.integer(0, 2), 42);
}

TEST(Pg, ErrorsNameTheOperationAndCarrySqlstate) {
  Connection conn(newsd::test::fresh_database("pg_errors"));
  try {
    conn.exec("count widgets", "select count(*) from widgets");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("count widgets:"), std::string::npos) << e.what();
    EXPECT_EQ(e.sqlstate(), "42P01");
    EXPECT_FALSE(e.connection_lost());
  }
}

TEST(Pg, TransactionRollsBackOnThrow) {
  Connection conn(newsd::test::fresh_database("pg_tx"));
  conn.exec("setup", "create table t (v int)");
  EXPECT_THROW(newsd::pg::transaction(conn, "insert",
                                      [&] {
                                        conn.exec("insert", "insert into t values (1)");
                                        throw std::runtime_error("boom");
                                      }),
               std::runtime_error);
  EXPECT_EQ(conn.exec("count", "select count(*) from t").integer(0, 0), 0);
  newsd::pg::transaction(conn, "insert", [&] { conn.exec("insert", "insert into t values (2)"); });
  EXPECT_EQ(conn.exec("count", "select count(*) from t").integer(0, 0), 1);
}

TEST(Pg, ConnectFailureIsClear) {
  try {
    Connection conn("host=/nonexistent-socket-dir dbname=x connect_timeout=2");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("connect to PostgreSQL"), std::string::npos);
  }
}

}  // namespace
