// The golden cases of tests/cases/: for each <case>/{from.sql,to.sql}, the plan must print as
// expected.sql with the hazards of hazards.txt, and applying it to `from` must leave nothing to
// diff against `to`. CONFITURE_RECORD_GOLDEN=1 writes expected.sql and hazards.txt instead of
// comparing (review the changes before committing them).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "confiture/build/schema_source.hpp"
#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/verify.hpp"
#include "confiture/pg/connection.hpp"
#include "test_database.hpp"

using namespace confiture;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

catalog::Catalog load(const std::string& dsn, const std::string& ddl) {
  pg::Connection conn(dsn);
  if (!ddl.empty()) conn.exec(ddl);
  return catalog::read_catalog(conn);
}

std::string hazard_lines(const diff::Plan& plan) {
  std::string out;
  for (diff::Hazard hazard : plan.hazards()) out += std::string(diff::hazard_id(hazard)) + "\n";
  return out;
}

}  // namespace

TEST_CASE("golden cases: expected plan, expected hazards, and an empty re-diff") {
  const fs::path cases = fs::path(CONFITURE_SOURCE_DIR) / "tests" / "cases";
  const bool record = std::getenv("CONFITURE_RECORD_GOLDEN") != nullptr;
  {
    pg::Connection admin(test::test_server_admin_dsn());
    admin.exec(read(cases / "roles.sql"));
  }
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(cases)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  REQUIRE(dirs.size() >= 150);
  for (const fs::path& dir : dirs) {
    const std::string name = dir.filename().string();
    INFO("case " << name);
    test::TestDatabase from_db;
    test::TestDatabase to_db;
    const std::string to_sql = read(dir / "to.sql");
    const catalog::Catalog from = load(from_db.dsn(), read(dir / "from.sql"));
    const catalog::Catalog to = load(to_db.dsn(), to_sql);
    diff::Options options;
    diff::add_declared_renames(options.renames, to_sql, name + "/to.sql");
    const diff::Plan plan = diff::plan_changes(from, to, options);
    const std::string printed = diff::to_sql(plan);
    if (record) {
      write(dir / "expected.sql", printed);
      write(dir / "hazards.txt", hazard_lines(plan));
    } else {
      CHECK(printed == read(dir / "expected.sql"));
      CHECK(hazard_lines(plan) == read(dir / "hazards.txt"));
    }
    try {
      pg::Connection conn(from_db.dsn());
      diff::apply_plan(conn, plan);
      const diff::Plan left = diff::plan_changes(catalog::read_catalog(conn), to);
      CHECK(diff::to_sql(left) == "");
    } catch (const std::exception& e) {
      FAIL_CHECK(name << ": the plan does not apply: " << e.what());
    }
  }
}
