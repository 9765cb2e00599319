// Confiture's own tables describe each database (its ledger, build record, protection mark, lock
// holder, split-migration progress), not its data: a sync leaves the target's copies as they are.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "confiture/sync/plan.hpp"
#include "sync_fixture.hpp"

using namespace confiture;

TEST_CASE(
    "sync leaves the target's own tables untouched: ledger, build record, protection mark, lock "
    "holder and confiture_migration_parts are neither emptied nor copied") {
  test::SyncFixture f;
  // Named here, not taken from pg::kOwnTables: dropping one from that list must fail this test.
  const std::vector<std::string> own{"tb_confiture", "tb_confiture_build", "confiture_protection",
                                     "confiture_lock_holder", "confiture_migration_parts"};
  f.both("CREATE TABLE items (id int PRIMARY KEY, name text);");
  f.source_conn.exec("INSERT INTO items VALUES (1, 'copied')");
  for (const std::string& table : own) {
    f.both("CREATE TABLE " + table + " (id int PRIMARY KEY, side text)");
    f.source_conn.exec("INSERT INTO " + table + " VALUES (1, 'source')");
    f.target_conn.exec("INSERT INTO " + table + " VALUES (1, 'target'), (2, 'target')");
  }
  f.options.plan.never_copy = sync::never_copied_tables({"tb_confiture"});

  sync::SyncReport report = f.run();
  CHECK(report.tables.size() == 1);  // items only
  CHECK(f.target_scalar("SELECT name FROM items") == "copied");
  for (const std::string& table : own) {
    INFO(table);
    CHECK(f.target_scalar("SELECT count(*) FROM " + table + " WHERE side = 'target'") == "2");
    CHECK(f.target_scalar("SELECT count(*) FROM " + table) == "2");
  }
}
