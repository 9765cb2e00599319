// Databases named on the command line: DSN detection and environments by name.
#include "named_database.hpp"

#include <fmt/format.h>

namespace confiture::cli {

EnvironmentDatabase environment_database(const config::Selection& base, const std::string& name,
                                         bool writes, const config::EnvLookup& env) {
  config::Selection selection = base;
  selection.env_name = name;
  selection.database_url.reset();
  selection.config_file.reset();
  config::EnvLookup without_urls = [&env](const std::string& key) -> std::optional<std::string> {
    if (key == "CONFITURE_DATABASE_URL" || key == "DATABASE_URL") return std::nullopt;
    return env(key);
  };
  EnvironmentDatabase database;
  database.environment = config::load_environment(selection.project_dir, name, without_urls);
  const config::Target target =
      config::resolve_target(selection, database.environment, writes, without_urls);
  database.target = pg::resolve_target_dsn(target, selection.project_dir);
  database.description = fmt::format("{} ({})", database.target.description, name);
  return database;
}

}  // namespace confiture::cli
