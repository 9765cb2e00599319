// A dropped connection mid-table: the table is rolled back, the finished ones are kept, and
// --resume copies the rest. (A killed process and Ctrl-C are in tests/e2e/sync_cli.sh.)
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "confiture/report/codes.hpp"
#include "sync_fixture.hpp"

using namespace confiture;

TEST_CASE("a dropped connection mid-table leaves a state that --resume finishes") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE small (id int PRIMARY KEY);
    CREATE TABLE big (id int PRIMARY KEY, small_id int REFERENCES small (id));
  )sql");
  f.source_conn.exec(R"sql(
    INSERT INTO small SELECT g FROM generate_series(1, 10) g;
    INSERT INTO big SELECT g, 1 + g % 10 FROM generate_series(1, 2000) g;
  )sql");
  f.target_conn.exec(R"sql(
    CREATE FUNCTION stall() RETURNS trigger LANGUAGE plpgsql AS
      $$BEGIN IF NEW.id = 500 THEN PERFORM pg_sleep(5); END IF; RETURN NEW; END$$;
    CREATE TRIGGER stall BEFORE INSERT ON big FOR EACH ROW EXECUTE FUNCTION stall();
  )sql");
  f.options.jobs = 1;
  std::thread terminator([&] {
    pg::Connection admin(f.target.dsn());
    for (int attempt = 0; attempt < 200; ++attempt) {
      auto killed = admin.exec(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
          "current_database() AND query LIKE 'COPY \"public\".\"big\"%' AND pid <> "
          "pg_backend_pid()");
      if (!killed.empty()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  auto error = f.error_of();
  terminator.join();
  CHECK(error.code == codes::kConnLost);
  CHECK_THAT(error.hint, Catch::Contains("--resume"));
  CHECK(f.target_scalar("SELECT count(*) FROM small") == "10");
  CHECK(f.target_scalar("SELECT count(*) FROM big") == "0");

  f.target_conn.exec("DROP TRIGGER stall ON big");
  f.options.resume = true;
  auto report = f.run();
  REQUIRE(report.tables.size() == 2);
  CHECK(report.tables[0].status == "resumed");
  CHECK(report.tables[1].status == "copied");
  CHECK(f.target_scalar("SELECT count(*) FROM big") == "2000");
  CHECK_FALSE(std::filesystem::exists(f.options.checkpoint));
}

TEST_CASE(
    "M7: a resume that fails on a foreign key because the source changed says to start over") {
  test::SyncFixture f;
  f.both(R"sql(
    CREATE TABLE customers (id int PRIMARY KEY);
    CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers (id), n int);
  )sql");
  f.source_conn.exec(R"sql(
    INSERT INTO customers SELECT generate_series(1, 5);
    INSERT INTO orders SELECT g, g, 0 FROM generate_series(1, 5) g;
  )sql");
  // The first run copies customers, then fails on orders.
  f.target_conn.exec("ALTER TABLE orders ADD CONSTRAINT positive CHECK (n > 0)");
  f.options.jobs = 1;
  auto first = f.error_of();
  CHECK(first.code == codes::kSyncCopyFailed);
  CHECK(f.target_scalar("SELECT count(*) FROM customers") == "5");

  // Meanwhile the source gains a customer and its order: --resume reads the order, not the
  // customer, and the target's foreign key refuses it.
  f.source_conn.exec("INSERT INTO customers VALUES (6); INSERT INTO orders VALUES (6, 6, 0)");
  f.target_conn.exec("ALTER TABLE orders DROP CONSTRAINT positive");
  f.options.resume = true;
  auto error = f.error_of();
  CHECK(error.code == codes::kSyncCopyFailed);
  CHECK(error.details["sqlstate"] == "23503");
  CHECK_THAT(error.hint, Catch::Contains("without --resume"));
  CHECK_THAT(error.hint, !Catch::Contains("same command with --resume"));

  // The advice works.
  f.options.resume = false;
  f.run();
  CHECK(f.target_scalar("SELECT count(*) FROM orders") == "6");
}
