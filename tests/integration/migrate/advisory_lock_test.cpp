// The migration lock against a real server: the Python tool's key, contention errors that name
// the holder, release on disconnect, and session settings left as they were.
#include "confiture/migrate/advisory_lock.hpp"

#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <climits>
#include <string>

#include "confiture/pg/connection.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "test_database.hpp"

using namespace confiture;
using migrate::MigrationLock;

namespace {

Error lock_error(pg::Connection& conn, int timeout_ms) {
  try {
    MigrationLock lock(conn, timeout_ms, "second runner");
  } catch (const Error& e) {
    return e;
  }
  FAIL("the lock was granted");
  throw std::logic_error("unreachable");
}

int backend_pid(pg::Connection& conn) {
  return conn.exec("SELECT pg_backend_pid()")[0][0].as<int>();
}

// Sessions holding the migration lock of the database `conn` is on.
int lock_holders(pg::Connection& conn) {
  return conn
      .exec(
          "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
          "AND classid = 1751936052 AND objsubid = 2 "
          "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")[0][0]
      .as<int>();
}

std::string settings(pg::Connection& conn) {
  auto rows = conn.exec(
      "SELECT current_setting('statement_timeout') || ' ' || current_setting('lock_timeout')");
  return rows[0][0].as<std::string>();
}

std::string host_name() {
  std::array<char, HOST_NAME_MAX + 1> buffer{};
  ::gethostname(buffer.data(), buffer.size() - 1);
  return buffer.data();
}

}  // namespace

TEST_CASE("lock_key is the Python tool's: sha256(name)[:4] big-endian & 0x7FFFFFFF") {
  // python3 -c 'import hashlib; print(int.from_bytes(hashlib.sha256(b"...").digest()[:4],
  //                                    "big") & 0x7FFFFFFF)'
  CHECK(migrate::lock_key("postgres") == 692237180);
  CHECK(migrate::lock_key("confiture_test") == 886844087);
  CHECK(migrate::lock_key("my_app_db") == 1333104184);
  CHECK(migrate::lock_key("caf\xc3\xa9") == 84901316);  // UTF-8 bytes, as Python encodes
}

TEST_CASE("the lock uses the key the server computes from current_database()") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  MigrationLock lock(conn, 1000, "confiture migrate up");
  pg::Connection observer(db.dsn());
  auto rows = observer.exec(
      "SELECT l.objid::bigint = (('x' || left(encode(sha256(convert_to(current_database(), "
      "'UTF8')), 'hex'), 8))::bit(32)::bigint & 2147483647) "
      "FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 1751936052 "
      "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][0].as<bool>());
}

TEST_CASE("a second runner times out with LOCK_1300 naming the holder") {
  test::TestDatabase db;
  pg::Connection first(db.dsn());
  MigrationLock held(first, 1000, "confiture migrate up");

  // The holder row is what the Python tool writes, committed already.
  pg::Connection observer(db.dsn());
  auto row = observer.exec(
      "SELECT pid, hostname, usename = current_user, command, "
      "acquired_at <= now() FROM confiture_lock_holder");
  REQUIRE(row.size() == 1);
  CHECK(row[0][0].as<int>() == ::getpid());
  CHECK(row[0][1].as<std::string>() == host_name());
  CHECK(row[0][2].as<bool>());
  CHECK(row[0][3].as<std::string>() == "confiture migrate up");

  pg::Connection second(db.dsn());
  Error e = lock_error(second, 200);
  CHECK(e.code == codes::kLockHeld);
  CHECK(e.exit_class == ExitClass::kLock);
  std::string message = e.what();
  INFO(message);
  CHECK(message.find("another confiture run holds the migration lock on " + db.name()) !=
        std::string::npos);
  CHECK(message.find("pid " + std::to_string(::getpid())) != std::string::npos);
  CHECK(message.find("on host " + host_name()) != std::string::npos);
  CHECK(message.find("running \"confiture migrate up\" since ") != std::string::npos);
  CHECK(e.hint.find("--lock-timeout") != std::string::npos);
  const auto& holder = e.details["holder"];
  CHECK(holder["pid"] == ::getpid());
  CHECK(holder["hostname"] == host_name());
  CHECK(holder["command"] == "confiture migrate up");
  CHECK(holder["backend_pid"] == backend_pid(first));
  CHECK(holder["held_for_seconds"].get<long long>() >= 0);
  CHECK(holder["acquired_at"].get<std::string>().size() == 20);  // 2026-11-24T10:00:00Z
  CHECK(e.details["stale_holder_row"] == false);
  CHECK(e.details["session"]["pid"] == backend_pid(first));

  auto seen = migrate::lock_holder(second);
  REQUIRE(seen.has_value());
  CHECK(seen->pid == ::getpid());
  CHECK(seen->command == "confiture migrate up");
  CHECK(seen->backend_pid == backend_pid(first));
}

