// read_catalog against a real server: schemas, extensions and user-defined types (enums, domains,
// composite and range types), what the schema diff compares besides tables.
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
using catalog::QualifiedName;
using test::current_user;
using test::display_names;
using test::find_named;
using test::Names;

TEST_CASE("schemas come with owner and comment and extensions with schema and version") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE SCHEMA "Zed";
    COMMENT ON SCHEMA app IS 'the application';
  )sql");

  auto cat = catalog::read_catalog(conn);
  Names names;
  for (const auto& schema : cat.schemas) names.push_back(schema.name);
  CHECK(names == Names{"Zed", "app", "public"});
  CHECK(cat.schemas[1].owner == current_user(conn));
  CHECK(cat.schemas[1].comment == std::optional<std::string>("the application"));
  CHECK_FALSE(cat.schemas[0].comment.has_value());

  auto plpgsql = std::find_if(cat.extensions.begin(), cat.extensions.end(),
                              [](const catalog::Extension& e) { return e.name == "plpgsql"; });
  REQUIRE(plpgsql != cat.extensions.end());
  CHECK(plpgsql->schema == "pg_catalog");
  CHECK_FALSE(plpgsql->version.empty());

  auto only_app = catalog::read_catalog(conn, {.schemas = {"app"}});
  REQUIRE(only_app.schemas.size() == 1);
  CHECK(only_app.schemas[0].name == "app");
  CHECK(only_app.extensions.size() == cat.extensions.size());
}

TEST_CASE("enum labels come in sort order and not creation order") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE TYPE app.mood AS ENUM ('sad', 'happy');
    ALTER TYPE app.mood ADD VALUE 'ok' BEFORE 'happy';
    CREATE TYPE public.empty AS ENUM ();
    COMMENT ON TYPE app.mood IS 'how it feels';
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.enum_types) == Names{"app.mood", "public.empty"});
  const auto& mood = find_named(cat.enum_types, {"app", "mood"});
  CHECK(mood.labels == Names{"sad", "ok", "happy"});
  CHECK(mood.comment == std::optional<std::string>("how it feels"));
  CHECK(find_named(cat.enum_types, {"public", "empty"}).labels.empty());
}

TEST_CASE("domains carry base type and NOT NULL and default and collation and checks") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE DOMAIN positive AS numeric(10, 2) NOT NULL DEFAULT 1
      CONSTRAINT positive_b CHECK (VALUE > 0)
      CONSTRAINT positive_a CHECK (VALUE < 1000);
    ALTER DOMAIN positive ADD CONSTRAINT positive_c CHECK (VALUE <> 7) NOT VALID;
    CREATE DOMAIN small_positive AS positive;
    CREATE DOMAIN code AS varchar(8) COLLATE "C";
    CREATE DOMAIN plain AS text;
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.domains) ==
        Names{"public.code", "public.plain", "public.positive", "public.small_positive"});

  const auto& positive = find_named(cat.domains, {"public", "positive"});
  CHECK(positive.base_type == "numeric(10,2)");
  CHECK(positive.not_null);
  CHECK(positive.default_expr == std::optional<std::string>("1"));
  CHECK_FALSE(positive.collation.has_value());
  REQUIRE(positive.constraints.size() == 3);
  CHECK(positive.constraints[0].name == "positive_a");
  CHECK(positive.constraints[0].definition == "CHECK ((VALUE < (1000)::numeric))");
  CHECK(positive.constraints[0].validated);
  CHECK(positive.constraints[1].name == "positive_b");
  CHECK(positive.constraints[2].name == "positive_c");
  CHECK_FALSE(positive.constraints[2].validated);

  const auto& small = find_named(cat.domains, {"public", "small_positive"});
  CHECK(small.base_type == "positive");
  CHECK_FALSE(small.not_null);
  CHECK(small.constraints.empty());

  const auto& code = find_named(cat.domains, {"public", "code"});
  CHECK(code.base_type == "character varying(8)");
  CHECK(code.collation == std::optional<QualifiedName>(QualifiedName{"pg_catalog", "C"}));

  const auto& plain = find_named(cat.domains, {"public", "plain"});
  CHECK_FALSE(plain.not_null);
  CHECK_FALSE(plain.default_expr.has_value());
  CHECK_FALSE(plain.collation.has_value());
  CHECK(plain.owner == current_user(conn));
}

