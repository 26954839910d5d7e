#pragma once
// The libpq handles behind pg::Connection and pg::Result, for code inside
// daemon/storage (and its tests) that must call libpq directly. Nothing
// outside daemon/storage includes this header or libpq-fe.h.
#include <libpq-fe.h>

#include "storage/pg.h"

namespace newsd::pg {

// Takes ownership of `result` (PQclear on destruction).
Result adopt(PGresult* result);
[[nodiscard]] PGresult* native(const Result& result);
[[nodiscard]] PGconn* native(Connection& conn);

}  // namespace newsd::pg
