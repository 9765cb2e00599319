// read_catalog against a real server: what the schema diff needs of a table beyond `sync`'s
// view of it (constraints other than foreign keys, collations, storage and security settings,
// partition keys and bounds, inheritance).
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
using test::display_names;
using test::find_named;
using test::Names;
using test::table_of;

namespace {

const catalog::Constraint& constraint_of(const catalog::Table& table, const std::string& name) {
  auto found = std::find_if(table.constraints.begin(), table.constraints.end(),
                            [&](const catalog::Constraint& c) { return c.name == name; });
  INFO(table.name.display() << " " << name);
  REQUIRE(found != table.constraints.end());
  return *found;
}

Names constraint_names(const catalog::Table& table) {
  Names names;
  for (const auto& constraint : table.constraints) names.push_back(constraint.name);
  return names;
}

}  // namespace

TEST_CASE("tables list primary key unique check and exclusion constraints but no foreign keys") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TABLE parent (id int PRIMARY KEY);
    CREATE TABLE booking (
      id int CONSTRAINT booking_pk PRIMARY KEY,
      room int NOT NULL,
      code text,
      during int4range,
      parent_id int REFERENCES parent,
      CONSTRAINT booking_code_room UNIQUE (code, room) DEFERRABLE INITIALLY DEFERRED,
      CONSTRAINT booking_room_positive CHECK (room > 0) NO INHERIT,
      CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&)
    );
    ALTER TABLE booking ADD CONSTRAINT booking_code_short CHECK (length(code) < 9) NOT VALID;
  )sql");

  auto cat = catalog::read_catalog(conn);
  const auto& booking = table_of(cat, {"public", "booking"});
  CHECK(constraint_names(booking) == Names{"booking_code_room", "booking_code_short",
                                           "booking_no_overlap", "booking_pk",
                                           "booking_room_positive"});
  CHECK(booking.primary_key == Names{"id"});
  CHECK(booking.foreign_keys.size() == 1);

  const auto& pk = constraint_of(booking, "booking_pk");
  CHECK(pk.kind == 'p');
  CHECK(pk.definition == "PRIMARY KEY (id)");

  const auto& unique = constraint_of(booking, "booking_code_room");
  CHECK(unique.kind == 'u');
  CHECK(unique.columns == Names{"code", "room"});
  CHECK(unique.definition == "UNIQUE (code, room) DEFERRABLE INITIALLY DEFERRED");
  CHECK(unique.deferrable);
  CHECK(unique.initially_deferred);

  const auto& positive = constraint_of(booking, "booking_room_positive");
  CHECK(positive.kind == 'c');
  CHECK(positive.columns == Names{"room"});
  CHECK(positive.definition == "CHECK ((room > 0)) NO INHERIT");
  CHECK(positive.no_inherit);
  CHECK(positive.validated);

  const auto& short_code = constraint_of(booking, "booking_code_short");
  CHECK_FALSE(short_code.validated);
  CHECK_FALSE(short_code.deferrable);

  const auto& overlap = constraint_of(booking, "booking_no_overlap");
  CHECK(overlap.kind == 'x');
  CHECK(overlap.columns == Names{"during"});
  CHECK(overlap.definition == "EXCLUDE USING gist (during WITH &&)");
}

TEST_CASE("a partition's constraints cloned from its parent are marked inherited") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TABLE events (id int, kind int, CONSTRAINT events_kind CHECK (kind > 0),
                         PRIMARY KEY (id, kind)) PARTITION BY LIST (kind);
    CREATE TABLE events_one PARTITION OF events FOR VALUES IN (1);
    ALTER TABLE events_one ADD CONSTRAINT events_one_id CHECK (id > 0);
  )sql");

  auto cat = catalog::read_catalog(conn);
  const auto& one = table_of(cat, {"public", "events_one"});
  CHECK(one.primary_key == Names{"id", "kind"});
  CHECK(constraint_of(one, "events_kind").inherited);
  CHECK(constraint_of(one, "events_one_pkey").inherited);
  CHECK_FALSE(constraint_of(one, "events_one_id").inherited);
  CHECK_FALSE(constraint_of(table_of(cat, {"public", "events"}), "events_kind").inherited);
}

