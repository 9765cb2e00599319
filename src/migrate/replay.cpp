// Replaying migrations without recording them.
#include "confiture/migrate/replay.hpp"

#include <algorithm>

#include "confiture/migrate/migration_files.hpp"
#include "confiture/migrate/migration_script.hpp"
#include "confiture/report/codes.hpp"
#include "run_migration.hpp"

namespace confiture::migrate {

void replay_migrations(const MigrateProject& project, pg::Connection& db,
                       const std::vector<std::string>& skip) {
  for (const MigrationFile& file : project_migrations(project)) {
    if (std::find(skip.begin(), skip.end(), file.version) != skip.end()) continue;
    const MigrationScript script =
        parse_migration_script(read_migration_text(file.up, file.up_display), file.up_display);
    const auto statements = script_statements(script, 0, !script.transactional);
    if (auto failure = pg::run_script(db, statements)) {
      throw statement_error(codes::kMigrFailed, {file.version + "_" + file.name, "up"}, script,
                            failure->index, *failure);
    }
  }
}

}  // namespace confiture::migrate
