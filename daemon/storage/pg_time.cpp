#include "storage/pg_time.h"

namespace newsd::storage {

std::string sql_time_param(const std::string& param) {
  return "('epoch'::timestamptz + " + param + "::bigint * interval '1 microsecond')";
}

std::string sql_time_column(const std::string& column) {
  return "(extract(epoch from " + column + ") * 1000000)::bigint";
}

std::string micros_text(std::chrono::system_clock::time_point time) {
  return std::to_string(
      std::chrono::duration_cast<std::chrono::microseconds>(time.time_since_epoch()).count());
}

std::optional<std::string> micros_text(std::optional<std::chrono::system_clock::time_point> time) {
  if (!time) return std::nullopt;
  return micros_text(*time);
}

std::optional<std::chrono::system_clock::time_point> time_column(const pg::Result& result, int row,
                                                                 int column) {
  if (result.is_null(row, column)) return std::nullopt;
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::microseconds(result.integer(row, column))));
}

}  // namespace newsd::storage
