// Listing db/migrations/: versions and names, what is ignored, and each kind of bad file as its
// MIGR_ error; checksums and reading a migration's text.
#include "confiture/migrate/migration_files.hpp"

#include <catch2/catch.hpp>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "project_files.hpp"

using namespace confiture;
using confiture::test::ProjectDir;
using migrate::find_migrations;

namespace {

std::vector<std::string> shown(const std::vector<migrate::MigrationFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.up_display);
  return out;
}

// The Error find_migrations throws for the project's db/migrations; fails the test otherwise.
Error error_of(const ProjectDir& project) {
  try {
    find_migrations(project.path() / "db/migrations", project.path());
  } catch (const Error& e) {
    return e;
  }
  FAIL("find_migrations did not throw");
  throw std::logic_error("unreachable");
}

std::vector<std::string> files_in(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.details["files"]) out.push_back(f.get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("migration files: sorted by version as strings, legacy numbers first") {
  ProjectDir project;
  project.write("db/migrations/20260101120000_add_orders.up.sql", "");
  project.write("db/migrations/002_add_email.up.sql", "");
  project.write("db/migrations/001_create_users.up.sql", "");
  project.write("db/migrations/001_create_users.down.sql", "");
  project.write("db/migrations/20251231235959_last_year.up.sql", "");
  auto files = find_migrations(project.path() / "db/migrations", project.path());
  CHECK(shown(files) == std::vector<std::string>{"db/migrations/001_create_users.up.sql",
                                                 "db/migrations/002_add_email.up.sql",
                                                 "db/migrations/20251231235959_last_year.up.sql",
                                                 "db/migrations/20260101120000_add_orders.up.sql"});
  REQUIRE(files.size() == 4);
  CHECK(files[0].version == "001");
  CHECK(files[0].name == "create_users");
  CHECK(files[0].up == project.path() / "db/migrations/001_create_users.up.sql");
  CHECK(files[0].up.is_absolute());
  REQUIRE(files[0].down);
  CHECK(*files[0].down == project.path() / "db/migrations/001_create_users.down.sql");
  CHECK(files[0].down_display == "db/migrations/001_create_users.down.sql");
  CHECK_FALSE(files[1].down);
  CHECK_FALSE(files[1].down_display);
  CHECK(files[3].version == "20260101120000");
  CHECK(files[3].name == "add_orders");
}

TEST_CASE("migration files: a name keeps everything after the first underscore") {
  ProjectDir project;
  project.write("db/migrations/003_add_user_index.up.sql", "");
  auto files = find_migrations(project.path() / "db/migrations", project.path());
  REQUIRE(files.size() == 1);
  CHECK(files[0].version == "003");
  CHECK(files[0].name == "add_user_index");
}

TEST_CASE("migration files: non-migration files, hidden files and subdirectories are ignored") {
  ProjectDir project;
  project.write("db/migrations/001_a.up.sql", "");
  project.write("db/migrations/README.md", "");
  project.write("db/migrations/.gitkeep", "");
  project.write("db/migrations/.002_hidden.up.sql", "");
  project.write("db/migrations/__init__.py", "");
  project.write("db/migrations/_helpers.py", "");
  project.write("db/migrations/001_a.up.sql~", "");
  project.write("db/migrations/archive/000_old.up.sql", "");
  project.write("db/migrations/archive/bad.sql", "");
  project.write("db/migrations/__pycache__/x.pyc", "");
  CHECK(shown(find_migrations(project.path() / "db/migrations", project.path())) ==
        std::vector<std::string>{"db/migrations/001_a.up.sql"});
}

TEST_CASE("migration files: an empty directory has no migrations") {
  ProjectDir project;
  project.write("db/migrations/.gitkeep", "");
  CHECK(find_migrations(project.path() / "db/migrations", project.path()).empty());
}

TEST_CASE("migration files: a missing directory is MIGR_110, exit 5") {
  ProjectDir project;
  auto e = error_of(project);
  CHECK(e.code == codes::kMigrDirNotFound);
  CHECK(e.exit_class == ExitClass::kConfig);
  CHECK_THAT(std::string(e.what()), Catch::Contains("db/migrations"));
  CHECK_THAT(e.hint, Catch::Contains("migrate generate"));
}

TEST_CASE("migration files: Python migrations are MIGR_111 naming every one") {
  ProjectDir project;
  project.write("db/migrations/001_a.py", "");
  project.write("db/migrations/002_b.py", "");
  project.write("db/migrations/003_c.up.sql", "");
  auto e = error_of(project);
  CHECK(e.code == codes::kMigrPythonFile);
  CHECK(e.exit_class == ExitClass::kSchema);
  CHECK(files_in(e) ==
        std::vector<std::string>{"db/migrations/001_a.py", "db/migrations/002_b.py"});
  CHECK_THAT(std::string(e.what()), Catch::Contains("db/migrations/001_a.py: Python migrations"));
  CHECK_THAT(std::string(e.what()), Catch::Contains("convert it to 002_b.up.sql"));
  CHECK_THAT(e.hint, Catch::Contains(".up.sql"));
}

TEST_CASE("migration files: orphan .sql files and bad names are MIGR_112") {
  ProjectDir project;
  project.write("db/migrations/001_a.sql", "");
  project.write("db/migrations/abc_b.up.sql", "");
  project.write("db/migrations/_c.up.sql", "");
  project.write("db/migrations/004.up.sql", "");
  project.write("db/migrations/005_.down.sql", "");
  project.write("db/migrations/006_f.UP.SQL", "");
  project.write("db/migrations/007_g.up.sql", "");
  auto e = error_of(project);
  CHECK(e.code == codes::kMigrOrphanFile);
  CHECK(e.exit_class == ExitClass::kSchema);
  CHECK(files_in(e) ==
        std::vector<std::string>{"db/migrations/001_a.sql", "db/migrations/004.up.sql",
                                 "db/migrations/005_.down.sql", "db/migrations/006_f.UP.SQL",
                                 "db/migrations/_c.up.sql", "db/migrations/abc_b.up.sql"});
  const std::string message = e.what();
  CHECK_THAT(message, Catch::StartsWith("6 problems with migration files:"));
  CHECK_THAT(message, Catch::Contains("db/migrations/001_a.sql: not a migration file"));
  CHECK_THAT(message, Catch::Contains("db/migrations/abc_b.up.sql: the name does not match "
                                      "{version}_{name}.up.sql"));
  CHECK_THAT(e.hint, Catch::Contains("{version}_{name}.up.sql"));
}

TEST_CASE("migration files: a .down.sql without its .up.sql is MIGR_113") {
  ProjectDir project;
  project.write("db/migrations/001_a.up.sql", "");
  project.write("db/migrations/001_b.down.sql", "");
  project.write("db/migrations/002_c.down.sql", "");
  auto e = error_of(project);
  CHECK(e.code == codes::kMigrDownWithoutUp);
  CHECK(e.exit_class == ExitClass::kSchema);
  CHECK(files_in(e) ==
        std::vector<std::string>{"db/migrations/001_b.down.sql", "db/migrations/002_c.down.sql"});
  CHECK_THAT(std::string(e.what()),
             Catch::Contains("db/migrations/001_b.down.sql: no matching .up.sql (version 001 is "
                             "db/migrations/001_a.up.sql)"));
}

TEST_CASE("migration files: two up files with one version are MIGR_106 naming both") {
  ProjectDir project;
  project.write("db/migrations/001_a.up.sql", "");
  project.write("db/migrations/001_b.up.sql", "");
  project.write("db/migrations/002_c.up.sql", "");
  auto e = error_of(project);
  CHECK(e.code == codes::kMigrDuplicateVersion);
  CHECK(e.exit_class == ExitClass::kConnection);
  CHECK(files_in(e) ==
        std::vector<std::string>{"db/migrations/001_a.up.sql", "db/migrations/001_b.up.sql"});
  CHECK(std::string(e.what()) ==
        "db/migrations/001_a.up.sql and db/migrations/001_b.up.sql: both use version 001");
}

TEST_CASE("migration files: several kinds of problems are reported together, highest first") {
  ProjectDir project;
  project.write("db/migrations/001_a.up.sql", "");
  project.write("db/migrations/001_b.up.sql", "");
  project.write("db/migrations/002_c.down.sql", "");
  project.write("db/migrations/003_d.sql", "");
  auto e = error_of(project);
  CHECK(e.code == codes::kMigrOrphanFile);
  CHECK(e.details["files"].size() == 4);
  CHECK(e.details["problems"].size() == 3);
  const std::string message = e.what();
  CHECK_THAT(message, Catch::Contains("both use version 001"));
  CHECK_THAT(message, Catch::Contains("002_c.down.sql: no matching .up.sql"));
  CHECK_THAT(message, Catch::Contains("003_d.sql: not a migration file"));
  CHECK_THAT(e.hint, Catch::Contains("new version"));

  project.write("db/migrations/004_e.py", "");
  CHECK(error_of(project).code == codes::kMigrPythonFile);
}

TEST_CASE("migration files: checksum is lowercase hex SHA-256") {
  CHECK(migrate::checksum_of("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(migrate::checksum_of("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("migration files: read_migration_text returns the bytes or MIGR_102") {
  ProjectDir project;
  const std::string bytes = std::string("CREATE TABLE t ();\r\n\0x", 22);
  auto path = project.write("db/migrations/001_a.up.sql", bytes);
  CHECK(migrate::read_migration_text(path, "db/migrations/001_a.up.sql") == bytes);
  try {
    migrate::read_migration_text(project.path() / "missing.sql", "missing.sql");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code == codes::kMigrUnreadable);
    CHECK(e.exit_class == ExitClass::kConnection);
    CHECK_THAT(std::string(e.what()), Catch::Contains("missing.sql"));
  }
}

TEST_CASE("W5: a migration file name that is not valid UTF-8 is MIGR_131, shown escaped") {
  confiture::test::ProjectDir project;
  project.write("db/migrations/001_ok.up.sql", "SELECT 1;\n");
  project.write(std::string("db/migrations/002_caf") + '\xe9' + ".up.sql", "SELECT 1;\n");
  try {
    confiture::migrate::find_migrations(project.path() / "db/migrations", project.path());
    FAIL("accepted");
  } catch (const confiture::Error& e) {
    CHECK(e.code == confiture::codes::kMigrFileNameNotUtf8);
    CHECK(e.exit_class == confiture::ExitClass::kSchema);
    CHECK(std::string(e.what()).find("002_caf\\xe9.up.sql") != std::string::npos);
  }
}
