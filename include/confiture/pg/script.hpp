// Runs a list of SQL statements the way `psql -1 -f` would, but pipelined (one round trip per
// transaction) and with the failing statement, its position and every error field reported.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "confiture/pg/connection.hpp"

namespace confiture::pg {

struct ScriptStatement {
  std::string_view sql;           // exactly one statement
  bool needs_autocommit = false;  // e.g. CREATE INDEX CONCURRENTLY: runs alone, outside BEGIN
};

struct StatementFailure {
  std::size_t index = 0;  // into the statements given to run_script
  std::string sqlstate, message, detail, hint, context;
  int position = 0;  // PG_DIAG_STATEMENT_POSITION: 1-based character index into that statement's
                     // text, 0 if none
};

// Runs `statements` in order on `conn`, whose session must be idle (no open transaction).
// Consecutive transactional statements run in one transaction; a statement with
// needs_autocommit first lets the open transaction commit and then runs alone in autocommit.
// On the first failure the open transaction is rolled back and the failure returned; later
// statements are not run. A COMMIT that fails (deferred constraints) is attributed to the last
// statement of its transaction. Returns nullopt on success.
// Throws Error(kConnLost, kConnection) when the session is lost on the way.
// With TransactionEnd::kRollback every transactional run ends in ROLLBACK instead of COMMIT:
// the statements really run, and leave no trace (dry runs).
// With kCommitAfterResults the COMMIT is sent only once every statement's result has come back,
// so a client killed half-way never sends it and the server rolls the transaction back (a
// pipelined COMMIT would already be in the server's input and commit without the client).
enum class TransactionEnd { kCommit, kRollback, kCommitAfterResults };
std::optional<StatementFailure> run_script(Connection& conn,
                                           std::span<const ScriptStatement> statements,
                                           TransactionEnd end = TransactionEnd::kCommit);

}  // namespace confiture::pg
