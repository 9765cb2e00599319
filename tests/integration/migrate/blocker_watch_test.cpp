// BlockerWatch against a real server: a session waiting on a table lock learns who holds it.
// No assertion depends on timing: waits end on what the watch did (its poll count) or on the
// waiting session giving up, with a generous cap that fails the test rather than hang.
#include "migrate/blocker_watch.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>

#include "confiture/pg/connection.hpp"
#include "confiture/report/error.hpp"
#include "test_database.hpp"

using namespace confiture;
using migrate::Blocker;
using migrate::BlockerWatch;

namespace {

// Waits until `watch` has finished `count` polls; the cap only stops a watch that never polls.
void wait_for_polls(const BlockerWatch& watch, std::size_t count) {
  const auto cap = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (watch.polls() < count && std::chrono::steady_clock::now() < cap) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  INFO("the watch finished " << watch.polls() << " polls");
  REQUIRE(watch.polls() >= count);
}

}  // namespace

TEST_CASE("BlockerWatch names the session that holds the lock a query waits for") {
  test::TestDatabase db;
  pg::Connection setup(db.dsn());
  setup.exec("CREATE TABLE t (id int)");

  pg::Connection holder(db.dsn());
  holder.exec("SET application_name = 'holder app'");
  const int holder_pid = holder.exec("SELECT pg_backend_pid()")[0][0].as<int>();
  holder.exec("BEGIN");
  holder.exec("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");

  pg::Connection waiter(db.dsn());
  const int waiter_pid = waiter.exec("SELECT pg_backend_pid()")[0][0].as<int>();
  waiter.exec("SET lock_timeout = '2s'");

  BlockerWatch watch(db.dsn(), waiter_pid);
  std::string waiter_error;
  std::atomic<bool> waited{false};
  std::thread waiting([&] {
    try {
      waiter.exec("SELECT * FROM t");
    } catch (const Error& e) {
      waiter_error = e.details.value("sqlstate", "");
    }
    waited = true;
  });

  // What the watch saw while the wait lasted (until lock_timeout ends it).
  std::vector<Blocker> seen;
  while (seen.empty() && !waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    seen = watch.last_seen();
  }
  waiting.join();
  if (seen.empty()) seen = watch.last_seen();
  holder.exec("ROLLBACK");

  CHECK(waiter_error == "55P03");  // lock_not_available: the wait really happened
  REQUIRE(seen.size() == 1);
  const Blocker& b = seen[0];
  CHECK(b.pid == holder_pid);
  CHECK(b.query == "LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
  CHECK(b.application_name == "holder app");
  CHECK(b.state == "idle in transaction");
  CHECK(b.transaction_started.size() == 20);  // 2026-11-24T10:00:00Z
  CHECK_FALSE(b.usename.empty());

  std::string line = migrate::describe(b);
  INFO(line);
  CHECK(line.rfind("pid " + std::to_string(holder_pid) + " (", 0) == 0);
  CHECK(line.find("holder app") != std::string::npos);
  CHECK(line.find("idle in transaction since " + b.transaction_started) != std::string::npos);
  CHECK(line.find("): LOCK TABLE t IN ACCESS EXCLUSIVE MODE") != std::string::npos);
  CHECK(line.find('\n') == std::string::npos);

  // The answer is kept after the wait is over (it only ever adds detail to an error), through
  // polls that find no blocker any more.
  wait_for_polls(watch, watch.polls() + 2);
  CHECK(watch.last_seen().size() == 1);
}

TEST_CASE("describe renders one line, leaving out what is unknown") {
  Blocker b;
  b.pid = 1234;
  b.usename = "alice";
  b.application_name = "psql";
  b.client = "10.0.0.5";
  b.state = "active";
  b.query = "UPDATE users\n   SET name = 'x'\n WHERE id = 1";
  CHECK(migrate::describe(b) ==
        "pid 1234 (alice@10.0.0.5, psql, active): UPDATE users SET name = 'x' WHERE id = 1");

  Blocker bare;
  bare.pid = 7;
  bare.client = "local";
  CHECK(migrate::describe(bare) == "pid 7");
}

TEST_CASE("a watch on an unreachable server keeps trying, stays silent, and stops") {
  BlockerWatch watch("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1", 42);
  wait_for_polls(watch, 2);  // a failed connect, then another after the retry pause
  CHECK(watch.last_seen().empty());
  // Leaving the scope stops it, in its retry pause.
}
