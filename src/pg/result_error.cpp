// Reading PostgreSQL's error fields from a libpq result.
#include "result_error.hpp"

#include <cstdlib>

namespace confiture::pg {

std::string result_field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value ? value : "";
}

StatementFailure statement_failure(const PGresult* result) {
  StatementFailure failure;
  failure.sqlstate = result_field(result, PG_DIAG_SQLSTATE);
  failure.message = result_field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (failure.message.empty()) failure.message = PQresultErrorMessage(result);
  failure.detail = result_field(result, PG_DIAG_MESSAGE_DETAIL);
  failure.hint = result_field(result, PG_DIAG_MESSAGE_HINT);
  failure.context = result_field(result, PG_DIAG_CONTEXT);
  failure.position = std::atoi(result_field(result, PG_DIAG_STATEMENT_POSITION).c_str());
  return failure;
}

}  // namespace confiture::pg
