// The error fields of a failed libpq result, read one way for scripts and COPY streams alike.
// Private to src/pg/.
#pragma once

#include <libpq-fe.h>

#include <string>

#include "confiture/pg/script.hpp"

namespace confiture::pg {

// One diagnostic field of `result` (PG_DIAG_*), empty when absent.
std::string result_field(const PGresult* result, int code);

// Every field PostgreSQL sent with the failure; `index` is left 0.
StatementFailure statement_failure(const PGresult* result);

}  // namespace confiture::pg
