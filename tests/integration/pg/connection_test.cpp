// Connection against a real server: failures are confiture errors without passwords.
#include "confiture/pg/connection.hpp"

#include <catch2/catch.hpp>

#include "confiture/pg/dsn.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "test_database.hpp"

using namespace confiture;

TEST_CASE("Connection runs queries and knows its database") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  CHECK(conn.database() == db.name());
  CHECK(conn.server_version() >= 100000);
  auto rows = conn.exec("SELECT 40 + 2");
  CHECK(rows[0][0].as<int>() == 42);
}

TEST_CASE("connecting to a bad host is kConnFailed and never shows the password") {
  const std::string dsn = "postgresql://app:hunter2@nonexistent.invalid:5432/app?connect_timeout=2";
  try {
    pg::Connection conn(dsn);
    FAIL("connected");
  } catch (const Error& e) {
    CHECK(e.code == codes::kConnFailed);
    CHECK(e.exit_class == ExitClass::kConnection);
    std::string message = e.what();
    CHECK(message.find("hunter2") == std::string::npos);
    CHECK(message.find("nonexistent.invalid") != std::string::npos);
    CHECK(e.hint.find("hunter2") == std::string::npos);
  }
}

TEST_CASE("a wrong database name on the test server is kConnFailed") {
  test::TestDatabase db;
  auto dsn = pg::with_database(db.admin_dsn(), "no_such_database_here");
  CHECK_THROWS_MATCHES(pg::Connection(dsn), Error, Catch::Predicate<Error>([](const Error& e) {
                         return e.code == codes::kConnFailed &&
                                std::string(e.what()).find("no_such_database_here") !=
                                    std::string::npos;
                       }));
}

TEST_CASE("a failing query is kConnQueryFailed with its sqlstate") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  try {
    conn.exec("SELECT * FROM no_such_table");
    FAIL("query succeeded");
  } catch (const Error& e) {
    CHECK(e.code == codes::kConnQueryFailed);
    CHECK(e.details["sqlstate"] == "42P01");
  }
  CHECK(conn.exec("SELECT 1")[0][0].as<int>() == 1);  // still usable afterwards
}

TEST_CASE("a terminated session is kConnLost") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  int pid = conn.exec("SELECT pg_backend_pid()")[0][0].as<int>();
  pg::Connection killer(db.dsn());
  killer.exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
  CHECK_THROWS_MATCHES(conn.exec("SELECT 1"), Error, Catch::Predicate<Error>([](const Error& e) {
                         return e.code == codes::kConnLost;
                       }));
}

TEST_CASE("a Connection can be moved") {
  test::TestDatabase db;
  pg::Connection first(db.dsn());
  pg::Connection second = std::move(first);
  CHECK(second.exec("SELECT 1")[0][0].as<int>() == 1);
}
