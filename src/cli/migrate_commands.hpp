// The `confiture migrate ...` subcommands, one file each, registered under one parent.
#pragma once

#include <memory>

#include "command.hpp"
#include "confiture/migrate/up.hpp"

namespace confiture::cli {

void add_migrate_up_command(CLI::App& migrate, GlobalOptions& options, Action& action);
void add_migrate_down_commands(CLI::App& migrate, GlobalOptions& options, Action& action);
void add_migrate_status_commands(CLI::App& migrate, GlobalOptions& options, Action& action);
void add_migrate_ledger_commands(CLI::App& migrate, GlobalOptions& options, Action& action);
void add_migrate_generate_command(CLI::App& migrate, GlobalOptions& options, Action& action);
void add_migrate_preflight_command(CLI::App& migrate, GlobalOptions& options, Action& action);

// --no-lock, --lock-timeout, --statement-lock-timeout, --lock-retries.
void add_lock_options(CLI::App* command, migrate::LockOptions& lock, bool with_no_lock);
// --no-lock and --lock-timeout only: for commands that write the ledger but run no migration,
// where a statement timeout or a retry would have nothing to act on.
void add_ledger_lock_options(CLI::App* command, migrate::LockOptions& lock);

// The progress callback: one line on stderr per step, unless --quiet or --format json.
migrate::ProgressFn progress_of(const Output& out);

}  // namespace confiture::cli
