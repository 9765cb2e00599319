// migrate up / down against a real server: atomic migrations, non-transactional files, bodies
// left intact, checksums, dry runs, targets, down-to refusals.
#include <catch2/catch.hpp>

#include "confiture/migrate/ledger_maintenance.hpp"
#include "confiture/report/codes.hpp"
#include "migrate_fixture.hpp"

using namespace confiture;
using test::MigrateFixture;

namespace {

std::vector<std::string> versions(const std::vector<migrate::MigrationResult>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) out.push_back(r.version);
  return out;
}

}  // namespace

TEST_CASE("up then down round trip: tables, ledger rows, checksums") {
  MigrateFixture f;
  f.migration("001_users", "CREATE TABLE users (id int PRIMARY KEY);\n", "DROP TABLE users;\n");
  f.migration("002_posts", "CREATE TABLE posts (id int, user_id int REFERENCES users);\n",
              "DROP TABLE posts;\n");
  auto up = f.up();
  CHECK(versions(up.applied) == std::vector<std::string>{"001", "002"});
  CHECK(up.ledger_created);
  CHECK(up.current == "002");
  CHECK(up.pending.empty());
  CHECK(f.exists("posts"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE checksum IS NOT NULL AND "
                 "applied_by = current_user") == 2);

  auto again = f.up();
  CHECK(again.applied.empty());
  CHECK(again.checksums_verified);

  migrate::DownOptions two;
  two.steps = 2;
  auto down = f.down(two);
  CHECK(versions(down.rolled_back) == std::vector<std::string>{"002", "001"});
  CHECK_FALSE(down.current.has_value());
  CHECK_FALSE(f.exists("users"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 0);

  CHECK(f.up().applied.size() == 2);
}

TEST_CASE("a failure halfway through a file leaves no partial DDL and no ledger row") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n");
  f.migration("002_b",
              "CREATE TABLE b (id int);\n"
              "INSERT INTO b VALUES (1);\n"
              "INSERT INTO b VALUES ('not a number');\n");
  f.migration("003_c", "CREATE TABLE c (id int);\n");
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == codes::kMigrFailed);
  CHECK(e.exit_class == ExitClass::kConnection);
  REQUIRE(e.location.has_value());
  CHECK(e.location->file == "db/migrations/002_b.up.sql");
  CHECK(e.location->line == 3);
  CHECK(e.migration == "002_b");
  CHECK(e.details["applied_in_this_run"] == nlohmann::json::array({"001"}));
  CHECK(f.exists("a"));
  CHECK_FALSE(f.exists("b"));
  CHECK_FALSE(f.exists("c"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 1);
}

TEST_CASE("a file with CREATE INDEX CONCURRENTLY runs statement by statement and is recorded") {
  MigrateFixture f;
  f.migration("001_t", "CREATE TABLE t (id int, email text);\n");
  f.migration("002_idx",
              "ALTER TABLE t ADD COLUMN name text;\n"
              "CREATE INDEX CONCURRENTLY idx_t_email ON t (email);\n");
  auto up = f.up();
  REQUIRE(up.applied.size() == 2);
  CHECK_FALSE(up.applied[1].transactional);
  CHECK(f.scalar("SELECT count(*) FROM pg_index WHERE indexrelid = 'idx_t_email'::regclass AND "
                 "indisvalid") == 1);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 1);
}

TEST_CASE("a failed CREATE INDEX CONCURRENTLY: its invalid index is dropped, nothing recorded") {
  MigrateFixture f;
  f.migration("001_t", "CREATE TABLE d (v int); INSERT INTO d VALUES (1), (1);\n");
  f.migration("002_idx",
              "CREATE TABLE d_log (id int);\n"
              "CREATE UNIQUE INDEX CONCURRENTLY idx_d_v ON d (v);\n");
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == codes::kMigrPartiallyApplied);
  CHECK(e.details["statements_committed"].size() == 1);
  CHECK(e.details["invalid_indexes_dropped"] == nlohmann::json::array({"public.idx_d_v"}));
  CHECK(std::string(e.hint).find("1 statement(s) before this one committed") != std::string::npos);
  CHECK_FALSE(f.exists("idx_d_v"));
  CHECK(f.exists("d_log"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 0);
}

