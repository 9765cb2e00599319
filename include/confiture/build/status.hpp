// `confiture status`: the DDL source against what the environment's database was built with.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "confiture/config/connection_source.hpp"
#include "confiture/config/environment.hpp"

namespace confiture::build {

struct StatusReport {
  std::string environment;
  std::string target;  // description, no credentials
  bool reachable = false;
  std::string unreachable;  // why, when not reachable
  std::size_t files = 0;
  std::string source_hash;
  std::optional<std::string> built_hash;  // recorded in the database
  std::optional<std::string> last_build;  // built_at from db/.confiture_version.json
  bool up_to_date() const { return built_hash && *built_hash == source_hash; }

  nlohmann::json to_json() const;
};

// Never starts the embedded server: a stopped one is reported as unreachable.
StatusReport schema_status(const config::Selection& selection, const config::EnvLookup& env);

}  // namespace confiture::build
