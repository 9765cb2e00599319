// `confiture migrate down [--steps N]` and `migrate down-to V`: runs .down.sql files, newest
// applied first, each in its own transaction with the deletion of its ledger row. Every needed
// .down.sql must exist before anything runs (ROLLBACK_600, exit 8).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "confiture/config/env_lookup.hpp"
#include "confiture/migrate/migrate_project.hpp"
#include "confiture/migrate/up.hpp"

namespace confiture::migrate {

struct DownOptions {
  int steps = 1;                  // migrate down: the last N applied (in the order applied)
  std::optional<std::string> to;  // migrate down-to: every applied version > to
  bool dry_run = false;           // list what would be rolled back, run nothing
  LockOptions lock;
  bool yes = false;  // --yes: no question (a protected environment must still be named)
  // Asks on the terminal (the question lists the statements that drop or delete); empty or
  // false when there is none. Only called when the plan is complete and checked.
  std::function<bool(const std::string&)> confirm;
};

struct DownReport {
  std::string environment, database, table;
  std::vector<MigrationResult> rolled_back;  // or, in a dry run, what would be
  std::optional<std::string> current;        // latest applied version afterwards
  bool dry_run = false;
  std::vector<std::string> warnings;
  double total_ms = 0;

  nlohmann::json to_json() const;
};

// Errors: PRECON_1001 (no ledger, exit 2), MIGR_100 (down-to: unknown version), ROLLBACK_600
// (a needed .down.sql is missing: names every one; nothing runs), CONFIG_008 (steps < 1),
// SAFETY_1900/1901/1910 (pg::require_consent: not confirmed, protected environment not named,
// a protection-marked database reached by its DSN; checked after every .down.sql parsed, before
// the first runs), and those of run_migration.
DownReport migrate_down(const MigrateProject& project, const DownOptions& options,
                        const config::EnvLookup& lookup, const ProgressFn& progress);

}  // namespace confiture::migrate
