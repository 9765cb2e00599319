// Issue 12 regressions of the migrate runner, against a real server: the confirmation of down,
// quoted tracking tables, INVALID indexes, non-UTF-8 names, dry-run sequences, status of
// modified files, server notices, repeated generate names.
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "confiture/migrate/generate.hpp"
#include "confiture/migrate/ledger_maintenance.hpp"
#include "confiture/migrate/status.hpp"
#include "confiture/pg/protection.hpp"
#include "confiture/report/codes.hpp"
#include "migrate_fixture.hpp"

using namespace confiture;
using test::MigrateFixture;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("D3: migrate down asks with the down files' hazards, and refuses without an answer") {
  MigrateFixture f;
  f.migration("001_s", "CREATE TABLE s (id int);\nINSERT INTO s VALUES (1), (2);\n",
              "DROP TABLE s;\n");
  f.migration("002_t", "CREATE TABLE t (id int);\n",
              "ALTER TABLE s DROP COLUMN id;\nDROP TABLE t;\n");
  f.up();

  migrate::DownOptions no_terminal;
  no_terminal.to = "001";
  Error refused = f.error_of([&] { f.down(no_terminal, /*confirmed=*/false); });
  CHECK(refused.code == codes::kSafetyNeedsYes);
  CHECK(refused.exit_class == ExitClass::kSafety);
  CHECK(contains(refused.what(), "db/migrations/002_t.down.sql:2: DROP TABLE t"));
  CHECK(contains(refused.what(), "db/migrations/002_t.down.sql:1: ALTER TABLE"));
  CHECK(f.exists("t"));

  std::string asked;
  migrate::DownOptions answered_no;
  answered_no.confirm = [&](const std::string& question) {
    asked = question;
    return false;
  };
  CHECK(f.error_of([&] { f.down(answered_no, false); }).code == codes::kSafetyNeedsYes);
  CHECK(contains(asked, "This will run:"));
  CHECK(contains(asked, "002_t.down.sql:2: DROP TABLE t"));
  CHECK(f.exists("t"));

  migrate::DownOptions answered_yes;
  answered_yes.confirm = [](const std::string&) { return true; };
  CHECK(f.down(answered_yes, false).rolled_back.size() == 1);
  CHECK_FALSE(f.exists("t"));
}

TEST_CASE("D3: a protected environment needs its name and --yes, its database carries the mark") {
  MigrateFixture f;
  f.vars["TEST_DSN"] = f.db.dsn();
  f.use_env_file = true;
  f.project.write("db/environments/prod.yaml", "database_url: ${TEST_DSN}\nprotected: true\n");
  f.migration("001_s", "CREATE TABLE s (id int);\n", "DROP TABLE s;\n");

  config::Selection named;
  named.project_dir = f.project.path();
  named.env_name = "prod";
  auto project = migrate::open_project(named, f.lookup());
  auto quiet = [](const std::string&) {};
  migrate::migrate_up(project, {}, f.lookup(), quiet);
  auto mark = pg::read_protection_mark(f.conn());
  REQUIRE(mark.has_value());
  CHECK(mark->environment == "prod");

  migrate::DownOptions confirmed_on_terminal;
  confirmed_on_terminal.confirm = [](const std::string&) { return true; };
  Error e =
      f.error_of([&] { migrate::migrate_down(project, confirmed_on_terminal, f.lookup(), quiet); });
  CHECK(e.code == codes::kSafetyProtected);
  CHECK(f.exists("s"));

  // The same database by its DSN, with --yes: the mark refuses it.
  config::Selection by_dsn;
  by_dsn.project_dir = f.project.path();
  by_dsn.database_url = f.db.dsn();
  migrate::DownOptions yes;
  yes.yes = true;
  e = f.error_of([&] {
    migrate::migrate_down(migrate::open_project(by_dsn, f.lookup()), yes, f.lookup(), quiet);
  });
  CHECK(e.code == codes::kSafetyMarkedDatabase);
  CHECK(contains(e.hint, "--env prod"));
  CHECK(f.exists("s"));

  CHECK(migrate::migrate_down(project, yes, f.lookup(), quiet).rolled_back.size() == 1);
  CHECK_FALSE(f.exists("s"));
}

