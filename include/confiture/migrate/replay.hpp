// Replaying migrations on a scratch database: the schema the migrations produce, for
// `migrate generate --auto-detect` and `migrate preflight`. No lock, no ledger rows.
#pragma once

#include <string>
#include <vector>

#include "confiture/migrate/migrate_project.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::migrate {

// Runs each migration's .up.sql in version order on `db` (skipping the versions in `skip`), each
// the way `migrate up` would: in one transaction, or statement by statement for a
// non-transactional file. Throws the MIGR_001 of the first failing statement, located in its file.
void replay_migrations(const MigrateProject& project, pg::Connection& db,
                       const std::vector<std::string>& skip = {});

}  // namespace confiture::migrate
