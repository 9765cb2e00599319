// Property 3 of issue 12: a generated plan never loses a value silently. A type change either
// keeps every value, fails on a value that does not fit, or carries DELETES_DATA; several
// column changes of one table are one ALTER TABLE; a change with no cast names that cause.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/gate.hpp"
#include "confiture/diff/verify.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "test_database.hpp"

using namespace confiture;

namespace {

struct Change {
  test::TestDatabase from_db;
  test::TestDatabase to_db;
  diff::Plan plan;

  Change(const std::string& from_ddl, const std::string& to_ddl) {
    pg::Connection from(from_db.dsn());
    from.exec(from_ddl);
    pg::Connection to(to_db.dsn());
    to.exec(to_ddl);
    plan = diff::plan_changes(catalog::read_catalog(from), catalog::read_catalog(to));
  }

  bool has(diff::Hazard hazard) const {
    for (diff::Hazard h : plan.hazards()) {
      if (h == hazard) return true;
    }
    return false;
  }

  // Applies the plan to `from` after `rows` ran there; the error code, or "" when it applied.
  std::string apply_after(const std::string& rows) {
    pg::Connection conn(from_db.dsn());
    if (!rows.empty()) conn.exec(rows);
    try {
      diff::apply_plan(conn, plan);
    } catch (const Error& e) {
      return e.code;
    }
    return "";
  }

  std::string value(const std::string& sql) {
    pg::Connection conn(from_db.dsn());
    return conn.exec(sql)[0][0].as<std::string>();
  }
};

}  // namespace

TEST_CASE("D2: narrowing varchar, char and bit varying fails on a value that does not fit") {
  const std::string from =
      "CREATE TABLE v (id int PRIMARY KEY, name text, code char(10), bits bit varying(16), "
      "label varchar(20))";
  const std::string to =
      "CREATE TABLE v (id int PRIMARY KEY, name varchar(5), code char(3), bits bit varying(4), "
      "label varchar(5))";
  const struct {
    const char* column;
    const char* value;
  } misfits[] = {{"name", "'a very long name indeed'"},
                 {"code", "'ABCDEFGHIJ'"},
                 {"bits", "B'1010101010'"},
                 {"label", "'Administrator'"},
                 // Trailing spaces are data in varchar: the assignment rule would drop them.
                 {"name", "'abc          '"},
                 {"label", "'Admin     '"}};
  for (const auto& misfit : misfits) {
    INFO(misfit.column);
    Change change(from, to);
    for (const diff::Statement& s : change.plan.statements) {
      CHECK(s.sql.find("::character varying(") == std::string::npos);
      CHECK(s.sql.find("::character(") == std::string::npos);
      CHECK(s.sql.find("::bit varying(") == std::string::npos);
    }
    CHECK(change.has(diff::Hazard::kValidationMayFail));
    CHECK(change.apply_after(fmt::format("INSERT INTO v (id, {}) VALUES (1, {})", misfit.column,
                                         misfit.value)) == codes::kDifferUnverified);
    // Nothing was cut: the failed statement rolled back.
    CHECK(change.value(fmt::format("SELECT {}::text FROM v", misfit.column)) ==
          std::string(misfit.value)
              .substr(std::string(misfit.value).find('\'') + 1,
                      std::string(misfit.value).rfind('\'') - std::string(misfit.value).find('\'') -
                          1));
  }
  Change fits(from, to);
  CHECK(fits.apply_after("INSERT INTO v VALUES (1, 'Admin', 'ABC', B'1010', 'short')") == "");
  CHECK(fits.value("SELECT name || '/' || code || '/' || bits::text || '/' || label FROM v") ==
        "Admin/ABC/1010/short");
}

TEST_CASE("D2: an enum label with trailing spaces does not lose them in a varchar(n)") {
  const std::string type = "CREATE TYPE mood AS ENUM ('ok', 'meh   ');";
  Change change(type + "CREATE TABLE e (id int PRIMARY KEY, m mood)",
                type + "CREATE TABLE e (id int PRIMARY KEY, m varchar(3))");
  CHECK(change.apply_after("INSERT INTO e VALUES (1, 'meh   ')") == codes::kDifferUnverified);
  Change fits(type + "CREATE TABLE e (id int PRIMARY KEY, m mood)",
              type + "CREATE TABLE e (id int PRIMARY KEY, m varchar(3))");
  CHECK(fits.apply_after("INSERT INTO e VALUES (1, 'ok')") == "");
  CHECK(fits.value("SELECT m FROM e") == "ok");
}