TEST_CASE("partitioned tables have their key and partitions their bound") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TABLE measurements (at date, site int) PARTITION BY RANGE (at);
    CREATE TABLE measurements_2024 PARTITION OF measurements
      FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY LIST (site);
    CREATE TABLE measurements_2024_north PARTITION OF measurements_2024 FOR VALUES IN (1, 2);
    CREATE TABLE measurements_other PARTITION OF measurements DEFAULT;
    CREATE TABLE plain (id int);
  )sql");

  auto cat = catalog::read_catalog(conn);
  const auto& root = table_of(cat, {"public", "measurements"});
  CHECK(root.partition_key == std::optional<std::string>("RANGE (at)"));
  CHECK_FALSE(root.partition_bound.has_value());
  const auto& year = table_of(cat, {"public", "measurements_2024"});
  CHECK(year.partition_key == std::optional<std::string>("LIST (site)"));
  CHECK(year.partition_bound ==
        std::optional<std::string>("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
  CHECK(table_of(cat, {"public", "measurements_2024_north"}).partition_bound ==
        std::optional<std::string>("FOR VALUES IN (1, 2)"));
  CHECK(table_of(cat, {"public", "measurements_other"}).partition_bound ==
        std::optional<std::string>("DEFAULT"));
  CHECK(year.inherits.empty());
  const auto& plain = table_of(cat, {"public", "plain"});
  CHECK_FALSE(plain.partition_key.has_value());
  CHECK_FALSE(plain.partition_bound.has_value());
}

TEST_CASE("tables carry inheritance parents and storage and row security and persistence") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE TABLE app.named (name text COLLATE "C", label text);
    CREATE TABLE stamped (at timestamptz);
    CREATE UNLOGGED TABLE thing (id int) INHERITS (stamped, app.named)
      WITH (fillfactor = 70, autovacuum_enabled = false);
    ALTER TABLE thing ENABLE ROW LEVEL SECURITY;
    ALTER TABLE thing FORCE ROW LEVEL SECURITY;
    ALTER TABLE ONLY thing ALTER COLUMN label SET STORAGE EXTERNAL;
    ALTER TABLE ONLY thing ALTER COLUMN id SET STATISTICS 500;
  )sql");

  auto cat = catalog::read_catalog(conn);
  const auto& thing = table_of(cat, {"public", "thing"});
  CHECK(thing.inherits == std::vector<QualifiedName>{QualifiedName{"public", "stamped"},
                                                     QualifiedName{"app", "named"}});
  CHECK(thing.storage_parameters == Names{"fillfactor=70", "autovacuum_enabled=false"});
  CHECK(thing.unlogged);
  CHECK(thing.row_security);
  CHECK(thing.force_row_security);
  CHECK_FALSE(thing.partition_of.has_value());

  const auto& named = table_of(cat, {"app", "named"});
  CHECK_FALSE(named.unlogged);
  CHECK_FALSE(named.row_security);
  CHECK(named.storage_parameters.empty());
  CHECK(named.inherits.empty());
  REQUIRE(named.column("name") != nullptr);
  CHECK(named.column("name")->collation ==
        std::optional<QualifiedName>(QualifiedName{"pg_catalog", "C"}));
  CHECK_FALSE(named.column("label")->collation.has_value());
  REQUIRE(thing.column("name") != nullptr);
  CHECK(thing.column("name")->collation ==
        std::optional<QualifiedName>(QualifiedName{"pg_catalog", "C"}));

  // Column storage and statistics target: each table's own.
  CHECK(thing.column("label")->storage == 'e');
  CHECK(thing.column("label")->type_storage == 'x');
  CHECK(named.column("label")->storage == 'x');
  CHECK(thing.column("id")->storage == 'p');
  CHECK(thing.column("id")->statistics_target == std::optional<int>(500));
  CHECK_FALSE(thing.column("label")->statistics_target.has_value());
}

