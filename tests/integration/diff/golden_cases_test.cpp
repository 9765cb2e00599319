// The golden cases of tests/cases/ (invariants 1-4 of its README): for each <case>/{from.sql,
// to.sql}, the plan must print as expected.sql with the hazards of hazards.txt, applying it to
// `from` must leave nothing to diff against `to`, and then pg_dump --schema-only of both must
// match. One ctest per case (`golden: <case>`); CONFITURE_RECORD_GOLDEN=1 writes expected.sql and
// hazards.txt instead of comparing (review the changes before committing them).
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "confiture/diff/verify.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/embedded_server.hpp"
#include "golden_case.hpp"

using namespace confiture;
namespace fs = std::filesystem;

namespace {

std::string hazard_lines(const diff::Plan& plan) {
  std::string out;
  for (diff::Hazard hazard : plan.hazards()) out += std::string(diff::hazard_id(hazard)) + "\n";
  return out;
}

// The pg_dump of the test server's own PostgreSQL, as the conformance script compares it: the
// lines of `pg_dump --schema-only --no-owner`, sorted (a column added by ALTER TABLE lands last,
// whatever its place in to.sql), without comments, SET lines and the random \restrict key of
// pg_dump 15.14+.
std::string schema_dump(const std::string& dsn) {
  static const std::string pg_dump =
      (fs::path(pg::EmbeddedServer(CONFITURE_TEST_SERVER_DIR).status().bin_dir) / "pg_dump")
          .string();
  const std::string command = "'" + pg_dump + "' --schema-only --no-owner '" + dsn + "'";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string text;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
  INFO(command);
  REQUIRE(pclose(pipe) == 0);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.rfind("--", 0) == 0 || line.rfind("SET ", 0) == 0 ||
        line.rfind("SELECT pg_catalog.set_config", 0) == 0 || line.rfind('\\', 0) == 0) {
      continue;
    }
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// ALTER TABLE ... INHERIT keeps the child's own declaration of the shared columns (attislocal),
// which pg_dump shows; tests/cases/README.md explains why the plan leaves it.
bool dump_differs_by_design(const std::string& name) {
  return name == "table-inherits-add-inherited-columns";
}

}  // namespace

TEST_CASE("golden cases: expected plan, expected hazards, an empty re-diff, equal pg_dumps",
          "[.golden]") {
  const bool record = std::getenv("CONFITURE_RECORD_GOLDEN") != nullptr;
  for (const std::string& name : test::selected_golden_cases()) {
    INFO("case " << name);
    const test::GoldenCase c(name);
    const diff::Plan plan = diff::plan_changes(c.from, c.to->catalog, c.to->options);
    const std::string printed = diff::to_sql(plan);
    if (record) {
      std::ofstream(c.dir / "expected.sql", std::ios::binary) << printed;
      std::ofstream(c.dir / "hazards.txt", std::ios::binary) << hazard_lines(plan);
    } else {
      CHECK(printed == test::read_text(c.dir / "expected.sql"));
      CHECK(hazard_lines(plan) == test::read_text(c.dir / "hazards.txt"));
    }
    try {
      pg::Connection conn(c.from_db.dsn());
      diff::apply_plan(conn, plan);
      const diff::Plan left = diff::plan_changes(catalog::read_catalog(conn), c.to->catalog);
      CHECK(diff::to_sql(left) == "");
    } catch (const std::exception& e) {
      FAIL_CHECK(name << ": the plan does not apply: " << e.what());
      continue;
    }
    if (!dump_differs_by_design(name)) {
      CHECK(schema_dump(c.from_db.dsn()) == schema_dump(c.to->db.dsn()));
    }
  }
}

// What the per-case tests cannot see: that the cases are there, and their plans not empty.
TEST_CASE("golden cases: at least 150 cases, whose plans hold more than 500 statements") {
  const std::vector<std::string> names = test::golden_case_names();
  CHECK(names.size() >= 150);
  std::size_t statements = 0;
  for (const std::string& name : names) {
    // A paragraph of expected.sql with a line that is not a comment, SET or RESET.
    std::istringstream in(test::read_text(test::golden_cases_dir() / name / "expected.sql"));
    bool statement = false;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) {
        statements += statement ? 1 : 0;
        statement = false;
      } else if (line.rfind("--", 0) != 0 && line.rfind("SET ", 0) != 0 &&
                 line.rfind("RESET ", 0) != 0) {
        statement = true;
      }
    }
    statements += statement ? 1 : 0;
  }
  CHECK(statements > 500);
}
