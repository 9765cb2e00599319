// rename_annotations(): which table or column each `-- confiture:renamed-from` names, and the
// located errors for annotations that name nothing, too much or badly.
#include "confiture/sql/rename_annotations.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

using confiture::Error;
using confiture::ExitClass;
using confiture::sql::rename_annotations;
using confiture::sql::RenameAnnotation;

namespace {

struct Expected {
  int line;
  std::string schema;
  std::string table;
  std::string column;
  std::string old_name;
};

void check_annotations(const std::string& sql, const std::vector<Expected>& expected) {
  INFO(sql);
  const std::vector<RenameAnnotation> found = rename_annotations(sql, "schema/10_tables.sql");
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    INFO("annotation " << i);
    CHECK(found[i].line == expected[i].line);
    CHECK(found[i].schema == expected[i].schema);
    CHECK(found[i].table == expected[i].table);
    CHECK(found[i].column == expected[i].column);
    CHECK(found[i].old_name == expected[i].old_name);
  }
}

// The error rename_annotations throws for `sql`; the test fails when it throws none.
Error error_for(const std::string& sql) {
  INFO(sql);
  try {
    rename_annotations(sql, "schema/10_tables.sql");
  } catch (const Error& e) {
    return e;
  }
  throw std::logic_error("expected a confiture::Error, nothing was thrown");
}

void check_error(const std::string& sql, int line, int column, const std::string& message_part) {
  const Error error = error_for(sql);
  INFO(sql << "\n-> " << error.what());
  CHECK(error.code == confiture::codes::kSchemaSyntax);
  CHECK(error.exit_class == ExitClass::kSchema);
  REQUIRE(error.location);
  CHECK(error.location->file == "schema/10_tables.sql");
  CHECK(error.location->line == line);
  CHECK(error.location->column == column);
  CHECK_THAT(error.what(), Catch::Contains(message_part));
  CHECK_FALSE(error.hint.empty());
}

}  // namespace

TEST_CASE("a text without annotations gives none", "[sql][rename]") {
  CHECK(rename_annotations("", "a.sql").empty());
  CHECK(rename_annotations("CREATE TABLE t (a int); -- renamed from x\n", "a.sql").empty());
  // Not parsed at all without the marker, so even broken SQL passes.
  CHECK(rename_annotations("CREATE TABLE (", "a.sql").empty());
}

TEST_CASE("the example of the guide", "[sql][rename]") {
  check_annotations(
      "CREATE TABLE customers ( -- confiture:renamed-from clients\n"
      "  id bigint PRIMARY KEY,\n"
      "  full_name text, -- confiture:renamed-from name\n"
      "  \"Zip Code\" text -- confiture:renamed-from \"ZIP\"\n"
      ");\n"
      "ALTER TABLE orders ADD COLUMN total_cents bigint; -- confiture:renamed-from total\n",
      {
          {1, "", "customers", "", "clients"},
          {3, "", "customers", "full_name", "name"},
          {4, "", "customers", "Zip Code", "ZIP"},
          {6, "", "orders", "total_cents", "total"},
      });
}

TEST_CASE("table rename, also with the name on the line after CREATE TABLE", "[sql][rename]") {
  check_annotations("CREATE TABLE customers (LIKE template); -- confiture:renamed-from clients",
                    {{1, "", "customers", "", "clients"}});
  check_annotations(
      "CREATE TABLE IF NOT EXISTS\n"
      "  customers -- confiture:renamed-from clients\n"
      "(\n"
      "  id int\n"
      ");\n",
      {{2, "", "customers", "", "clients"}});
}

TEST_CASE("column renames in ALTER TABLE ... ADD COLUMN", "[sql][rename]") {
  check_annotations(
      "ALTER TABLE ONLY app.orders\n"
      "  ADD COLUMN total_cents bigint NOT NULL DEFAULT 0, -- confiture:renamed-from total\n"
      "  ADD note text,\n"
      "  ADD COLUMN IF NOT EXISTS shipped_at timestamptz; -- confiture:renamed-from shipped\n",
      {
          {2, "app", "orders", "total_cents", "total"},
          {4, "app", "orders", "shipped_at", "shipped"},
      });
}

