// The tracking table against a real server: our DDL, and ledgers the Python tool made (current
// and old), read and extended without being altered.
#include "confiture/migrate/ledger.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "confiture/pg/connection.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "python_ledger.hpp"
#include "test_database.hpp"

using namespace confiture;
using migrate::Ledger;
using migrate::parse_table_name;

namespace {

// Rows as ledger.record_migration writes them: slug {name}_{version}_{YYYYMMDD_HHMMSS}.
constexpr const char* kPythonRows = R"sql(
INSERT INTO tb_confiture (id, slug, version, name, applied_at, execution_time_ms, checksum,
                          applied_by)
VALUES (gen_random_uuid(), 'create_users_001_20240105_093000', '001', 'create_users',
        '2024-01-05 09:30:00+00', 12,
        'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778', 'deploy'),
       (gen_random_uuid(), 'add_email_20240301120000_20240301_120500', '20240301120000',
        'add_email', '2024-03-01 12:05:00+00', NULL, NULL, 'deploy');
)sql";

std::string columns_of(pg::Connection& conn, const std::string& schema, const std::string& table) {
  auto rows = conn.exec(
      "SELECT string_agg(column_name || ' ' || data_type || ' ' || is_nullable || ' ' || "
      "COALESCE(column_default, ''), ', ' ORDER BY ordinal_position) "
      "FROM information_schema.columns WHERE table_schema = '" +
      schema + "' AND table_name = '" + table + "'");
  return rows[0][0].is_null() ? "" : rows[0][0].as<std::string>();
}

std::string indexes_of(pg::Connection& conn, const std::string& schema, const std::string& table) {
  auto rows = conn.exec(
      "SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes "
      "WHERE schemaname = '" +
      schema + "' AND tablename = '" + table + "'");
  return rows[0][0].is_null() ? "" : rows[0][0].as<std::string>();
}

// Runs one INSERT the way migrations do: with other statements, through a libpq pipeline.
void run_in_pipeline(pg::Connection& conn, const std::vector<std::string>& sql) {
  std::vector<pg::ScriptStatement> statements;
  for (const auto& s : sql) statements.push_back({s, false});
  auto failure = pg::run_script(conn, statements);
  if (failure) FAIL(failure->message);
}

std::string one(pg::Connection& conn, const std::string& sql) {
  auto rows = conn.exec(sql);
  return rows[0][0].is_null() ? "<null>" : rows[0][0].as<std::string>();
}

}  // namespace

TEST_CASE("parse_table_name accepts the Python tool's names and quoted parts, nothing else") {
  auto plain = parse_table_name("tb_confiture");
  CHECK(plain.schema.empty());
  CHECK(plain.name == "tb_confiture");
  CHECK(plain.quoted() == "\"tb_confiture\"");
  CHECK(plain.display() == "tb_confiture");

  auto qualified = parse_table_name("Audit.Schema_Log2");
  CHECK(qualified.schema == "Audit");
  CHECK(qualified.name == "Schema_Log2");
  CHECK(qualified.quoted() == "\"Audit\".\"Schema_Log2\"");
  CHECK(qualified.display() == "Audit.Schema_Log2");

  auto quoted = parse_table_name("ops.\"Led \"\"ger\"");
  CHECK(quoted.schema == "ops");
  CHECK(quoted.name == "Led \"ger");
  CHECK(quoted.quoted() == "\"ops\".\"Led \"\"ger\"");

  for (const char* bad : {"", ".", "a.", ".a", "a.b.c", "1table", "my-table", "my table",
                          "\"unclosed", "\"\"", "tb;drop", "schema.1x", "tb_confiture "}) {
    INFO(bad);
    try {
      parse_table_name(bad);
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.code == codes::kConfigInvalidValue);
      CHECK(e.exit_class == ExitClass::kConfig);
      CHECK(std::string(e.what()).find("migration.tracking_table") != std::string::npos);
    }
  }
}

