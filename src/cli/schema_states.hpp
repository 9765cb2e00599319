// The schema states `migrate generate --auto-detect` and `migrate preflight` compare: the
// project's DDL, the project's migrations replayed, and a live database's schema.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/migrate/migrate_project.hpp"
#include "diff_sources.hpp"

namespace confiture::cli {

// db/schema (the environment's include dirs, seed files left out) loaded into a scratch database.
DiffSide desired_schema(DiffSources& sources, const migrate::MigrateProject& project);

// Whether a live database holds exactly db/schema/ (seed files left out): its catalog against
// the DDL loaded into a scratch database on the same server, the comparison `diff` makes.
// `drift` lists the statements that would still be needed; empty when in step.
struct SchemaProof {
  std::vector<std::string> drift;
  bool in_step() const { return drift.empty(); }
};
SchemaProof prove_against_ddl(const GlobalOptions& options, const migrate::MigrateProject& project,
                              const std::string& live_dsn);

// migrate::replay_migrations on `dsn`, its error hinting at --against.
void replay_migrations(const migrate::MigrateProject& project, const std::string& dsn,
                       const std::vector<std::string>& skip = {});

}  // namespace confiture::cli
