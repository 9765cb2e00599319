// split(): statement ranges, classification and syntax errors, against the real PostgreSQL parser.
#include "confiture/sql/statements.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "confiture/sql/source_position.hpp"

using confiture::sql::line_column;
using confiture::sql::split;
using confiture::sql::SplitResult;
using confiture::sql::Statement;

namespace {

std::string text_of(std::string_view sql, const Statement& statement) {
  return std::string(sql.substr(statement.offset, statement.length));
}

// The one statement of `sql`, failing the test when there is not exactly one.
Statement only_statement(std::string_view sql) {
  const SplitResult result = split(sql);
  INFO(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 1);
  return result.statements.front();
}

bool needs_autocommit(std::string_view sql) { return only_statement(sql).needs_autocommit; }

}  // namespace

TEST_CASE("split gives exact ranges with comments between statements", "[sql][split]") {
  const std::string sql =
      "-- header\n"
      "CREATE TABLE users (id int);  /* between */\n"
      "\n"
      "  -- line comment ; with semicolon\n"
      "CREATE INDEX users_id ON users (id)\n"
      "  ;\n"
      "/* a /* nested */ comment */ INSERT INTO users VALUES (1);";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 3);
  CHECK(text_of(sql, result.statements[0]) == "CREATE TABLE users (id int)");
  CHECK(result.statements[0].offset == 10);
  CHECK(text_of(sql, result.statements[1]) == "CREATE INDEX users_id ON users (id)");
  CHECK(text_of(sql, result.statements[2]) == "INSERT INTO users VALUES (1)");
  CHECK(result.statements[2].offset == sql.find("INSERT"));
}

TEST_CASE("split takes a last statement without semicolon to the end", "[sql][split]") {
  const std::string sql = "SELECT 1;\nSELECT 2  \n\n";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 2);
  CHECK(text_of(sql, result.statements[1]) == "SELECT 2");
  CHECK(result.statements[1].offset == 10);
}

TEST_CASE("split trims comments that trail a statement", "[sql][split]") {
  const std::string sql =
      "SELECT '--' -- trailing\n;\n"
      "SELECT 2 /* block */ ;\n"
      "SELECT 3 -- no final semicolon";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 3);
  CHECK(text_of(sql, result.statements[0]) == "SELECT '--'");
  CHECK(text_of(sql, result.statements[1]) == "SELECT 2");
  CHECK(text_of(sql, result.statements[2]) == "SELECT 3");
}

TEST_CASE("split ignores empty statements and comment-only text", "[sql][split]") {
  CHECK(split("").statements.empty());
  CHECK_FALSE(split("").error);
  CHECK(split("  -- only a comment\n/* and another */\n").statements.empty());
  CHECK_FALSE(split("  -- only a comment\n/* and another */\n").error);
  CHECK(split(";;\n;").statements.empty());
  const std::string sql = "SELECT 1;; ;SELECT 2;";
  const SplitResult result = split(sql);
  REQUIRE(result.statements.size() == 2);
  CHECK(text_of(sql, result.statements[0]) == "SELECT 1");
  CHECK(text_of(sql, result.statements[1]) == "SELECT 2");
}

TEST_CASE("split keeps semicolons inside dollar quotes and strings", "[sql][split]") {
  const std::string function =
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\n"
      "BEGIN\n"
      "  PERFORM 'a;b';  -- ;\n"
      "  RETURN 1;\n"
      "END;\n"
      "$body$";
  const std::string sql = function + ";\nSELECT ';', \"x;y\" FROM t;";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 2);
  CHECK(text_of(sql, result.statements[0]) == function);
  CHECK(result.statements[0].kind == "CREATE FUNCTION");
  CHECK(result.statements[0].object == "f");
  CHECK(text_of(sql, result.statements[1]) == "SELECT ';', \"x;y\" FROM t");
}

TEST_CASE("split keeps a BEGIN ATOMIC body in one statement", "[sql][split]") {
  const std::string function =
      "CREATE FUNCTION s.add(a int, b int) RETURNS int LANGUAGE sql\n"
      "BEGIN ATOMIC\n"
      "  SELECT a + b;\n"
      "  SELECT 2;\n"
      "END";
  const std::string sql = function + ";\nCOMMENT ON FUNCTION s.add(int, int) IS 'x';";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 2);
  CHECK(text_of(sql, result.statements[0]) == function);
  CHECK(result.statements[0].object == "s.add");
  CHECK(result.statements[1].kind == "COMMENT");
  CHECK(result.statements[1].object == "s.add");
}

