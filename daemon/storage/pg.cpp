#include "storage/pg.h"

#include "core/strings.h"
#include "storage/pg_native.h"

#include <fmt/core.h>

#include <poll.h>

#include <algorithm>
#include <charconv>
#include <vector>

namespace newsd::pg {

namespace {

// libpq's messages end in a newline.
std::string trimmed(const char* message) {
  return std::string(core::trim(message ? message : ""));
}

// libpq wants NUL-terminated C strings; string_views are copied once here.
class ParamArray {
 public:
  explicit ParamArray(std::span<const Param> params) {
    copies_.reserve(params.size());
    for (const auto& param : params) {
      if (param) copies_.emplace_back(*param);
    }
    std::size_t next = 0;
    for (const auto& param : params) values_.push_back(param ? copies_[next++].c_str() : nullptr);
  }
  [[nodiscard]] int count() const { return static_cast<int>(values_.size()); }
  [[nodiscard]] const char* const* data() const { return values_.data(); }

 private:
  std::vector<std::string> copies_;
  std::vector<const char*> values_;
};

}  // namespace

Result adopt(PGresult* result) {
  Result adopted;
  adopted.result_.reset(result);
  return adopted;
}

PGresult* native(const Result& result) {
  return result.result_.get();
}

PGconn* native(Connection& conn) {
  return conn.conn_.get();
}

void Result::Clear::operator()(PGresult* result) const noexcept {
  PQclear(result);
}

void Connection::Finish::operator()(PGconn* conn) const noexcept {
  PQfinish(conn);
}

int Result::rows() const {
  return result_ ? PQntuples(result_.get()) : 0;
}

int Result::columns() const {
  return result_ ? PQnfields(result_.get()) : 0;
}

bool Result::is_null(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::string_view Result::text(int row, int column) const {
  return {PQgetvalue(result_.get(), row, column),
          static_cast<std::size_t>(PQgetlength(result_.get(), row, column))};
}

bool Connection::ok() const {
  return PQstatus(conn_.get()) == CONNECTION_OK;
}

void Connection::rollback_if_in_transaction() noexcept {
  if (ok() && PQtransactionStatus(conn_.get()) != PQTRANS_IDLE) PQclear(PQexec(conn_.get(), "rollback"));
}

long long Result::integer(int row, int column) const {
  std::string_view value = text(row, column);
  long long out = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (ec != std::errc() || end != value.data() + value.size()) {
    throw Error(fmt::format("column {} is not an integer: '{}'", column, value));
  }
  return out;
}

int Result::column_index(std::string_view name) const {
  int index = PQfnumber(result_.get(), std::string(name).c_str());
  if (index < 0) throw Error(fmt::format("result has no column '{}'", name));
  return index;
}

long long Result::affected_rows() const {
  std::string_view count = PQcmdTuples(result_.get());
  long long out = 0;
  std::from_chars(count.data(), count.data() + count.size(), out);
  return out;
}

Connection::Connection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str())) {
  if (!conn_) throw Error("connect to PostgreSQL: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw Error(fmt::format("connect to PostgreSQL: {}", trimmed(PQerrorMessage(conn_.get()))));
  }
  // Quiet NOTICEs (e.g. "relation already exists, skipping") that libpq would print to stderr.
  PQsetNoticeProcessor(
      conn_.get(), [](void*, const char*) {}, nullptr);
}

Result Connection::check(std::string_view operation, PGresult* raw) const {
  Result result = adopt(raw);
  ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
      status == PGRES_COPY_OUT) {
    return result;
  }
  std::string sqlstate;
  std::string message;
  if (raw) {
    if (const char* state = PQresultErrorField(raw, PG_DIAG_SQLSTATE)) sqlstate = state;
    message = trimmed(PQresultErrorMessage(raw));
  }
  if (message.empty()) message = trimmed(PQerrorMessage(conn_.get()));
  if (PQstatus(conn_.get()) != CONNECTION_OK && sqlstate.empty()) sqlstate = "08006";
  throw Error(fmt::format("{}: {}", operation, message), sqlstate);
}

Result Connection::exec(std::string_view operation, std::string_view sql, std::span<const Param> params) {
  std::string statement(sql);
  ParamArray values(params);
  return check(operation, PQexecParams(conn_.get(), statement.c_str(), values.count(), nullptr, values.data(),
                                       nullptr, nullptr, 0));
}

void Connection::prepare(std::string_view operation, const std::string& name, std::string_view sql) {
  std::string statement(sql);
  check(operation, PQprepare(conn_.get(), name.c_str(), statement.c_str(), 0, nullptr));
}

Result Connection::exec_prepared(std::string_view operation, const std::string& name,
                                 std::span<const Param> params) {
  ParamArray values(params);
  return check(operation,
               PQexecPrepared(conn_.get(), name.c_str(), values.count(), values.data(), nullptr, nullptr, 0));
}

void Connection::exec_script(std::string_view operation, std::string_view sql) {
  std::string script(sql);
  check(operation, PQexec(conn_.get(), script.c_str()));
}

namespace {

// An error raised on the client side (sending, receiving); the connection's
// state says whether it is gone.
Error client_error(PGconn* conn, std::string_view operation, std::string_view what) {
  return Error(fmt::format("{}: {}: {}", operation, what, trimmed(PQerrorMessage(conn))),
               PQstatus(conn) == CONNECTION_OK ? "" : "08006");
}

// Pipeline mode only lasts for one call; leaving it needs an idle connection,
// which every path below reaches before returning or throwing.
class PipelineScope {
 public:
  explicit PipelineScope(PGconn* conn) : conn_(conn) {}
  ~PipelineScope() { PQexitPipelineMode(conn_); }
  PipelineScope(const PipelineScope&) = delete;
  PipelineScope& operator=(const PipelineScope&) = delete;

