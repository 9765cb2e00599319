// One golden case of tests/cases/ loaded for a test, shared by the golden-case and statement-lock
// tests: `from.sql` and `to.sql` each in a fresh database, their catalogs, and the renames to.sql
// declares. A ctest `golden: <case>` names its case in $CONFITURE_GOLDEN_CASE.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "test_database.hpp"

namespace confiture::test {

std::filesystem::path golden_cases_dir();

// Every case directory's name, sorted.
std::vector<std::string> golden_case_names();

// The cases a run covers: the one $CONFITURE_GOLDEN_CASE names (the ctest of that case), else
// every case (the test binary run by hand).
std::vector<std::string> selected_golden_cases();

std::string read_text(const std::filesystem::path& path);

struct GoldenCase {
  // Runs roles.sql on the test server (once per process), then loads both sides.
  explicit GoldenCase(const std::string& case_name);

  std::string name;
  std::filesystem::path dir;
  TestDatabase from_db;
  TestDatabase to_db;
  std::string to_sql;
  catalog::Catalog from;
  catalog::Catalog to;
  diff::Options options;  // the declared renames
};

}  // namespace confiture::test