TEST_CASE("split treats a DO body with COMMIT as one statement", "[sql][split]") {
  const std::string sql =
      "DO $$ BEGIN COMMIT; END $$;\nCREATE RULE r AS ON INSERT TO t DO ALSO "
      "(SELECT 1; SELECT 2);";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 2);
  CHECK(text_of(sql, result.statements[0]) == "DO $$ BEGIN COMMIT; END $$");
  CHECK(result.statements[0].kind == "DO");
  CHECK_FALSE(result.statements[0].transaction_control);
  CHECK(result.statements[1].kind == "CREATE RULE");
  CHECK(text_of(sql, result.statements[1]).ends_with("(SELECT 1; SELECT 2)"));
}

TEST_CASE("split classifies kind and object", "[sql][split]") {
  struct Case {
    std::string sql, kind, object;
  };
  const Case cases[] = {
      {"CREATE TABLE public.users (id int)", "CREATE TABLE", "public.users"},
      {"CREATE UNLOGGED TABLE users (id int)", "CREATE TABLE", "users"},
      {"CREATE INDEX users_name ON app.users (name)", "CREATE INDEX", "app.users_name"},
      {"CREATE INDEX ON users (name)", "CREATE INDEX", ""},
      {"CREATE OR REPLACE VIEW v AS SELECT 1", "CREATE VIEW", "v"},
      {"CREATE MATERIALIZED VIEW s.mv AS SELECT 1", "CREATE MATERIALIZED VIEW", "s.mv"},
      {"CREATE PROCEDURE p() LANGUAGE sql AS 'select 1'", "CREATE PROCEDURE", "p"},
      {"INSERT INTO s.t VALUES (1)", "INSERT", "s.t"},
      {"ALTER TABLE s.t ADD COLUMN c int", "ALTER TABLE", "s.t"},
      {"ALTER INDEX i RENAME TO j", "ALTER INDEX", "i"},
      {"ALTER TABLE t RENAME COLUMN a TO b", "ALTER TABLE", "t"},
      {"ALTER SCHEMA s RENAME TO s2", "ALTER SCHEMA", "s"},
      {"ALTER FUNCTION f() OWNER TO r", "ALTER FUNCTION", "f"},
      {"ALTER TABLE ONLY a.b ALTER COLUMN c SET DEFAULT 1", "ALTER TABLE", "a.b"},
      {"CREATE TEMP TABLE x AS SELECT 1", "CREATE TABLE AS", "x"},
      {"SELECT * INTO y FROM x", "SELECT INTO", "y"},
      {"CREATE POLICY p ON t USING (true)", "CREATE POLICY", "p"},
      {"CALL s.p()", "CALL", "s.p"},
      {"COMMENT ON COLUMN s.t.c IS 'x'", "COMMENT", "s.t.c"},
      {"GRANT SELECT ON s.t TO app", "GRANT", "s.t"},
      {"REVOKE ALL ON SCHEMA s FROM app", "REVOKE", "s"},
      {"DROP TABLE IF EXISTS a.b, c", "DROP TABLE", "a.b"},
      {"DROP FUNCTION f(int)", "DROP FUNCTION", "f"},
      {"DROP TRIGGER tr ON t", "DROP TRIGGER", "tr"},
      {"DROP MATERIALIZED VIEW mv", "DROP MATERIALIZED VIEW", "mv"},
      {"CREATE SCHEMA IF NOT EXISTS app", "CREATE SCHEMA", "app"},
      {"CREATE EXTENSION pgcrypto", "CREATE EXTENSION", "pgcrypto"},
      {"CREATE TYPE mood AS ENUM ('a')", "CREATE TYPE", "mood"},
      {"CREATE TYPE pair AS (a int, b int)", "CREATE TYPE", "pair"},
      {"CREATE AGGREGATE agg(int) (sfunc = f, stype = int)", "CREATE AGGREGATE", "agg"},
      {"CREATE SEQUENCE s.q", "CREATE SEQUENCE", "s.q"},
      {"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "CREATE TRIGGER",
       "tr"},
      {"ALTER TYPE mood ADD VALUE 'b'", "ALTER TYPE", "mood"},
      {"SET search_path = app", "SET", "search_path"},
      {"SELECT 1", "SELECT", ""},
      {"WITH x AS (SELECT 1) UPDATE t SET a = 1", "UPDATE", "t"},
      {"TRUNCATE a, b", "TRUNCATE TABLE", "a"},
      {"ANALYZE t", "ANALYZE", "t"},
      {"CREATE TEXT SEARCH CONFIGURATION tc (copy = english)", "CREATE TEXT SEARCH CONFIGURATION",
       "tc"},
      {"ALTER TABLE \"Odd\"\"Name\" ADD c int", "ALTER TABLE", "Odd\"Name"},
  };
  for (const Case& c : cases) {
    INFO(c.sql);
    const Statement statement = only_statement(c.sql);
    CHECK(statement.kind == c.kind);
    CHECK(statement.object == c.object);
    CHECK_FALSE(statement.needs_autocommit);
    CHECK_FALSE(statement.transaction_control);
  }
}