TEST_CASE("W11: a quoted tracking_table works in every migrate command") {
  for (const char* table : {R"("MyLedger")", R"(ops."Led ger")", R"("ops"."tb")"}) {
    INFO(table);
    MigrateFixture f;
    f.conn().exec("CREATE SCHEMA ops");
    f.vars["TEST_DSN"] = f.db.dsn();
    f.use_env_file = true;
    f.project.write(
        "db/environments/local.yaml",
        std::string("database_url: ${TEST_DSN}\nmigration:\n  tracking_table: '") + table + "'\n");
    f.migration("001_a", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
    f.migration("002_b", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
    auto project = f.open();
    migrate::baseline(project, "001", false, {}, f.lookup());
    CHECK(f.up().applied.size() == 1);
    auto status = migrate::migration_status(project, f.lookup());
    CHECK(status.applied.size() == 2);
    CHECK(status.exit_code() == 0);
    CHECK(migrate::verify(project, false, {}, f.lookup()).exit_code() == 0);
    CHECK(f.down().rolled_back.size() == 1);
    CHECK(f.scalar(std::string("SELECT count(*) FROM ") + table) == 1);
    CHECK_FALSE(f.exists("tb_confiture"));
  }
}

TEST_CASE("W4: a rerun over an INVALID index names it, IF NOT EXISTS over it is not recorded") {
  MigrateFixture f;
  f.migration("001_big", "CREATE TABLE big (v int);\nINSERT INTO big VALUES (1), (1);\n");
  f.up();
  // What a killed CREATE INDEX CONCURRENTLY leaves: an INVALID index nobody dropped.
  CHECK_THROWS(f.conn().exec("CREATE UNIQUE INDEX CONCURRENTLY big_v ON big (v)"));
  REQUIRE(f.scalar("SELECT count(*) FROM pg_index WHERE NOT indisvalid AND "
                   "indexrelid = 'big_v'::regclass") == 1);

  f.migration("002_cic", "CREATE INDEX CONCURRENTLY big_v ON big (v);\n");
  Error again = f.error_of([&] { f.up(); });
  CHECK(again.code == codes::kMigrFailed);
  CHECK(contains(again.hint, "public.big_v is an INVALID index"));
  CHECK(contains(again.hint, "DROP INDEX CONCURRENTLY public.big_v;"));

  f.migration("002_cic", "CREATE INDEX CONCURRENTLY IF NOT EXISTS big_v ON big (v);\n");
  Error skipped = f.error_of([&] { f.up(); });
  CHECK(skipped.code == codes::kMigrInvalidIndex);
  CHECK(skipped.exit_class == ExitClass::kConnection);
  CHECK(contains(skipped.what(), "public.big_v"));
  CHECK(contains(skipped.hint, "DROP INDEX CONCURRENTLY public.big_v;"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 0);

  // Following the hint works.
  f.conn().exec("DROP INDEX CONCURRENTLY public.big_v");
  CHECK(f.up().applied.size() == 1);
}

TEST_CASE("W5: a migration file name that is not UTF-8 is refused before anything runs") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n");
  const std::string bad = std::string("002_nt") + '\xe9';
  f.migration(bad,
              "-- confiture:no-transaction\nCREATE TABLE m_nt (i int);\n"
              "CREATE INDEX CONCURRENTLY m_nt_i ON m_nt (i);\n");
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == codes::kMigrFileNameNotUtf8);
  CHECK(contains(e.what(), "002_nt\\xe9.up.sql"));
  CHECK(contains(e.hint, "rename"));
  CHECK_FALSE(f.exists("a"));
  CHECK_FALSE(f.exists("m_nt"));
  // The JSON of the error is valid text.
  CHECK_NOTHROW(nlohmann::json(e.details).dump());
  e = f.error_of([&] { migrate::baseline(f.open(), "002", false, {}, f.lookup()); });
  CHECK(e.code == codes::kMigrFileNameNotUtf8);
}

TEST_CASE("W8: dry-run-execute puts back the sequences the rolled-back migrations advanced") {
  MigrateFixture f;
  f.migration("001_s", "CREATE TABLE s (id serial, v int);\n");
  f.up();
  f.migration("002_fill", "INSERT INTO s (v) SELECT g FROM generate_series(1, 1000) g;\n");
  // The test's own session is not "another session" that could have used the sequence.
  f.conn().exec("SET application_name = 'confiture test'");
  migrate::UpOptions dry;
  dry.dry_run_execute = true;
  auto report = f.up(dry);
  CHECK(report.applied.size() == 1);
  // Also the ledger's identity, which the rolled-back ledger row drew from.
  CHECK(report.sequences_restored ==
        std::vector<std::string>{"public.s_id_seq", "public.tb_confiture_pk_confiture_seq"});
  CHECK(f.scalar("SELECT count(*) FROM s") == 0);
  CHECK(f.scalar("SELECT last_value FROM s_id_seq") == 1);
  CHECK_FALSE(f.conn().exec("SELECT is_called FROM s_id_seq")[0][0].as<bool>());
  CHECK(f.up().applied.size() == 1);
  CHECK(f.scalar("SELECT min(id) FROM s") == 1);
}

TEST_CASE("W8: with other sessions connected the sequences are left advanced, with a warning") {
  MigrateFixture f;
  f.migration("001_s", "CREATE TABLE s (id serial, v int);\n");
  f.up();
  f.migration("002_fill", "INSERT INTO s (v) SELECT g FROM generate_series(1, 10) g;\n");
  f.conn().exec("SELECT 1");  // an application session
  migrate::UpOptions dry;
  dry.dry_run_execute = true;
  auto report = f.up(dry);
  CHECK(report.sequences_restored.empty());
  bool warned = false;
  for (const auto& w : report.warnings) warned = warned || contains(w, "public.s_id_seq");
  CHECK(warned);
}

TEST_CASE("C4: migrate status shows a modified applied file and a missing down, exit 1") {
  MigrateFixture f;
  f.migration("001_a", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
  f.migration("002_b", "CREATE TABLE b (id int);\n");
  f.up();
  auto clean = migrate::migration_status(f.open(), f.lookup());
  CHECK(clean.exit_code() == 0);
  CHECK(clean.without_down == std::vector<std::string>{"002"});
  f.migration("001_a", "CREATE TABLE a (id int, edited int);\n");
  auto status = migrate::migration_status(f.open(), f.lookup());
  CHECK(status.modified == std::vector<std::string>{"001"});
  CHECK(status.migrations[0].state == "applied (modified)");
  CHECK(status.exit_code() == 1);
  CHECK(status.to_json()["migrations"][1]["has_down"] == false);
}

TEST_CASE("C18: server notices raised by a migration are passed on") {
  MigrateFixture f;
  f.migration("001_n",
              "DO $$ BEGIN RAISE NOTICE 'hello from %', 'the migration'; END $$;\n"
              "CREATE TABLE IF NOT EXISTS n (id int);\nCREATE TABLE IF NOT EXISTS n (id int);\n");
  std::vector<std::string> lines;
  migrate::migrate_up(f.open(), {}, f.lookup(),
                      [&](const std::string& line) { lines.push_back(line); });
  bool hello = false, skipping = false;
  for (const auto& line : lines) {
    hello = hello || line == "notice: hello from the migration";
    skipping = skipping || contains(line, "notice: relation \"n\" already exists, skipping");
  }
  CHECK(hello);
  CHECK(skipping);
}

TEST_CASE("C11: migrate generate warns when a migration with the same name exists") {
  MigrateFixture f;
  f.migration("20260105090000_add_user_bio", "SELECT 1;\n");
  auto made =
      migrate::generate_migration(f.open(), "add_user_bio", std::chrono::system_clock::now());
  REQUIRE(made.warnings.size() == 1);
  CHECK(contains(made.warnings[0], "20260105090000_add_user_bio.up.sql"));
  CHECK(migrate::generate_migration(f.open(), "other", std::chrono::system_clock::now())
            .warnings.empty());
}
