#pragma once
// RAII wrappers over libpq. Every value goes in as a bound parameter; SQL text
// is never built from data. Errors name the operation that failed.
// libpq itself stays inside daemon/storage: this header names its handles
// only as opaque structs; storage/pg_native.h (storage's own) reaches them.

#include <chrono>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// libpq's handle types (PGconn, PGresult), opaque here.
struct pg_conn;
struct pg_result;

namespace newsd::pg {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, std::string sqlstate = {})
      : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
  // Five-character SQLSTATE, empty when the failure was not reported by the server.
  [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }
  // True when the connection itself is gone (server restart, network cut):
  // the caller may reconnect and retry the whole transaction.
  [[nodiscard]] bool connection_lost() const {
    return sqlstate_.empty() || sqlstate_.starts_with("08") || sqlstate_ == "57P01" || sqlstate_ == "57P02" ||
           sqlstate_ == "57P03";
  }

 private:
  std::string sqlstate_;
};

// A text parameter; nullopt is SQL NULL.
using Param = std::optional<std::string_view>;

// One NOTIFY received on a connection that LISTENs.
struct Notification {
  std::string channel;
  std::string payload;
  int sender_pid = 0;
};

class Result {
 public:
  Result() = default;

  [[nodiscard]] int rows() const;
  [[nodiscard]] int columns() const;
  [[nodiscard]] bool is_null(int row, int column) const;
  // The value as text; empty for NULL (check is_null when it matters).
  [[nodiscard]] std::string_view text(int row, int column) const;
  [[nodiscard]] std::optional<std::string> optional_text(int row, int column) const {
    if (is_null(row, column)) return std::nullopt;
    return std::string(text(row, column));
  }
  [[nodiscard]] long long integer(int row, int column) const;
  [[nodiscard]] int column_index(std::string_view name) const;
  [[nodiscard]] long long affected_rows() const;

 private:
  friend Result adopt(pg_result* result);
  friend pg_result* native(const Result& result);
  struct Clear {
    void operator()(pg_result* result) const noexcept;
  };
  std::unique_ptr<pg_result, Clear> result_;
};

class Connection {
 public:
  // Connects with a libpq connection string or URL; throws Error naming `purpose`.
  explicit Connection(const std::string& conninfo);

  // Runs one statement with bound text parameters. `operation` names what the
  // caller was doing, for the error message ("store items of source 42").
  Result exec(std::string_view operation, std::string_view sql, std::span<const Param> params = {});
  Result exec(std::string_view operation, std::string_view sql, std::initializer_list<Param> params) {
    return exec(operation, sql, std::span<const Param>(params.begin(), params.size()));
  }
  // Prepares `sql` once under `name` per connection; later calls reuse it.
  void prepare(std::string_view operation, const std::string& name, std::string_view sql);
  Result exec_prepared(std::string_view operation, const std::string& name, std::span<const Param> params);

  // Several statements with no parameters (migrations); runs in one round trip.
  void exec_script(std::string_view operation, std::string_view sql);

  // Runs `copy_sql` (COPY ... FROM STDIN) and streams `data`, already in COPY
  // text format (see copy_escape). Returns the number of rows copied.
  long long copy_in(std::string_view operation, std::string_view copy_sql, std::string_view data);

  // Runs the prepared statement `name` once per parameter row in libpq pipeline
  // mode: every row is sent before the first result is read, so a batch costs
  // one round trip. Results come back in row order; the first error throws
  // (and, inside a transaction, aborts it).
  std::vector<Result> exec_prepared_pipeline(std::string_view operation, const std::string& name,
                                             std::span<const std::vector<Param>> rows);

  // The next notification already received, without waiting.
  std::optional<Notification> poll_notification();
  // Waits up to `timeout` for a notification (LISTEN must have been issued).
  std::optional<Notification> wait_notification(std::chrono::milliseconds timeout);

  [[nodiscard]] bool ok() const;
  // Rolls back an open or failed transaction; does nothing when idle or
  // disconnected. For transaction() below.
  void rollback_if_in_transaction() noexcept;

 private:
  friend pg_conn* native(Connection& conn);
  Result check(std::string_view operation, pg_result* raw) const;

  struct Finish {
    void operator()(pg_conn* conn) const noexcept;
  };
  std::unique_ptr<pg_conn, Finish> conn_;
};

// Appends `value` to `out` escaped for COPY text format (backslash, tab,
// newline, carriage return); nullopt becomes \N.
void copy_escape(std::string& out, std::optional<std::string_view> value);

// A PostgreSQL text[] literal ({"a","b\"c"}) for binding a list as one parameter.
std::string text_array_literal(std::span<const std::string> values);

// A fresh connection that runs `select 1` within `timeout`, for /healthz:
// empty when the database answers, else what went wrong (one line).
std::string probe(const std::string& database_url, std::chrono::seconds timeout);

// PQping: true when a server at `conninfo` accepts connections.
bool accepts_connections(const std::string& conninfo);

// Runs `body` inside BEGIN/COMMIT; rolls back if it throws, then rethrows.
template <typename Body>
auto transaction(Connection& conn, std::string_view operation, Body&& body) {
  conn.exec(operation, "begin");
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      conn.exec(operation, "commit");
    } else {
      auto value = body();
      conn.exec(operation, "commit");
      return value;
    }
  } catch (...) {
    conn.rollback_if_in_transaction();
    throw;
  }
}

}  // namespace newsd::pg
