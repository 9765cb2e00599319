// run_script against a real server: batching, failure attribution, rollback, autocommit
// statements and a session lost on the way.
#include "confiture/pg/script.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "confiture/pg/connection.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "test_database.hpp"

using namespace confiture;

namespace {

std::vector<pg::ScriptStatement> transactional(const std::vector<std::string>& texts) {
  std::vector<pg::ScriptStatement> out;
  for (const auto& text : texts) out.push_back({text, false});
  return out;
}

bool table_exists(pg::Connection& conn, const std::string& name) {
  return conn.exec("SELECT to_regclass('" + name + "') IS NOT NULL")[0][0].as<bool>();
}

}  // namespace

TEST_CASE("run_script runs every statement and commits") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  std::vector<std::string> texts = {
      "CREATE TABLE a (id int PRIMARY KEY, name text)",
      "INSERT INTO a VALUES (1, 'one'), (2, 'two')",
      "-- only a comment",
      "CREATE FUNCTION f(x int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN x + 1; END $$",
      "SELECT f(1)",
  };
  auto statements = transactional(texts);
  CHECK_FALSE(pg::run_script(conn, statements).has_value());
  CHECK(conn.exec("SELECT count(*) FROM a")[0][0].as<int>() == 2);
  CHECK(conn.exec("SELECT f(41)")[0][0].as<int>() == 42);
}

TEST_CASE("TransactionEnd::kRollback runs every statement and leaves no trace") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const std::vector<std::string> texts = {"CREATE TABLE a (id int)", "INSERT INTO a VALUES (1)"};
  auto statements = transactional(texts);  // views into texts
  CHECK_FALSE(pg::run_script(conn, statements, pg::TransactionEnd::kRollback).has_value());
  CHECK_FALSE(table_exists(conn, "a"));
  const std::vector<std::string> bad = {"CREATE TABLE a (id int)", "INSERT INTO a VALUES ('x')"};
  auto failing = transactional(bad);
  auto failure = pg::run_script(conn, failing, pg::TransactionEnd::kRollback);
  REQUIRE(failure.has_value());
  CHECK(failure->index == 1);
  CHECK_FALSE(table_exists(conn, "a"));
}

TEST_CASE("an empty script succeeds") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  CHECK_FALSE(pg::run_script(conn, {}).has_value());
}

TEST_CASE(
    "the first failure is reported with its index, position and fields and all is rolled back") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  std::vector<std::string> texts = {
      "CREATE TABLE a (id int)", "CREATE TABLE b (id int)",    "SELECT id, nope FROM a",
      "CREATE TABLE c (id int)", "SELECT * FROM also_missing",
  };
  auto statements = transactional(texts);
  auto failure = pg::run_script(conn, statements);
  REQUIRE(failure.has_value());
  CHECK(failure->index == 2);
  CHECK(failure->sqlstate == "42703");
  CHECK(failure->message.find("nope") != std::string::npos);
  CHECK(failure->position == 12);  // 1-based character index of "nope" in that statement
  CHECK_FALSE(table_exists(conn, "a"));
  CHECK_FALSE(table_exists(conn, "b"));
  CHECK_FALSE(table_exists(conn, "c"));
  CHECK(conn.exec("SELECT 1")[0][0].as<int>() == 1);  // the session is usable afterwards
}

TEST_CASE("position counts characters, not bytes") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  std::vector<std::string> texts = {"SELECT 'héllo' || nope"};
  auto failure = pg::run_script(conn, transactional(texts));
  REQUIRE(failure.has_value());
  CHECK(failure->position == 19);
}

TEST_CASE("detail, hint and context are reported") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  std::vector<std::string> texts = {
      "DO $$ BEGIN RAISE EXCEPTION 'boom' USING DETAIL = 'the detail', HINT = 'the hint'; "
      "END $$"};
  auto failure = pg::run_script(conn, transactional(texts));
  REQUIRE(failure.has_value());
  CHECK(failure->index == 0);
  CHECK(failure->message == "boom");
  CHECK(failure->detail == "the detail");
  CHECK(failure->hint == "the hint");
  CHECK(failure->context.find("PL/pgSQL") != std::string::npos);
}

TEST_CASE("a failing deferred constraint is attributed to the last statement") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(
      "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE ch (p int REFERENCES p "
      "DEFERRABLE INITIALLY DEFERRED)");
  std::vector<std::string> texts = {"INSERT INTO ch VALUES (7)", "SELECT 1"};
  auto failure = pg::run_script(conn, transactional(texts));
  REQUIRE(failure.has_value());
  CHECK(failure->index == 1);
  CHECK(failure->sqlstate == "23503");
  CHECK(conn.exec("SELECT count(*) FROM ch")[0][0].as<int>() == 0);
}

