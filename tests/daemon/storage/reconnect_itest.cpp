// The database going away in the middle of a series of batches: every batch
// is stored exactly once. These tests restart the test server, so they run
// after nothing else in this process needs a stable connection.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "storage/database.h"
#include "storage/items.h"
#include "storage_support.h"
#include "test_db.h"

namespace {

using newsd::pg::Connection;
using newsd::storage::Database;
using newsd::storage::ItemStore;
using newsd::storage::RetryPolicy;

constexpr int kBatches = 30;
constexpr int kItemsPerBatch = 40;

feeds::Feed batch(int number) {
  feeds::Feed feed;
  feed.language = "en";
  for (int i = 0; i < kItemsPerBatch; ++i) {
    std::string key = "b" + std::to_string(number) + "-" + std::to_string(i);
    feed.items.push_back(newsd::test::make_item(key, "Item " + key, "<p>" + std::string(3000, 'x') + "</p>"));
  }
  return feed;
}

RetryPolicy quick_policy() {
  RetryPolicy policy;
  policy.first_delay = std::chrono::milliseconds(50);
  policy.max_delay = std::chrono::milliseconds(500);
  policy.give_up_after = std::chrono::seconds(60);
  return policy;
}

TEST(Reconnect, ServerRestartedWhileBatchesAreBeingStoredLosesAndDoublesNothing) {
  const std::string url = newsd::test::migrated_database("reconnect");
  std::int64_t source = 0;
  {
    Connection setup(url);
    source = newsd::test::add_source(setup, "https://a.example/feed");
  }
  std::vector<std::string> log;
  Database db(url, quick_policy(), [&](std::string_view message) { log.emplace_back(message); });
  ItemStore store(db);

  std::atomic<int> stored_batches{0}, restarts{0};
  std::thread restarter([&] {
    while (stored_batches.load() < 5) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    newsd::test::pg_control("restart");  // mid-series, probably mid-batch
    restarts.store(1);
    // Two more batches stored after the first restart: the second began after
    // it, on a new connection, so the first restart was noticed before the
    // second comes. (A restarter held up by a loaded machine could otherwise
    // find 15 batches stored already and restart twice in a row, and one
    // reconnection would see both.)
    const int after_first = stored_batches.load();
    while (stored_batches.load() < std::max(15, after_first + 2))
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    newsd::test::pg_control("restart");
    restarts.store(2);
  });
  // At least kBatches, and at least one begun after the second restart was
  // over: on a loaded machine the restart can outlast the remaining batches,
  // and a restart no batch runs into is not a test of anything.
  int added = 0, batches = 0;
  for (int after_restarts = 0; batches < kBatches || after_restarts == 0; ++batches) {
    if (batches >= 100 * kBatches) {  // not ASSERT: the restarter thread must be joined
      ADD_FAILURE() << "the second restart never finished";
      break;
    }
    if (restarts.load() == 2) ++after_restarts;
    auto counts = store.store_feed_items(source, batch(batches));
    added += counts.added;
    EXPECT_EQ(counts.added + counts.unchanged, kItemsPerBatch) << "batch " << batches;
    stored_batches.store(batches + 1);
  }
  restarter.join();

  Connection check(url);
  EXPECT_EQ(newsd::test::count(check, "select count(*) from items"), batches * kItemsPerBatch);
  EXPECT_EQ(newsd::test::count(check, "select count(distinct key) from items"), batches * kItemsPerBatch);
  // A commit whose acknowledgement was lost is retried and finds its rows
  // already there (counted unchanged); otherwise every item is added once.
  EXPECT_LE(added, batches * kItemsPerBatch);
  EXPECT_GE(db.reconnects(), 2) << "the restarts were not noticed";
  EXPECT_FALSE(log.empty());
  // Everything still works on the new connection, and nothing is rewritten.
  EXPECT_EQ(store.store_feed_items(source, batch(0)).unchanged, kItemsPerBatch);
}

TEST(Reconnect, WaitsForAServerThatIsDownForAWhile) {
  const std::string url = newsd::test::migrated_database("reconnect_down");
  std::int64_t source = 0;
  {
    Connection setup(url);
    source = newsd::test::add_source(setup, "https://a.example/feed");
  }
  Database db(url, quick_policy());
  ItemStore store(db);
  EXPECT_EQ(store.store_feed_items(source, batch(0)).added, kItemsPerBatch);
  newsd::test::pg_control("stop");
  std::thread starter([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    newsd::test::pg_control("start");
  });
  auto counts = store.store_feed_items(source, batch(1));  // blocks, retrying, until the server is back
  starter.join();
  EXPECT_EQ(counts.added, kItemsPerBatch);
  Connection check(url);
  EXPECT_EQ(newsd::test::count(check, "select count(*) from items"), 2 * kItemsPerBatch);
}

TEST(Reconnect, GivesUpWithAClearErrorWhenTheServerStaysDown) {
  const std::string url = newsd::test::migrated_database("reconnect_gone");
  std::int64_t source = 0;
  {
    Connection setup(url);
    source = newsd::test::add_source(setup, "https://a.example/feed");
  }
  RetryPolicy policy = quick_policy();
  policy.give_up_after = std::chrono::seconds(1);
  Database db(url, policy);
  ItemStore store(db);
  newsd::test::pg_control("stop");
  try {
    store.store_feed_items(source, batch(0));
    ADD_FAILURE() << "expected the store to give up";
  } catch (const newsd::pg::Error& e) {
    EXPECT_NE(std::string(e.what()).find("store items of source"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("giving up"), std::string::npos) << e.what();
    EXPECT_TRUE(e.connection_lost());
  }
  newsd::test::pg_control("start");
  EXPECT_EQ(store.store_feed_items(source, batch(0)).added, kItemsPerBatch)
      << "recovers once the server is back";
}

TEST(Reconnect, ErrorsOtherThanALostConnectionAreNotRetried) {
  Database db(newsd::test::migrated_database("reconnect_no_retry"), quick_policy());
  int calls = 0;
  EXPECT_THROW(db.run("divide",
                      [&](Connection& conn) {
                        ++calls;
                        return conn.exec("divide", "select 1 / 0").rows();
                      }),
               newsd::pg::Error);
  EXPECT_EQ(calls, 1);
  EXPECT_THROW(
      db.run("client check",
             [&](Connection&) -> int {
               ++calls;
               throw newsd::pg::Error("client check: unexpected result");  // no SQLSTATE, healthy connection
             }),
      newsd::pg::Error);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(db.reconnects(), 0);
}

}  // namespace
