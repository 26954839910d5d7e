#pragma once
// The storage layer's connection: owns one libpq connection, reconnects with
// exponential backoff when the server goes away (restart, network cut), and
// re-runs the whole unit of work in hand. Units of work are written to be
// idempotent (upserts keyed by natural keys), so a retried batch is neither lost
// nor stored twice.
//
// Blocking: call it from a worker thread, never from the network io_context.
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>

#include "storage/pg.h"

namespace newsd::storage {

struct RetryPolicy {
  std::chrono::milliseconds first_delay{100};  // after the first failure
  std::chrono::milliseconds max_delay{5000};   // the delay doubles up to this
  std::chrono::seconds give_up_after{120};     // then the last error is thrown
};

class Database {
 public:
  // Told about every lost connection and retry, for the daemon's log.
  using Logger = std::function<void(std::string_view message)>;

  explicit Database(std::string url, RetryPolicy policy = {}, Logger log = {});

  // Runs body(pg::Connection&) inside BEGIN/COMMIT. If the connection is lost
  // at any point (including COMMIT), reconnects with backoff and runs the whole
  // body again on the new connection. Errors other than a lost connection
  // (constraint violations, bad data) are rethrown at once.
  template <typename Body>
  auto transact(std::string_view operation, Body&& body) {
    return with_retry(operation, [&](pg::Connection& conn) {
      return pg::transaction(conn, operation, [&] { return body(conn); });
    });
  }

  // Like transact, without the transaction (single statements, read-only work).
  template <typename Body>
  auto run(std::string_view operation, Body&& body) {
    return with_retry(operation, [&](pg::Connection& conn) { return body(conn); });
  }

  // Prepares `sql` as `name` on the current connection unless already done
  // there (prepared statements die with their connection).
  void prepare(std::string_view operation, const std::string& name, std::string_view sql);

  // True the first time it is asked about `what` on the current connection:
  // for per-session set-up such as temporary tables.
  bool first_time_on_connection(const std::string& what);
  // Undoes first_time_on_connection(what), e.g. after the transaction that
  // did the set-up rolled back.
  void forget_on_connection(std::string_view what);

  // The live connection, connecting first if needed (no retry).
  pg::Connection& connection();

  // How many times a lost connection was replaced.
  [[nodiscard]] int reconnects() const { return reconnects_; }
  [[nodiscard]] const std::string& url() const { return url_; }

 private:
  template <typename Work>
  auto with_retry(std::string_view operation, Work&& work) {
    auto started = std::chrono::steady_clock::now();
    std::chrono::milliseconds delay = policy_.first_delay;
    for (;;) {
      try {
        return work(connection());
      } catch (const pg::Error& e) {
        if (!lost(e)) throw;
        wait_before_retry(operation, e, started, delay);
      }
    }
  }

  [[nodiscard]] bool lost(const pg::Error& error) const;
  // Drops the dead connection, sleeps `delay` (then doubles it), or throws when
  // the policy's time is up.
  void wait_before_retry(std::string_view operation, const pg::Error& error,
                         std::chrono::steady_clock::time_point started, std::chrono::milliseconds& delay);

  std::string url_;
  RetryPolicy policy_;
  Logger log_;
  std::unique_ptr<pg::Connection> conn_;
  std::set<std::string, std::less<>> prepared_;   // on conn_
  std::set<std::string, std::less<>> done_once_;  // on conn_
  int reconnects_ = 0;
  bool ever_connected_ = false;
};

}  // namespace newsd::storage