TEST_CASE("names are folded like PostgreSQL folds them", "[sql][rename]") {
  check_annotations(
      "CREATE TABLE \"Billing\".\"Customer Accounts\" ( -- confiture:renamed-from \"Old "
      "\"\"Acc\"\"\"\n"
      "  \"Zip Code\" text, -- confiture:renamed-from ZipCode\n"
      "  Email text, -- confiture:renamed-from \"MAIL\"\n"
      "  \"名前\" text, -- confiture:renamed-from 氏名\n"
      "  name text, -- confiture:renamed-from type\n"  // unreserved keywords need no quotes
      "  \"user\" text -- confiture:renamed-from \"select\"\n"
      ");\n",
      {
          {1, "Billing", "Customer Accounts", "", "Old \"Acc\""},
          {2, "Billing", "Customer Accounts", "Zip Code", "zipcode"},
          {3, "Billing", "Customer Accounts", "email", "MAIL"},
          {4, "Billing", "Customer Accounts", "名前", "氏名"},
          {5, "Billing", "Customer Accounts", "name", "type"},
          {6, "Billing", "Customer Accounts", "user", "select"},
      });
  check_annotations("CREATE TABLE APP.Customers (LIKE x); -- confiture:renamed-from Clients",
                    {{1, "app", "customers", "", "clients"}});
}

TEST_CASE("old names longer than PostgreSQL keeps are cut like the new ones", "[sql][rename]") {
  // 54 bytes, then five 2-byte characters: the fifth would straddle byte 63, so it goes whole.
  const std::string long_quoted = "\"" + std::string(42, 'x') + std::string(12, ' ') + "ééééé\"";
  const std::string cut_quoted = std::string(42, 'x') + std::string(12, ' ') + "éééé";
  const std::string long_plain(70, 'A');
  // The parser folds and cuts the new names; the old ones must come out the same.
  check_annotations("CREATE TABLE t (\n  " + long_plain + " int, -- confiture:renamed-from a\n  " +
                        long_quoted + " int, -- confiture:renamed-from b\n" +
                        "  c int, -- confiture:renamed-from " + long_plain + "\n" +
                        "  d int -- confiture:renamed-from " + long_quoted + "\n);",
                    {
                        {2, "", "t", std::string(63, 'a'), "a"},
                        {3, "", "t", cut_quoted, "b"},
                        {4, "", "t", "c", std::string(63, 'a')},
                        {5, "", "t", "d", cut_quoted},
                    });
}

TEST_CASE("blanks around the marker and the old name are free", "[sql][rename]") {
  check_annotations(
      "CREATE TABLE t (\n"
      "  a int, --confiture:renamed-from x\n"
      "  b int, --   confiture:renamed-from \t  y   \r\n"
      "  c int  -- confiture:renamed-from z\r\n"
      ");\n",
      {{2, "", "t", "a", "x"}, {3, "", "t", "b", "y"}, {4, "", "t", "c", "z"}});
}

TEST_CASE("markers in strings, bodies and block comments are not annotations", "[sql][rename]") {
  check_annotations(
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n"
      "  SELECT 1; -- confiture:renamed-from g\n"
      "$$;\n"
      "CREATE TABLE t (\n"
      "  a text DEFAULT '-- confiture:renamed-from b',\n"
      "  c text DEFAULT $q$ -- confiture:renamed-from d $q$, /* -- confiture:renamed-from e */\n"
      "  \"-- confiture:renamed-from f\" int\n"
      ");\n"
      "COMMENT ON TABLE t IS E'x\\n-- confiture:renamed-from y';\n",
      {});
  check_annotations(
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\n"
      "BEGIN\n"
      "  RETURN 1; -- confiture:renamed-from nothing\n"
      "END $body$;\n"
      "CREATE TABLE t (\n"
      "  a int -- confiture:renamed-from b\n"
      ");\n",
      {{6, "", "t", "a", "b"}});
}

