// One golden case of tests/cases/ loaded for a test, shared by the golden-case and statement-lock
// tests: `from.sql` and `to.sql` each in a fresh database, their catalogs, and the renames to.sql
// declares. A ctest `golden: <case>` names its case in $CONFITURE_GOLDEN_CASE.
#pragma once

#include <filesystem>
#include <memory>
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

// The `to` side of a case: tests only read it, so the test cases of one process share it.
struct GoldenTarget {
  explicit GoldenTarget(const std::string& case_name);

  TestDatabase db;
  std::string sql;  // to.sql
  catalog::Catalog catalog;
  diff::Options options;  // the renames to.sql declares
};

struct GoldenCase {
  // Runs roles.sql on the test server (once per process), then loads `from` into a new database
  // and `to` into another, unless the case loaded before this one was the same.
  explicit GoldenCase(const std::string& case_name);

  std::string name;
  std::filesystem::path dir;
  TestDatabase from_db;
  catalog::Catalog from;
  std::shared_ptr<const GoldenTarget> to;
};

}  // namespace confiture::test
