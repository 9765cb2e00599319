// Foreign keys, schemas, sequences: what makes a copy consistent without superuser rights.
#include <catch2/catch.hpp>

#include "confiture/pg/dsn.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "sync_fixture.hpp"

using namespace confiture;

TEST_CASE("self-reference and a cycle broken at a nullable foreign key copy consistently") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE employee (id int PRIMARY KEY, manager_id int REFERENCES employee (id),
                           team_id int);
    CREATE TABLE team (id int PRIMARY KEY, lead_id int NOT NULL REFERENCES employee (id));
    ALTER TABLE employee ADD FOREIGN KEY (team_id) REFERENCES team (id);
  )sql");
  // The manager chain runs "backwards" (10 manages 1), so row order alone would break it.
  f.source_conn.exec(R"sql(
    INSERT INTO employee (id, manager_id) VALUES (10, NULL);
    INSERT INTO employee (id, manager_id) SELECT g, 10 FROM generate_series(1, 9) g;
    INSERT INTO team VALUES (100, 10), (200, 3);
    UPDATE employee SET team_id = CASE WHEN id % 2 = 0 THEN 100 ELSE 200 END;
  )sql");
  auto report = f.run();
  CHECK(report.deferred_keys_restored == 10);
  CHECK(f.target_scalar("SELECT count(*) FROM employee WHERE team_id IS NOT NULL") == "10");
  CHECK(f.target_scalar("SELECT count(*) FROM employee WHERE manager_id = 10") == "9");
  CHECK(f.target_scalar("SELECT string_agg(id || ':' || lead_id, ',' ORDER BY id) FROM team") ==
        "100:10,200:3");
  // Order: team needs employee; employee's team key was the link broken.
  REQUIRE(report.tables.size() == 2);
  CHECK(report.tables[0].table.name == "employee");
}

TEST_CASE("a cycle of NOT NULL foreign keys is refused before anything changes") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE a (id int PRIMARY KEY, b_id int NOT NULL);
    CREATE TABLE b (id int PRIMARY KEY, a_id int NOT NULL REFERENCES a (id));
    ALTER TABLE a ADD FOREIGN KEY (b_id) REFERENCES b (id) DEFERRABLE INITIALLY DEFERRED;
  )sql");
  auto error = f.error_of();
  CHECK(error.code == codes::kSyncMissingParent);
  CHECK_THAT(error.what(), Catch::Contains("cycle"));
}

TEST_CASE("tables in two schemas, identity and serial counters set past the copied values") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE SCHEMA billing;
    CREATE TABLE customer (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
    CREATE TABLE billing."Invoice" (id serial PRIMARY KEY,
                                    customer_id bigint NOT NULL REFERENCES customer (id),
                                    amount numeric(10, 2));
  )sql");
  f.source_conn.exec(R"sql(
    INSERT INTO customer (name) SELECT 'c' || g FROM generate_series(1, 50) g;
    DELETE FROM customer WHERE id > 40;
    INSERT INTO billing."Invoice" (customer_id, amount) SELECT 1 + g % 40, g FROM generate_series(1, 30) g;
  )sql");
  f.target_conn.exec("INSERT INTO customer (name) VALUES ('stale')");  // emptied by the sync
  auto report = f.run();
  CHECK(report.sequences_set == 2);
  CHECK(f.target_scalar("SELECT count(*) FROM customer") == "40");
  CHECK(f.target_scalar("SELECT count(*) FROM billing.\"Invoice\"") == "30");
  // The source's counter (50) is past the copied maximum (40): the target follows the source.
  CHECK(f.target_scalar("SELECT nextval(pg_get_serial_sequence('customer', 'id'))") == "51");
  CHECK(f.target_scalar("SELECT nextval(pg_get_serial_sequence('billing.\"Invoice\"', 'id'))") ==
        "31");
}

TEST_CASE("a selected table whose parent is not selected is refused") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE parent (id int PRIMARY KEY);
    CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
  )sql");
  f.options.plan.tables = {"child"};
  auto error = f.error_of();
  CHECK(error.code == codes::kSyncMissingParent);
  CHECK_THAT(error.what(), Catch::Contains("public.child references public.parent"));
  f.options.plan.tables = {"parent"};
  error = f.error_of();
  CHECK_THAT(error.what(), Catch::Contains("emptying public.parent would fail"));
}

TEST_CASE("partitioned tables are copied through their root") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE kind (id int PRIMARY KEY);
    INSERT INTO kind VALUES (1);
    CREATE TABLE event (id int, at date NOT NULL, kind_id int REFERENCES kind (id))
      PARTITION BY RANGE (at);
    CREATE TABLE event_2024 PARTITION OF event FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
  )sql");
  f.source_conn.exec(
      "INSERT INTO event SELECT g, date '2024-06-01' + g, 1 FROM generate_series(1, 400) g");
  auto report = f.run();
  REQUIRE(report.tables.size() == 2);  // kind, then event with its partitions
  CHECK(report.tables[1].rows == 400);
  CHECK(f.target_scalar("SELECT count(*) FROM event_2025") ==
        f.source_scalar("SELECT count(*) FROM event_2025"));
}

TEST_CASE(
    "works without superuser: a read-only role on the source, the tables' owner on the target") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE parent (id serial PRIMARY KEY, label text);
    CREATE TABLE child (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                        parent_id int NOT NULL REFERENCES parent (id));
  )sql");
  f.source_conn.exec(R"sql(
    INSERT INTO parent (label) SELECT 'p' || g FROM generate_series(1, 20) g;
    INSERT INTO child (parent_id) SELECT 1 + g % 20 FROM generate_series(1, 50) g;
  )sql");
  const std::string reader = f.source.name() + "_reader", owner = f.target.name() + "_owner";
  f.source_conn.exec("CREATE ROLE " + pg::quote_ident(reader) + " LOGIN");
  f.source_conn.exec("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + pg::quote_ident(reader));
  f.target_conn.exec("CREATE ROLE " + pg::quote_ident(owner) + " LOGIN");
  f.target_conn.exec("ALTER TABLE parent OWNER TO " + pg::quote_ident(owner));
  f.target_conn.exec("ALTER TABLE child OWNER TO " + pg::quote_ident(owner));
  auto as = [](const std::string& dsn, const std::string& role) {
    auto keywords = pg::parse_dsn(dsn);
    keywords["user"] = role;
    return pg::build_dsn(keywords);
  };
  auto report = sync::run_sync(
      {as(f.source.dsn(), reader), "source"}, {as(f.target.dsn(), owner), "target"}, f.options,
      [](const std::string&) { return std::nullopt; }, [](const std::string&) { return true; }, {},
      nullptr);
  CHECK(report.tables.size() == 2);
  CHECK(f.target_scalar("SELECT count(*) FROM child") == "50");
  // The reader may not see the source sequences: the copied maximum still moves them on.
  CHECK(f.target_scalar("SELECT nextval(pg_get_serial_sequence('child', 'id'))") == "51");
  f.source_conn.exec("DROP OWNED BY " + pg::quote_ident(reader));
  f.source_conn.exec("DROP ROLE " + pg::quote_ident(reader));
  f.target_conn.exec("ALTER TABLE parent OWNER TO CURRENT_USER");
  f.target_conn.exec("ALTER TABLE child OWNER TO CURRENT_USER");
  f.target_conn.exec("DROP ROLE " + pg::quote_ident(owner));
}
