// `confiture status`: the DDL source against what the environment's database was built with.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "confiture/build/build_state.hpp"
#include "confiture/config/connection_source.hpp"
#include "confiture/config/environment.hpp"

namespace confiture::build {

struct StatusReport {
  std::string environment;
  std::string target;  // description, no credentials
  bool reachable = false;
  std::string unreachable;      // why, when not reachable
  bool server_stopped = false;  // the embedded server is not running (`confiture server start`)
  // False in a project without DDL files (migrations only): there is no schema to compare.
  bool has_ddl = false;
  std::size_t files = 0;
  std::string source_hash;             // when has_ddl
  std::optional<RecordedBuild> built;  // the last build recorded in the database itself
  bool database_missing = false;       // the server is reachable, the database not created yet
  bool database_empty = false;         // nothing but tables_a_build_leaves(): `build` would apply
  std::vector<std::string> warnings;   // discovery's (a dangling link, ...), for the CLI to show
  bool hash_matches() const { return has_ddl && built && built->schema_hash == source_hash; }

  nlohmann::json to_json() const;
};

// Never starts the embedded server: a stopped one is reported as unreachable.
StatusReport schema_status(const config::Selection& selection, const config::EnvLookup& env);

}  // namespace confiture::build
