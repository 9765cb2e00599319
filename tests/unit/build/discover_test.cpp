// build::discover and build::concatenate: which schema files a build reads and in what order,
// seed directories, the schema hash the Python tool computes, and symlink loops and dangling links.
#include "confiture/build/discover.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "confiture/build/schema_source.hpp"
#include "confiture/report/error.hpp"
#include "project_files.hpp"

using namespace confiture;
using confiture::test::ProjectDir;

namespace {

config::IncludeDir dir(const std::string& path, int order = 0) {
  config::IncludeDir d;
  d.path = path;
  d.order = order;
  return d;
}

std::vector<std::string> displayed(const std::vector<build::SourceFile>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(f.display);
  return out;
}

// The files, for a tree that gives no warning.
std::vector<build::SourceFile> discovered(const config::Environment& env) {
  std::vector<std::string> warnings;
  auto files = build::discover(env, warnings);
  CHECK(warnings.empty());
  return files;
}

}  // namespace

TEST_CASE("discover: nested numbered directories sort by path component") {
  ProjectDir project;
  project.write("db/schema/10_tables/02_orders.sql", "");
  project.write("db/schema/10_tables/01_core/users.sql", "");
  project.write("db/schema/00_common/schemas.sql", "");
  project.write("db/schema/10_tables-extra.sql", "");
  project.write("db/schema/notes.txt", "");
  auto env = project.environment();
  CHECK(displayed(discovered(env)) ==
        std::vector<std::string>{
            "db/schema/00_common/schemas.sql", "db/schema/10_tables/01_core/users.sql",
            "db/schema/10_tables/02_orders.sql", "db/schema/10_tables-extra.sql"});
}

TEST_CASE("discover: include dirs are taken by order, then as listed, a file is built once") {
  ProjectDir project;
  project.write("db/schema/a.sql", "");
  project.write("db/seeds/s.sql", "");
  project.write("db/late/z.sql", "");
  auto env = project.environment();
  env.include_dirs = {dir("db/late", 30), dir("db/seeds", 20), dir("db/schema", 10), dir("db", 40)};
  CHECK(displayed(discovered(env)) ==
        std::vector<std::string>{"db/schema/a.sql", "db/seeds/s.sql", "db/late/z.sql"});
}

TEST_CASE("discover: exclude globs, exclude_dirs and non-recursive dirs") {
  ProjectDir project;
  project.write("db/schema/a.sql", "");
  project.write("db/schema/big_data.sql", "");
  project.write("db/schema/sub/big_other.sql", "");
  project.write("db/schema/sub/b.sql", "");
  project.write("db/schema/skip/c.sql", "");
  auto env = project.environment();
  env.include_dirs = {dir("db/schema")};
  env.include_dirs[0].exclude = {"big_*.sql"};
  env.exclude_dirs = {"db/schema/skip"};
  CHECK(displayed(discovered(env)) ==
        std::vector<std::string>{"db/schema/a.sql", "db/schema/sub/b.sql"});

  env.include_dirs[0].exclude = {};
  env.include_dirs[0].recursive = false;
  env.include_dirs[0].include = {"*.sql"};
  env.exclude_dirs = {};
  CHECK(displayed(discovered(env)) ==
        std::vector<std::string>{"db/schema/a.sql", "db/schema/big_data.sql"});
}

TEST_CASE("discover: hex sort mode orders by the uppercase hex prefix") {
  ProjectDir project;
  project.write("db/schema/0A_ten.sql", "");
  project.write("db/schema/09_nine.sql", "");
  project.write("db/schema/1F_thirty_one.sql", "");
  project.write("db/schema/readme.sql", "");
  auto env = project.environment();
  env.build.sort_mode = config::SortMode::kHex;
  CHECK(displayed(discovered(env)) ==
        std::vector<std::string>{"db/schema/09_nine.sql", "db/schema/0A_ten.sql",
                                 "db/schema/1F_thirty_one.sql", "db/schema/readme.sql"});
}

TEST_CASE("discover: seed directories are recognised like the Python tool does") {
  CHECK(build::is_seed_path("db/seeds/development/users.sql"));
  CHECK(build::is_seed_path("db/schema/30_seed_data/x.sql"));
  CHECK(build::is_seed_path("db/10-seeds/x.sql"));
  CHECK_FALSE(build::is_seed_path("db/schema/seedling/x.sql"));
  CHECK_FALSE(build::is_seed_path("db/schema/proceeds/x.sql"));
  CHECK_FALSE(build::is_seed_path("db/schema/seed_functions.sql"));
}

