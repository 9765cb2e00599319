// Loading environment files: every key, the Python tool's files, ${VAR} everywhere, and errors
// that name the key, file, line and column.
#include "confiture/config/environment.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>

#include "confiture/report/codes.hpp"
#include "test_helpers.hpp"

namespace codes = confiture::codes;
using confiture::Error;
using namespace confiture::config;
using confiture::config::test::error_of;
using confiture::config::test::fake_env;
using confiture::test::ProjectDir;

namespace {

Environment load(const ProjectDir& project, const std::string& yaml, const EnvLookup& env) {
  project.write_env("test", yaml);
  return load_environment(project.path(), "test", env);
}

Environment load(const ProjectDir& project, const std::string& yaml) {
  return load(project, yaml, fake_env());
}

bool any_warning_contains(const Environment& env, const std::string& text) {
  return std::any_of(env.warnings.begin(), env.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("a minimal file gets every default", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, "database_url: postgresql://localhost/app\n");
  CHECK(env.name == "test");
  CHECK(env.file == project.path() / "db/environments/test.yaml");
  CHECK(env.project_dir == project.path());
  CHECK(env.database_url == "postgresql://localhost/app");
  CHECK_FALSE(env.database);
  REQUIRE(env.include_dirs.size() == 1);
  CHECK(env.include_dirs[0].path == "db/schema");
  CHECK(env.include_dirs[0].recursive);
  CHECK(env.include_dirs[0].auto_discover);
  CHECK(env.include_dirs[0].include == std::vector<std::string>{"**/*.sql"});
  CHECK(env.exclude_dirs.empty());
  CHECK_FALSE(env.is_protected);
  CHECK(env.build.sort_mode == SortMode::kAlphabetical);
  CHECK(env.build.separator_style == SeparatorStyle::kBlockComment);
  CHECK(env.migration.tracking_table == "tb_confiture");
  CHECK(env.migration.lock_timeout_ms == 30000);
  CHECK(env.migration.directory == "db/migrations");
  CHECK(env.warnings.empty());
}

TEST_CASE("an empty file loads with defaults", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, "# nothing yet\n");
  CHECK_FALSE(env.database_url);
  CHECK(env.include_dirs.size() == 1);
}

TEST_CASE("include_dirs empty or null means db/schema", "[config][environment]") {
  ProjectDir project;
  for (const char* yaml : {"include_dirs: []\n", "include_dirs:\n"}) {
    const Environment env = load(project, yaml);
    REQUIRE(env.include_dirs.size() == 1);
    CHECK(env.include_dirs[0].path == "db/schema");
    CHECK(env.include_dirs[0].auto_discover);
  }
}

TEST_CASE("include_dirs string form and mapping form", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
include_dirs:
  - db/schema
  - {path: db/seeds/development, recursive: true, include: ["**/*.sql"], exclude: ["**/big_*.sql"], order: 20}
  - path: db/flat
    recursive: false
    order: -5
    auto_discover: false
)");
  REQUIRE(env.include_dirs.size() == 3);
  const IncludeDir& str = env.include_dirs[0];
  CHECK(str.path == "db/schema");
  CHECK(str.recursive);
  CHECK(str.include == std::vector<std::string>{"**/*.sql"});
  CHECK(str.order == 0);
  CHECK_FALSE(str.auto_discover);  // named explicitly: must exist
  const IncludeDir& seeds = env.include_dirs[1];
  CHECK(seeds.path == "db/seeds/development");
  CHECK(seeds.exclude == std::vector<std::string>{"**/big_*.sql"});
  CHECK(seeds.order == 20);
  CHECK(seeds.auto_discover);
  const IncludeDir& flat = env.include_dirs[2];
  CHECK_FALSE(flat.recursive);
  CHECK(flat.include == std::vector<std::string>{"*.sql"});
  CHECK(flat.order == -5);
  CHECK_FALSE(flat.auto_discover);
}

