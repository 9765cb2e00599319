// migrate up under faults: a DDL stuck behind another session's lock, a backend terminated in
// the middle of a migration, a ledger made by the Python tool.
#include <catch2/catch.hpp>
#include <future>

#include "confiture/report/codes.hpp"
#include "migrate_fixture.hpp"
#include "python_ledger.hpp"

using namespace confiture;
using test::MigrateFixture;
using test::wait_for_backend;

TEST_CASE("a lock timeout is retried, then reported with the blocking session and query") {
  MigrateFixture f;
  f.migration("001_t", "CREATE TABLE t (id int);\n");
  f.up();
  f.migration("002_alter", "ALTER TABLE t ADD COLUMN name text;\n");

  pg::Connection blocker(f.db.dsn());
  blocker.exec("SET application_name = 'long_report'");
  blocker.exec("BEGIN");
  blocker.exec("SELECT count(*) FROM t /* the long report */");

  migrate::UpOptions options;
  options.lock.statement_lock_timeout_ms = 200;
  options.lock.lock_retries = 1;
  Error e = f.error_of([&] { f.up(options); });
  CHECK(e.code == codes::kLockStatementTimeout);
  CHECK(e.exit_class == ExitClass::kLock);
  const std::string message = e.what();
  CHECK(message.find("after 2 attempt(s)") != std::string::npos);
  CHECK(message.find("pid " + std::to_string(blocker.raw().backendpid())) != std::string::npos);
  CHECK(message.find("the long report") != std::string::npos);
  REQUIRE(e.details["blockers"].size() == 1);
  CHECK(e.details["blockers"][0]["application_name"] == "long_report");
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 1);

  blocker.exec("COMMIT");
  CHECK(f.up(options).applied.size() == 1);
}

TEST_CASE("a backend terminated mid-migration: exit 3, no ledger row, a re-run applies it") {
  MigrateFixture f;
  f.migration("001_slow", "CREATE TABLE z (id int);\nSELECT pg_sleep(30);\n");
  auto run = std::async(std::launch::async, [&] { return f.error_of([&] { f.up(); }); });
  pg::Connection admin(f.db.admin_dsn());
  int pid = wait_for_backend(admin, "confiture migrate up", "pg_sleep");
  admin.exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
  Error e = run.get();
  CHECK(e.code == codes::kConnLost);
  CHECK(e.exit_class == ExitClass::kConnection);
  CHECK(e.migration == "001_slow");
  CHECK_FALSE(f.exists("z"));
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture") == 0);

  f.migration("001_slow", "CREATE TABLE z (id int);\nSELECT pg_sleep(0);\n");
  CHECK(f.up().applied.size() == 1);
  CHECK(f.exists("z"));
}

TEST_CASE("a ledger made by the Python tool is read and extended without change") {
  MigrateFixture f;
  f.migration("20250101120000_users", "CREATE TABLE users (id int);\n");
  f.migration("20250102120000_posts", "CREATE TABLE posts (id int);\n");
  // The Python tool's own DDL (it adds archived_into) and a row as it writes them.
  f.conn().exec(test::kPythonLedger);
  f.conn().exec("CREATE TABLE users (id int)");
  f.conn().exec(
      "INSERT INTO tb_confiture (slug, version, name, execution_time_ms, checksum, applied_by) "
      "VALUES ('users_20250101120000_20250101_120000', '20250101120000', 'users', 12, "
      "encode(sha256(convert_to(E'CREATE TABLE users (id int);\\n', 'UTF8')), 'hex'), "
      "'python')");
  const std::string columns_sql =
      "SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position) "
      "FROM information_schema.columns WHERE table_name = 'tb_confiture'";
  const std::string before = f.conn().exec(columns_sql)[0][0].as<std::string>();

  auto up = f.up();
  CHECK(up.checksums_verified);
  REQUIRE(up.applied.size() == 1);
  CHECK(up.applied[0].version == "20250102120000");
  CHECK(f.conn().exec(columns_sql)[0][0].as<std::string>() == before);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE archived_into IS NULL") == 2);
}