TEST_CASE("DO blocks and procedure bodies with COMMIT are sent intact") {
  MigrateFixture f;
  f.migration("001_bodies",
              "CREATE TABLE log (msg text);\n"
              "DO $$ BEGIN INSERT INTO log VALUES ('from do; COMMIT; inside'); END $$;\n"
              "CREATE PROCEDURE flush() LANGUAGE plpgsql AS $$\n"
              "BEGIN\n  INSERT INTO log VALUES ('p');\n  COMMIT;\nEND $$;\n");
  f.up();
  CHECK(f.scalar("SELECT count(*) FROM log WHERE msg = 'from do; COMMIT; inside'") == 1);
  CHECK(f.exists("log"));
  CHECK(f.scalar("SELECT count(*) FROM pg_proc WHERE proname = 'flush'") == 1);
}

TEST_CASE("a COMMIT in the middle of a file stops the run before anything is applied") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n");
  f.migration("002_b", "CREATE TABLE b (id int);\nCOMMIT;\nCREATE TABLE c (id int);\n");
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == codes::kMigrTransactionControl);
  CHECK(e.location->line == 2);
  CHECK_FALSE(f.exists("a"));
  CHECK_FALSE(f.exists("tb_confiture"));
}

TEST_CASE("checksum drift fails up unless told to warn, verify --fix records the new one") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n");
  f.up();
  f.migration("001_a", "CREATE TABLE a (id int); -- edited after it was applied\n");
  f.migration("002_b", "CREATE TABLE b (id int);\n");
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == codes::kMigrChecksumMismatch);
  CHECK(e.exit_class == ExitClass::kFailure);
  CHECK(std::string(e.what()).find("db/migrations/001_a.up.sql") != std::string::npos);
  CHECK_FALSE(f.exists("b"));

  migrate::UpOptions warn;
  warn.on_checksum_mismatch = migrate::ChecksumPolicy::kWarn;
  auto up = f.up(warn);
  CHECK(up.applied.size() == 1);
  CHECK_FALSE(up.checksums_verified);
  REQUIRE_FALSE(up.warnings.empty());

  auto check = migrate::verify(f.open(), /*fix=*/false, {}, f.lookup());
  CHECK(check.exit_code() == 1);
  CHECK(check.check.mismatches.size() == 1);
  auto fixed = migrate::verify(f.open(), /*fix=*/true, {}, f.lookup());
  CHECK(fixed.exit_code() == 0);
  CHECK(migrate::verify(f.open(), false, {}, f.lookup()).check.mismatches.empty());
  CHECK(f.up().checksums_verified);
}

TEST_CASE("dry-run lists statements and changes nothing, not even the ledger") {
  MigrateFixture f;
  f.migration("001_users", "CREATE TABLE users (id int);\nCREATE INDEX users_id ON users (id);\n");
  f.migration("002_idx", "CREATE INDEX CONCURRENTLY users_id2 ON users (id);\n");
  migrate::UpOptions options;
  options.dry_run = true;
  auto plan = f.up(options);
  REQUIRE(plan.applied.size() == 2);
  CHECK(plan.applied[0].transactional);
  REQUIRE(plan.applied[0].statements.size() == 2);
  CHECK(plan.applied[0].statements[0].summary == "CREATE TABLE users");
  CHECK(plan.applied[0].statements[1].line == 2);
  CHECK_FALSE(plan.applied[1].transactional);
  CHECK(plan.applied[1].statements[0].summary == "CREATE INDEX CONCURRENTLY users_id2");
  CHECK_FALSE(f.exists("tb_confiture"));
  CHECK_FALSE(f.exists("users"));
}

