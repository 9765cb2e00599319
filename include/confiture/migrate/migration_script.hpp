// One migration file (up or down) split into statements with the real PostgreSQL parser, and
// how it must run: in one transaction with its ledger row, or statement by statement in
// autocommit (SPEC §4).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace confiture::migrate {

struct MigrationStatement {
  std::size_t offset = 0;         // byte offset in the file text
  std::size_t length = 0;         // bytes, without the terminating ';'
  int line = 0;                   // 1-based line of its first token
  std::string kind;               // command tag, e.g. "CREATE TABLE", "CREATE INDEX"
  std::string object;             // main object as written ("public.users"), may be empty
  std::string summary;            // short label for dry runs: "CREATE TABLE users",
                                  // "CREATE INDEX CONCURRENTLY idx_users_email", "DO block"
  bool needs_autocommit = false;  // PostgreSQL refuses it inside a transaction block
  // A line `-- confiture:commit` stands between it and the statement before: in a transactional
  // file, what comes before commits first and this statement starts the next transaction.
  bool new_transaction = false;
};

struct MigrationScript {
  std::string display;  // the file as shown in messages
  std::string text;     // the file's bytes, unchanged (statements point into it)
  std::vector<MigrationStatement> statements;  // a stripped outer BEGIN/COMMIT is not here
  bool transactional = true;  // false: `-- confiture:no-transaction` or a statement that
                              // needs autocommit
  bool no_transaction_directive = false;
  std::vector<std::string> warnings;  // e.g. the stripped BEGIN/COMMIT, with file:line

  std::string sql(const MigrationStatement& s) const { return text.substr(s.offset, s.length); }
  // The transactions a transactional file runs in: [first, last) statement ranges, one unless
  // `-- confiture:commit` lines split it.
  std::vector<std::pair<std::size_t, std::size_t>> parts() const;
};

// Splits and classifies `text` (the bytes of the file shown as `display`). Rules:
// - In a transactional file, a first statement BEGIN / START TRANSACTION together with a last
//   statement COMMIT / END is stripped, with a warning. Bodies (DO $$ ... COMMIT ... $$,
//   functions, procedures, BEGIN ATOMIC) are single statements to the parser and are never
//   touched. A BEGIN with options (ISOLATION LEVEL, READ ONLY, ...) is not stripped but refused
//   (MIGR_107): dropping it would silently change what the migration means.
// - Any other transaction control (COMMIT, ROLLBACK, END, BEGIN, PREPARE TRANSACTION, COMMIT
//   PREPARED, ...; not SAVEPOINT / RELEASE / ROLLBACK TO) throws Error MIGR_107 (exit 3) with
//   the file, line and column, before anything runs. So does a BEGIN without its final COMMIT.
// - A file that runs in autocommit may contain no transaction control at all, not even the outer
//   pair or a SAVEPOINT: each statement commits on its own there, so a BEGIN/COMMIT the author
//   wrote could never mean what it says (and CREATE INDEX CONCURRENTLY inside BEGIN fails in
//   psql too). Statements that must be atomic belong in a separate migration.
// - A syntax error (or a file ending inside a comment, string or dollar quote) throws Error
//   MIGR_114 (exit 4) with the file, line and column and PostgreSQL's message.
// - A file with no statement is valid and does nothing.
// - A line `-- confiture:commit` between two statements of a transactional file splits it into
//   transactions run one after the other (docs/migrations.md, "Split transactions"); in an
//   autocommit file every statement commits on its own anyway and the line changes nothing.
MigrationScript parse_migration_script(std::string text, std::string display);

}  // namespace confiture::migrate
