#pragma once
// timestamptz <-> system_clock without text date formats or float rounding:
// values travel as whole microseconds since the Unix epoch, in bound
// parameters ("'epoch'::timestamptz + $1::bigint * interval '1 microsecond'")
// and result columns ("(extract(epoch from col) * 1000000)::bigint").
#include <chrono>
#include <optional>
#include <string>

#include "storage/pg.h"

namespace newsd::storage {

// SQL fragments for the two directions; `param` is "$3", `column` a column name.
std::string sql_time_param(const std::string& param);
std::string sql_time_column(const std::string& column);

std::string micros_text(std::chrono::system_clock::time_point time);
std::optional<std::string> micros_text(std::optional<std::chrono::system_clock::time_point> time);
std::optional<std::chrono::system_clock::time_point> time_column(const pg::Result& result, int row,
                                                                 int column);

}  // namespace newsd::storage