TEST_CASE("lines are counted across statements and multi-line constructs", "[sql][rename]") {
  check_annotations(
      "-- header\n"
      "/* a block\n"
      "   comment */\n"
      "CREATE TABLE a (x int);\n"
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n"
      "  SELECT 1\n"
      "$$;\n"
      "\n"
      "CREATE TABLE b ( -- confiture:renamed-from bb\n"
      "  y text DEFAULT 'two\n"
      "lines',\n"
      "  z int -- confiture:renamed-from zz\n"
      ");\n"
      "CREATE INDEX ON b (z);\n"
      "ALTER TABLE a ADD COLUMN w int; -- confiture:renamed-from ww\n",
      {
          {9, "", "b", "", "bb"},
          {12, "", "b", "z", "zz"},
          {15, "", "a", "w", "ww"},
      });
}

TEST_CASE("an annotation on a line that defines neither is an error", "[sql][rename]") {
  check_error(
      "CREATE TABLE t (\n"
      "  a int,\n"
      "  -- confiture:renamed-from b\n"
      "  c int\n"
      ");\n",
      3, 3, "not on the line of a table name or a column definition");
  check_error(
      "CREATE TABLE t (\n"
      "  a int,\n"
      "  CONSTRAINT t_a_positive CHECK (a > 0) -- confiture:renamed-from a_positive\n"
      ");\n",
      3, 41, "not on the line of");
  // The column's name is on the line before.
  check_error(
      "CREATE TABLE t (\n"
      "  a int\n"
      "    NOT NULL -- confiture:renamed-from b\n"
      ");\n",
      3, 14, "not on the line of");
  // ALTER TABLE's table name is not a table definition.
  check_error(
      "ALTER TABLE t -- confiture:renamed-from u\n"
      "  ADD COLUMN a int;\n",
      1, 15, "not on the line of");
  check_error("CREATE INDEX i ON t (a); -- confiture:renamed-from j\n", 1, 26,
              "not on the line of");
  check_error("CREATE VIEW v AS SELECT 1 AS a; -- confiture:renamed-from w\n", 1, 33,
              "not on the line of");
  check_error("-- confiture:renamed-from x\n", 1, 1, "not on the line of");
  // Columns count characters, not bytes.
  check_error("CREATE TABLE t (\n  \"éé\" int -- confiture:renamed-from\n);", 2, 12,
              "gives no old name");
}

TEST_CASE("an annotation on a line that defines several things is an error", "[sql][rename]") {
  const Error error = error_for("CREATE TABLE t (a int, b int); -- confiture:renamed-from u\n");
  CHECK_THAT(error.what(), Catch::Contains("table t, column t.a, column t.b"));
  check_error(
      "CREATE TABLE t (\n"
      "  a int, b int -- confiture:renamed-from c\n"
      ");\n",
      2, 16, "more than one");
}

TEST_CASE("a missing, qualified or malformed old name is an error", "[sql][rename]") {
  const std::string head = "CREATE TABLE t (\n  a int ";
  check_error(head + "-- confiture:renamed-from\n);", 2, 9, "gives no old name");
  check_error(head + "-- confiture:renamed-from   \n);", 2, 9, "gives no old name");
  check_error(head + "-- confiture:renamed-from public.b\n);", 2, 9, "is qualified");
  check_error(head + "-- confiture:renamed-from \"S\".\"b\"\n);", 2, 9, "is qualified");
  check_error(head + "-- confiture:renamed-from b c\n);", 2, 9,
              "unexpected `c` after the old name");
  check_error(head + "-- confiture:renamed-from b -- was b\n);", 2, 9,
              "unexpected `-- was b` after the old name");
  check_error(head + "-- confiture:renamed-from b,\n);", 2, 9, "unexpected `,`");
  check_error(head + "-- confiture:renamed-from select\n);", 2, 9,
              "`select` in rename annotation is not an identifier");
  check_error(head + "-- confiture:renamed-from 'b'\n);", 2, 9, "not an identifier");
  check_error(head + "-- confiture:renamed-from 1b\n);", 2, 9, "not an identifier");
  check_error(head + "-- confiture:renamed-from \"b\n);", 2, 9, "not an identifier");
  check_error(head + "-- confiture:renamed-from \"\"\n);", 2, 9, "not an identifier");
  check_error(head + "-- confiture:renamed-from:b\n);", 2, 9, "must be followed by a blank");
  check_error(head + "-- confiture:renamed-fromage\n);", 2, 9, "must be followed by a blank");
}

