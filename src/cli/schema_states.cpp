// Desired and replayed schema states in scratch databases.
#include "schema_states.hpp"

#include "confiture/build/discover.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/migrate/replay.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/report/error.hpp"

namespace confiture::cli {

DiffSide desired_schema(DiffSources& sources, const migrate::MigrateProject& project) {
  DiffSide side;
  side.files = schema_files(build::discover(project.env));
  side.scratch = sources.load(side.files);
  side.dsn = side.scratch->dsn();
  side.description = "the DDL of environment " + project.env.name;
  return side;
}

SchemaProof prove_against_ddl(const GlobalOptions& options, const migrate::MigrateProject& project,
                              const std::string& live_dsn) {
  DiffSources sources(options, {live_dsn});
  const DiffSide live = sources.open(live_dsn);
  const catalog::Catalog current = read_side(live, {}, {});
  refuse_unsupported(current, live.description);
  const DiffSide desired = desired_schema(sources, project);
  SchemaProof proof;
  for (const auto& statement : diff::plan_changes(current, read_side(desired, {}, {})).statements) {
    proof.drift.push_back(statement.sql);
  }
  return proof;
}

void replay_migrations(const migrate::MigrateProject& project, const std::string& dsn,
                       const std::vector<std::string>& skip) {
  pg::Connection conn(dsn);
  try {
    migrate::replay_migrations(project, conn, skip);
  } catch (Error& error) {
    error.hint =
        "a migration does not apply to the schema it was replayed on: on an empty database, the "
        "first migrations may assume tables built from DDL (pass --against ENV to start from a "
        "live database)";
    throw;
  }
}

}  // namespace confiture::cli
