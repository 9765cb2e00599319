// Desired, replayed and rebuilt schema states in scratch databases.
#include "schema_states.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "confiture/build/discover.hpp"
#include "confiture/migrate/migration_files.hpp"
#include "confiture/migrate/migration_script.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::cli {

DiffSide desired_schema(DiffSources& sources, const migrate::MigrateProject& project) {
  DiffSide side;
  std::vector<build::SourceFile> sources_of_schema;
  for (build::SourceFile& file : build::discover(project.env)) {
    if (!file.seed) sources_of_schema.push_back(std::move(file));  // data, not schema
  }
  side.files = build::load_files(sources_of_schema);
  side.scratch = sources.load(side.files);
  side.dsn = side.scratch->dsn();
  side.description = "the DDL of environment " + project.env.name;
  return side;
}

void replay_migrations(const migrate::MigrateProject& project, const std::string& dsn,
                       const std::vector<std::string>& skip) {
  pg::Connection conn(dsn);
  for (const migrate::MigrationFile& file : migrate::project_migrations(project)) {
    if (std::find(skip.begin(), skip.end(), file.version) != skip.end()) continue;
    std::ifstream in(file.up, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const migrate::MigrationScript script =
        migrate::parse_migration_script(text.str(), file.up_display);
    std::vector<std::string> sql;
    std::vector<pg::ScriptStatement> statements;
    for (const auto& statement : script.statements) sql.push_back(script.sql(statement));
    for (std::size_t i = 0; i < sql.size(); ++i) {
      statements.push_back({sql[i], !script.transactional});
    }
    if (auto failure = pg::run_script(conn, statements)) {
      Error error(
          codes::kMigrFailed, ExitClass::kConnection,
          fmt::format("replaying {} failed at line {}: {}", file.up_display,
                      script.statements[failure->index].line, failure->message),
          "a migration does not apply to the schema it was replayed on: on an empty database, "
          "the first migrations may assume tables built from DDL (pass --against ENV "
          "to start from a live database)");
      error.location = SourceLocation{file.up_display, script.statements[failure->index].line, 0};
      throw error;
    }
  }
}

}  // namespace confiture::cli
