// `confiture migrate up`: applies the pending migrations under the migration lock, each in its
// own transaction with its ledger row (SPEC §3–§4); or lists them (--dry-run); or runs them all
// in one transaction that is rolled back (--dry-run-execute).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "confiture/config/env_lookup.hpp"
#include "confiture/migrate/migrate_project.hpp"

namespace confiture::migrate {

enum class ChecksumPolicy { kFail, kWarn, kIgnore };

struct LockOptions {
  bool no_lock = false;
  std::optional<int> lock_timeout_ms;            // default: migration.lock_timeout_ms
  std::optional<int> statement_lock_timeout_ms;  // default: migration.statement_lock_timeout_ms
  std::optional<int> lock_retries;               // default: migration.lock_retries
};

struct UpOptions {
  std::optional<std::string> target;  // apply pending versions <= target only
  bool dry_run = false;
  bool dry_run_execute = false;
  ChecksumPolicy on_checksum_mismatch = ChecksumPolicy::kFail;
  LockOptions lock;
};

struct PlannedStatement {
  int line = 0;
  std::string summary;
  bool transactional = true;
};

struct MigrationResult {
  std::string version, name, file, checksum;
  bool transactional = true;
  double duration_ms = 0;
  int attempts = 1;
  std::vector<PlannedStatement> statements;  // filled for dry runs
};

struct UpReport {
  std::string environment;
  std::string database;                  // description, no credentials
  std::string table;                     // the tracking table
  std::vector<MigrationResult> applied;  // applied (or, in a dry run, what would be)
  std::vector<MigrationResult> skipped;  // dry-run-execute: non-transactional files not run
  std::vector<std::string> pending;      // still pending afterwards
  std::optional<std::string> current;    // latest applied version afterwards
  bool dry_run = false;
  bool dry_run_execute = false;
  bool checksums_verified = false;
  bool ledger_created = false;
  // --dry-run-execute: sequences the rolled-back migrations advanced, set back with setval.
  std::vector<std::string> sequences_restored;
  std::vector<std::string> warnings;
  double total_ms = 0;

  nlohmann::json to_json() const;
};

// One line of progress for the CLI to show ("applying 003_add_x ...").
using ProgressFn = std::function<void(const std::string&)>;

UpReport migrate_up(const MigrateProject& project, const UpOptions& options,
                    const config::EnvLookup& lookup, const ProgressFn& progress);

}  // namespace confiture::migrate