TEST_CASE("dry-run-execute runs everything, rolls it all back, ledger included") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int PRIMARY KEY);\n");
  f.migration("002_b", "CREATE TABLE b (id int REFERENCES a (id));\n");
  f.migration("003_idx", "CREATE INDEX CONCURRENTLY a_id ON a (id);\n");
  migrate::UpOptions options;
  options.dry_run_execute = true;
  auto report = f.up(options);
  CHECK(versions(report.applied) == std::vector<std::string>{"001", "002"});
  CHECK(versions(report.skipped) == std::vector<std::string>{"003"});
  CHECK_FALSE(f.exists("tb_confiture"));
  CHECK_FALSE(f.exists("a"));

  f.up(migrate::UpOptions{});  // the real thing: ledger now exists with three rows
  f.migration("004_bad", "CREATE TABLE c (id int);\nSELECT nope FROM c;\n");
  Error e = f.error_of([&] { f.up(options); });
  CHECK(e.code == codes::kMigrFailed);
  CHECK(e.location->file == "db/migrations/004_bad.up.sql");
  CHECK(e.location->line == 2);
  CHECK_FALSE(f.exists("c"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 3);
}

TEST_CASE("target stops at a version, an unknown target is refused") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n");
  f.migration("002_b", "CREATE TABLE b (id int);\n");
  f.migration("003_c", "CREATE TABLE c (id int);\n");
  migrate::UpOptions options;
  options.target = "002";
  auto report = f.up(options);
  CHECK(versions(report.applied) == std::vector<std::string>{"001", "002"});
  CHECK(report.pending == std::vector<std::string>{"003"});
  // A std::string, not a literal: GCC 12 -O2 reports a false -Wrestrict on string::assign(const
  // char*) through optional::operator= (GCC bug 105329).
  options.target = std::string("2");
  CHECK(f.error_of([&] { f.up(options); }).code == codes::kMigrVersionNotFound);
}

TEST_CASE("down-to with a missing .down.sql refuses with exit 8 and runs nothing") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
  f.migration("002_b", "CREATE TABLE b (id int);\n");
  f.migration("003_c", "CREATE TABLE c (id int);\n", "DROP TABLE c;\n");
  f.up();
  migrate::DownOptions to;
  to.to = "001";
  Error e = f.error_of([&] { f.down(to); });
  CHECK(e.code == codes::kRollbackMissingDown);
  CHECK(e.exit_class == ExitClass::kRollback);
  CHECK(std::string(e.what()).find("002_b.down.sql") != std::string::npos);
  CHECK(f.exists("c"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 3);

  f.migration("002_b", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
  auto down = f.down(to);
  CHECK(versions(down.rolled_back) == std::vector<std::string>{"003", "002"});
  CHECK(down.current == "001");
  to.to = "999";
  CHECK(f.error_of([&] { f.down(to); }).code == codes::kMigrVersionNotFound);
}

TEST_CASE("a failing .down.sql keeps the migration and its ledger row") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n", "DROP TABLE a;\nDROP TABLE nope;\n");
  f.up();
  Error e = f.error_of([&] { f.down(); });
  CHECK(e.code == codes::kMigrFailed);
  CHECK(e.location->file == "db/migrations/001_a.down.sql");
  CHECK(f.exists("a"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 1);
}

TEST_CASE("a custom, schema-qualified tracking table is used by every command") {
  MigrateFixture f;
  f.use_env_file = true;
  f.vars["TEST_DSN"] = f.db.dsn();
  f.project.write_env(
      "local", "database_url: ${TEST_DSN}\nmigration:\n  tracking_table: audit.schema_log\n");
  f.migration("001_a", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
  f.migration("002_b", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
  auto up = f.up();
  CHECK(up.table == "audit.schema_log");
  CHECK(f.scalar("SELECT count(*) FROM audit.schema_log") == 2);
  CHECK_FALSE(f.exists("public.tb_confiture"));
  CHECK(f.down().rolled_back.size() == 1);
  CHECK(f.scalar("SELECT count(*) FROM audit.schema_log") == 1);
  CHECK(migrate::verify(f.open(), false, {}, f.lookup()).exit_code() == 0);
}
