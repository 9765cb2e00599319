// read_catalog's dependencies: what pg_depend records, mapped to the objects the differ plans.
#include <algorithm>
#include <catch2/catch.hpp>

#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"
#include "test_database.hpp"

using namespace confiture;
using catalog::ObjectRef;

namespace {

bool depends(const catalog::Catalog& cat, const ObjectRef& dependent, const ObjectRef& referenced) {
  return std::binary_search(cat.dependencies.begin(), cat.dependencies.end(),
                            catalog::Dependency{dependent, referenced});
}

ObjectRef in_public(std::string kind, std::string name, std::string member = {}) {
  return {std::move(kind), {"public", std::move(name)}, std::move(member)};
}

}  // namespace

TEST_CASE("dependencies map defaults, constraints, views, indexes and policies to their objects") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE EXTENSION citext;
    CREATE TYPE mood AS ENUM ('calm', 'angry');
    CREATE FUNCTION plus_one(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x + 1';
    CREATE TABLE person (id int PRIMARY KEY, m mood, email citext,
                         n int DEFAULT plus_one(1) CHECK (plus_one(n) > 0));
    CREATE TABLE pet (owner int REFERENCES person, moods mood[]);
    CREATE VIEW calm AS SELECT id, m FROM person;
    CREATE VIEW calmer AS SELECT * FROM calm WHERE plus_one(id) > 1;
    CREATE INDEX person_plus ON person (plus_one(id));
    CREATE POLICY mine ON person USING (plus_one(id) > 0);
  )sql");
  const catalog::Catalog cat = catalog::read_catalog(conn);

  const ObjectRef plus_one = in_public("routine", "plus_one", "x integer");
  CHECK(depends(cat, in_public("default", "person", "n"), plus_one));
  CHECK(depends(cat, in_public("constraint", "person", "person_n_check"), plus_one));
  CHECK(depends(cat, in_public("index", "person_plus"), plus_one));
  CHECK(depends(cat, in_public("policy", "person", "mine"), plus_one));
  CHECK(depends(cat, in_public("view", "calmer"), plus_one));
  CHECK(depends(cat, in_public("view", "calmer"), in_public("view", "calm")));
  CHECK(depends(cat, in_public("view", "calm"), in_public("column", "person", "m")));
  CHECK(depends(cat, in_public("column", "person", "m"), in_public("type", "mood")));
  CHECK(depends(cat, in_public("column", "pet", "moods"), in_public("type", "mood")));
  CHECK(
      depends(cat, in_public("column", "person", "email"), ObjectRef{"extension", {"", "citext"}}));
  // A foreign key depends on the referenced primary key, not on an index of its own.
  CHECK(depends(cat, in_public("constraint", "pet", "pet_owner_fkey"),
                in_public("constraint", "person", "person_pkey")));
  CHECK(std::none_of(cat.dependencies.begin(), cat.dependencies.end(), [](const auto& d) {
    return d.dependent == d.referenced || d.referenced.name.schema == "pg_catalog";
  }));
}
