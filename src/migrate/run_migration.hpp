// Runs one migration script (up or down) together with its ledger statement, the way SPEC §4
// says: a transactional file and its ledger row commit together or not at all; a
// non-transactional file runs statement by statement in autocommit and is recorded only when
// every statement succeeded. Lock timeouts are retried with backoff.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "confiture/migrate/migration_script.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/error.hpp"

namespace confiture::migrate {

struct RunSettings {
  int lock_retries = 3;                  // new attempts after a lock timeout (SQLSTATE 55P03)
  int statement_lock_timeout_ms = 5000;  // only for messages: the session already has it set
};

struct RunOutcome {
  double duration_ms = 0;  // the successful attempt
  int attempts = 1;
};

struct MigrationRef {
  std::string label;      // "20261124101500_add_users"
  std::string direction;  // "up" or "down"
};

// Builds the ledger statement; gets the measured duration for non-transactional files (for a
// transactional one, nullopt: the server measures it inside the transaction).
using LedgerStatement = std::function<std::string(std::optional<int> execution_time_ms)>;
using Notice = std::function<void(const std::string&)>;

// The statements of `script` from index `from` on, each pointing into its text.
std::vector<pg::ScriptStatement> script_statements(const MigrationScript& script, std::size_t from,
                                                   bool autocommit);

// MIGR_001-style error for the statement at `index`, located in the file (PostgreSQL's position
// when it gives one), with every error field in the details.
Error statement_error(const char* code, const MigrationRef& ref, const MigrationScript& script,
                      std::size_t index, const pg::StatementFailure& failure);

// Throws Error: MIGR_001 (a statement failed: file:line:col, PostgreSQL's fields; nothing of
// this migration is left), MIGR_117 (a non-transactional file failed after some statements
// committed: which ones ran, what was cleaned up), LOCK_1310 (still a lock timeout after the
// retries: names the blocking sessions), CONN_1701 (connection lost: nothing recorded).
RunOutcome run_migration(pg::Connection& db, const MigrationRef& ref, const MigrationScript& script,
                         const LedgerStatement& ledger, const RunSettings& settings,
                         const Notice& notice);

}  // namespace confiture::migrate
