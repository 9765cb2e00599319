// Loads db/environments/{env}.yaml into an Environment: every key of SPEC §2, the Python tool's
// keys that have a meaning here, and a warning or notice for every other key.
#include "confiture/config/environment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <limits>
#include <sstream>
#include <string_view>

#include "confiture/config/yaml_reader.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/dotted_name.hpp"
#include "confiture/report/error.hpp"

namespace confiture::config {
namespace {

namespace fs = std::filesystem;

struct PythonOnlyKey {
  std::string_view key;
  std::string_view why;  // completes "'key' is a setting of the Python tool; ..."
};

constexpr std::string_view kIgnored = "it has no effect here and is ignored";

// Top-level keys the Python tool reads that this tool accepts without using.
constexpr std::array kPythonOnlyTopLevel = {
    PythonOnlyKey{"superuser_dirs",
                  "its files are not applied by build; add the directories to include_dirs or "
                  "apply them as a superuser yourself"},
    PythonOnlyKey{"superuser_post_dirs",
                  "its files are not applied by build; add the directories to include_dirs or "
                  "apply them as a superuser yourself"},
    PythonOnlyKey{"pggit", kIgnored},
    PythonOnlyKey{"seed", kIgnored},
    PythonOnlyKey{"sync", "sync reads its settings from --profile; this key is ignored"},
    PythonOnlyKey{"anonymization", "sync reads its settings from --profile; this key is ignored"},
    PythonOnlyKey{"infrastructure", kIgnored},
    PythonOnlyKey{"drift", kIgnored},
    PythonOnlyKey{"acls", kIgnored},
    PythonOnlyKey{"acls_lint_enabled", kIgnored},
    PythonOnlyKey{"ownership", kIgnored},
    PythonOnlyKey{"function_coverage", kIgnored},
    PythonOnlyKey{"security_lint", kIgnored},
    PythonOnlyKey{"options", kIgnored},
    PythonOnlyKey{"auto_backup", kIgnored},
    PythonOnlyKey{"require_confirmation",
                  "it is ignored; destructive commands always ask (or need --yes)"},
    PythonOnlyKey{"rebuild", kIgnored},
    PythonOnlyKey{"locking", "it is ignored here; the lock timeout is migration.lock_timeout_ms"},
    PythonOnlyKey{"hooks", kIgnored},
    PythonOnlyKey{"notifications", kIgnored},
};

constexpr std::array kPythonOnlyBuild = {
    PythonOnlyKey{"validate_comments", kIgnored},
    PythonOnlyKey{"two_pass", kIgnored},
    PythonOnlyKey{"lint", kIgnored},
    PythonOnlyKey{"linting", kIgnored},
    PythonOnlyKey{"output_path", "it is ignored; use build -o FILE"},
};

constexpr std::array kPythonOnlyMigration = {
    PythonOnlyKey{"strict_mode", kIgnored},
    PythonOnlyKey{"view_helpers", kIgnored},
    PythonOnlyKey{"migration_generators", kIgnored},
    PythonOnlyKey{"snapshot_history", kIgnored},
    PythonOnlyKey{"snapshots_dir", kIgnored},
    PythonOnlyKey{"live_snapshot", kIgnored},
    PythonOnlyKey{"rebuild_threshold", kIgnored},
    PythonOnlyKey{"grant_dir", kIgnored},
    PythonOnlyKey{"allow_unsafe_under_replication", kIgnored},
};

// db/schema, skipped when missing: only `build` needs DDL files (SPEC §2).
IncludeDir default_include_dir() {
  IncludeDir dir;
  dir.path = "db/schema";
  return dir;
}

template <std::size_t N>
const PythonOnlyKey* find_python_only(const std::array<PythonOnlyKey, N>& keys,
                                      std::string_view key) {
  const auto it =
      std::find_if(keys.begin(), keys.end(), [&](const PythonOnlyKey& k) { return k.key == key; });
  return it == keys.end() ? nullptr : &*it;
}

// The keys each mapping knows (for "did you mean"), and those whose misspelling is an error
// because ignoring it changes what or where a command writes.
const std::vector<std::string_view> kTopLevelKeys = {
    "name",      "database_url", "database",  "include_dirs",    "exclude_dirs",
    "protected", "build",        "migration", "migration_table", "ssh_tunnel"};
const std::vector<std::string_view> kTopLevelGuarded = {"protected", "database_url", "database",
                                                        "migration_table"};
const std::vector<std::string_view> kBuildKeys = {"sort_mode", "separators"};
const std::vector<std::string_view> kSeparatorKeys = {"style", "custom_template"};
const std::vector<std::string_view> kMigrationKeys = {
    "tracking_table", "lock_timeout_ms", "statement_lock_timeout_ms",
    "lock_retries",   "directory",       "locking"};
const std::vector<std::string_view> kMigrationGuarded = {"tracking_table"};
const std::vector<std::string_view> kDatabaseKeys = {"embedded", "host",     "port",   "database",
                                                     "user",     "password", "sslmode"};
const std::vector<std::string_view> kDatabaseGuarded = {"embedded", "host", "port", "database",
                                                        "user"};
const std::vector<std::string_view> kIncludeDirKeys = {"path",    "recursive", "include",
                                                       "exclude", "order",     "auto_discover"};
const std::vector<std::string_view> kLockingKeys = {"timeout_ms", "enabled"};

template <std::size_t N>
void notice_or_warn(YamlReader& reader, const YamlEntry& entry,
                    const std::array<PythonOnlyKey, N>& python_only,
                    const std::vector<std::string_view>& known,
                    const std::vector<std::string_view>& guarded = {}) {
  if (const PythonOnlyKey* python = find_python_only(python_only, entry.key)) {
    reader.notice(entry, python->why);
    return;
  }
  std::vector<std::string_view> candidates = known;
  for (const auto& key : python_only) candidates.push_back(key.key);
  reader.warn_unknown(entry, candidates, guarded);
}

std::string read_file_text(const fs::path& file, const std::string& shown) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Error error(codes::kConfigIo, ExitClass::kConfig,
                fmt::format("cannot read environment file {}", shown));
    error.details["file"] = shown;
    throw error;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A default embedded database name from the project directory: lowercase letters, digits and _.
std::string sanitized_database_name(const fs::path& project_dir) {
  fs::path dir = project_dir.lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();
  std::string name;
  for (unsigned char c : dir.filename().string()) {
    if (std::isalnum(c) != 0 && c < 0x80) {
      name += static_cast<char>(std::tolower(c));
    } else if (!name.empty() && name.back() != '_') {
      name += '_';
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  if (name.empty()) name = "confiture";
  if (name.size() > 63) name.resize(63);  // PostgreSQL's identifier limit (NAMEDATALEN - 1)
  return name;
}

class EnvironmentParser {
 public:
  EnvironmentParser(Environment& env, YamlReader& reader) : env_(env), reader_(reader) {}

  void parse(const YAML::Node& root) {
    if (!root.IsNull()) parse_entries(root);
    if (env_.include_dirs.empty()) env_.include_dirs.push_back(default_include_dir());
  }

 private:
  void parse_entries(const YAML::Node& root) {
    reader_.require_map(root, "the environment file");
    std::optional<YamlEntry> database_url_entry;
    std::optional<YamlEntry> database_entry;
    std::optional<std::string> legacy_tracking_table;
    for (const YamlEntry& entry : reader_.entries(root, "")) {
      const std::string& key = entry.key;
      const YAML::Node& value = entry.value;
      if (key == "ssh_tunnel" && !value.IsNull()) {
        // Ignoring the tunnel would connect to whatever database_url names locally.
        reader_.fail(codes::kConfigInvalidValue, entry.key_node,
                     "ssh_tunnel (a Python-tool setting) is not supported",
                     "open the tunnel yourself (ssh -L PORT:HOST:5432 ...) and point "
                     "database_url at localhost:PORT");
      }
      if (value.IsNull()) continue;  // `key:` with nothing after it means "use the default"
      if (key == "name") {
        const std::string name = reader_.read_string(value, "name");
        if (name != env_.name) {
          reader_.warn(entry.key_node,
                       fmt::format("name: '{}' differs from the file name; the environment is "
                                   "called '{}'",
                                   name, env_.name));
        }
      } else if (key == "database_url") {
        database_url_entry = entry;
      } else if (key == "database") {
        database_entry = entry;
      } else if (key == "include_dirs") {
        parse_include_dirs(value);
      } else if (key == "exclude_dirs") {
        env_.exclude_dirs = reader_.read_string_list(value, "exclude_dirs");
      } else if (key == "protected") {
        env_.is_protected = reader_.read_bool(value, "protected");
      } else if (key == "build") {
        parse_build(value);
      } else if (key == "migration") {
        parse_migration(value);
      } else if (key == "migration_table") {
        legacy_tracking_table = read_table_name(value, "migration_table");
        reader_.warn(entry.key_node,
                     "'migration_table' is the old spelling of migration.tracking_table; "
                     "please move it there");
      } else {
        notice_or_warn(reader_, entry, kPythonOnlyTopLevel, kTopLevelKeys, kTopLevelGuarded);
      }
    }
    if (legacy_tracking_table && !tracking_table_set_) {
      env_.migration.tracking_table = *legacy_tracking_table;
    }
    if (database_url_entry) parse_database_url(*database_url_entry);
    if (database_entry) {
      if (env_.database_url) {
        // The Python tool connects with database_url and never reads `database:`; keep that.
        reader_.warn(database_entry->key_node,
                     "both database_url and database are set; database_url is used");
      } else {
        parse_database(database_entry->value);
      }
    }
  }

  void parse_database_url(const YamlEntry& entry) {
    std::string url = reader_.read_string(entry.value, "database_url");
    if (url.empty()) return;  // e.g. ${URL:-}: treated as absent
    if (!looks_like_dsn(url)) {
      // The value itself is never shown: it may hold a password.
      reader_.fail(codes::kConfigBadDatabaseUrl, entry.value,
                   "database_url is neither a postgresql:// URI nor a libpq key=value string",
                   "write postgresql://user@host:5432/dbname or host=... dbname=...");
    }
    env_.database_url = std::move(url);
  }

  void parse_database(const YAML::Node& node) {
    reader_.require_map(node, "database");
    DatabaseSettings settings;
    std::vector<YamlEntry> server_fields;
    bool has_name = false;
    for (const YamlEntry& entry : reader_.entries(node, "database")) {
      if (entry.value.IsNull()) continue;
      std::string* field = nullptr;
      if (entry.key == "embedded") {
        settings.embedded = reader_.read_bool(entry.value, entry.path);
        continue;
      }
      if (entry.key == "host") field = &settings.host;
      if (entry.key == "port") field = &settings.port;
      if (entry.key == "database") field = &settings.database;
      if (entry.key == "user") field = &settings.user;
      if (entry.key == "password") field = &settings.password;
      if (entry.key == "sslmode") field = &settings.sslmode;
      if (field == nullptr) {
        reader_.warn_unknown(entry, kDatabaseKeys, kDatabaseGuarded);
        continue;
      }
      *field = reader_.read_string(entry.value, entry.path);
      if (entry.key == "database") {
        has_name = true;
      } else {
        server_fields.push_back(entry);
      }
    }
    if (settings.embedded) {
      for (const YamlEntry& entry : server_fields) {
        reader_.warn(entry.key_node,
                     fmt::format("'{}' is ignored with embedded: true", entry.path));
      }
      settings.host.clear();
      settings.port.clear();
      settings.user.clear();
      settings.password.clear();
      settings.sslmode.clear();
      if (!has_name || settings.database.empty()) {
        settings.database = sanitized_database_name(env_.project_dir);
      }
    }
    env_.database = std::move(settings);
  }

  void parse_include_dirs(const YAML::Node& node) {
    reader_.require_list(node, "include_dirs");
    std::size_t index = 0;
    for (const auto& item : node) {
      const std::string path = fmt::format("include_dirs[{}]", index++);
      if (item.IsScalar()) {
        IncludeDir dir;
        dir.path = reader_.read_string(item, path);
        dir.auto_discover = false;
        require_path(item, dir.path, path);
        env_.include_dirs.push_back(std::move(dir));
      } else if (item.IsMap()) {
        env_.include_dirs.push_back(parse_include_dir(item, path));
      } else {
        reader_.fail(codes::kConfigInvalidValue, item,
                     fmt::format("{} must be a directory path or a mapping with path:", path));
      }
    }
  }

  IncludeDir parse_include_dir(const YAML::Node& node, const std::string& path) {
    IncludeDir dir;
    bool has_path = false;
    bool has_include = false;
    for (const YamlEntry& entry : reader_.entries(node, path)) {
      const YAML::Node& value = entry.value;
      if (value.IsNull()) continue;
      if (entry.key == "path") {
        dir.path = reader_.read_string(value, entry.path);
        require_path(value, dir.path, entry.path);
        has_path = true;
      } else if (entry.key == "recursive") {
        dir.recursive = reader_.read_bool(value, entry.path);
      } else if (entry.key == "include") {
        dir.include = reader_.read_string_list(value, entry.path);
        has_include = true;
      } else if (entry.key == "exclude") {
        dir.exclude = reader_.read_string_list(value, entry.path);
      } else if (entry.key == "order") {
        dir.order = reader_.read_int(value, entry.path, std::numeric_limits<int>::min());
      } else if (entry.key == "auto_discover") {
        dir.auto_discover = reader_.read_bool(value, entry.path);
      } else {
        reader_.warn_unknown(entry, kIncludeDirKeys);
      }
    }
    if (!has_path) {
      reader_.fail(codes::kConfigMissingField, node, fmt::format("{} has no path:", path),
                   "write {path: db/schema, ...}");
    }
    if (!has_include && !dir.recursive) dir.include = {"*.sql"};
    return dir;
  }

  std::string read_table_name(const YAML::Node& node, const std::string& path) {
    std::string table = reader_.read_string(node, path);
    if (!report::split_schema_and_name(table, report::kConfigTableName)) {
      reader_.fail(codes::kConfigInvalidValue, node,
                   fmt::format("{} '{}' is not a table name: write table or schema.table, each "
                               "part letters, digits and underscores (not starting with a "
                               "digit) or \"double quoted\"",
                               path, table));
    }
    return table;
  }

  void require_path(const YAML::Node& node, const std::string& value, const std::string& path) {
    if (value.empty()) {
      reader_.fail(codes::kConfigInvalidValue, node, fmt::format("{} is an empty path", path));
    }
  }

  void parse_build(const YAML::Node& node) {
    reader_.require_map(node, "build");
    for (const YamlEntry& entry : reader_.entries(node, "build")) {
      const YAML::Node& value = entry.value;
      if (value.IsNull()) continue;
      if (entry.key == "sort_mode") {
        const std::string mode = reader_.read_string(value, entry.path);
        if (mode == "alphabetical") {
          env_.build.sort_mode = SortMode::kAlphabetical;
        } else if (mode == "hex") {
          env_.build.sort_mode = SortMode::kHex;
        } else {
          reader_.fail(codes::kConfigInvalidValue, value,
                       fmt::format("build.sort_mode must be alphabetical or hex, got '{}'", mode));
        }
      } else if (entry.key == "separators") {
        parse_separators(value);
      } else {
        notice_or_warn(reader_, entry, kPythonOnlyBuild, kBuildKeys);
      }
    }
  }

  void parse_separators(const YAML::Node& node) {
    reader_.require_map(node, "build.separators");
    for (const YamlEntry& entry : reader_.entries(node, "build.separators")) {
      const YAML::Node& value = entry.value;
      if (value.IsNull()) continue;
      if (entry.key == "style") {
        const std::string style = reader_.read_string(value, entry.path);
        if (style == "block_comment") {
          env_.build.separator_style = SeparatorStyle::kBlockComment;
        } else if (style == "line_comment") {
          env_.build.separator_style = SeparatorStyle::kLineComment;
        } else if (style == "mysql") {
          env_.build.separator_style = SeparatorStyle::kMysql;
        } else if (style == "custom") {
          env_.build.separator_style = SeparatorStyle::kCustom;
        } else {
          reader_.fail(codes::kConfigInvalidValue, value,
                       fmt::format("build.separators.style must be block_comment, line_comment, "
                                   "mysql or custom, got '{}'",
                                   style));
        }
      } else if (entry.key == "custom_template") {
        env_.build.custom_template = reader_.read_string(value, entry.path);
      } else {
        reader_.warn_unknown(entry, kSeparatorKeys);
      }
    }
    if (env_.build.separator_style == SeparatorStyle::kCustom &&
        env_.build.custom_template.empty()) {
      reader_.fail(codes::kConfigInvalidValue, node,
                   "build.separators.style is custom but custom_template is not set",
                   "add custom_template: \"-- file: {file_path}\" (or pick another style)");
    }
  }

  void parse_migration(const YAML::Node& node) {
    reader_.require_map(node, "migration");
    std::optional<int> locking_timeout;
    bool lock_timeout_set = false;
    for (const YamlEntry& entry : reader_.entries(node, "migration")) {
      const YAML::Node& value = entry.value;
      if (value.IsNull()) continue;
      if (entry.key == "tracking_table") {
        env_.migration.tracking_table = read_table_name(value, entry.path);
        tracking_table_set_ = true;
      } else if (entry.key == "lock_timeout_ms") {
        env_.migration.lock_timeout_ms = reader_.read_int(value, entry.path, 0);
        lock_timeout_set = true;
      } else if (entry.key == "statement_lock_timeout_ms") {
        env_.migration.statement_lock_timeout_ms = reader_.read_int(value, entry.path, 0);
      } else if (entry.key == "lock_retries") {
        env_.migration.lock_retries = reader_.read_int(value, entry.path, 0);
      } else if (entry.key == "directory") {
        env_.migration.directory = reader_.read_string(value, entry.path);
        require_path(value, env_.migration.directory, entry.path);
      } else if (entry.key == "locking") {
        locking_timeout = parse_locking(value);
      } else {
        notice_or_warn(reader_, entry, kPythonOnlyMigration, kMigrationKeys, kMigrationGuarded);
      }
    }
    if (locking_timeout && !lock_timeout_set) env_.migration.lock_timeout_ms = *locking_timeout;
  }

  // The Python tool's migration.locking: {enabled, timeout_ms}.
  std::optional<int> parse_locking(const YAML::Node& node) {
    reader_.require_map(node, "migration.locking");
    std::optional<int> timeout;
    for (const YamlEntry& entry : reader_.entries(node, "migration.locking")) {
      if (entry.value.IsNull()) continue;
      if (entry.key == "timeout_ms") {
        timeout = reader_.read_int(entry.value, entry.path, 0);
      } else if (entry.key == "enabled") {
        if (!reader_.read_bool(entry.value, entry.path)) {
          reader_.warn(entry.key_node,
                       "migration.locking.enabled: false is ignored; migrations always take "
                       "the lock (pass --no-lock to skip it)");
        }
      } else {
        reader_.warn_unknown(entry, kLockingKeys);
      }
    }
    return timeout;
  }

  Environment& env_;
  YamlReader& reader_;
  bool tracking_table_set_ = false;
};

bool is_valid_environment_name(std::string_view name) {
  if (name.empty() || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) != 0 || c == '_' || c == '-' || c == '.';
  });
}

std::vector<std::string> existing_environments(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".yaml") names.push_back(it->path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

std::string display_path(const fs::path& file, const fs::path& project_dir) {
  if (!project_dir.empty()) {
    const fs::path relative =
        file.lexically_normal().lexically_relative(project_dir.lexically_normal());
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  }
  return file.string();
}

Environment load_environment_file(const fs::path& file, const fs::path& project_dir,
                                  const EnvLookup& env) {
  Environment result;
  result.project_dir = fs::absolute(project_dir).lexically_normal();
  result.file = fs::absolute(file).lexically_normal();
  result.name = result.file.stem().string();
  const std::string shown = display_path(result.file, result.project_dir);
  const std::string text = read_file_text(result.file, shown);
  YamlReader reader(shown, env, result.warnings);
  reader.set_misplaced_guarded({{"protected", "protected"},
                                {"database_url", "database_url"},
                                {"tracking_table", "migration.tracking_table"}});
  EnvironmentParser(result, reader).parse(reader.parse(text));
  return result;
}

Environment load_environment(const fs::path& project_dir, const std::string& name,
                             const EnvLookup& env) {
  const fs::path dir = fs::absolute(project_dir).lexically_normal() / "db" / "environments";
  const fs::path file = dir / (name + ".yaml");
  std::error_code ec;
  if (!is_valid_environment_name(name) || !fs::is_regular_file(file, ec)) {
    const std::vector<std::string> names = existing_environments(dir);
    std::string hint = names.empty()
                           ? "this project has no environment files; run confiture init or create "
                             "db/environments/" +
                                 name + ".yaml"
                           : fmt::format("existing environments: {}", fmt::join(names, ", "));
    if (name.find('/') != std::string::npos) hint += "; to use a file by its path, pass -c FILE";
    Error error(codes::kConfigEnvNotFound, ExitClass::kConfig,
                fmt::format("environment '{}' not found (no db/environments/{}.yaml)", name, name),
                std::move(hint));
    error.details["environment"] = name;
    error.details["available"] = names;
    throw error;
  }
  return load_environment_file(file, project_dir, env);
}

Environment default_environment(const fs::path& project_dir) {
  Environment result;
  result.name = "local";
  result.project_dir = fs::absolute(project_dir).lexically_normal();
  result.include_dirs.push_back(default_include_dir());
  return result;
}

bool looks_like_dsn(std::string_view text) {
  const std::size_t scheme_end = text.find("://");
  if (scheme_end != std::string_view::npos) {
    const std::string_view scheme = text.substr(0, scheme_end);
    return scheme == "postgresql" || scheme == "postgres";
  }
  return text.find('=') != std::string_view::npos;  // libpq key=value form
}

}  // namespace confiture::config