TEST_CASE("${VAR} is expanded in database_url, nested values and list items",
          "[config][environment]") {
  ProjectDir project;
  const auto vars = fake_env({{"DB_PASSWORD", "pw"},
                              {"DB_HOST", "db.internal"},
                              {"SCHEMA_DIR", "db/schema_v2"},
                              {"SEED_DIR", "db/seeds/ci"},
                              {"SKIP", "**/skip_*.sql"},
                              {"TRACK", "ops.tb_confiture"},
                              {"ORDER", "7"},
                              {"PROTECT", "true"}});
  const Environment env = load(project, R"(
database_url: postgresql://app:${DB_PASSWORD}@${DB_HOST}:${DB_PORT:-5432}/app
include_dirs:
  - ${SCHEMA_DIR}
  - path: ${SEED_DIR}
    exclude: ["${SKIP}"]
    order: ${ORDER}
protected: ${PROTECT}
migration:
  tracking_table: ${TRACK}
  lock_timeout_ms: ${LOCK_MS:-1000}
)",
                               vars);
  CHECK(env.database_url == "postgresql://app:pw@db.internal:5432/app");
  REQUIRE(env.include_dirs.size() == 2);
  CHECK(env.include_dirs[0].path == "db/schema_v2");
  CHECK(env.include_dirs[1].path == "db/seeds/ci");
  CHECK(env.include_dirs[1].exclude == std::vector<std::string>{"**/skip_*.sql"});
  CHECK(env.include_dirs[1].order == 7);
  CHECK(env.is_protected);
  CHECK(env.migration.tracking_table == "ops.tb_confiture");
  CHECK(env.migration.lock_timeout_ms == 1000);
}

TEST_CASE("${VAR} is expanded in the database mapping", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
database:
  host: ${PGHOST_X:-localhost}
  port: 5432
  database: app
  user: ${APP_USER}
  password: ${APP_PASSWORD}
  sslmode: prefer
)",
                               fake_env({{"APP_USER", "u"}, {"APP_PASSWORD", "it's\\x"}}));
  REQUIRE(env.database);
  CHECK_FALSE(env.database->embedded);
  CHECK(env.database->host == "localhost");
  CHECK(env.database->port == "5432");
  CHECK(env.database->user == "u");
  CHECK(env.database->password == "it's\\x");
  CHECK(database_settings_dsn(*env.database) ==
        "host='localhost' port='5432' dbname='app' user='u' password='it\\'s\\\\x' "
        "sslmode='prefer'");
}

TEST_CASE("database_settings_dsn leaves out empty fields", "[config][environment]") {
  DatabaseSettings settings;
  CHECK(database_settings_dsn(settings).empty());
  settings.database = "app";
  settings.host = "/var/run/postgresql";
  CHECK(database_settings_dsn(settings) == "host='/var/run/postgresql' dbname='app'");
}

TEST_CASE("an unset variable names the variable, the file and the line", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] {
    load(project, "include_dirs:\n  - db/schema\ndatabase_url: postgresql://a:${NOPE}@h/db\n");
  });
  CHECK(e.code == codes::kConfigUnsetVariable);
  CHECK(e.exit_class == confiture::ExitClass::kConfig);
  CHECK_THAT(std::string(e.what()), Catch::Contains("NOPE"));
  CHECK_THAT(std::string(e.what()), Catch::Contains("db/environments/test.yaml:3"));
  REQUIRE(e.location);
  CHECK(e.location->file == "db/environments/test.yaml");
  CHECK(e.location->line == 3);
}

TEST_CASE("an unset variable in a list item is located on its line", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] { load(project, "include_dirs:\n  - db/schema\n  - ${GONE}\n"); });
  CHECK(e.code == codes::kConfigUnsetVariable);
  REQUIRE(e.location);
  CHECK(e.location->line == 3);
}

