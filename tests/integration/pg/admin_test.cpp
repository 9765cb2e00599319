// Database administration and scratch databases against the test server.
#include "confiture/pg/admin.hpp"

#include <catch2/catch.hpp>

#include "confiture/pg/connection.hpp"
#include "test_database.hpp"

using namespace confiture;

TEST_CASE("create, find and drop a database with an awkward name") {
  test::TestDatabase db;
  pg::Connection admin(db.admin_dsn());
  const std::string name = "Confiture \"odd\" name";
  pg::drop_database(admin, name);
  CHECK_FALSE(pg::database_exists(admin, name));
  pg::create_database(admin, name);
  CHECK(pg::database_exists(admin, name));
  pg::drop_database(admin, name);
  CHECK_FALSE(pg::database_exists(admin, name));
  pg::drop_database(admin, name);  // IF EXISTS: dropping twice is fine
}

TEST_CASE("drop_database does not wait for sessions still connected") {
  test::TestDatabase db;
  pg::Connection admin(db.admin_dsn());
  pg::ScratchDatabase scratch(db.admin_dsn(), "confiture_busy_");
  pg::Connection lingering(scratch.dsn());
  pg::drop_database(admin, scratch.name());
  CHECK_FALSE(pg::database_exists(admin, scratch.name()));
}

TEST_CASE("database_is_empty sees user objects and ignores extensions and named tables") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  const std::string ignored[] = {"tb_confiture_build"};
  CHECK(pg::database_is_empty(conn, ignored));

  conn.exec("CREATE EXTENSION IF NOT EXISTS pgcrypto");
  CHECK(pg::database_is_empty(conn, ignored));

  conn.exec(
      "CREATE TABLE tb_confiture_build (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
      "hash text UNIQUE)");
  CHECK(pg::database_is_empty(conn, ignored));
  CHECK_FALSE(pg::database_is_empty(conn));

  SECTION("a table") {
    conn.exec("CREATE TABLE t (id int)");
    CHECK_FALSE(pg::database_is_empty(conn, ignored));
  }
  SECTION("a function") {
    conn.exec("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
    CHECK_FALSE(pg::database_is_empty(conn, ignored));
  }
  SECTION("an enum type") {
    conn.exec("CREATE TYPE mood AS ENUM ('sad', 'happy')");
    CHECK_FALSE(pg::database_is_empty(conn, ignored));
  }
  SECTION("a schema") {
    conn.exec("CREATE SCHEMA app");
    CHECK_FALSE(pg::database_is_empty(conn, ignored));
  }
  SECTION("a sequence") {
    conn.exec("CREATE SEQUENCE s");
    CHECK_FALSE(pg::database_is_empty(conn, ignored));
  }
}

TEST_CASE("ScratchDatabase creates a unique database and drops it, sessions or not") {
  test::TestDatabase db;
  pg::Connection admin(db.admin_dsn());
  std::string name;
  {
    pg::ScratchDatabase a(db.admin_dsn(), "confiture_scratch_");
    pg::ScratchDatabase b(db.admin_dsn(), "confiture_scratch_");
    name = a.name();
    CHECK(a.name() != b.name());
    CHECK(a.name().rfind("confiture_scratch_", 0) == 0);
    CHECK(pg::database_exists(admin, a.name()));
    pg::Connection inside(a.dsn());
    CHECK(inside.database() == a.name());
    inside.exec("CREATE TABLE t (id int)");
    // `inside` is still connected when `a` is dropped: WITH (FORCE) must cope.
  }
  CHECK_FALSE(pg::database_exists(admin, name));
}

TEST_CASE("ScratchDatabase clones a template and truncates a long prefix") {
  test::TestDatabase db;
  pg::Connection admin(db.admin_dsn());
  {
    pg::Connection source(db.dsn());
    source.exec("CREATE TABLE from_template (id int)");
  }
  pg::ScratchDatabase copy(db.admin_dsn(), std::string(80, 'p'), db.name());
  CHECK(copy.name().size() == 63);
  pg::Connection conn(copy.dsn());
  CHECK(conn.exec("SELECT to_regclass('from_template') IS NOT NULL")[0][0].as<bool>());
}
