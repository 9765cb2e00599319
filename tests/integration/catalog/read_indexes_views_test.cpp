// read_catalog against a real server: indexes that back no constraint, and views and
// materialized views.
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

TEST_CASE("indexes that back no constraint come with method and columns and predicate") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE SCHEMA app;
    CREATE TABLE app.users (id int PRIMARY KEY, email text UNIQUE, name text, tags text[],
                            active bool, during int4range, EXCLUDE USING gist (during WITH &&));
    CREATE UNIQUE INDEX users_lower_email ON app.users (lower(email)) INCLUDE (name)
      WHERE active;
    CREATE INDEX users_tags ON app.users USING gin (tags);
    CREATE INDEX users_name_id ON app.users (name DESC, id);
    COMMENT ON INDEX app.users_tags IS 'tag search';
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.indexes) ==
        Names{"app.users_lower_email", "app.users_name_id", "app.users_tags"});

  const auto& lower_email = find_named(cat.indexes, {"app", "users_lower_email"});
  CHECK(lower_email.table == QualifiedName{"app", "users"});
  CHECK(lower_email.unique);
  CHECK(lower_email.method == "btree");
  CHECK(lower_email.definition ==
        "CREATE UNIQUE INDEX users_lower_email ON app.users USING btree (lower(email)) "
        "INCLUDE (name) WHERE active");
  CHECK(lower_email.predicate == std::optional<std::string>("active"));
  CHECK(lower_email.key_columns == Names{"lower(email)"});
  CHECK(lower_email.include_columns == Names{"name"});
  CHECK_FALSE(lower_email.comment.has_value());

  const auto& tags = find_named(cat.indexes, {"app", "users_tags"});
  CHECK(tags.method == "gin");
  CHECK_FALSE(tags.unique);
  CHECK_FALSE(tags.predicate.has_value());
  CHECK(tags.key_columns == Names{"tags"});
  CHECK(tags.include_columns.empty());
  CHECK(tags.comment == std::optional<std::string>("tag search"));

  CHECK(find_named(cat.indexes, {"app", "users_name_id"}).key_columns == Names{"name", "id"});
}

TEST_CASE("an index a partitioned index made on a partition is marked inherited") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TABLE events (id int, kind int) PARTITION BY LIST (kind);
    CREATE TABLE events_one PARTITION OF events FOR VALUES IN (1);
    CREATE INDEX events_id ON events (id);
    CREATE INDEX events_one_kind ON events_one (kind);
    CREATE MATERIALIZED VIEW totals AS SELECT kind, count(*) AS n FROM events GROUP BY kind;
    CREATE INDEX totals_kind ON totals (kind);
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.indexes) == Names{"public.events_id", "public.events_one_id_idx",
                                            "public.events_one_kind", "public.totals_kind"});
  CHECK_FALSE(find_named(cat.indexes, {"public", "events_id"}).inherited);
  CHECK(find_named(cat.indexes, {"public", "events_one_id_idx"}).inherited);
  CHECK_FALSE(find_named(cat.indexes, {"public", "events_one_kind"}).inherited);
  CHECK(find_named(cat.indexes, {"public", "totals_kind"}).table ==
        QualifiedName{"public", "totals"});
}

TEST_CASE("views and materialized views carry definition and options and columns") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TABLE users (id int, name varchar(40), active bool);
    CREATE VIEW active_users WITH (security_barrier) AS
      SELECT id, name FROM users WHERE active
      WITH LOCAL CHECK OPTION;
    CREATE MATERIALIZED VIEW user_count WITH (fillfactor = 50) AS
      SELECT count(*) AS n FROM users WITH NO DATA;
    COMMENT ON VIEW active_users IS 'only the active ones';
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(display_names(cat.views) == Names{"public.active_users", "public.user_count"});

  const auto& active = find_named(cat.views, {"public", "active_users"});
  CHECK_FALSE(active.materialized);
  // Newer servers print the column unqualified: "WHERE active", not "WHERE users.active".
  CHECK(active.definition.find("WHERE") != std::string::npos);
  CHECK(active.definition.find("active;") != std::string::npos);
  CHECK(active.options == Names{"security_barrier=true", "check_option=local"});
  CHECK(active.populated);
  REQUIRE(active.columns.size() == 2);
  CHECK(active.columns[0].name == "id");
  CHECK(active.columns[0].type == "integer");
  CHECK(active.columns[1].name == "name");
  CHECK(active.columns[1].type == "character varying(40)");
  CHECK(active.comment == std::optional<std::string>("only the active ones"));

  const auto& count = find_named(cat.views, {"public", "user_count"});
  CHECK(count.materialized);
  CHECK_FALSE(count.populated);
  CHECK(count.options == Names{"fillfactor=50"});
  REQUIRE(count.columns.size() == 1);
  CHECK(count.columns[0].type == "bigint");
  CHECK(cat.tables.size() == 1);
}