TEST_CASE("YAML syntax errors give file, 1-based line and column", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] {
    load(project, "database_url: postgresql://localhost/app\ninclude_dirs: [db/schema\n");
  });
  CHECK(e.code == codes::kConfigYamlSyntax);
  REQUIRE(e.location);
  CHECK(e.location->file == "db/environments/test.yaml");
  CHECK(e.location->line >= 2);
  CHECK(e.location->column >= 1);
  CHECK_THAT(std::string(e.what()), Catch::StartsWith("db/environments/test.yaml:"));
}

TEST_CASE("a YAML syntax error points at the offending line", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] { load(project, "build:\n  sort_mode: hex\n  bad: key: x\n"); });
  CHECK(e.code == codes::kConfigYamlSyntax);
  REQUIRE(e.location);
  CHECK(e.location->line == 3);
  CHECK(e.location->column == 11);  // the second ':'
  CHECK_THAT(std::string(e.what()), Catch::StartsWith("db/environments/test.yaml:3:11: "));
}

TEST_CASE("wrong types name the key, the file and the line", "[config][environment]") {
  ProjectDir project;
  struct Case {
    const char* yaml;
    const char* key;
    int line;
  };
  const Case cases[] = {
      {"include_dirs: 5\n", "include_dirs", 1},
      {"include_dirs:\n  - path: db/x\n    order: \"x\"\n", "include_dirs[0].order", 3},
      {"include_dirs:\n  - path: db/x\n    recursive: maybe\n", "include_dirs[0].recursive", 3},
      {"include_dirs:\n  - [a, b]\n", "include_dirs[0]", 2},
      {"protected: 3\n", "protected", 1},
      {"build: hex\n", "build", 1},
      {"build:\n  sort_mode: random\n", "build.sort_mode", 2},
      {"build:\n  separators:\n    style: fancy\n", "build.separators.style", 3},
      {"migration:\n  lock_timeout_ms: -1\n", "migration.lock_timeout_ms", 2},
      {"migration:\n  tracking_table: a.b.c\n", "migration.tracking_table", 2},
      {"exclude_dirs: {a: 1}\n", "exclude_dirs", 1},
      {"database_url: [a]\n", "database_url", 1},
      {"database: postgresql://x\n", "database", 1},
      {"- just\n- a list\n", "the environment file", 1},
  };
  for (const Case& c : cases) {
    INFO(c.yaml);
    const Error e = error_of([&] { load(project, c.yaml); });
    CHECK(e.code == codes::kConfigInvalidValue);
    CHECK_THAT(std::string(e.what()), Catch::Contains(c.key));
    CHECK_THAT(std::string(e.what()), Catch::Contains("db/environments/test.yaml"));
    REQUIRE(e.location);
    CHECK(e.location->line == c.line);
  }
}

TEST_CASE("custom separators need a template", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] { load(project, "build:\n  separators:\n    style: custom\n"); });
  CHECK(e.code == codes::kConfigInvalidValue);
  CHECK_THAT(std::string(e.what()), Catch::Contains("custom_template"));
  REQUIRE(e.location);
  CHECK(e.location->line == 3);

  const Environment env = load(project, R"(
build:
  separators: {style: custom, custom_template: "-- >>> {file_path}"}
)");
  CHECK(env.build.separator_style == SeparatorStyle::kCustom);
  CHECK(env.build.custom_template == "-- >>> {file_path}");
}

TEST_CASE("every separator style and sort mode is read", "[config][environment]") {
  ProjectDir project;
  CHECK(load(project, "build: {separators: {style: mysql}}\n").build.separator_style ==
        SeparatorStyle::kMysql);
  CHECK(load(project, "build: {separators: {style: line_comment}}\n").build.separator_style ==
        SeparatorStyle::kLineComment);
  CHECK(load(project, "build: {separators: {style: block_comment}}\n").build.separator_style ==
        SeparatorStyle::kBlockComment);
  CHECK(load(project, "build: {sort_mode: hex}\n").build.sort_mode == SortMode::kHex);
}

