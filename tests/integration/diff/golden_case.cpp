// GoldenCase: the case directories of tests/cases/ and loading one of them into two databases.
#include "golden_case.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "confiture/pg/connection.hpp"

namespace confiture::test {
namespace fs = std::filesystem;
namespace {

catalog::Catalog load(const std::string& dsn, const std::string& ddl) {
  pg::Connection conn(dsn);
  if (!ddl.empty()) conn.exec(ddl);
  return catalog::read_catalog(conn);
}

// `name`, once roles.sql has run on the test server: it creates the cluster-wide roles the cases
// grant to, once per process (running it again is safe).
const std::string& after_roles(const std::string& name) {
  static const bool once = [] {
    pg::Connection admin(test_server_admin_dsn());
    admin.exec(read_text(golden_cases_dir() / "roles.sql"));
    return true;
  }();
  (void)once;
  return name;
}

}  // namespace

fs::path golden_cases_dir() { return fs::path(CONFITURE_SOURCE_DIR) / "tests" / "cases"; }

std::vector<std::string> golden_case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(golden_cases_dir())) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> selected_golden_cases() {
  const char* one = std::getenv("CONFITURE_GOLDEN_CASE");
  if (one == nullptr || *one == '\0') return golden_case_names();
  if (!fs::is_regular_file(golden_cases_dir() / one / "to.sql")) {
    throw std::runtime_error(std::string("CONFITURE_GOLDEN_CASE: no case tests/cases/") + one);
  }
  return {one};
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

GoldenTarget::GoldenTarget(const std::string& case_name)
    : sql(read_text(golden_cases_dir() / case_name / "to.sql")), catalog(load(db.dsn(), sql)) {
  diff::add_declared_renames(options.renames, sql, case_name + "/to.sql");
}

namespace {

// The target of the case loaded last (a ctest runs one case in two test cases).
std::shared_ptr<const GoldenTarget> target_of(const std::string& name) {
  static std::string last_name;
  static std::shared_ptr<const GoldenTarget> last;
  if (!last || last_name != name) {
    last.reset();  // its database goes before the next one is made
    last = std::make_shared<const GoldenTarget>(name);
    last_name = name;
  }
  return last;
}

}  // namespace

GoldenCase::GoldenCase(const std::string& case_name)
    : name(after_roles(case_name)),
      dir(golden_cases_dir() / case_name),
      from(load(from_db.dsn(), read_text(dir / "from.sql"))),
      to(target_of(case_name)) {}

}  // namespace confiture::test
