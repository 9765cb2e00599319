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

// What `status` proves about a live database when the build's hash cannot tell: whether it holds
// exactly db/schema/ (seed files left out; its catalog against the DDL loaded into a scratch
// database on the same server, the comparison `diff` makes), and whether its pending migrations
// apply (replayed on a scratch copy of it, as `migrate preflight` does) and where they lead.
struct SchemaProof {
  bool compared = false;                 // against the DDL (false in a project without DDL)
  std::vector<std::string> drift;        // statements still needed; empty: in step
  bool replayed = false;                 // the pending migrations were tried on a scratch copy
  std::string replay_error;              // the first that failed there, when one did
  std::vector<std::string> drift_after;  // that copy after them, against the DDL
  bool in_step() const { return compared && drift.empty(); }
};
// `applied`: the versions in the ledger; every other migration file is replayed. nullptr: no
// replay. Throws what the DDL load or the comparison throws.
// Discovery's warnings go to `out`.
SchemaProof prove_state(const Output& out, const GlobalOptions& options,
                        const migrate::MigrateProject& project, const std::string& live_dsn,
                        bool compare_ddl, const std::vector<std::string>* applied);

// migrate::replay_migrations on `dsn`, its error hinting at --against.
void replay_migrations(const migrate::MigrateProject& project, const std::string& dsn,
                       const std::vector<std::string>& skip = {});

}  // namespace confiture::cli
