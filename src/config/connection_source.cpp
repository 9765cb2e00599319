// SPEC §2 connection source precedence: picks the environment and the target database of a
// command, and refuses the combinations that could point a write at the wrong database.
#include "confiture/config/connection_source.hpp"

#include <fmt/format.h>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::config {
namespace {

namespace fs = std::filesystem;

constexpr const char* kConfitureDatabaseUrl = "CONFITURE_DATABASE_URL";
constexpr const char* kDatabaseUrl = "DATABASE_URL";

// CI systems often export variables empty; an empty DSN would silently mean libpq's defaults.
std::optional<std::string> non_empty(const EnvLookup& env, const char* name) {
  std::optional<std::string> value = env(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

Target target_from_environment(const Environment& environment, Target::Origin origin) {
  Target target;
  target.origin = origin;
  target.file = display_path(environment.file, environment.project_dir);
  if (environment.database_url) {
    target.dsn = *environment.database_url;
  } else if (environment.database && environment.database->embedded) {
    target.embedded_database = environment.database->database;
  } else if (environment.database) {
    target.dsn = database_settings_dsn(*environment.database);
  } else {
    Error error(codes::kConfigMissingField, ExitClass::kConfig,
                fmt::format("{} sets neither database_url nor database", target.file),
                "add database_url: postgresql://... (or database: {embedded: true}) to it, or "
                "pass --database-url");
    error.details["file"] = target.file;
    error.location = SourceLocation{target.file, 0, 0};
    throw error;
  }
  return target;
}

}  // namespace

Environment select_environment(const Selection& selection, const EnvLookup& env) {
  if (selection.config_file) {
    return load_environment_file(*selection.config_file, selection.project_dir, env);
  }
  if (selection.env_name) return load_environment(selection.project_dir, *selection.env_name, env);
  const fs::path local = selection.project_dir / "db" / "environments" / "local.yaml";
  std::error_code ec;
  if (fs::is_regular_file(local, ec)) {
    return load_environment_file(local, selection.project_dir, env);
  }
  return default_environment(selection.project_dir);
}

Target resolve_target(const Selection& selection, const Environment& selected, bool writes,
                      const EnvLookup& env) {
  if (selection.database_url) {
    if (selection.database_url->empty()) {
      throw Error(codes::kConfigInvalidValue, ExitClass::kConfig, "--database-url is empty",
                  "pass a libpq URI or key=value string, e.g. postgresql://user@host/dbname");
    }
    return Target{Target::Origin::kFlag, *selection.database_url, std::nullopt, {}};
  }
  const std::optional<std::string> confiture_url = non_empty(env, kConfitureDatabaseUrl);
  if (selection.env_name || selection.config_file) {
    const std::string named = selection.config_file ? "-c " + selection.config_file->string()
                                                    : "--env " + *selection.env_name;
    if (confiture_url) {
      throw Error(codes::kConfigAmbiguousSource, ExitClass::kConfig,
                  fmt::format("both {} and CONFITURE_DATABASE_URL name a database", named),
                  "unset CONFITURE_DATABASE_URL, or drop the option; --database-url overrides "
                  "both");
    }
    return target_from_environment(selected, Target::Origin::kEnvironmentFile);
  }
  if (confiture_url) {
    return Target{Target::Origin::kConfitureDatabaseUrl, *confiture_url, std::nullopt, {}};
  }
  if (!selected.file.empty()) {
    return target_from_environment(selected, Target::Origin::kDefaultEnvironment);
  }
  if (const std::optional<std::string> url = non_empty(env, kDatabaseUrl)) {
    if (writes) {
      // DATABASE_URL is set for many tools; a write must be aimed on purpose.
      throw Error(codes::kConfigUnsafeSource, ExitClass::kConfig,
                  "DATABASE_URL is the only database source and this command writes to it",
                  "name the target explicitly: --database-url \"$DATABASE_URL\" or --env NAME "
                  "(or set CONFITURE_DATABASE_URL)");
    }
    return Target{Target::Origin::kDatabaseUrl, *url, std::nullopt, {}};
  }
  throw Error(codes::kConfigNoSource, ExitClass::kConfig, "no database to connect to",
              "run confiture init (it writes db/environments/local.yaml), or pass --env NAME or "
              "--database-url DSN, or set CONFITURE_DATABASE_URL");
}

std::string Target::describe() const {
  switch (origin) {
    case Origin::kFlag:
      return "--database-url";
    case Origin::kEnvironmentFile:
    case Origin::kDefaultEnvironment:
      return file;
    case Origin::kConfitureDatabaseUrl:
      return kConfitureDatabaseUrl;
    case Origin::kDatabaseUrl:
      return kDatabaseUrl;
  }
  return {};
}

}  // namespace confiture::config