TEST_CASE(
    "comments privileges and owners of tables columns sequences schemas views routines and types") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const std::string me = conn.exec("SELECT current_user")[0][0].as<std::string>();
  // All of a table's privileges for its owner: "arwdDxt", plus "m" (MAINTAIN) from PostgreSQL 17.
  const std::string all = conn.server_version() >= 170000 ? "arwdDxtm" : "arwdDxt";
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE TABLE app.users (id int, name text);
    CREATE TABLE app.untouched (id int);
    CREATE SEQUENCE app.counter;
    CREATE VIEW app.names AS SELECT name FROM app.users;
    CREATE FUNCTION app.one() RETURNS int LANGUAGE sql AS 'SELECT 1';
    CREATE TYPE app.mood AS ENUM ('ok');
    COMMENT ON TABLE app.users IS 'people';
    COMMENT ON COLUMN app.users.name IS 'what they are called';
    COMMENT ON SEQUENCE app.counter IS 'counts';
    ALTER TABLE app.users ADD CONSTRAINT users_id_key UNIQUE (id),
      ADD CONSTRAINT users_self FOREIGN KEY (id) REFERENCES app.users (id);
    COMMENT ON CONSTRAINT users_id_key ON app.users IS 'one each';
    COMMENT ON CONSTRAINT users_self ON app.users IS 'points home';
    GRANT SELECT ON app.users TO PUBLIC;
    GRANT UPDATE (name) ON app.users TO PUBLIC;
    GRANT USAGE ON SCHEMA app TO PUBLIC;
    REVOKE ALL ON app.counter FROM PUBLIC;
    GRANT SELECT ON app.names TO pg_monitor;
    REVOKE EXECUTE ON FUNCTION app.one() FROM PUBLIC;
    REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
  )sql");

  auto cat = catalog::read_catalog(conn, {.schemas = {"app"}});
  const auto& users = table_of(cat, {"app", "users"});
  CHECK(users.comment == std::optional<std::string>("people"));
  CHECK(users.privileges == Names{me + "=" + all + "/" + me, "=r/" + me});
  CHECK(users.column("name")->comment == std::optional<std::string>("what they are called"));
  CHECK(users.column("name")->privileges == Names{"=w/" + me});
  CHECK_FALSE(users.column("id")->comment.has_value());
  REQUIRE(users.constraints.size() == 1);
  CHECK(users.constraints[0].comment == std::optional<std::string>("one each"));
  REQUIRE(users.foreign_keys.size() == 1);
  CHECK(users.foreign_keys[0].comment == std::optional<std::string>("points home"));
  CHECK(users.column("id")->privileges.empty());
  // Never granted nor revoked: the owner's default privileges, spelled out.
  const auto& untouched = table_of(cat, {"app", "untouched"});
  CHECK_FALSE(untouched.comment.has_value());
  CHECK(untouched.privileges == Names{me + "=" + all + "/" + me});

  REQUIRE(cat.sequences.size() == 1);
  CHECK(cat.sequences[0].comment == std::optional<std::string>("counts"));
  CHECK(cat.sequences[0].privileges == Names{me + "=rwU/" + me});

  REQUIRE(cat.schemas.size() == 1);
  CHECK(cat.schemas[0].privileges == Names{me + "=UC/" + me, "=U/" + me});

  REQUIRE(cat.views.size() == 1);
  CHECK(cat.views[0].privileges == Names{me + "=" + all + "/" + me, "pg_monitor=r/" + me});

  REQUIRE(cat.routines.size() == 1);
  CHECK(cat.routines[0].privileges == Names{me + "=X/" + me});

  REQUIRE(cat.enum_types.size() == 1);
  CHECK(cat.enum_types[0].privileges == Names{me + "=U/" + me});

  CHECK(users.owner == me);
  CHECK(cat.sequences[0].owner == me);
  CHECK(cat.views[0].owner == me);
  CHECK(cat.routines[0].owner == me);
  CHECK(cat.enum_types[0].owner == me);
}
