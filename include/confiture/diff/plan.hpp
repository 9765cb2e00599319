// A schema-change plan: the ordered statements that turn one database schema into another, each
// with the hazards it carries, the timeouts to run it under and whether it may run inside a
// transaction. A plain value: `confiture diff` prints it, `migrate generate` writes it to files.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confiture::diff {

// Stable identifiers (SPEC §7): printed as DELETES_DATA, TABLE_REWRITE, ... and accepted by
// --allow-hazards under the same names.
enum class Hazard {
  kDeletesData,                  // rows or values are gone afterwards
  kTableRewrite,                 // the table (and its indexes) is rewritten
  kAcquiresAccessExclusiveLock,  // blocks reads and writes for longer than a catalog update
  kAcquiresShareLock,            // blocks writes while the table is scanned
  kIndexBuild,                   // builds an index: I/O and time in proportion to the table
  kIndexDropped,                 // queries may lose the index they relied on
  kHasUntrackableDependencies,   // PostgreSQL records no dependency on it (function bodies)
  kAuthzUpdate,                  // changes who may do what
  kValidationMayFail,            // existing rows may break the new rule and fail the plan
};

std::string_view hazard_id(Hazard hazard);
std::optional<Hazard> hazard_from_id(std::string_view id);
const std::vector<Hazard>& all_hazards();

// PostgreSQL's table-level lock modes, weakest first: each conflicts with at least what the ones
// before it conflict with, so "stronger" is the order of the enum.
enum class LockMode {
  kNone,                  // takes no lock on a relation that exists before it
  kAccessShare,           // reads: conflicts only with ACCESS EXCLUSIVE
  kRowShare,              // SELECT FOR UPDATE; the referenced side of a foreign key check
  kRowExclusive,          // writes rows
  kShareUpdateExclusive,  // VALIDATE, CREATE INDEX CONCURRENTLY: reads and writes go on
  kShare,                 // CREATE INDEX: blocks writes
  kShareRowExclusive,     // ADD FOREIGN KEY, CREATE TRIGGER: blocks writes
  kExclusive,             // blocks writes and row locks; only reads go on
  kAccessExclusive,       // blocks reads and writes
};

std::string_view lock_mode_name(LockMode mode);  // "SHARE ROW EXCLUSIVE"; "NONE"

// The strongest lock a statement takes on relations that exist before it runs (what it creates
// is invisible to everyone else until it commits), and the relations it takes that lock on:
// tables, views, sequences, named as in the catalog. An index's lock is its table's (a table's
// indexes, partitions and owned sequences are locked with it). For a lock that only reads
// (ACCESS SHARE, ROW SHARE) the relations are not listed: they are what it reads.
struct StatementLock {
  LockMode mode = LockMode::kNone;
  std::vector<std::string> relations{};  // "public.users", sorted, each once
  // Not read off the statement, which PostgreSQL 15's grammar cannot parse (syntax of a newer
  // server), or a DO block: ACCESS EXCLUSIVE is assumed.
  bool assumed = false;
};

// "SHARE ROW EXCLUSIVE on public.authors, public.books", "ACCESS SHARE on what it reads"; empty
// for no lock.
std::string describe_lock(const StatementLock& lock);

struct HazardNote {
  Hazard hazard{};
  std::string message{};
};

struct Statement {
  std::string sql{};  // one statement, without its terminating semicolon
  std::vector<HazardNote> hazards{};
  int lock_timeout_ms = 3000;        // SET lock_timeout before it
  int statement_timeout_ms = 10000;  // SET statement_timeout before it
  bool transactional = true;         // false: must run outside a transaction block
  // In a transactional plan: the statements before it commit first, and it starts a new
  // transaction (a VALIDATE CONSTRAINT after its ADD ... NOT VALID). Printed as a line
  // `-- confiture:commit` before it, which `migrate up` obeys.
  bool new_transaction = false;
  std::string object{};  // what it changes, for people: "table public.users"
  StatementLock lock{};  // set when the plan is finished; see diff/locks
};

struct Plan {
  std::vector<Statement> statements{};
  bool sets_check_function_bodies = false;  // creates routines: run with check_function_bodies off
  std::vector<std::string> notes{};         // for people: advice, dependency cycles broken

  bool empty() const { return statements.empty(); }
  bool transactional() const;           // every statement may run in a transaction
  bool split() const;                   // a statement starts a new transaction
  std::vector<Hazard> hazards() const;  // each hazard present, once, in enum order
};

// The plan as a SQL script: a `-- confiture:no-transaction` first line when a statement needs
// it, a header listing the hazards, then each statement with its hazard comments, a SET of the
// timeouts whenever they change, and a RESET of them at the end; a line `-- Lock: MODE on ...`
// before each statement that locks a relation that exists; a line `-- confiture:commit`
// before each statement that starts a new transaction. Empty text for an empty plan.
std::string to_sql(const Plan& plan);

// {"statements": [{"sql", "hazards": [{"id", "message"}], "lock_timeout_ms",
// "statement_timeout_ms", "transactional", "new_transaction", "object",
// "lock": {"mode", "relations"}}], "hazards": [ids], "transactional", "notes"}
nlohmann::json to_json(const Plan& plan);

}  // namespace confiture::diff