TEST_CASE("two annotations for one new or one old object are an error", "[sql][rename]") {
  check_error(
      "CREATE TABLE t -- confiture:renamed-from u\n"
      "  (a int);\n"
      "CREATE TABLE t -- confiture:renamed-from v\n"
      "  (b int);\n",
      3, 16, "second rename annotation for table t (the first is on line 1)");
  check_error(
      "CREATE TABLE t (\n"
      "  a int -- confiture:renamed-from b\n"
      ");\n"
      "ALTER TABLE t ADD COLUMN a int; -- confiture:renamed-from c\n",
      4, 33, "second rename annotation for column t.a (the first is on line 2)");
  check_error(
      "CREATE TABLE t (\n"
      "  a int, -- confiture:renamed-from old\n"
      "  b int -- confiture:renamed-from old\n"
      ");\n",
      3, 9, "column t.b is renamed from old, which the annotation on line 2 already renames");
  check_error(
      "CREATE TABLE s.t (LIKE x); -- confiture:renamed-from old\n"
      "CREATE TABLE s.u (LIKE x); -- confiture:renamed-from old\n",
      2, 28, "already renames");
  // The same old name in other tables or schemas is another object.
  check_annotations(
      "CREATE TABLE s.t ( -- confiture:renamed-from old\n"
      "  a int -- confiture:renamed-from old\n"
      ");\n"
      "CREATE TABLE r.t ( -- confiture:renamed-from old\n"
      "  a int -- confiture:renamed-from old\n"
      ");\n"
      "ALTER TABLE r.u ADD COLUMN a int; -- confiture:renamed-from old\n",
      {
          {1, "s", "t", "", "old"},
          {2, "s", "t", "a", "old"},
          {4, "r", "t", "", "old"},
          {5, "r", "t", "a", "old"},
          {7, "r", "u", "a", "old"},
      });
}

TEST_CASE("renaming something to its own name is an error", "[sql][rename]") {
  check_error("CREATE TABLE t (LIKE x); -- confiture:renamed-from T\n", 1, 26, "to its own name");
  check_error("ALTER TABLE t ADD COLUMN \"A\" int; -- confiture:renamed-from \"A\"\n", 1, 35,
              "renames column t.A to its own name");
}

TEST_CASE("a file with an annotation must parse", "[sql][rename]") {
  const Error error = error_for(
      "CREATE TABLE t ( -- confiture:renamed-from u\n"
      "  a int,\n"
      ");\n");
  CHECK(error.code == confiture::codes::kSchemaSyntax);
  CHECK(error.exit_class == ExitClass::kSchema);
  REQUIRE(error.location);
  CHECK(error.location->line == 3);
  CHECK(error.location->column == 1);
  CHECK_THAT(error.what(), Catch::Contains("syntax error at or near \")\""));
  CHECK(error.details["source_line"] == ");");

  // PostgreSQL quotes the rest of the text in this message: split() shortens it.
  const Error unterminated = error_for(
      "CREATE TABLE t ( -- confiture:renamed-from u\n"
      "  a text DEFAULT 'oops\n"
      ");\n");
  REQUIRE(unterminated.location);
  CHECK(unterminated.location->line == 2);
  CHECK(unterminated.location->column == 18);
  CHECK_THAT(unterminated.what(), Catch::Contains("unterminated quoted string"));
  CHECK_THAT(unterminated.what(), Catch::EndsWith("'oops...\""));

  const Error nul =
      error_for(std::string("CREATE TABLE t (a int); -- confiture:renamed-from u\n\0", 53));
  REQUIRE(nul.location);
  CHECK(nul.location->line == 2);
}
