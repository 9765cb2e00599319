// read_catalog against a real server: objects of kinds the model does not cover are listed, so
// that a diff never calls two databases equal when they may differ there.
#include <catch2/catch.hpp>
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

Names described(const catalog::Catalog& cat) {
  Names names;
  for (const auto& object : cat.unsupported) {
    names.push_back(object.kind + ": " + (object.schema.empty() ? "" : object.schema + ".") +
                    object.name);
  }
  return names;
}

}  // namespace

TEST_CASE("a database with only supported objects has nothing unsupported") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TYPE mood AS ENUM ('ok');
    CREATE TABLE users (id int PRIMARY KEY, name text);
    CREATE INDEX users_name ON users (name);
    CREATE VIEW names AS SELECT name FROM users;
    CREATE FUNCTION one() RETURNS int LANGUAGE sql AS 'SELECT 1';
    CREATE DOMAIN positive AS int CHECK (VALUE > 0);
    CREATE TYPE pair AS (a int, b int);
    CREATE TYPE floatrange AS RANGE (subtype = float8);
    CREATE SEQUENCE counter;
    CREATE MATERIALIZED VIEW name_count AS SELECT count(*) FROM users;
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
    CREATE TRIGGER touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE POLICY mine ON users USING (true);
    CREATE TABLE events (id int) PARTITION BY RANGE (id);
    CREATE TABLE events_low PARTITION OF events FOR VALUES FROM (0) TO (10);
  )sql");
  // Array, multirange and row types, range constructors and the view's rule come with the
  // objects above: none of them is a separate, unsupported object.
  CHECK(described(catalog::read_catalog(conn)) == Names{});
}

TEST_CASE("objects of other kinds are listed as unsupported with kind and name") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE TABLE app.users (id int, name text);
    CREATE RULE no_delete AS ON DELETE TO app.users DO INSTEAD NOTHING;
    CREATE FUNCTION app.same(int, int) RETURNS bool LANGUAGE sql AS 'SELECT $1 = $2';
    CREATE OPERATOR app.=== (LEFTARG = int, RIGHTARG = int, FUNCTION = app.same);
    CREATE COLLATION app.german (provider = libc, locale = 'C');
    CREATE STATISTICS app.users_stats ON id, name FROM app.users;
    CREATE TEXT SEARCH CONFIGURATION app.simple_copy (COPY = pg_catalog.simple);
    CREATE FOREIGN DATA WRAPPER dummy;
    CREATE SERVER nowhere FOREIGN DATA WRAPPER dummy;
    CREATE FOREIGN TABLE app.remote (id int) SERVER nowhere;
    CREATE PUBLICATION everything FOR ALL TABLES;
    CREATE TYPE app.shell;
    ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(described(cat) ==
        Names{"base type: app.shell", "collation: app.german",
              "default privileges: app." +
                  conn.exec("SELECT current_user")[0][0].as<std::string>() + " on tables",
              "foreign server: nowhere", "foreign table: app.remote", "foreign-data wrapper: dummy",
              "operator: app.===(integer, integer)", "publication: everything",
              "rule: app.no_delete on users", "statistics object: app.users_stats",
              "text search configuration: app.simple_copy"});

  // Objects of the whole database stay whatever the schema filter; the others go with theirs.
  auto only_public = catalog::read_catalog(conn, {.schemas = {"public"}});
  CHECK(described(only_public) ==
        Names{"foreign server: nowhere", "foreign-data wrapper: dummy", "publication: everything"});
}

TEST_CASE("unsupported objects owned by an extension are left to it") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  if (!test::can_extend_plpgsql(conn)) return;
  conn.exec(R"sql(
    CREATE FUNCTION same(int, int) RETURNS bool LANGUAGE sql AS 'SELECT $1 = $2';
    CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = same);
    ALTER EXTENSION plpgsql ADD OPERATOR === (int, int);
  )sql");
  CHECK(described(catalog::read_catalog(conn)) == Names{});
}
