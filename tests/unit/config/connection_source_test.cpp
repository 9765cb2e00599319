// SPEC §2 connection source precedence: every rule and every refusal of resolve_target, with a
// fake environment (never the real process environment).
#include "confiture/config/connection_source.hpp"

#include <catch2/catch.hpp>

#include "confiture/report/codes.hpp"
#include "test_helpers.hpp"

namespace codes = confiture::codes;
using confiture::Error;
using namespace confiture::config;
using confiture::config::test::error_of;
using confiture::config::test::fake_env;
using confiture::test::ProjectDir;
using Origin = Target::Origin;

namespace {

Target resolve(const Selection& selection, bool writes, const EnvLookup& env) {
  return resolve_target(selection, select_environment(selection, env), writes, env);
}

}  // namespace

TEST_CASE("the --database-url flag always wins", "[config][source]") {
  ProjectDir project;
  project.write_env("local", "database_url: postgresql://local/db\n");
  project.write_env("prod", "database_url: postgresql://prod/db\n");
  const auto env = fake_env(
      {{"CONFITURE_DATABASE_URL", "postgresql://c/db"}, {"DATABASE_URL", "postgresql://d/db"}});
  Selection selection{project.path(), "prod", std::nullopt, "postgresql://flag/db"};
  const Target target = resolve(selection, true, env);
  CHECK(target.origin == Origin::kFlag);
  CHECK(target.dsn == "postgresql://flag/db");
  CHECK(target.describe() == "--database-url");
}

TEST_CASE("the --env flag names the environment file", "[config][source]") {
  ProjectDir project;
  project.write_env("local", "database_url: postgresql://local/db\n");
  project.write_env("prod", "database_url: postgresql://prod/db\nprotected: true\n");
  const auto env = fake_env({{"DATABASE_URL", "postgresql://d/db"}});
  Selection selection{project.path(), "prod", std::nullopt, std::nullopt};
  const Environment selected = select_environment(selection, env);
  CHECK(selected.name == "prod");
  CHECK(selected.is_protected);
  const Target target = resolve_target(selection, selected, true, env);
  CHECK(target.origin == Origin::kEnvironmentFile);
  CHECK(target.dsn == "postgresql://prod/db");
  CHECK(target.describe() == "db/environments/prod.yaml");
}

TEST_CASE("the -c FILE flag names the environment file and wins over --env", "[config][source]") {
  ProjectDir project;
  project.write_env("prod", "database_url: postgresql://prod/db\n");
  const auto file = project.write("elsewhere/ci.yaml", "database_url: postgresql://ci/db\n");
  Selection selection{project.path(), "prod", file, std::nullopt};
  const Environment selected = select_environment(selection, fake_env());
  CHECK(selected.name == "ci");
  const Target target = resolve_target(selection, selected, true, fake_env());
  CHECK(target.origin == Origin::kEnvironmentFile);
  CHECK(target.dsn == "postgresql://ci/db");
  CHECK(target.describe() == "elsewhere/ci.yaml");
}

TEST_CASE("an environment flag together with CONFITURE_DATABASE_URL is ambiguous",
          "[config][source]") {
  ProjectDir project;
  project.write_env("prod", "database_url: postgresql://prod/db\n");
  const auto env = fake_env({{"CONFITURE_DATABASE_URL", "postgresql://c/db"}});
  for (bool writes : {false, true}) {
    Selection by_name{project.path(), "prod", std::nullopt, std::nullopt};
    const Error e = error_of([&] { resolve(by_name, writes, env); });
    CHECK(e.code == codes::kConfigAmbiguousSource);
    CHECK(e.exit_class == confiture::ExitClass::kConfig);
    CHECK_THAT(std::string(e.what()), !Catch::Contains("postgresql://"));

    Selection by_file{project.path(), std::nullopt, project.path() / "db/environments/prod.yaml",
                      std::nullopt};
    CHECK(error_of([&] { resolve(by_file, writes, env); }).code == codes::kConfigAmbiguousSource);
  }
}

TEST_CASE("CONFITURE_DATABASE_URL comes before local.yaml and DATABASE_URL", "[config][source]") {
  ProjectDir project;
  project.write_env("local", "database_url: postgresql://local/db\n");
  const auto env = fake_env(
      {{"CONFITURE_DATABASE_URL", "postgresql://c/db"}, {"DATABASE_URL", "postgresql://d/db"}});
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Environment selected = select_environment(selection, env);
  CHECK(selected.name == "local");  // its build settings still apply
  const Target target = resolve_target(selection, selected, true, env);
  CHECK(target.origin == Origin::kConfitureDatabaseUrl);
  CHECK(target.dsn == "postgresql://c/db");
  CHECK(target.describe() == "CONFITURE_DATABASE_URL");
}

TEST_CASE("local.yaml is the default environment, before DATABASE_URL", "[config][source]") {
  ProjectDir project;
  project.write_env("local", "database_url: postgresql://local/db\n");
  const auto env = fake_env({{"DATABASE_URL", "postgresql://d/db"}});
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Target target = resolve(selection, true, env);
  CHECK(target.origin == Origin::kDefaultEnvironment);
  CHECK(target.dsn == "postgresql://local/db");
  CHECK(target.describe() == "db/environments/local.yaml");
}

