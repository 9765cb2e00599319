// Desired and replayed schema states in scratch databases.
#include "schema_states.hpp"

#include <optional>

#include "confiture/diff/differ.hpp"
#include "confiture/migrate/replay.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::cli {

DiffSide desired_schema(DiffSources& sources, const migrate::MigrateProject& project) {
  DiffSide side;
  side.files = sources.schema_of(project.env);
  side.scratch = sources.load(side.files);
  side.dsn = side.scratch->dsn();
  side.description = "the DDL of environment " + project.env.name;
  return side;
}

namespace {

std::vector<std::string> statements_of(const diff::Plan& plan) {
  std::vector<std::string> out;
  for (const auto& statement : plan.statements) out.push_back(statement.sql);
  return out;
}

}  // namespace

SchemaProof prove_state(const Output& out, const GlobalOptions& options,
                        const migrate::MigrateProject& project, const std::string& live_dsn,
                        bool compare_ddl, const std::vector<std::string>* applied) {
  DiffSources sources(options, {live_dsn}, out);
  const DiffSide live = sources.open(live_dsn);
  const catalog::Catalog current = read_side(live, {}, {});
  refuse_unsupported(current, live.description);
  SchemaProof proof;
  std::optional<catalog::Catalog> goal;
  if (compare_ddl) {
    const DiffSide desired = desired_schema(sources, project);
    goal = read_side(desired, {}, {});
    proof.compared = true;
    proof.drift = statements_of(diff::plan_changes(current, *goal));
  }
  if (!applied) return proof;
  proof.replayed = true;
  auto scratch = scratch_copy(sources, live, current, {}, {});
  try {
    pg::Connection conn(scratch->dsn());
    migrate::replay_migrations(project, conn, *applied);
  } catch (const Error& error) {
    if (error.code != codes::kMigrFailed) throw;
    proof.replay_error = error.what();
    return proof;
  }
  if (goal) {
    DiffSide replayed;
    replayed.dsn = scratch->dsn();
    proof.drift_after = statements_of(diff::plan_changes(read_side(replayed, {}, {}), *goal));
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
