// Regression: a tracking_table that an environment file accepts is the ledger every migrate
// command uses, and one it refuses is refused by the ledger too (both read it with one rule).
#include <catch2/catch.hpp>
#include <string>

#include "confiture/config/environment.hpp"
#include "confiture/migrate/ledger.hpp"
#include "confiture/report/error.hpp"
#include "project_files.hpp"

using confiture::test::ProjectDir;

namespace {

confiture::config::Environment load(const std::string& tracking_table) {
  ProjectDir project;
  project.write_env("test",
                    "database_url: postgresql://localhost/app\nmigration:\n"
                    "  tracking_table: '" +
                        tracking_table + "'\n");
  return confiture::config::load_environment(
      project.path(), "test", [](const std::string&) -> std::optional<std::string> { return {}; });
}

}  // namespace

TEST_CASE("quoted_tracking_table_loads_and_migrates") {
  const auto env = load(R"("Ops"."Led ger")");
  const auto table = confiture::migrate::parse_table_name(env.migration.tracking_table);
  CHECK(table.schema == "Ops");
  CHECK(table.name == "Led ger");
  CHECK(table.quoted() == R"("Ops"."Led ger")");

  for (const std::string value : {R"("MyLedger")", R"(ops."tb""x")", "Audit.Log2", "tb"}) {
    INFO(value);
    CHECK_NOTHROW(confiture::migrate::parse_table_name(load(value).migration.tracking_table));
  }
  for (const std::string value : {"a b", R"(a."b"c)", "1x", "a.b.c"}) {
    INFO(value);
    CHECK_THROWS_AS(load(value), confiture::Error);
    CHECK_THROWS_AS(confiture::migrate::parse_table_name(value), confiture::Error);
  }
}