TEST_CASE("split flags statements that cannot run in a transaction", "[sql][split][autocommit]") {
  const char* autocommit[] = {
      "CREATE INDEX CONCURRENTLY i ON t (a)",
      "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)",
      "DROP INDEX CONCURRENTLY i",
      "REINDEX INDEX CONCURRENTLY i",
      "REINDEX (CONCURRENTLY) TABLE t",
      "REINDEX (VERBOSE, CONCURRENTLY true) TABLE t",
      "REINDEX SCHEMA s",
      "REINDEX DATABASE d",
      "REINDEX SYSTEM d",
      "VACUUM",
      "VACUUM t",
      "VACUUM (ANALYZE, VERBOSE) t",
      "VACUUM FULL t",
      "CREATE DATABASE d",
      "DROP DATABASE IF EXISTS d",
      "ALTER DATABASE d SET TABLESPACE fast",
      "CREATE TABLESPACE fast LOCATION '/srv/fast'",
      "DROP TABLESPACE fast",
      "ALTER SYSTEM SET work_mem = '64MB'",
      "CLUSTER",
      "CLUSTER VERBOSE",
      "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p",
      "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = true)",
      "DROP SUBSCRIPTION s",
      "ALTER SUBSCRIPTION s REFRESH PUBLICATION",
      "ALTER SUBSCRIPTION s SET PUBLICATION p",
      "ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (refresh = true)",
      "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
      "DISCARD ALL",
  };
  for (const char* sql : autocommit) {
    INFO(sql);
    CHECK(needs_autocommit(sql));
  }
  const Statement vacuum = only_statement("VACUUM ANALYZE s.t");
  CHECK(vacuum.kind == "VACUUM");
  CHECK(vacuum.object == "s.t");
  CHECK(only_statement("CREATE DATABASE app").object == "app");
}

TEST_CASE("split keeps transaction-safe lookalikes transactional", "[sql][split][autocommit]") {
  const char* transactional[] = {
      "CREATE INDEX i ON t (a)",
      "CREATE INDEX \"concurrently\" ON t (a)",
      "DROP INDEX i",
      "REINDEX INDEX i",
      "REINDEX TABLE t",
      "REINDEX (CONCURRENTLY false) TABLE t",
      "REINDEX (CONCURRENTLY off) TABLE t",
      "ANALYZE",
      "ANALYZE t",
      "ALTER DATABASE d SET work_mem = '1MB'",
      "ALTER DATABASE d CONNECTION LIMIT 3",
      "CLUSTER t",
      "CLUSTER t USING i",
      "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = false)",
      "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false)",
      "ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)",
      "ALTER SUBSCRIPTION s DISABLE",
      "ALTER TABLE p DETACH PARTITION c",
      "ALTER TYPE mood ADD VALUE 'b'",
      "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
      "DISCARD PLANS",
      "SELECT 'VACUUM'",
      "DO $$ BEGIN EXECUTE 'VACUUM'; END $$",
  };
  for (const char* sql : transactional) {
    INFO(sql);
    CHECK_FALSE(needs_autocommit(sql));
  }
}

TEST_CASE("split marks top-level transaction control", "[sql][split]") {
  struct Case {
    std::string sql, kind;
  };
  const Case cases[] = {
      {"BEGIN", "BEGIN"},
      {"BEGIN ISOLATION LEVEL SERIALIZABLE", "BEGIN"},
      {"START TRANSACTION", "START TRANSACTION"},
      {"COMMIT", "COMMIT"},
      {"END", "COMMIT"},
      {"ROLLBACK", "ROLLBACK"},
      {"ABORT", "ROLLBACK"},
      {"SAVEPOINT a", "SAVEPOINT"},
      {"RELEASE SAVEPOINT a", "RELEASE"},
      {"ROLLBACK TO SAVEPOINT a", "ROLLBACK TO SAVEPOINT"},
      {"PREPARE TRANSACTION 'x'", "PREPARE TRANSACTION"},
  };
  for (const Case& c : cases) {
    INFO(c.sql);
    const Statement statement = only_statement(c.sql);
    CHECK(statement.kind == c.kind);
    CHECK(statement.transaction_control);
    CHECK_FALSE(statement.needs_autocommit);
  }
  const Statement commit_prepared = only_statement("COMMIT PREPARED 'x'");
  CHECK(commit_prepared.transaction_control);
  CHECK(commit_prepared.needs_autocommit);

  const std::string sql = "BEGIN;\nCREATE TABLE t (a int);\nCOMMIT;";
  const SplitResult result = split(sql);
  REQUIRE(result.statements.size() == 3);
  CHECK(result.statements[0].transaction_control);
  CHECK_FALSE(result.statements[1].transaction_control);
  CHECK(result.statements[2].transaction_control);
  CHECK(text_of(sql, result.statements[2]) == "COMMIT");
}