TEST_CASE("an include_dirs mapping without path is an error", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] { load(project, "include_dirs:\n  - recursive: true\n"); });
  CHECK(e.code == codes::kConfigMissingField);
  CHECK_THAT(std::string(e.what()), Catch::Contains("include_dirs[0]"));
}

TEST_CASE("unknown keys are warnings naming the key and file", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
database_url: postgresql://localhost/app
sort_mode: hex
build:
  sortmode: hex
include_dirs:
  - path: db/schema
    recursve: false
)");
  REQUIRE(env.warnings.size() == 3);
  CHECK_THAT(env.warnings[0], Catch::Contains("db/environments/test.yaml:3"));
  CHECK_THAT(env.warnings[0], Catch::Contains("unknown key 'sort_mode'"));
  CHECK(any_warning_contains(env, "unknown key 'build.sortmode'"));
  CHECK(any_warning_contains(env, "unknown key 'include_dirs[0].recursve'"));
}

TEST_CASE("Python-only keys are accepted with a notice", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
pggit:
  enabled: true
seed:
  execution_mode: sequential
)");
  REQUIRE(env.warnings.size() == 2);
  CHECK_THAT(env.warnings[0], Catch::Contains("'pggit' is a setting of the Python tool"));
  CHECK_THAT(env.warnings[0], Catch::Contains("db/environments/test.yaml:2"));
  CHECK_FALSE(any_warning_contains(env, "unknown"));
}

TEST_CASE("ssh_tunnel is refused rather than ignored", "[config][environment]") {
  ProjectDir project;
  const Error e = error_of([&] { load(project, "ssh_tunnel:\n  host: bastion\n"); });
  CHECK(e.code == codes::kConfigInvalidValue);
  CHECK_THAT(std::string(e.what()), Catch::Contains("ssh_tunnel"));
}

TEST_CASE("the protected flag", "[config][environment]") {
  ProjectDir project;
  CHECK(load(project, "protected: true\n").is_protected);
  CHECK(load(project, "protected: yes\n").is_protected);
  CHECK_FALSE(load(project, "protected: false\n").is_protected);
}

TEST_CASE("the embedded form", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, "database: {embedded: true, database: myapp_local}\n");
  REQUIRE(env.database);
  CHECK(env.database->embedded);
  CHECK(env.database->database == "myapp_local");
  CHECK_FALSE(env.database_url);
}

TEST_CASE("the embedded form defaults the database name to the project directory",
          "[config][environment]") {
  ProjectDir project;
  const std::filesystem::path dir = project.path() / "My-Shop 2";
  std::filesystem::create_directories(dir / "db/environments");
  project.write("My-Shop 2/db/environments/local.yaml",
                "database:\n  embedded: true\n  host: elsewhere\n");
  const Environment env = load_environment(dir, "local", fake_env());
  REQUIRE(env.database);
  CHECK(env.database->embedded);
  CHECK(env.database->database == "my_shop_2");
  CHECK(env.database->host.empty());
  REQUIRE(env.warnings.size() == 1);
  CHECK_THAT(env.warnings[0], Catch::Contains("database.host"));
}

TEST_CASE("database_url wins over database, with a warning", "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
database_url: postgresql://localhost/a
database: {host: localhost, database: b}
)");
  CHECK(env.database_url == "postgresql://localhost/a");
  CHECK_FALSE(env.database);
  REQUIRE(env.warnings.size() == 1);
  CHECK_THAT(env.warnings[0], Catch::Contains("both database_url and database"));
}

TEST_CASE("database_url accepts URIs and key=value strings only", "[config][environment]") {
  ProjectDir project;
  CHECK(load(project, "database_url: postgres://h/db\n").database_url == "postgres://h/db");
  CHECK(load(project, "database_url: host=/tmp dbname=app\n").database_url ==
        "host=/tmp dbname=app");
  const Error e = error_of([&] { load(project, "database_url: mysql://root:hunter2@h/db\n"); });
  CHECK(e.code == codes::kConfigBadDatabaseUrl);
  CHECK_THAT(std::string(e.what()), !Catch::Contains("hunter2"));
  CHECK_FALSE(load(project, "database_url: ${UNSET_URL:-}\n").database_url);
}

