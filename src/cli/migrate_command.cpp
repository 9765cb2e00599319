// `confiture migrate`: the parent of the migration subcommands, and what they share.
#include <memory>

#include "migrate_commands.hpp"

namespace confiture::cli {

namespace {

void add_lock_wait_options(CLI::App* command, migrate::LockOptions& lock, bool with_no_lock) {
  if (with_no_lock) {
    command->add_flag("--no-lock", lock.no_lock,
                      "Do not take the migration lock (dangerous with several runners)");
  }
  command
      ->add_option("--lock-timeout", lock.lock_timeout_ms,
                   "How long to wait for the migration lock, in ms (default: "
                   "migration.lock_timeout_ms, 30000)")
      ->check(CLI::NonNegativeNumber);
}

}  // namespace

void add_ledger_lock_options(CLI::App* command, migrate::LockOptions& lock) {
  add_lock_wait_options(command, lock, /*with_no_lock=*/true);
}

void add_lock_options(CLI::App* command, migrate::LockOptions& lock, bool with_no_lock) {
  add_lock_wait_options(command, lock, with_no_lock);
  command
      ->add_option("--statement-lock-timeout", lock.statement_lock_timeout_ms,
                   "lock_timeout of each migration statement, in ms; 0 = none (default: "
                   "migration.statement_lock_timeout_ms, 5000)")
      ->check(CLI::NonNegativeNumber);
  command
      ->add_option("--lock-retries", lock.lock_retries,
                   "New attempts of a migration after a lock timeout (default: "
                   "migration.lock_retries, 3)")
      ->check(CLI::NonNegativeNumber);
}

migrate::ProgressFn progress_of(const Output& out) {
  return [&out](const std::string& line) { out.info(line); };
}

void add_migrate_command(CLI::App& app, GlobalOptions& options, Action& action) {
  CLI::App* migrate =
      app.add_subcommand("migrate", "Incremental migrations: up, down, status, generate, ...");
  migrate->require_subcommand(1);
  add_migrate_up_command(*migrate, options, action);
  add_migrate_down_commands(*migrate, options, action);
  add_migrate_status_commands(*migrate, options, action);
  add_migrate_ledger_commands(*migrate, options, action);
  add_migrate_generate_command(*migrate, options, action);
  add_migrate_preflight_command(*migrate, options, action);
}

}  // namespace confiture::cli