TEST_CASE("ensure creates the SPEC ledger with its four indexes, once") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("tb_confiture"));
  CHECK_FALSE(ledger.exists());
  ledger.ensure();
  CHECK(ledger.exists());
  CHECK(columns_of(conn, "public", "tb_confiture") ==
        "id uuid NO gen_random_uuid(), pk_confiture bigint NO , slug text NO , "
        "version character varying NO , name character varying NO , "
        "applied_at timestamp with time zone NO now(), execution_time_ms integer YES , "
        "checksum character varying YES , applied_by text YES ");
  CHECK(one(conn,
            "SELECT is_identity || identity_generation FROM information_schema.columns "
            "WHERE table_name = 'tb_confiture' AND column_name = 'pk_confiture'") == "YESALWAYS");
  std::string indexes = indexes_of(conn, "public", "tb_confiture");
  CHECK(indexes.find("idx_tb_confiture_pk_confiture ON public.tb_confiture USING btree "
                     "(pk_confiture)") != std::string::npos);
  CHECK(indexes.find("idx_tb_confiture_slug ON public.tb_confiture USING btree (slug)") !=
        std::string::npos);
  CHECK(indexes.find("idx_tb_confiture_version ON public.tb_confiture USING btree (version)") !=
        std::string::npos);
  CHECK(indexes.find("idx_tb_confiture_applied_at ON public.tb_confiture USING btree "
                     "(applied_at DESC)") != std::string::npos);

  ledger.ensure();  // idempotent
  Ledger again(conn, parse_table_name("tb_confiture"));
  again.ensure();
  CHECK(indexes_of(conn, "public", "tb_confiture") == indexes);
  CHECK(again.applied().empty());
}

TEST_CASE("applied() on a missing ledger is PRECON_1001 naming the table") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("audit.schema_log"));
  try {
    ledger.applied();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code == codes::kNoLedger);
    CHECK(e.exit_class == ExitClass::kNoLedger);
    CHECK(std::string(e.what()).find("audit.schema_log") != std::string::npos);
  }
}

TEST_CASE("a ledger made by the Python tool is read and extended, never altered") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(test::kPythonLedger);
  conn.exec(kPythonRows);
  const std::string columns_before = columns_of(conn, "public", "tb_confiture");
  const std::string indexes_before = indexes_of(conn, "public", "tb_confiture");

  Ledger ledger(conn, parse_table_name("tb_confiture"));
  ledger.ensure();  // present: nothing to do
  auto rows = ledger.applied();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].version == "001");
  CHECK(rows[0].name == "create_users");
  CHECK(rows[0].slug == "create_users_001_20240105_093000");
  CHECK(rows[0].checksum == "a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778");
  CHECK(rows[0].applied_at == "2024-01-05T09:30:00Z");
  CHECK(rows[0].execution_time_ms == 12);
  CHECK(rows[0].applied_by == "deploy");
  CHECK(rows[1].version == "20240301120000");
  CHECK(rows[1].checksum.empty());
  CHECK_FALSE(rows[1].execution_time_ms.has_value());

  std::string insert = ledger.insert_sql("20240402080000", "add_orders", std::string(64, 'b'), 42);
  run_in_pipeline(conn, {"CREATE TABLE orders (id int)", insert});

  rows = ledger.applied();
  REQUIRE(rows.size() == 3);
  CHECK(rows[2].version == "20240402080000");
  CHECK(rows[2].name == "add_orders");
  CHECK(rows[2].checksum == std::string(64, 'b'));
  CHECK(rows[2].execution_time_ms == 42);
  CHECK(rows[2].applied_by == one(conn, "SELECT current_user"));
  CHECK(rows[2].slug.rfind("add_orders_", 0) == 0);
  CHECK(rows[2].slug.size() == std::string("add_orders_YYYYMMDD_HHMMSS").size());
  CHECK(one(conn, "SELECT archived_into FROM tb_confiture WHERE version = '20240402080000'") ==
        "<null>");

  CHECK(columns_of(conn, "public", "tb_confiture") == columns_before);
  CHECK(indexes_of(conn, "public", "tb_confiture") == indexes_before);
}

