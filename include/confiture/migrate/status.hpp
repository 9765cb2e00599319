// `confiture migrate status` and `migrate current`: the migration files against the ledger.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "confiture/config/env_lookup.hpp"
#include "confiture/migrate/advisory_lock.hpp"
#include "confiture/migrate/ledger.hpp"
#include "confiture/migrate/migrate_project.hpp"

namespace confiture::migrate {

struct MigrationStatus {
  std::string version, name;
  std::string file;   // the .up.sql; empty for an applied version whose files are gone
  std::string state;  // "applied", "pending", "applied (file missing)", or "unknown" (the
                      // database could not be reached)
  std::optional<std::string> applied_at;
  bool modified = false;  // applied, and the .up.sql changed since (checksum mismatch)
  bool has_down = true;   // false: no .down.sql (it cannot be rolled back)
};

struct StatusReport {
  std::string environment, database, table, directory;
  bool directory_exists = true;
  bool reachable = false;
  std::string unreachable;     // why, when not reachable (no credentials)
  bool ledger_exists = false;  // meaningful when reachable
  bool built = false;          // made by `confiture build` (then, without a ledger, `up` refuses)
  std::vector<MigrationStatus> migrations;  // files and ledger rows, by version
  std::vector<std::string> applied, pending;
  std::vector<std::string> modified;      // applied versions whose .up.sql changed since
  std::vector<std::string> without_down;  // versions with files but no .down.sql
  std::optional<std::string> current;     // latest applied
  std::optional<LockHolder> lock_holder;  // a migration run holding the lock right now
  std::vector<std::string> warnings;

  // SPEC §5: 0 up to date, 1 pending or an applied file modified (as `up` would refuse),
  // 2 no ledger, 3 no connection.
  int exit_code() const;
  nlohmann::json to_json() const;
};

// Never creates anything. A missing migrations directory is a warning (no migrations yet);
// bad files throw (MIGR_106/111/112/113).
StatusReport migration_status(const MigrateProject& project, const config::EnvLookup& lookup);

// The latest applied migration (by application order), nullopt when the ledger is empty.
// Throws PRECON_1001 (exit 2) when there is no ledger.
std::optional<AppliedMigration> current_migration(const MigrateProject& project,
                                                  const config::EnvLookup& lookup);

}  // namespace confiture::migrate