TEST_CASE("timeout 0 tries once, the destructor removes the row and unlocks") {
  test::TestDatabase db;
  pg::Connection first(db.dsn());
  pg::Connection second(db.dsn());
  {
    MigrationLock held(first, 0, "confiture migrate up");
    Error e = lock_error(second, 0);
    CHECK(e.code == codes::kLockHeld);
    CHECK(e.details["timeout_ms"] == 0);
    CHECK(lock_holders(second) == 1);
  }
  CHECK(lock_holders(second) == 0);
  CHECK(second.exec("SELECT count(*) FROM confiture_lock_holder")[0][0].as<int>() == 0);
  CHECK_FALSE(migrate::lock_holder(second).has_value());
  MigrationLock now_ours(second, 0, "confiture migrate down");
  CHECK(lock_holders(first) == 1);
}

TEST_CASE("a killed holder releases the lock, its leftover row is reported as stale") {
  test::TestDatabase db;
  auto first = std::make_unique<pg::Connection>(db.dsn());
  auto held = std::make_unique<MigrationLock>(*first, 1000, "confiture migrate up");
  int first_pid = backend_pid(*first);

  pg::Connection admin(db.dsn());
  admin.exec("SELECT pg_terminate_backend(" + std::to_string(first_pid) + ")");
  held.reset();  // its unlock fails on the dead session, silently
  first.reset();

  // The row survives the crash. A session that records nothing (a psql, an older runner)
  // takes the lock next: the row must not be taken for its description.
  CHECK(admin.exec("SELECT count(*) FROM confiture_lock_holder")[0][0].as<int>() == 1);
  pg::Connection other(db.dsn());
  other.exec("SET application_name = 'manual psql'");
  other.exec("SELECT pg_advisory_lock(1751936052, " + std::to_string(migrate::lock_key(db.name())) +
             ")");

  pg::Connection second(db.dsn());
  Error e = lock_error(second, 100);
  std::string message = e.what();
  INFO(message);
  CHECK(e.code == codes::kLockHeld);
  CHECK(message.find("another session holds the migration lock") != std::string::npos);
  CHECK(message.find("server pid " + std::to_string(backend_pid(other))) != std::string::npos);
  CHECK(message.find("manual psql") != std::string::npos);
  CHECK(message.find("pg_advisory_lock") != std::string::npos);  // its last query
  CHECK(e.hint.find("stale") != std::string::npos);
  CHECK(e.details["stale_holder_row"] == true);
  CHECK(e.details["holder"]["pid"].is_null());
  CHECK(e.details["holder"]["backend_pid"] == backend_pid(other));

  auto seen = migrate::lock_holder(second);
  REQUIRE(seen.has_value());
  CHECK(seen->pid == 0);
  CHECK(seen->backend_pid == backend_pid(other));
  CHECK(seen->application_name == "manual psql");

  other.exec("SELECT pg_advisory_unlock_all()");
  MigrationLock ours(second, 1000, "confiture migrate up");  // free again
  CHECK(lock_holders(admin) == 1);
}

TEST_CASE("the lock is free again once the holder's connection closes") {
  test::TestDatabase db;
  pg::Connection second(db.dsn());
  {
    pg::Connection first(db.dsn());
    first.exec("SELECT pg_advisory_lock(1751936052, " +
               std::to_string(migrate::lock_key(db.name())) + ")");
    CHECK(lock_error(second, 0).code == codes::kLockHeld);
  }
  // Closing is asynchronous on the server: wait for the lock rather than try once.
  MigrationLock ours(second, 5000, "confiture migrate up");
  CHECK(lock_holders(second) == 1);
}

TEST_CASE("lock waits leave statement_timeout and lock_timeout as they were") {
  test::TestDatabase db;
  pg::Connection first(db.dsn());
  first.exec("SET statement_timeout = '7s'; SET lock_timeout = '3s'");
  const std::string before = settings(first);
  CHECK(before == "7s 3s");
  {
    MigrationLock held(first, 1500, "confiture migrate up");
    CHECK(settings(first) == before);
    CHECK(first.exec("SELECT 1")[0][0].as<int>() == 1);  // the session is idle and usable

    pg::Connection second(db.dsn());
    second.exec("SET statement_timeout = '9s'");
    const std::string second_before = settings(second);
    CHECK(lock_error(second, 100).code == codes::kLockHeld);
    CHECK(settings(second) == second_before);
    CHECK(second.exec("SELECT 1")[0][0].as<int>() == 1);  // not left in a failed transaction
  }
  CHECK(settings(first) == before);
}

TEST_CASE("a holder row that cannot be written does not fail the lock") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec("CREATE TABLE confiture_lock_holder (unrelated int)");
  {
    MigrationLock held(conn, 1000, "confiture migrate up");
    CHECK(lock_holders(conn) == 1);
    pg::Connection second(db.dsn());
    Error e = lock_error(second, 0);
    CHECK(std::string(e.what()).find("another session holds the migration lock") !=
          std::string::npos);
    CHECK(e.details["holder"]["backend_pid"] == backend_pid(conn));
  }
  CHECK(lock_holders(conn) == 0);
}