TEST_CASE("the Python tool's lock timeout and legacy tracking table are honoured",
          "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
migration_table: legacy_table
migration:
  locking: {enabled: true, timeout_ms: 5000}
)");
  CHECK(env.migration.lock_timeout_ms == 5000);
  CHECK(env.migration.tracking_table == "legacy_table");
  CHECK(any_warning_contains(env, "migration.tracking_table"));

  const Environment both = load(project, R"(
migration:
  lock_timeout_ms: 100
  locking: {timeout_ms: 5000}
  tracking_table: '"Ops".tb_confiture'
)");
  CHECK(both.migration.lock_timeout_ms == 100);
  CHECK(both.migration.tracking_table == "\"Ops\".tb_confiture");
}

TEST_CASE("repeated keys keep the last value with a warning, merge keys work",
          "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
protected: false
protected: true
build:
  <<: {sort_mode: hex, separators: {style: mysql}}
  sort_mode: alphabetical
)");
  CHECK(env.is_protected);
  CHECK(env.build.sort_mode == SortMode::kAlphabetical);
  CHECK(env.build.separator_style == SeparatorStyle::kMysql);
  REQUIRE(env.warnings.size() == 1);
  CHECK_THAT(env.warnings[0], Catch::Contains("repeated"));
}

TEST_CASE("a realistic Python-tool environment file loads", "[config][environment]") {
  ProjectDir project;
  const std::filesystem::path fixture =
      std::filesystem::path(CONFITURE_SOURCE_DIR) / "tests/unit/config/fixtures/python_local.yaml";
  const Environment env = load_environment_file(fixture, project.path(), fake_env());
  CHECK(env.name == "python_local");
  CHECK(env.database_url == "postgresql://app:devpass@localhost:5432/myapp_local");
  REQUIRE(env.include_dirs.size() == 3);
  CHECK(env.include_dirs[0].path == "db/schema/00_common");
  CHECK(env.include_dirs[1].order == 10);
  CHECK(env.include_dirs[1].exclude == std::vector<std::string>{"**/legacy_*.sql"});
  CHECK(env.include_dirs[2].include == std::vector<std::string>{"*.sql"});
  CHECK(env.exclude_dirs == std::vector<std::string>{"db/schema/99_scratch"});
  CHECK(env.build.sort_mode == SortMode::kHex);
  CHECK(env.build.separator_style == SeparatorStyle::kLineComment);
  CHECK(env.migration.tracking_table == "public.tb_confiture");
  CHECK(env.migration.lock_timeout_ms == 15000);
  CHECK_FALSE(any_warning_contains(env, "unknown key"));
  for (const char* key :
       {"superuser_dirs", "superuser_post_dirs", "build.two_pass", "build.validate_comments",
        "build.lint", "migration.view_helpers", "migration.strict_mode", "seed", "pggit"}) {
    INFO(key);
    CHECK(any_warning_contains(env, std::string("'") + key + "' is a setting of the Python tool"));
  }
}

TEST_CASE("a missing environment lists the existing ones", "[config][environment]") {
  ProjectDir project;
  project.write_env("staging", "database_url: postgresql://s/db\n");
  project.write_env("local", "database_url: postgresql://l/db\n");
  const Error e = error_of([&] { load_environment(project.path(), "prod", fake_env()); });
  CHECK(e.code == codes::kConfigEnvNotFound);
  CHECK(e.exit_class == confiture::ExitClass::kConfig);
  CHECK_THAT(std::string(e.what()), Catch::Contains("prod"));
  CHECK_THAT(e.hint, Catch::Contains("local, staging"));

  const Error traversal =
      error_of([&] { load_environment(project.path(), "../environments/local", fake_env()); });
  CHECK(traversal.code == codes::kConfigEnvNotFound);
}

