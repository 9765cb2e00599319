// A database named on the command line (`sync --from`, `diff FROM`, `--against`): a DSN as it
// is (config::looks_like_dsn), or an environment by name.
#pragma once

#include <string>

#include "confiture/config/connection_source.hpp"
#include "confiture/config/environment.hpp"
#include "confiture/pg/target.hpp"

namespace confiture::cli {

using config::looks_like_dsn;

struct EnvironmentDatabase {
  config::Environment environment;
  pg::ResolvedTarget target;
  std::string description;  // the target's description and the environment's name
};

// The database of db/environments/NAME.yaml. The name was given explicitly, so the
// process-wide URL variables (CONFITURE_DATABASE_URL, DATABASE_URL) do not apply. Starts the
// embedded server when the environment uses it.
EnvironmentDatabase environment_database(const config::Selection& base, const std::string& name,
                                         bool writes, const config::EnvLookup& env);

}  // namespace confiture::cli