TEST_CASE("split reports where an unterminated token starts", "[sql][split][error]") {
  struct Case {
    std::string sql;
    std::size_t offset;
    int line;
    std::string message_part;
  };
  const Case cases[] = {
      {"SELECT 1;\nSELECT 2 /* never closed\n;", 19, 2, "unterminated /* comment"},
      {"SELECT 1;\n\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1;", 46, 3,
       "unterminated dollar-quoted string"},
      {"SELECT 'abc;\nSELECT 2;", 7, 1, "unterminated quoted string"},
      {"SELECT 1;\nSELECT \"abc;", 17, 2, "unterminated quoted identifier"},
      {"SELECT 1;\nSELEC 2;", 10, 2, "syntax error at or near \"SELEC\""},
  };
  for (const Case& c : cases) {
    INFO(c.sql);
    const SplitResult result = split(c.sql);
    REQUIRE(result.error);
    CHECK(result.statements.empty());
    CHECK(result.error->offset == c.offset);
    CHECK(line_column(c.sql, result.error->offset).line == c.line);
    CHECK_THAT(result.error->message, Catch::Contains(c.message_part));
  }
}

TEST_CASE("split error offsets are bytes even after multibyte characters", "[sql][split][error]") {
  // 'é' is two bytes, '€' three, '😀' four: PostgreSQL counts characters, we report bytes.
  const std::string sql = "SELECT 'é€😀';\nSELECT 'ü' FROM WHERE;";
  const SplitResult result = split(sql);
  REQUIRE(result.error);
  CHECK_THAT(result.error->message, Catch::Contains("\"WHERE\""));
  CHECK(result.error->offset == sql.find("WHERE"));
  const auto position = line_column(sql, result.error->offset);
  CHECK(position.line == 2);
  CHECK(position.column == 17);
}

TEST_CASE("split keeps messages short when PostgreSQL quotes the rest of the text",
          "[sql][split][error]") {
  const std::string sql = "SELECT 1; /* never closed " + std::string(10000, 'x') + "\nmore";
  const SplitResult result = split(sql);
  REQUIRE(result.error);
  CHECK(result.error->offset == 10);
  // The quote keeps its first 40 bytes.
  CHECK(result.error->message ==
        "unterminated /* comment at or near \"/* never closed " + std::string(24, 'x') + "...\"");
  std::string accents;
  for (int i = 0; i < 50; ++i) accents += "é";
  const SplitResult multibyte = split("SELECT 1; /* " + accents);
  REQUIRE(multibyte.error);
  CHECK(multibyte.error->message ==
        "unterminated /* comment at or near \"/* " + accents.substr(0, 36) + "...\"");
  const SplitResult multiline = split("SELECT $$a\nb");
  REQUIRE(multiline.error);
  CHECK(multiline.error->message == "unterminated dollar-quoted string at or near \"$$a...\"");
  const SplitResult short_quote = split("SELECT 'abc");
  REQUIRE(short_quote.error);
  CHECK(short_quote.error->message == "unterminated quoted string at or near \"'abc\"");
}

TEST_CASE("split reports an error at the end of incomplete text", "[sql][split][error]") {
  const std::string sql = "SELECT 1 +";
  const SplitResult result = split(sql);
  REQUIRE(result.error);
  CHECK(result.error->offset == sql.size());
  CHECK_THAT(result.error->message, Catch::Contains("end of input"));
}

TEST_CASE("split refuses a NUL byte instead of stopping at it", "[sql][split][error]") {
  const std::string sql("SELECT 1;\0DROP TABLE t;", 23);
  const SplitResult result = split(sql);
  REQUIRE(result.error);
  CHECK(result.error->offset == 9);
}

TEST_CASE("split statement offsets count bytes after multibyte text", "[sql][split]") {
  const std::string sql = "COMMENT ON TABLE t IS 'ça coûte €';\n-- naïve\nSELECT 'ok';";
  const SplitResult result = split(sql);
  REQUIRE_FALSE(result.error);
  REQUIRE(result.statements.size() == 2);
  CHECK(text_of(sql, result.statements[0]) == "COMMENT ON TABLE t IS 'ça coûte €'");
  CHECK(text_of(sql, result.statements[1]) == "SELECT 'ok'");
}
