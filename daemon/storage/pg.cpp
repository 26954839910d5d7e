#include "storage/pg.h"

#include <fmt/core.h>

#include <charconv>
#include <vector>

namespace newsd::pg {

namespace {

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
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

Connection::Connection(const std::string& conninfo) : conn_(PQconnectdb(conninfo.c_str()), &PQfinish) {
  if (!conn_) throw Error("connect to PostgreSQL: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK) {
    throw Error(fmt::format("connect to PostgreSQL: {}", trimmed(PQerrorMessage(conn_.get()))));
  }
  // Quiet NOTICEs (e.g. "relation already exists, skipping") that libpq would print to stderr.
  PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);
}

Result Connection::check(std::string_view operation, PGresult* raw) const {
  Result result(raw);
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
  return check(operation, PQexecParams(conn_.get(), statement.c_str(), values.count(),
                                       nullptr, values.data(), nullptr, nullptr, 0));
}

void Connection::prepare(std::string_view operation, const std::string& name, std::string_view sql) {
  std::string statement(sql);
  check(operation, PQprepare(conn_.get(), name.c_str(), statement.c_str(), 0, nullptr));
}

Result Connection::exec_prepared(std::string_view operation, const std::string& name,
                                 std::span<const Param> params) {
  ParamArray values(params);
  return check(operation, PQexecPrepared(conn_.get(), name.c_str(), values.count(),
                                         values.data(), nullptr, nullptr, 0));
}

void Connection::exec_script(std::string_view operation, std::string_view sql) {
  std::string script(sql);
  check(operation, PQexec(conn_.get(), script.c_str()));
}

}  // namespace newsd::pg