TEST_CASE("discover: no files at all is a clear error") {
  ProjectDir project;
  project.write("db/schema/readme.md", "");
  auto env = project.environment();
  try {
    discovered(env);
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code == "SCHEMA_205");
    CHECK(e.exit_class == ExitClass::kSchema);
    CHECK(std::string(e.what()).find("db/schema") != std::string::npos);
  }
}

TEST_CASE("schema hash is the Python tool's scheme (fixed fixture, value computed in Python)") {
  config::Environment env;
  env.name = "local";
  env.project_dir =
      std::filesystem::path(CONFITURE_SOURCE_DIR) / "tests/unit/build/fixtures/hash_project";
  env.include_dirs = {dir("db/schema")};
  auto files = build::load_files(discovered(env));
  REQUIRE(files.size() == 4);
  CHECK(build::schema_hash(files) ==
        "f26f85039256918371d8136cf4e220fa349e31f0fadcd749becffaa38776f5e8");
}

TEST_CASE("concatenation: compat header, separators, newline-terminated, deterministic") {
  ProjectDir project;
  project.write("db/schema/a.sql", "SELECT 1;");
  project.write("db/schema/b.sql", "SELECT 2;\n");
  auto env = project.environment();
  auto files = build::load_files(discovered(env));
  std::string hash = build::schema_hash(files);
  std::string out = build::concatenate(files, env, hash).text();
  CHECK(out.rfind("-- ============================================\n-- PostgreSQL Schema for "
                  "Confiture\n",
                  0) == 0);
  CHECK(out.find("-- Schema Hash: " + hash + "\n") != std::string::npos);
  CHECK(out.find("-- Files Included: 2\n") != std::string::npos);
  CHECK(out.find("Generated:") == std::string::npos);
  CHECK(out.find("/* ==========================================\n * File: db/schema/a.sql\n * "
                 "========================================== */\n\nSELECT 1;\n") !=
        std::string::npos);
  CHECK(out == build::concatenate(files, env, hash).text());

  env.build.separator_style = config::SeparatorStyle::kCustom;
  env.build.custom_template = "-- >>> {file_path}";
  out = build::concatenate(files, env, hash).text();
  CHECK(out.find("\n-- >>> db/schema/b.sql\nSELECT 2;\n") != std::string::npos);
}

namespace {
bool has_warning(const std::vector<std::string>& warnings, const std::string& text) {
  return std::any_of(warnings.begin(), warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}
}  // namespace

TEST_CASE("W1: symlink loops under db/schema end, and a file reached twice is built once") {
  ProjectDir project;
  project.write("db/schema/10_tables/t.sql", "");
  project.write("db/schema/20_views/v.sql", "");
  project.write("db/schema/00_a.sql", "");
  const auto schema = project.path() / "db/schema";
  std::filesystem::create_directory_symlink("..", schema / "10_tables/loop");
  std::filesystem::create_directory_symlink("../../schema", schema / "20_views/loop2");
  std::filesystem::create_symlink("00_a.sql", schema / "30_again.sql");
  // Two links to one directory outside: read once, at its first place.
  project.write("db/shared/s.sql", "");
  std::filesystem::create_directory_symlink("../shared", schema / "05_shared");
  std::filesystem::create_directory_symlink("../shared", schema / "40_shared");
  auto env = project.environment();
  std::vector<std::string> warnings;
  CHECK(displayed(build::discover(env, warnings)) ==
        std::vector<std::string>{"db/schema/00_a.sql", "db/schema/05_shared/s.sql",
                                 "db/schema/10_tables/t.sql", "db/schema/20_views/v.sql"});
  CHECK(has_warning(warnings,
                    "db/schema/10_tables/loop: a symbolic link to db/schema, which is already "
                    "read; not read again"));
  CHECK(has_warning(warnings, "db/schema/20_views/loop2: a symbolic link to db/schema"));
  CHECK(has_warning(warnings, "db/schema/40_shared: a symbolic link to db/schema/05_shared"));
}

TEST_CASE("W7: dangling and self-referencing symlinks are warnings naming them") {
  ProjectDir project;
  project.write("db/schema/a.sql", "");
  const auto schema = project.path() / "db/schema";
  std::filesystem::create_symlink("/nonexistent/x.sql", schema / "dangling.sql");
  std::filesystem::create_symlink("self.sql", schema / "self.sql");
  auto env = project.environment();
  std::vector<std::string> warnings;
  CHECK(displayed(build::discover(env, warnings)) == std::vector<std::string>{"db/schema/a.sql"});
  CHECK(has_warning(warnings,
                    "db/schema/dangling.sql: a symbolic link to /nonexistent/x.sql, which does "
                    "not exist; left out of the build"));
  CHECK(has_warning(warnings, "db/schema/self.sql: a symbolic link that leads back to itself"));
}
