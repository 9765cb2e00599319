// The database side of a migrate command: the connection, the migration lock when the command
// changes the database, the session's lock_timeout, and the ledger.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "confiture/migrate/advisory_lock.hpp"
#include "confiture/migrate/ledger.hpp"
#include "confiture/migrate/migrate_project.hpp"
#include "confiture/migrate/up.hpp"
#include "confiture/pg/connection.hpp"
#include "run_migration.hpp"

namespace confiture::migrate {

class MigrateSession {
 public:
  // `command` is what the lock holder row shows ("confiture migrate up"). With take_lock false
  // (read-only commands, --dry-run, --no-lock) no lock is taken; --no-lock adds a warning.
  // `before_lock` runs once connected, before the lock (and its holder row) is taken: a check
  // that refuses there leaves the database untouched.
  MigrateSession(const MigrateProject& project, bool writes, bool take_lock,
                 const LockOptions& lock, const std::string& command,
                 const config::EnvLookup& lookup,
                 const std::function<void(pg::Connection&, Ledger&)>& before_lock = {});

  pg::Connection& db() { return db_; }
  Ledger& ledger() { return ledger_; }
  const pg::ResolvedTarget& target() const { return target_; }
  const RunSettings& run_settings() const { return run_settings_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  pg::ResolvedTarget target_;
  pg::Connection db_;
  std::optional<MigrationLock> lock_;
  Ledger ledger_;
  RunSettings run_settings_;
  std::vector<std::string> warnings_;
};

// A protected environment named explicitly leaves the protection mark in the database it
// changes (pg/protection.hpp), so the database stays protected when reached by its DSN. Not
// being able to write it (no CREATE on schema public) is a warning, not a failure.
void mark_if_protected(const MigrateProject& project, MigrateSession& session,
                       std::vector<std::string>& warnings);

}  // namespace confiture::migrate