TEST_CASE("W3: conversions that round or drop information carry DELETES_DATA and say what") {
  const struct {
    const char* from;
    const char* to;
    const char* says;
  } lossy[] = {
      {"numeric(12,4)", "numeric(12,1)", "rounds"},
      {"numeric", "numeric(10,2)", "rounds"},
      {"timestamptz", "date", "drops the time of day"},
      {"timestamp", "date", "drops the time of day"},
      {"timestamptz", "timestamp", "drops the time zone"},
      {"timestamp", "timestamptz", "TimeZone"},
      {"timestamp(6)", "timestamp(0)", "rounds"},
      {"time(6)", "time(2)", "rounds"},
      {"interval", "interval(0)", "rounds"},
      {"float8", "real", "rounds"},
      {"numeric(10,2)", "integer", "whole numbers"},
      {"float8", "integer", "rounds"},
      {"float8", "numeric", "rounds"},
      {"bigint", "real", "rounds"},
      {"bigint", "float8", "rounds"},
      {"numeric(10,2)", "float8", "rounds"},
      {"json", "jsonb", "duplicate keys"},
      {"text", "date", "dropped"},
      {"text", "numeric(5,2)", "dropped"},
      {"int[]", "bigint", "may not survive"},
  };
  for (const auto& c : lossy) {
    INFO(c.from << " -> " << c.to);
    Change change(fmt::format("CREATE TABLE m (id int PRIMARY KEY, c {})", c.from),
                  fmt::format("CREATE TABLE m (id int PRIMARY KEY, c {})", c.to));
    REQUIRE(change.plan.statements.size() == 1);
    bool said = false;
    for (const diff::HazardNote& note : change.plan.statements[0].hazards) {
      if (note.hazard == diff::Hazard::kDeletesData) {
        said = note.message.find(c.says) != std::string::npos &&
               note.message.find("column public.m.c") != std::string::npos;
        INFO(note.message);
        CHECK(said);
      }
    }
    CHECK(said);
  }
}

TEST_CASE("W3: widening and fail-on-misfit conversions keep every value they accept") {
  const struct {
    const char* from;
    const char* to;
    bool may_fail;
  } kept[] = {
      {"smallint", "integer", false},
      {"integer", "bigint", false},
      {"bigint", "numeric", false},
      {"integer", "numeric(12,0)", false},
      {"varchar(5)", "varchar(10)", false},
      {"varchar(5)", "text", false},
      {"numeric(10,2)", "numeric(12,2)", false},
      {"numeric(10,2)", "numeric(12,4)", false},
      {"real", "float8", false},
      {"integer", "float8", false},
      {"timestamp(0)", "timestamp(6)", false},
      {"date", "timestamp", false},
      {"integer", "text", false},
      {"jsonb", "json", false},
      {"bigint", "integer", true},
      {"integer", "smallint", true},
      {"numeric(12,2)", "numeric(6,2)", true},
      {"text", "integer", true},
      {"text", "uuid", true},
      {"integer", "varchar(3)", true},
      {"bit(4)", "bit(8)", true},
  };
  for (const auto& c : kept) {
    INFO(c.from << " -> " << c.to);
    Change change(fmt::format("CREATE TABLE m (id int PRIMARY KEY, c {})", c.from),
                  fmt::format("CREATE TABLE m (id int PRIMARY KEY, c {})", c.to));
    CHECK_FALSE(change.has(diff::Hazard::kDeletesData));
    CHECK(change.has(diff::Hazard::kValidationMayFail) == c.may_fail);
  }
  // An integer narrowing really fails on a value out of range instead of changing it.
  Change narrowing("CREATE TABLE m (id int PRIMARY KEY, c bigint)",
                   "CREATE TABLE m (id int PRIMARY KEY, c integer)");
  CHECK(narrowing.apply_after("INSERT INTO m VALUES (1, 3000000000)") == codes::kDifferUnverified);
  // numeric(12,2) -> numeric(6,2): a value with too many digits before the point fails.
  Change digits("CREATE TABLE m (id int PRIMARY KEY, c numeric(12,2))",
                "CREATE TABLE m (id int PRIMARY KEY, c numeric(6,2))");
  CHECK(digits.apply_after("INSERT INTO m VALUES (1, 123456.78)") == codes::kDifferUnverified);
}

TEST_CASE("C16: several column changes of one table become one ALTER TABLE (one rewrite)") {
  Change change(
      "CREATE TABLE p (id int PRIMARY KEY, a integer DEFAULT 0, b smallint, c text NOT NULL, "
      "d varchar(10), e numeric(8,2));",
      "CREATE TABLE p (id int PRIMARY KEY, a bigint DEFAULT 1, b integer, c varchar(200), "
      "d varchar(20), e numeric(10,2));");
  int alters = 0;
  std::string sql;
  for (const diff::Statement& s : change.plan.statements) {
    if (s.sql.find(" TYPE ") != std::string::npos) {
      ++alters;
      sql = s.sql;
    }
  }
  INFO(diff::to_sql(change.plan));
  CHECK(alters == 1);
  for (const char* column :
       {"\"a\" TYPE", "\"b\" TYPE", "\"c\" TYPE", "\"d\" TYPE", "\"e\" TYPE"}) {
    CHECK(sql.find(column) != std::string::npos);
  }
  // One rewrite: the table's file changes once, and the values are all kept.
  pg::Connection conn(change.from_db.dsn());
  conn.exec("INSERT INTO p VALUES (1, 5, 7, 'seven', 'x', 1.25)");
  const std::string before = conn.exec("SELECT pg_relation_filenode('p')")[0][0].as<std::string>();
  CHECK(change.apply_after("") == "");
  CHECK(change.value("SELECT concat_ws('/', a, b, c, d, e) FROM p") == "5/7/seven/x/1.25");
  CHECK(change.value("SELECT pg_relation_filenode('p')::text") != before);
  CHECK(change.value("SELECT column_default FROM information_schema.columns WHERE "
                     "table_name = 'p' AND column_name = 'a'") == "1");
}

