#include "storage/database.h"

#include <fmt/core.h>

#include <algorithm>

namespace newsd::storage {

Database::Database(std::string url, RetryPolicy policy, Logger log)
    : url_(std::move(url)), policy_(policy), log_(std::move(log)) {}

pg::Connection& Database::connection() {
  if (conn_ && conn_->ok()) return *conn_;
  if (conn_) {
    conn_.reset();
    prepared_.clear();
    done_once_.clear();
  }
  conn_ = std::make_unique<pg::Connection>(url_);
  if (ever_connected_) {
    ++reconnects_;
    if (log_) log_("reconnected to PostgreSQL");
  }
  ever_connected_ = true;
  return *conn_;
}

void Database::prepare(std::string_view operation, const std::string& name, std::string_view sql) {
  pg::Connection& conn = connection();
  if (prepared_.contains(name)) return;
  conn.prepare(operation, name, sql);
  prepared_.insert(name);
}

bool Database::first_time_on_connection(const std::string& what) {
  connection();
  return done_once_.insert(what).second;
}

void Database::forget_on_connection(std::string_view what) {
  if (auto found = done_once_.find(what); found != done_once_.end()) done_once_.erase(found);
}

bool Database::lost(const pg::Error& error) const {
  // A client-side error on a healthy connection (bad result, "no such row")
  // has no SQLSTATE but is not a lost connection: only retry when the
  // connection is really unusable or the server said it is going away.
  if (!conn_ || !conn_->ok()) return true;
  return !error.sqlstate().empty() && error.connection_lost();
}

void Database::wait_before_retry(std::string_view operation, const pg::Error& error,
                                 std::chrono::steady_clock::time_point started,
                                 std::chrono::milliseconds& delay) {
  conn_.reset();
  prepared_.clear();
  done_once_.clear();
  auto elapsed = std::chrono::steady_clock::now() - started;
  if (elapsed + delay > policy_.give_up_after) {
    throw pg::Error(
        fmt::format("{}: database unavailable for {} s, giving up: {}", operation,
                    std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), error.what()),
        error.sqlstate().empty() ? "08006" : error.sqlstate());
  }
  if (log_) {
    log_(
        fmt::format("{}: lost the database ({}); retrying in {} ms", operation, error.what(), delay.count()));
  }
  std::this_thread::sleep_for(delay);
  delay = std::min(delay * 2, policy_.max_delay);
}

}  // namespace newsd::storage