TEST_CASE("composite types list their attributes in order and table row types are left out") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TYPE address AS (street varchar(80), city text COLLATE "C", zip int);
    ALTER TYPE address DROP ATTRIBUTE zip;
    ALTER TYPE address ADD ATTRIBUTE country char(2);
    CREATE TYPE nothing AS ();
    CREATE TABLE users (id int);
    CREATE VIEW user_ids AS SELECT id FROM users;
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.composite_types) == Names{"public.address", "public.nothing"});
  const auto& address = find_named(cat.composite_types, {"public", "address"});
  REQUIRE(address.attributes.size() == 3);
  CHECK(address.attributes[0].name == "street");
  CHECK(address.attributes[0].type == "character varying(80)");
  CHECK_FALSE(address.attributes[0].collation.has_value());
  CHECK(address.attributes[1].name == "city");
  CHECK(address.attributes[1].collation ==
        std::optional<QualifiedName>(QualifiedName{"pg_catalog", "C"}));
  CHECK(address.attributes[2].name == "country");
  CHECK(address.attributes[2].type == "character(2)");
  CHECK(find_named(cat.composite_types, {"public", "nothing"}).attributes.empty());
  CHECK(address.owner == current_user(conn));
}

TEST_CASE("range types carry their subtype and only the options that were given") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE FUNCTION float_diff(float8, float8) RETURNS float8
      LANGUAGE sql IMMUTABLE AS 'SELECT $1 - $2';
    CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float_diff);
    CREATE TYPE textrange_c AS RANGE (subtype = text, collation = "C",
                                      subtype_opclass = text_pattern_ops);
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.range_types) == Names{"public.floatrange", "public.textrange_c"});
  const auto& floats = find_named(cat.range_types, {"public", "floatrange"});
  CHECK(floats.subtype == "double precision");
  CHECK(floats.subtype_diff == std::optional<std::string>("float_diff"));
  CHECK_FALSE(floats.canonical.has_value());
  CHECK_FALSE(floats.subtype_opclass.has_value());
  CHECK_FALSE(floats.collation.has_value());

  const auto& texts = find_named(cat.range_types, {"public", "textrange_c"});
  CHECK(texts.subtype == "text");
  CHECK(texts.subtype_opclass == std::optional<std::string>("pg_catalog.text_pattern_ops"));
  CHECK(texts.collation == std::optional<QualifiedName>(QualifiedName{"pg_catalog", "C"}));
  CHECK(texts.owner == current_user(conn));
}

TEST_CASE("types owned by an extension and those outside the schema filter are left out") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  if (!test::can_extend_plpgsql(conn)) return;
  conn.exec(R"sql(
    CREATE SCHEMA other;
    CREATE TYPE owned_enum AS ENUM ('a');
    CREATE DOMAIN owned_domain AS int;
    CREATE TYPE owned_composite AS (a int);
    CREATE TYPE owned_range AS RANGE (subtype = int4);
    CREATE SCHEMA owned_schema;
    ALTER EXTENSION plpgsql ADD TYPE owned_enum;
    ALTER EXTENSION plpgsql ADD DOMAIN owned_domain;
    ALTER EXTENSION plpgsql ADD TYPE owned_composite;
    ALTER EXTENSION plpgsql ADD TYPE owned_range;
    ALTER EXTENSION plpgsql ADD SCHEMA owned_schema;
    CREATE TYPE other.mine AS ENUM ('b');
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.enum_types) == Names{"other.mine"});
  CHECK(cat.domains.empty());
  CHECK(cat.composite_types.empty());
  CHECK(cat.range_types.empty());
  Names schemas;
  for (const auto& schema : cat.schemas) schemas.push_back(schema.name);
  CHECK(schemas == Names{"other", "public"});

  auto only_public = catalog::read_catalog(conn, {.schemas = {"public"}});
  CHECK(only_public.enum_types.empty());
}