TEST_CASE("an old Python ledger without applied_by gets rows without it") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(
      "CREATE TABLE tb_confiture ("
      " id UUID PRIMARY KEY DEFAULT gen_random_uuid(),"
      " pk_confiture BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
      " slug TEXT NOT NULL UNIQUE, version VARCHAR(255) NOT NULL UNIQUE,"
      " name VARCHAR(255) NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),"
      " execution_time_ms INTEGER, checksum VARCHAR(64));"
      "INSERT INTO tb_confiture (slug, version, name, execution_time_ms, checksum)"
      " VALUES ('init_20230101_000000', '001', 'init', 5, NULL)");
  const std::string columns_before = columns_of(conn, "public", "tb_confiture");

  Ledger ledger(conn, parse_table_name("tb_confiture"));
  auto rows = ledger.applied();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].applied_by.empty());
  CHECK(rows[0].checksum.empty());

  std::string insert = ledger.insert_sql("002", "second", "");
  CHECK(insert.find("checksum)") != std::string::npos);  // the column list ends there
  CHECK(insert.find("current_user") == std::string::npos);
  run_in_pipeline(conn, {insert});
  rows = ledger.applied();
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].version == "002");
  CHECK(rows[1].checksum.empty());  // an empty checksum is stored as NULL
  CHECK(one(conn, "SELECT checksum IS NULL FROM tb_confiture WHERE version = '002'") == "t");
  REQUIRE(rows[1].execution_time_ms.has_value());  // measured by the server
  CHECK(*rows[1].execution_time_ms >= 0);
  CHECK(columns_of(conn, "public", "tb_confiture") == columns_before);
}

TEST_CASE("a schema-qualified custom ledger gets its schema, and archived rows are not live") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("audit.schema_log"));
  ledger.ensure();
  CHECK(one(conn, "SELECT to_regclass('audit.schema_log') IS NOT NULL") == "t");
  std::string indexes = indexes_of(conn, "audit", "schema_log");
  for (const char* name : {"idx_schema_log_pk_confiture", "idx_schema_log_slug",
                           "idx_schema_log_version", "idx_schema_log_applied_at"}) {
    CHECK(indexes.find(name) != std::string::npos);
  }

  run_in_pipeline(conn,
                  {ledger.insert_sql("001", "one", "c1"), ledger.insert_sql("002", "two", "c2"),
                   ledger.insert_sql("003", "three", "c3")});
  // The Python tool's squash archives rows in a column our DDL does not have.
  conn.exec(
      "ALTER TABLE audit.schema_log ADD COLUMN archived_into VARCHAR(255);"
      "UPDATE audit.schema_log SET archived_into = '003' WHERE version IN ('001', '002')");
  auto rows = ledger.applied();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].version == "003");
  CHECK(rows[0].checksum == "c3");
}

TEST_CASE("an unqualified custom ledger resolves through search_path") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec("CREATE SCHEMA app; SET search_path = app, public");
  Ledger ledger(conn, parse_table_name("migrations_log"));
  ledger.ensure();
  CHECK(one(conn, "SELECT to_regclass('app.migrations_log') IS NOT NULL") == "t");
  CHECK(one(conn, "SELECT to_regclass('public.migrations_log') IS NULL") == "t");
  run_in_pipeline(conn, {ledger.insert_sql("001", "one", "c1")});
  CHECK(ledger.applied().size() == 1);

  pg::Connection other(db.dsn());  // default search_path: public only
  Ledger elsewhere(other, parse_table_name("migrations_log"));
  CHECK_FALSE(elsewhere.exists());
}

