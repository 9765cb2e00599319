// The one rule for commands that delete or overwrite data (build --recreate, migrate down and
// down-to, sync, the schema-to-schema cutover), and the protection mark: a row that a protected
// environment's build or migration leaves in its database, so that the database stays protected
// when it is reached by its DSN instead of by its environment.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "confiture/pg/connection.hpp"

namespace confiture::pg {

// public.confiture_protection(environment TEXT PRIMARY KEY, marked_at, marked_by, tool_version):
// one of confiture's own tables (never copied by sync, never part of a schema diff).
inline constexpr const char* kProtectionTable = "confiture_protection";

struct ProtectionMark {
  std::string environment;  // the protected environment that built or migrated the database
};

// The mark of the database `db` is connected to, if it has one. A mark table the role may not
// read counts as a mark (environment "?"): refusing is the safe answer.
std::optional<ProtectionMark> read_protection_mark(Connection& db);

// The statements that create the mark table when missing and record `environment`
// (idempotent), for a build script: they run in the caller's transaction.
std::vector<std::string> protection_mark_statements(const std::string& environment);

// Runs protection_mark_statements in autocommit. Returns the server's message when it could not
// (for example no CREATE privilege on schema public), for the caller to show as a warning.
std::optional<std::string> record_protection_mark(Connection& db, const std::string& environment);

// How the user reached the database and what they said: what a command is given once and hands
// to every destructive step it takes (build --recreate keeps it in its ApplyPolicy).
struct Consent {
  std::string environment;              // the environment whose settings apply
  bool is_protected = false;            // that environment has `protected: true`
  bool named_explicitly = false;        // --env NAME or -c FILE named it ...
  bool target_from_environment = true;  // ... and the target came from its file (not a DSN)
  bool yes = false;                     // --yes
  // Asks on the terminal; empty or returning false when there is no terminal.
  std::function<bool(const std::string&)> confirm;
};

struct DestructiveStep : Consent {
  std::string action;    // what will be done, for the question: "roll back 2 migration(s)"
  std::string database;  // the target's description (never a DSN)
  bool never_when_protected = false;  // sync: refused on a protected target whatever is said
  std::vector<std::string> hazards;   // shown before the question, and in a refusal
};

// Returns when `step` may run on a database carrying `mark`; otherwise throws:
//   SAFETY_1910 (exit 7) the database carries the mark but was not reached through a protected
//               environment named explicitly (a DSN, CONFITURE_DATABASE_URL, another env);
//   SAFETY_1900 (exit 7) the environment is protected and was not named explicitly, or there
//               is no --yes (a terminal answer is not enough there: SPEC §6), or the step is
//               never allowed on a protected target (sync);
//   SAFETY_1901 (exit 7) no --yes and no terminal, or the question was answered no.
void require_consent(const DestructiveStep& step, const std::optional<ProtectionMark>& mark);

// read_protection_mark(db), then require_consent: what a future command (the schema-to-schema
// cutover) calls on its target before its first destructive statement.
void guard_destructive(Connection& db, const DestructiveStep& step);

}  // namespace confiture::pg
