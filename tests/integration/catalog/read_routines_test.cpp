// read_catalog against a real server: functions, procedures and aggregates.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog_checks.hpp"
#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"
#include "test_database.hpp"

using namespace confiture;
using test::display_names;
using test::find_named;
using test::Names;

namespace {

const catalog::Routine& routine_of(const catalog::Catalog& cat, const std::string& signature) {
  auto found = std::find_if(
      cat.routines.begin(), cat.routines.end(),
      [&](const catalog::Routine& routine) { return routine.signature() == signature; });
  INFO(signature);
  REQUIRE(found != cat.routines.end());
  return *found;
}

Names signatures(const catalog::Catalog& cat) {
  Names names;
  for (const auto& routine : cat.routines) names.push_back(routine.signature());
  return names;
}

}  // namespace

TEST_CASE("functions and procedures carry signature and definition and attributes") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE FUNCTION app.add(a int, b int DEFAULT 1) RETURNS int
      LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
    CREATE FUNCTION app.add(a text) RETURNS text LANGUAGE sql STABLE AS 'SELECT a';
    CREATE PROCEDURE app.reset() LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN END $$;
    CREATE TYPE app.span AS RANGE (subtype = int4);
    COMMENT ON FUNCTION app.add(text) IS 'text flavour';
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(signatures(cat) ==
        Names{"app.add(a integer, b integer)", "app.add(a text)", "app.reset()"});

  const auto& add = routine_of(cat, "app.add(a integer, b integer)");
  CHECK(add.kind == 'f');
  CHECK(add.arguments == "a integer, b integer DEFAULT 1");
  CHECK(add.return_type == "integer");
  CHECK(add.language == "sql");
  CHECK(add.volatility == 'i');
  CHECK_FALSE(add.security_definer);
  REQUIRE(add.definition.has_value());
  CHECK(add.definition->find("CREATE OR REPLACE FUNCTION app.add(") == 0);
  CHECK_FALSE(add.aggregate.has_value());

  const auto& add_text = routine_of(cat, "app.add(a text)");
  CHECK(add_text.volatility == 's');
  CHECK(add_text.comment == std::optional<std::string>("text flavour"));

  const auto& reset = routine_of(cat, "app.reset()");
  CHECK(reset.kind == 'p');
  CHECK(reset.language == "plpgsql");
  CHECK(reset.security_definer);
  CHECK(reset.return_type.empty());
}

TEST_CASE("aggregates carry their parts and no function definition") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE FUNCTION add_one(state int, value int) RETURNS int
      LANGUAGE sql IMMUTABLE AS 'SELECT state + 1';
    CREATE AGGREGATE counting(int) (SFUNC = add_one, STYPE = int, INITCOND = '0',
                                    COMBINEFUNC = int4pl);
  )sql");

  auto cat = catalog::read_catalog(conn);
  const auto& counting = routine_of(cat, "public.counting(integer)");
  CHECK(counting.kind == 'a');
  CHECK_FALSE(counting.definition.has_value());
  REQUIRE(counting.aggregate.has_value());
  CHECK(counting.aggregate->transition_function == "add_one");
  CHECK(counting.aggregate->state_type == "integer");
  CHECK(counting.aggregate->initial_value == std::optional<std::string>("0"));
  CHECK(counting.aggregate->combine_function == std::optional<std::string>("int4pl"));
  CHECK_FALSE(counting.aggregate->final_function.has_value());
  CHECK(routine_of(cat, "public.add_one(state integer, value integer)").kind == 'f');
}

TEST_CASE("routines owned by an extension are left out") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  if (!test::can_extend_plpgsql(conn)) return;
  conn.exec(R"sql(
    CREATE FUNCTION owned() RETURNS int LANGUAGE sql AS 'SELECT 1';
    CREATE FUNCTION mine() RETURNS int LANGUAGE sql AS 'SELECT 1';
    ALTER EXTENSION plpgsql ADD FUNCTION owned();
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(signatures(cat) == Names{"public.mine()"});
}
