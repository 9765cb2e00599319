// What every migrate command starts from: the environment, its migrations directory and files,
// and, for commands that talk to a database, the session with the ledger settings applied.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "confiture/config/connection_source.hpp"
#include "confiture/config/env_lookup.hpp"
#include "confiture/config/environment.hpp"
#include "confiture/migrate/ledger.hpp"
#include "confiture/migrate/migration_files.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/target.hpp"

namespace confiture::migrate {

struct MigrateProject {
  config::Selection selection;
  config::Environment env;
  std::filesystem::path dir;  // the migrations directory, absolute
  std::string dir_display;    // as shown in messages
};

MigrateProject open_project(const config::Selection& selection, const config::EnvLookup& lookup);

// find_migrations on the project's directory (errors MIGR_110/111/112/113/106).
std::vector<MigrationFile> project_migrations(const MigrateProject& project);

// The database of the project's environment (SPEC §2 precedence; `writes` refuses a bare
// DATABASE_URL). Starts the embedded server when the environment uses it.
pg::ResolvedTarget project_target(const MigrateProject& project, bool writes,
                                  const config::EnvLookup& lookup);

TableName tracking_table(const MigrateProject& project);

// A file of the project for a ledger row, by version; nullptr when there is none.
const MigrationFile* find_version(const std::vector<MigrationFile>& files,
                                  const std::string& version);

}  // namespace confiture::migrate