TEST_CASE("an autocommit statement runs alone between transactions") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const std::string create = "CREATE TABLE t (id int, v text)";
  const std::string fill = "INSERT INTO t SELECT g, g::text FROM generate_series(1, 1000) g";
  const std::string index = "CREATE INDEX CONCURRENTLY t_v ON t (v)";
  const std::string after = "CREATE TABLE u (id int)";
  std::vector<pg::ScriptStatement> statements = {
      {create, false}, {fill, false}, {index, true}, {after, false}};
  CHECK_FALSE(pg::run_script(conn, statements).has_value());
  CHECK(table_exists(conn, "t_v"));
  CHECK(table_exists(conn, "u"));
}

TEST_CASE("CREATE INDEX CONCURRENTLY fails when not marked as autocommit") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  std::vector<std::string> texts = {"CREATE TABLE t (id int)",
                                    "CREATE INDEX CONCURRENTLY t_id ON t (id)"};
  auto failure = pg::run_script(conn, transactional(texts));
  REQUIRE(failure.has_value());
  CHECK(failure->index == 1);
  CHECK(failure->sqlstate == "25001");
}

TEST_CASE("a failure after an autocommit statement keeps what was committed before it") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const std::string a = "CREATE TABLE a (id int)";
  const std::string vacuum = "VACUUM a";
  const std::string b = "CREATE TABLE b (id int)";
  const std::string bad = "SELECT nope";
  const std::string c = "CREATE TABLE c (id int)";
  std::vector<pg::ScriptStatement> statements = {
      {a, false}, {vacuum, true}, {b, false}, {bad, false}, {c, false}};
  auto failure = pg::run_script(conn, statements);
  REQUIRE(failure.has_value());
  CHECK(failure->index == 3);
  CHECK(table_exists(conn, "a"));
  CHECK_FALSE(table_exists(conn, "b"));
  CHECK_FALSE(table_exists(conn, "c"));
}

TEST_CASE("a failing autocommit statement stops the script") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const std::string a = "CREATE TABLE a (id int)";
  const std::string index = "CREATE INDEX CONCURRENTLY i ON missing_table (id)";
  const std::string b = "CREATE TABLE b (id int)";
  std::vector<pg::ScriptStatement> statements = {{a, false}, {index, true}, {b, false}};
  auto failure = pg::run_script(conn, statements);
  REQUIRE(failure.has_value());
  CHECK(failure->index == 1);
  CHECK(failure->sqlstate == "42P01");
  CHECK(table_exists(conn, "a"));
  CHECK_FALSE(table_exists(conn, "b"));
}

TEST_CASE("a large script runs in one go") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i) {
    texts.push_back("CREATE TABLE t" + std::to_string(i) + " (id int PRIMARY KEY, payload text " +
                    "DEFAULT '" + std::string(200, 'x') + "')");
  }
  auto failure = pg::run_script(conn, transactional(texts));
  CHECK_FALSE(failure.has_value());
  if (failure) FAIL_CHECK(failure->index << ": " << failure->message << " " << failure->hint);
  CHECK(conn.exec("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")[0][0].as<int>() ==
        2000);
}

TEST_CASE("a session terminated mid-script is kConnLost") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const int pid = conn.exec("SELECT pg_backend_pid()")[0][0].as<int>();
  const std::string create = "CREATE TABLE a (id int)";
  const std::string sleep = "SELECT pg_sleep(30)";
  std::vector<pg::ScriptStatement> statements = {{create, false}, {sleep, false}};

  std::thread killer([&] {
    pg::Connection other(db.dsn());
    const std::string wait_query =
        "SELECT count(*) FROM pg_stat_activity WHERE pid = " + std::to_string(pid) +
        " AND query = 'SELECT pg_sleep(30)'";
    for (int i = 0; i < 200; ++i) {
      if (other.exec(wait_query)[0][0].as<int>() == 1) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    other.exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
  });
  bool lost = false;
  try {
    pg::run_script(conn, statements);
  } catch (const Error& e) {
    lost = e.code == codes::kConnLost && e.exit_class == ExitClass::kConnection;
  }
  killer.join();
  CHECK(lost);
  pg::Connection check(db.dsn());
  CHECK_FALSE(table_exists(check, "a"));
}

TEST_CASE("run_script refuses a session inside a transaction") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec("BEGIN");
  const std::string select = "SELECT 1";
  std::vector<pg::ScriptStatement> statements = {{select, false}};
  CHECK_THROWS_AS(pg::run_script(conn, statements), Error);
  conn.exec("ROLLBACK");
}