TEST_CASE("M6: a type change with no cast names the cause, not a differ bug") {
  Change change("CREATE TABLE m (id int PRIMARY KEY, arr int[])",
                "CREATE TABLE m (id int PRIMARY KEY, arr int)");
  pg::Connection conn(change.from_db.dsn());
  try {
    diff::apply_plan(conn, change.plan);
    FAIL("the plan applied");
  } catch (const Error& e) {
    CHECK(e.code == std::string(codes::kDifferNoCast));
    CHECK(std::string(e.what()).find("integer[]") != std::string::npos);
    CHECK(e.hint.find("USING") != std::string::npos);
    CHECK(e.hint.find("bug") == std::string::npos);
  }
}

TEST_CASE("B2: a new foreign key is validated in a transaction of its own") {
  Change change(
      "CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE posts (id int PRIMARY KEY, "
      "reviewer_id int);",
      "CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE posts (id int PRIMARY KEY, "
      "reviewer_id int REFERENCES users (id));");
  const std::string sql = diff::to_sql(change.plan);
  INFO(sql);
  const auto add = sql.find("NOT VALID;");
  const auto commit = sql.find("-- confiture:commit\n", add);
  const auto validate = sql.find("VALIDATE CONSTRAINT", add);
  REQUIRE(add != std::string::npos);
  REQUIRE(commit != std::string::npos);
  CHECK(commit < validate);
  CHECK(sql.find("SHARE UPDATE EXCLUSIVE on public.posts and ROW SHARE on public.users") !=
        std::string::npos);
}

TEST_CASE("B3: SET NOT NULL through a check: add, validate, set in three transactions") {
  Change change("CREATE TABLE t (id int PRIMARY KEY, v text)",
                "CREATE TABLE t (id int PRIMARY KEY, v text NOT NULL)");
  const std::string sql = diff::to_sql(change.plan);
  INFO(sql);
  const auto add = sql.find("CHECK (\"v\" IS NOT NULL) NOT VALID;");
  const auto first = sql.find("-- confiture:commit", add);
  const auto validate = sql.find("VALIDATE CONSTRAINT", first);
  const auto second = sql.find("-- confiture:commit", validate);
  const auto set = sql.find("SET NOT NULL", second);
  REQUIRE(add != std::string::npos);
  CHECK(first != std::string::npos);
  CHECK(validate != std::string::npos);
  CHECK(second != std::string::npos);
  CHECK(set != std::string::npos);
  CHECK(change.apply_after("INSERT INTO t VALUES (1, 'x')") == "");
  CHECK(change.value("SELECT attnotnull::text FROM pg_attribute WHERE attrelid = 't'::regclass "
                     "AND attname = 'v'") == "true");
}

TEST_CASE("C5: the DELETES_DATA gate suggests the rename annotation for a column or a table") {
  test::TestDatabase from_db;
  test::TestDatabase to_db;
  pg::Connection from(from_db.dsn());
  from.exec(
      "CREATE TABLE posts (id int PRIMARY KEY, body text, legacy int); "
      "CREATE TABLE clients (id int PRIMARY KEY, name text)");
  pg::Connection to(to_db.dsn());
  to.exec(
      "CREATE TABLE posts (id int PRIMARY KEY, content text); "
      "CREATE TABLE customers (id int PRIMARY KEY, name text)");
  const auto from_catalog = catalog::read_catalog(from);
  const auto to_catalog = catalog::read_catalog(to);
  const diff::Plan plan = diff::plan_changes(from_catalog, to_catalog);
  const auto suggestions = diff::rename_suggestions(from_catalog, to_catalog, {});
  REQUIRE(suggestions.size() == 2);
  CHECK(suggestions[0].find("`-- confiture:renamed-from body`") != std::string::npos);
  CHECK(suggestions[0].find("column content") != std::string::npos);
  CHECK(suggestions[1].find("`-- confiture:renamed-from clients`") != std::string::npos);
  try {
    diff::refuse_hazards(plan, {}, suggestions);
    FAIL("not refused");
  } catch (const Error& e) {
    CHECK(e.code == std::string(codes::kDifferHazards));
    CHECK(e.hint.find("confiture:renamed-from body") != std::string::npos);
  }
  // Accepted: nothing thrown.
  diff::refuse_hazards(plan, {diff::Hazard::kDeletesData}, suggestions);
}
