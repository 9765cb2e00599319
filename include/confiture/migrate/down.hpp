// `confiture migrate down [--steps N]` and `migrate down-to V`: runs .down.sql files, newest
// applied first, each in its own transaction with the deletion of its ledger row. Every needed
// .down.sql must exist before anything runs (ROLLBACK_600, exit 8).
#pragma once

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
// and those of run_migration.
DownReport migrate_down(const MigrateProject& project, const DownOptions& options,
                        const config::EnvLookup& lookup, const ProgressFn& progress);

}  // namespace confiture::migrate
