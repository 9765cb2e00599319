// The environment file db/environments/{env}.yaml (SPEC §2): what a command builds from and
// where it connects. Loading validates every key it knows, expands ${VAR} in every string and
// collects warnings for keys it does not use. docs/configuration.md is the user reference.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/config/env_lookup.hpp"

namespace confiture::config {

struct IncludeDir {
  std::string path;  // as written (expanded), relative to the project dir unless absolute
  bool recursive = true;
  std::vector<std::string> include{"**/*.sql"};  // globs relative to path; non-recursive: "*.sql"
  std::vector<std::string> exclude;
  int order = 0;  // lower first; equal orders keep the listed order
  // A missing directory is skipped (true) or an error (false). The str form `- db/x` sets false:
  // a directory named explicitly must exist, as in the Python tool.
  bool auto_discover = true;
};

enum class SortMode { kAlphabetical, kHex };
enum class SeparatorStyle { kBlockComment, kLineComment, kMysql, kCustom };

struct BuildSettings {
  SortMode sort_mode = SortMode::kAlphabetical;
  SeparatorStyle separator_style = SeparatorStyle::kBlockComment;
  std::string custom_template;  // only with kCustom; {file_path} is replaced by the builder
};

struct DatabaseSettings {
  bool embedded = false;  // the project's embedded server (SPEC §6): only `database` matters
  std::string host, port, database, user, password, sslmode;  // empty = libpq default
};

struct MigrationSettings {
  std::string tracking_table = "tb_confiture";  // optionally schema-qualified
  int lock_timeout_ms = 30000;                  // waiting for the migration (advisory) lock
  int statement_lock_timeout_ms = 5000;     // lock_timeout of each migration statement; 0 = none
  int lock_retries = 3;                     // new attempts of a migration after a lock timeout
  std::string directory = "db/migrations";  // relative to the project dir unless absolute
};

struct Environment {
  std::string name;                   // file stem
  std::filesystem::path file;         // the YAML it came from (empty for the built-in default)
  std::filesystem::path project_dir;  // absolute
  std::optional<std::string> database_url;   // expanded; may hold a password: never print
  std::optional<DatabaseSettings> database;  // never set together with database_url
  std::vector<IncludeDir> include_dirs;      // {"db/schema"} when absent or empty
  std::vector<std::string> exclude_dirs;
  bool is_protected = false;  // YAML key `protected`
  BuildSettings build;
  MigrationSettings migration;
  std::vector<std::string> warnings;  // unknown keys and Python-only keys, ready to show
};

// Loads one environment file. A relative `file` is taken against the current directory.
// Errors (all exit 5): kConfigIo (unreadable), kConfigYamlSyntax (file:line:col),
// kConfigInvalidValue (wrong type or value; names the key, file and line),
// kConfigUnsetVariable, kConfigMissingField, kConfigBadDatabaseUrl.
Environment load_environment_file(const std::filesystem::path& file,
                                  const std::filesystem::path& project_dir, const EnvLookup& env);

// db/environments/{name}.yaml under project_dir. Missing -> Error kConfigEnvNotFound listing the
// environments that do exist.
Environment load_environment(const std::filesystem::path& project_dir, const std::string& name,
                             const EnvLookup& env);

// The environment used when the project has no environment file: name "local", no database,
// every setting at its default.
Environment default_environment(const std::filesystem::path& project_dir);

// libpq key=value connection string; values single-quoted with ' and \ escaped; empty fields
// left out. The result may hold a password: never print it.
std::string database_settings_dsn(const DatabaseSettings& settings);

// The one test of "is this text a connection string": a libpq URI (postgresql:// or
// postgres://, as libpq spells them) or a key=value string (it has an `=`). Used for
// database_url and for the command-line arguments that take a DSN or an environment name.
bool looks_like_dsn(std::string_view text);

// The display form of an environment file: relative to the project when inside it.
std::string display_path(const std::filesystem::path& file,
                         const std::filesystem::path& project_dir);

}  // namespace confiture::config