TEST_CASE("DATABASE_URL serves read-only commands", "[config][source]") {
  ProjectDir project;
  const auto env = fake_env({{"DATABASE_URL", "postgresql://d/db"}});
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Environment selected = select_environment(selection, env);
  CHECK(selected.file.empty());
  const Target target = resolve_target(selection, selected, false, env);
  CHECK(target.origin == Origin::kDatabaseUrl);
  CHECK(target.dsn == "postgresql://d/db");
  CHECK(target.describe() == "DATABASE_URL");
}

TEST_CASE("DATABASE_URL alone is refused for writes", "[config][source]") {
  ProjectDir project;
  const auto env = fake_env({{"DATABASE_URL", "postgresql://u:hunter2@d/db"}});
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Error e = error_of([&] { resolve(selection, true, env); });
  CHECK(e.code == codes::kConfigUnsafeSource);
  CHECK(e.exit_class == confiture::ExitClass::kConfig);
  CHECK_THAT(e.hint, Catch::Contains("--database-url"));
  CHECK_THAT(std::string(e.what()), !Catch::Contains("hunter2"));
}

TEST_CASE("no source at all is an error with a hint", "[config][source]") {
  ProjectDir project;
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  for (bool writes : {false, true}) {
    const Error e = error_of([&] { resolve(selection, writes, fake_env()); });
    CHECK(e.code == codes::kConfigNoSource);
    CHECK(e.exit_class == confiture::ExitClass::kConfig);
    CHECK_THAT(e.hint, Catch::Contains("confiture init"));
    CHECK_THAT(e.hint, Catch::Contains("--env"));
  }
}

TEST_CASE("empty variables count as unset", "[config][source]") {
  ProjectDir project;
  project.write_env("prod", "database_url: postgresql://prod/db\n");
  const auto env = fake_env({{"CONFITURE_DATABASE_URL", ""}, {"DATABASE_URL", ""}});
  Selection named{project.path(), "prod", std::nullopt, std::nullopt};
  CHECK(resolve(named, true, env).origin == Origin::kEnvironmentFile);
  Selection bare{project.path(), std::nullopt, std::nullopt, std::nullopt};
  CHECK(error_of([&] { resolve(bare, false, env); }).code == codes::kConfigNoSource);
}

TEST_CASE("an environment without a database is a missing field naming the file",
          "[config][source]") {
  ProjectDir project;
  project.write_env("local", "include_dirs: [db/schema]\n");
  project.write_env("prod", "protected: true\n");
  const auto env = fake_env({{"DATABASE_URL", "postgresql://d/db"}});
  Selection implicit{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Error e = error_of([&] { resolve(implicit, false, env); });
  CHECK(e.code == codes::kConfigMissingField);
  CHECK_THAT(std::string(e.what()), Catch::Contains("db/environments/local.yaml"));
  Selection named{project.path(), "prod", std::nullopt, std::nullopt};
  CHECK_THAT(std::string(error_of([&] { resolve(named, false, env); }).what()),
             Catch::Contains("db/environments/prod.yaml"));
}

TEST_CASE("the database mapping becomes a key=value DSN", "[config][source]") {
  ProjectDir project;
  project.write_env("local", "database: {host: localhost, port: 5433, database: app}\n");
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Target target = resolve(selection, true, fake_env());
  CHECK(target.origin == Origin::kDefaultEnvironment);
  CHECK(target.dsn == "host='localhost' port='5433' dbname='app'");
  CHECK_FALSE(target.embedded_database);
}

TEST_CASE("an embedded environment has no DSN but names its database", "[config][source]") {
  ProjectDir project;
  project.write_env("local", "database: {embedded: true, database: myapp_local}\n");
  Selection selection{project.path(), "local", std::nullopt, std::nullopt};
  const Target target = resolve(selection, true, fake_env());
  CHECK(target.origin == Origin::kEnvironmentFile);
  CHECK(target.dsn.empty());
  REQUIRE(target.embedded_database);
  CHECK(*target.embedded_database == "myapp_local");
}

TEST_CASE("select_environment falls back to the built-in default", "[config][source]") {
  ProjectDir project;
  Selection selection{project.path(), std::nullopt, std::nullopt, std::nullopt};
  const Environment selected = select_environment(selection, fake_env());
  CHECK(selected.name == "local");
  CHECK(selected.file.empty());
}

TEST_CASE("the --env flag naming a missing environment is an error", "[config][source]") {
  ProjectDir project;
  Selection selection{project.path(), "nope", std::nullopt, std::nullopt};
  CHECK(error_of([&] { select_environment(selection, fake_env()); }).code ==
        codes::kConfigEnvNotFound);
}

TEST_CASE("an empty --database-url is refused", "[config][source]") {
  ProjectDir project;
  Selection selection{project.path(), std::nullopt, std::nullopt, std::string()};
  CHECK(error_of([&] { resolve(selection, false, fake_env()); }).code ==
        codes::kConfigInvalidValue);
}