 private:
  PGconn* conn_;
};

// Rows sent before reading their results. Bounded so that neither side's socket
// buffer fills while the other is still writing (libpq's blocking mode would
// deadlock then); one round trip per chunk is noise next to the work.
constexpr std::size_t kPipelineChunk = 256;

}  // namespace

long long Connection::copy_in(std::string_view operation, std::string_view copy_sql, std::string_view data) {
  std::string statement(copy_sql);
  Result started = check(operation, PQexec(conn_.get(), statement.c_str()));
  if (PQresultStatus(native(started)) != PGRES_COPY_IN) {
    throw Error(fmt::format("{}: statement is not COPY FROM STDIN", operation));
  }
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t offset = 0; offset < data.size(); offset += kChunk) {
    std::size_t length = std::min(kChunk, data.size() - offset);
    if (PQputCopyData(conn_.get(), data.data() + offset, static_cast<int>(length)) != 1) {
      throw client_error(conn_.get(), operation, "sending COPY data");
    }
  }
  if (PQputCopyEnd(conn_.get(), nullptr) != 1) {
    throw client_error(conn_.get(), operation, "ending COPY");
  }
  PGresult* finished = PQgetResult(conn_.get());
  while (PGresult* extra = PQgetResult(conn_.get())) PQclear(extra);
  return check(operation, finished).affected_rows();
}

std::vector<Result> Connection::exec_prepared_pipeline(std::string_view operation, const std::string& name,
                                                       std::span<const std::vector<Param>> rows) {
  std::vector<Result> results;
  results.reserve(rows.size());
  if (PQenterPipelineMode(conn_.get()) != 1) {
    throw client_error(conn_.get(), operation, "entering pipeline mode");
  }
  PipelineScope scope(conn_.get());
  for (std::size_t first = 0; first < rows.size(); first += kPipelineChunk) {
    std::size_t end = std::min(rows.size(), first + kPipelineChunk);
    for (std::size_t row = first; row < end; ++row) {
      ParamArray values(rows[row]);
      if (PQsendQueryPrepared(conn_.get(), name.c_str(), values.count(), values.data(), nullptr, nullptr,
                              0) != 1) {
        throw client_error(conn_.get(), operation, "sending a pipelined statement");
      }
    }
    if (PQpipelineSync(conn_.get()) != 1) throw client_error(conn_.get(), operation, "pipeline sync");
    // Read every result up to the sync point before throwing, so the
    // connection is idle again whatever happened.
    std::optional<Error> first_error;
    for (std::size_t row = first; row < end; ++row) {
      PGresult* raw = PQgetResult(conn_.get());
      if (raw == nullptr) {
        throw client_error(conn_.get(), operation, "pipeline ended early");
      }
      while (PGresult* extra = PQgetResult(conn_.get())) PQclear(extra);  // the NULL after each query
      if (PQresultStatus(raw) == PGRES_PIPELINE_ABORTED) {
        PQclear(raw);
        continue;
      }
      try {
        results.push_back(check(operation, raw));
      } catch (const Error& e) {
        if (!first_error) first_error = e;
      }
    }
    PGresult* sync = PQgetResult(conn_.get());
    if (sync == nullptr) throw client_error(conn_.get(), operation, "pipeline sync lost");
    PQclear(sync);
    if (first_error) throw *first_error;
  }
  return results;
}

std::optional<Notification> Connection::poll_notification() {
  if (PQconsumeInput(conn_.get()) != 1) {
    throw client_error(conn_.get(), "read notifications", "consuming input");
  }
  std::unique_ptr<PGnotify, decltype(&PQfreemem)> notify(PQnotifies(conn_.get()), &PQfreemem);
  if (!notify) return std::nullopt;
  return Notification{notify->relname, notify->extra ? notify->extra : "", notify->be_pid};
}

std::optional<Notification> Connection::wait_notification(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (auto notification = poll_notification()) return notification;
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd descriptor{PQsocket(conn_.get()), POLLIN, 0};
    if (descriptor.fd < 0) throw client_error(conn_.get(), "wait for notifications", "no socket");
    ::poll(&descriptor, 1, static_cast<int>(left.count()));
  }
}

void copy_escape(std::string& out, std::optional<std::string_view> value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

std::string text_array_literal(std::span<const std::string> values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::string probe(const std::string& database_url, std::chrono::seconds timeout) {
  const std::string seconds = std::to_string(std::max<long long>(1, timeout.count()));
  const std::string options = fmt::format("-c statement_timeout={}", timeout.count() * 1000);
  const char* keys[] = {"dbname", "connect_timeout", "options", "application_name", nullptr};
  const char* values[] = {database_url.c_str(), seconds.c_str(), options.c_str(), "newsd healthz", nullptr};
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdbParams(keys, values, 1), &PQfinish);
  auto message = [&conn] {
    std::string text = conn ? PQerrorMessage(conn.get()) : "out of memory";
    // libpq's messages end in (and may hold) newlines: one line for the JSON.
    for (auto& c : text) {
      if (c == '\n') c = ' ';
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text.empty() ? std::string("unknown error") : text;
  };
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) return "database unreachable: " + message();
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), "select 1"), &PQclear);
  if (!result || PQresultStatus(result.get()) != PGRES_TUPLES_OK)
    return "database query failed: " + message();
  return {};
}

bool accepts_connections(const std::string& conninfo) {
  return PQping(conninfo.c_str()) == PQPING_OK;
}

}  // namespace newsd::pg