TEST_CASE("default_environment", "[config][environment]") {
  ProjectDir project;
  const Environment env = default_environment(project.path());
  CHECK(env.name == "local");
  CHECK(env.file.empty());
  CHECK_FALSE(env.database_url);
  CHECK_FALSE(env.database);
  REQUIRE(env.include_dirs.size() == 1);
  CHECK(env.include_dirs[0].path == "db/schema");
}

TEST_CASE("M1: an unknown key that looks like a known one gets 'did you mean'",
          "[config][environment]") {
  ProjectDir project;
  const Environment env = load(project, R"(
database_url: postgresql://localhost/app
build:
  sortmode: hex
migration:
  lock_timout_ms: 10
)");
  CHECK(any_warning_contains(env,
                             "unknown key 'build.sortmode' is ignored (did you mean "
                             "'build.sort_mode'?)"));
  CHECK(any_warning_contains(env, "did you mean 'migration.lock_timeout_ms'?"));
}

TEST_CASE("M1: a misspelt key that changes what a command writes is CONFIG_030, not a warning",
          "[config][environment]") {
  const struct {
    const char* yaml;
    const char* meant;
    int line;
  } cases[] = {
      {"database_url: postgresql://localhost/app\nprotectd: true\n", "protected", 2},
      {"database_url: postgresql://localhost/app\nProtected: true\n", "protected", 2},
      {"database_url: postgresql://localhost/app\nmigration:\n  tracking_tabel: ops.ledger\n",
       "migration.tracking_table", 3},
      {"database_url: postgresql://localhost/app\nmigration:\n  trackingtable: ledger\n",
       "migration.tracking_table", 3},
      {"database:\n  hots: db.internal\n  database: app\n", "database.host", 2},
      // Mis-indented: a guarded key in the wrong mapping.
      {"database:\n  host: db.internal\n  protected: true\n", "protected", 3},
      {"database_url: postgresql://localhost/app\ntracking_table: ops.ledger\n",
       "migration.tracking_table", 2},
  };
  for (const auto& c : cases) {
    INFO(c.yaml);
    ProjectDir project;
    const Error e = error_of([&] { load(project, c.yaml); });
    CHECK(e.code == codes::kConfigMisspeltKey);
    CHECK(e.exit_class == confiture::ExitClass::kConfig);
    CHECK_THAT(std::string(e.what()), Catch::Contains(std::string("did you mean '") + c.meant));
    REQUIRE(e.location.has_value());
    CHECK(e.location->file == "db/environments/test.yaml");
    CHECK(e.location->line == c.line);
  }
}

TEST_CASE("W11: tracking_table accepts \"quoted\" parts, a bad value names file and line",
          "[config][environment]") {
  for (const char* value :
       {R"('"MyLedger"')", R"('ops."Led ger"')", R"('"ops"."tb"')", R"('"a""b".c')"}) {
    INFO(value);
    ProjectDir project;
    const Environment env =
        load(project, std::string("database_url: postgresql://localhost/app\nmigration:\n"
                                  "  tracking_table: ") +
                          value + "\n");
    CHECK(env.migration.tracking_table == std::string(value).substr(1, std::strlen(value) - 2));
  }
  for (const char* value :
       {R"('"unclosed')", R"('""')", R"('a."b"c')", R"('a b')", R"('"a".b.c')", R"('1x')"}) {
    INFO(value);
    ProjectDir project;
    const Error e = error_of([&] {
      load(project, std::string("database_url: postgresql://localhost/app\nmigration:\n"
                                "  tracking_table: ") +
                        value + "\n");
    });
    CHECK(e.code == codes::kConfigInvalidValue);
    REQUIRE(e.location.has_value());
    CHECK(e.location->file == "db/environments/test.yaml");
    CHECK(e.location->line == 3);
  }
}
