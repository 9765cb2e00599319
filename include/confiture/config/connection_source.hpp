// Which environment a command uses and which database it connects to (SPEC §2 precedence):
// --database-url, then --env/-c, then CONFITURE_DATABASE_URL, then db/environments/local.yaml,
// then DATABASE_URL (read-only commands only).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "confiture/config/environment.hpp"

namespace confiture::config {

struct Selection {                                   // what the command line said
  std::filesystem::path project_dir;                 // absolute
  std::optional<std::string> env_name;               // --env
  std::optional<std::filesystem::path> config_file;  // -c FILE
  std::optional<std::string> database_url;           // --database-url
};

// The environment whose settings (include_dirs, build, migration, protected) apply: -c FILE,
// else --env NAME, else db/environments/local.yaml if present, else default_environment().
Environment select_environment(const Selection& selection, const EnvLookup& env);

struct Target {
  enum class Origin {
    kFlag,                  // --database-url
    kEnvironmentFile,       // the file named by --env or -c
    kConfitureDatabaseUrl,  // CONFITURE_DATABASE_URL
    kDefaultEnvironment,    // db/environments/local.yaml, picked without being named
    kDatabaseUrl,           // DATABASE_URL
  };
  Origin origin = Origin::kFlag;
  std::string dsn;  // empty when embedded; may hold a password
  std::optional<std::string>
      embedded_database;  // set when the environment uses the embedded server
  std::string file;  // display path of the environment file (kEnvironmentFile, kDefaultEnvironment)

  // Where the target came from, for messages: "--database-url", "db/environments/local.yaml",
  // "CONFITURE_DATABASE_URL", "DATABASE_URL". Never the DSN itself.
  std::string describe() const;
};

// The database a command connects to. `selected` is select_environment(selection, env).
// writes=true for commands that modify the target (build, migrate up/down/down-to, sync --to).
// Errors (exit 5): kConfigAmbiguousSource (--env/-c and CONFITURE_DATABASE_URL both set),
// kConfigUnsafeSource (only DATABASE_URL, and writes), kConfigNoSource (nothing at all),
// kConfigMissingField (the environment file has neither database_url nor database),
// kConfigInvalidValue (--database-url given empty).
// An empty CONFITURE_DATABASE_URL or DATABASE_URL counts as unset.
Target resolve_target(const Selection& selection, const Environment& selected, bool writes,
                      const EnvLookup& env);

}  // namespace confiture::config
