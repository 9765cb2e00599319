// Opening the database side of a migrate command.
#include "migrate_session.hpp"

#include <fmt/format.h>

#include "confiture/pg/protection.hpp"
#include "confiture/pg/quote.hpp"

namespace confiture::migrate {

MigrateSession::MigrateSession(const MigrateProject& project, bool writes, bool take_lock,
                               const LockOptions& lock, const std::string& command,
                               const config::EnvLookup& lookup,
                               const std::function<void(pg::Connection&, Ledger&)>& before_lock)
    : target_(project_target(project, writes, lookup)),
      db_(target_.dsn),
      ledger_(db_, tracking_table(project)) {
  const auto& settings = project.env.migration;
  run_settings_.lock_retries = lock.lock_retries.value_or(settings.lock_retries);
  run_settings_.statement_lock_timeout_ms =
      lock.statement_lock_timeout_ms.value_or(settings.statement_lock_timeout_ms);
  // One round trip for the session's settings. application_name shows in pg_stat_activity, so
  // a DBA (or a blocked runner) sees who this session is. The lock wait below sets its own
  // lock_timeout locally, so the session's one applies to the migrations only.
  std::string settings_sql = "SET application_name = " + pg::quote_literal(command);
  // A killed runner must release the lock at once, even in the middle of a long statement: the
  // server otherwise notices the lost client only when the statement ends (PostgreSQL 14+).
  if (db_.server_version() >= 140000) {
    settings_sql += "; SET client_connection_check_interval = '1s'";
  }
  if (run_settings_.statement_lock_timeout_ms > 0) {
    settings_sql += fmt::format(
        "; SET lock_timeout = {}",
        pg::quote_literal(fmt::format("{}ms", run_settings_.statement_lock_timeout_ms)));
  }
  db_.exec(settings_sql);
  if (before_lock) before_lock(db_, ledger_);
  if (take_lock && lock.no_lock) {
    warnings_.push_back(
        "--no-lock: the migration lock is not taken; two runners at once may apply the same "
        "migration twice");
  } else if (take_lock) {
    lock_.emplace(db_, lock.lock_timeout_ms.value_or(settings.lock_timeout_ms), command);
  }
}

}  // namespace confiture::migrate

namespace confiture::migrate {

void mark_if_protected(const MigrateProject& project, MigrateSession& session,
                       std::vector<std::string>& warnings) {
  const auto& selection = project.selection;
  const bool by_environment =
      (selection.env_name || selection.config_file) && !selection.database_url;
  if (!project.env.is_protected || !by_environment) return;
  if (auto failed = pg::record_protection_mark(session.db(), project.env.name)) {
    warnings.push_back(fmt::format(
        "could not record the protection mark of '{}' in {} ({}): reached by its DSN, this "
        "database is not recognised as protected",
        project.env.name, session.target().description, *failed));
  }
}

}  // namespace confiture::migrate