TEST_CASE("applied() orders by applied_at, then pk_confiture") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("tb_confiture"));
  ledger.ensure();
  // One transaction: same applied_at for all three, so insertion order decides.
  run_in_pipeline(conn, {ledger.insert_sql("300", "c", ""), ledger.insert_sql("100", "a", ""),
                         ledger.insert_sql("200", "b", "")});
  conn.exec(
      "INSERT INTO tb_confiture (slug, version, name, applied_at) "
      "VALUES ('old_20000101_000000', '900', 'old', '2000-01-01 00:00:00+00')");
  auto rows = ledger.applied();
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].version == "900");
  CHECK(rows[0].applied_at == "2000-01-01T00:00:00Z");
  CHECK(rows[1].version == "300");
  CHECK(rows[2].version == "100");
  CHECK(rows[3].version == "200");
}

TEST_CASE("slugs never collide, even for one name within one second") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("tb_confiture"));
  ledger.ensure();
  // Rows that already hold the slugs this second (and the next) would give version 003.
  conn.exec(
      "INSERT INTO tb_confiture (slug, version, name) SELECT 'same_' || to_char(t, "
      "'YYYYMMDD_HH24MISS') || s, 'x' || row_number() OVER (), 'x' FROM (VALUES (now() AT TIME "
      "ZONE 'UTC'), "
      "(now() AT TIME ZONE 'UTC' + interval '1 second')) AS n(t), "
      "(VALUES (''), ('_003')) AS k(s)");
  run_in_pipeline(conn, {ledger.insert_sql("003", "same", ""), ledger.insert_sql("004", "same", ""),
                         ledger.insert_sql("005", "same", "", 0, "baseline")});
  auto slug_of = [&](const std::string& version) {
    return one(conn, "SELECT slug FROM tb_confiture WHERE version = '" + version + "'");
  };
  const std::string third = slug_of("003");
  const std::string stamp = third.substr(5, 15);
  CHECK(third == "same_" + stamp + "_003_2");
  CHECK(slug_of("004") == "same_" + stamp + "_004");
  CHECK(slug_of("005") == "same_" + stamp + "_baseline");
  CHECK(one(conn, "SELECT execution_time_ms FROM tb_confiture WHERE version = '005'") == "0");
}

TEST_CASE("delete_sql and update_checksum_sql touch one version, quoted") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("tb_confiture"));
  ledger.ensure();
  run_in_pipeline(
      conn, {ledger.insert_sql("001", "one", "aaa"), ledger.insert_sql("00'2", "it's", "bbb")});
  run_in_pipeline(conn, {ledger.update_checksum_sql("00'2", "ccc")});
  auto rows = ledger.applied();
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].name == "it's");
  CHECK(rows[1].checksum == "ccc");
  CHECK(rows[0].checksum == "aaa");
  run_in_pipeline(conn, {ledger.delete_sql("00'2")});
  rows = ledger.applied();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].version == "001");
}

TEST_CASE("create_statements run in the caller's transaction, then inserts fit the new table") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  Ledger ledger(conn, parse_table_name("audit.schema_log"));
  std::vector<std::string> sql = ledger.create_statements();
  REQUIRE(sql.size() == 6);
  CHECK(sql[0] == "CREATE SCHEMA IF NOT EXISTS \"audit\"");
  CHECK(sql[1].rfind("CREATE TABLE IF NOT EXISTS \"audit\".\"schema_log\" (", 0) == 0);
  CHECK(sql[5] ==
        "CREATE INDEX IF NOT EXISTS \"idx_schema_log_applied_at\" ON \"audit\".\"schema_log\" "
        "(applied_at DESC)");
  sql.push_back(ledger.insert_sql("001", "one", "c1"));  // table still absent here
  std::vector<pg::ScriptStatement> statements;
  for (const auto& s : sql) statements.push_back({s, false});
  CHECK_FALSE(pg::run_script(conn, statements, pg::TransactionEnd::kRollback).has_value());
  CHECK_FALSE(ledger.exists());
  CHECK_FALSE(pg::run_script(conn, statements).has_value());
  CHECK(ledger.applied().size() == 1);
}
