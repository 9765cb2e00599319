// Property 4 of issue 12: the lock-safe forms really release the lock. A generated migration
// commits its ADD ... NOT VALID before the VALIDATE (`-- confiture:commit`), so the validation
// holds only SHARE UPDATE EXCLUSIVE, as seen in pg_locks from a second session; a failure in a
// later part leaves the earlier parts, no ledger row, and a rerun that goes on from there.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <set>
#include <thread>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/scope.hpp"
#include "confiture/migrate/status.hpp"
#include "confiture/report/codes.hpp"
#include "migrate_fixture.hpp"

using namespace confiture;
using test::MigrateFixture;

namespace {

// The plan from the fixture's database to `desired`, as a migration file.
std::string generated(MigrateFixture& f, const std::string& desired) {
  test::TestDatabase to_db;
  pg::Connection to(to_db.dsn());
  to.exec(desired);
  auto current = catalog::read_catalog(f.conn());
  std::vector<std::string> own{"tb_confiture", "confiture_lock_holder",
                               "confiture_migration_parts"};
  diff::exclude_tables(current, own);
  return diff::to_sql(diff::plan_changes(current, catalog::read_catalog(to)));
}

// The lock modes the backend running `text` holds (granted) on `table`, seen from `watcher`;
// empty when no backend runs it.
std::set<std::string> locks_of_backend_running(pg::Connection& watcher, const std::string& text,
                                               const std::string& table) {
  auto rows = watcher.exec(
      "SELECT l.mode FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
      "WHERE a.state = 'active' AND position('" +
      text +
      "' in a.query) > 0 AND l.granted "
      "AND l.relation = '" +
      table + "'::regclass AND a.pid <> pg_backend_pid()");
  std::set<std::string> modes;
  for (const auto& row : rows) modes.insert(row[0].as<std::string>());
  return modes;
}

// The strongest of the table lock modes, in PostgreSQL's order.
std::string strongest(const std::set<std::string>& modes) {
  static const std::vector<std::string> order{
      "AccessExclusiveLock",      "ExclusiveLock",    "ShareRowExclusiveLock", "ShareLock",
      "ShareUpdateExclusiveLock", "RowExclusiveLock", "RowShareLock",          "AccessShareLock"};
  for (const std::string& mode : order) {
    if (modes.count(mode)) return mode;
  }
  return "none";
}

}  // namespace

TEST_CASE(
    "B2: a generated foreign key's VALIDATE holds only SHARE UPDATE EXCLUSIVE and ROW SHARE") {
  MigrateFixture f;
  const std::string base =
      "CREATE TABLE users (id int PRIMARY KEY);\n"
      "CREATE TABLE posts (id int PRIMARY KEY, reviewer_id int);\n"
      "INSERT INTO users SELECT g FROM generate_series(1, 1000) g;\n"
      "INSERT INTO posts SELECT g, 1 + g % 1000 FROM generate_series(1, 1000) g;\n";
  f.migration("001_base", base);
  f.up();
  const std::string file = generated(
      f,
      "CREATE TABLE users (id int PRIMARY KEY);\n"
      "CREATE TABLE posts (id int PRIMARY KEY, reviewer_id int REFERENCES users (id));\n");
  INFO(file);
  REQUIRE(file.find("-- confiture:commit") != std::string::npos);
  f.migration("002_fk", file);

  // A session inserting version 002 into the ledger makes the runner's ledger INSERT, the last
  // statement of the VALIDATE's transaction, wait: the VALIDATE's locks are held meanwhile.
  pg::Connection holder(f.db.dsn());
  holder.exec("BEGIN");
  holder.exec("INSERT INTO tb_confiture (slug, version, name) VALUES ('held', '002', 'held')");
  auto running = std::async(std::launch::async, [&] { return f.up(); });
  pg::Connection watcher(f.db.dsn());
  std::set<std::string> on_posts, on_users;
  for (int i = 0; i < 400 && on_posts.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    auto waiting = watcher.exec(
        "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
        "position('tb_confiture' in query) > 0 AND pid <> pg_backend_pid()");
    if (waiting.empty()) continue;
    const std::string pid = waiting[0][0].as<std::string>();
    for (const auto& row : watcher.exec(
             "SELECT relation::regclass::text, mode FROM pg_locks WHERE granted AND pid = " + pid +
             " AND relation IN ('posts'::regclass, 'users'::regclass)")) {
      (row[0].as<std::string>() == "posts" ? on_posts : on_users).insert(row[1].as<std::string>());
    }
  }
  holder.exec("ROLLBACK");
  running.get();
  CHECK(strongest(on_posts) == "ShareUpdateExclusiveLock");
  CHECK(strongest(on_users) == "RowShareLock");
  CHECK(f.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'posts_reviewer_id_fkey' "
                 "AND convalidated") == 1);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 1);
  CHECK(f.scalar("SELECT count(*) FROM confiture_migration_parts") == 0);
}

TEST_CASE("B3: a generated SET NOT NULL validates its check without ACCESS EXCLUSIVE") {
  MigrateFixture f;
  f.migration("001_base",
              "CREATE TABLE posts (id int PRIMARY KEY, title text, filler text);\n"
              "INSERT INTO posts SELECT g, 't' || g, repeat('x', 200) FROM "
              "generate_series(1, 400000) g;\n");
  f.up();
  const std::string file =
      generated(f, "CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL, filler text);\n");
  INFO(file);
  f.migration("002_not_null", file);
  auto running = std::async(std::launch::async, [&] { return f.up(); });
  pg::Connection watcher(f.db.dsn());
  std::set<std::string> seen;
  while (running.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready) {
    auto modes = locks_of_backend_running(watcher, "VALIDATE CONSTRAINT", "posts");
    seen.insert(modes.begin(), modes.end());
  }
  running.get();
  INFO("the VALIDATE was never seen running: make the table larger");
  REQUIRE_FALSE(seen.empty());
  CHECK(strongest(seen) == "ShareUpdateExclusiveLock");
  CHECK(f.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'posts'::regclass AND "
                 "attname = 'title' AND attnotnull") == 1);
  CHECK(f.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'title_not_null'") == 0);
}

TEST_CASE(
    "B2: a VALIDATE that fails leaves the NOT VALID key and no ledger row, and the rerun goes on") {
  MigrateFixture f;
  f.migration("001_base",
              "CREATE TABLE users (id int PRIMARY KEY);\n"
              "CREATE TABLE posts (id int PRIMARY KEY, reviewer_id int);\n"
              "INSERT INTO users VALUES (1);\n"
              "INSERT INTO posts VALUES (1, 1), (2, 99);\n");
  f.up();
  const std::string file = generated(
      f,
      "CREATE TABLE users (id int PRIMARY KEY);\n"
      "CREATE TABLE posts (id int PRIMARY KEY, reviewer_id int REFERENCES users (id));\n");
  f.migration("002_fk", file);
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == std::string(codes::kMigrPartiallyApplied));
  CHECK(e.hint.find("goes on with part 2") != std::string::npos);
  CHECK(f.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'posts_reviewer_id_fkey' "
                 "AND NOT convalidated") == 1);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 0);
  CHECK(f.scalar("SELECT parts_committed FROM confiture_migration_parts") == 1);

  // Edited meanwhile: refused, since which statements ran can no longer be told.
  f.migration("002_fk", file + "\nSELECT 1;\n");
  Error changed = f.error_of([&] { f.up(); });
  CHECK(changed.code == std::string(codes::kMigrSplitChanged));
  f.migration("002_fk", file);

  f.conn().exec("DELETE FROM posts WHERE id = 2");
  CHECK(f.up().applied.size() == 1);
  CHECK(f.scalar("SELECT count(*) FROM pg_constraint WHERE conname = 'posts_reviewer_id_fkey' "
                 "AND convalidated") == 1);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 1);
  CHECK(f.scalar("SELECT count(*) FROM confiture_migration_parts") == 0);
}

TEST_CASE("a hand-written file split by -- confiture:commit commits each part on its own") {
  MigrateFixture f;
  f.migration("001_split",
              "CREATE TABLE a (id int);\n"
              "-- confiture:commit\n"
              "CREATE TABLE b (id int);\n"
              "INSERT INTO b VALUES (1/0);\n");
  Error e = f.error_of([&] { f.up(); });
  CHECK(e.code == std::string(codes::kMigrPartiallyApplied));
  CHECK(f.exists("a"));
  CHECK_FALSE(f.exists("b"));
  f.migration("001_split",
              "CREATE TABLE a (id int);\n"
              "-- confiture:commit\n"
              "CREATE TABLE b (id int);\n"
              "INSERT INTO b VALUES (1);\n");
  // The checksum no longer matches what part 1 ran: refused until the row is cleared.
  CHECK(f.error_of([&] { f.up(); }).code == std::string(codes::kMigrSplitChanged));
  f.conn().exec("DELETE FROM confiture_migration_parts");
  f.conn().exec("DROP TABLE a");
  CHECK(f.up().applied.size() == 1);
  CHECK(f.exists("a"));
  CHECK(f.scalar("SELECT count(*) FROM b") == 1);
}

TEST_CASE(
    "split migration: connection lost after part 1 committed leaves part 1 recorded, no ledger "
    "row, no lock held, and the rerun goes on with part 2") {
  MigrateFixture f;
  f.migration("001_base", "CREATE TABLE t (id int);\n");
  f.up();
  f.migration("002_split",
              "CREATE TABLE a (id int);\n"
              "-- confiture:commit\n"
              "ALTER TABLE t ADD COLUMN x int;\n");

  // Part 2's ALTER waits (no lock_timeout) on the lock this session holds; part 1 committed
  // before part 2 was sent. Then the runner's backend is terminated.
  pg::Connection holder(f.db.dsn());
  holder.exec("BEGIN");
  holder.exec("SELECT count(*) FROM t");
  migrate::UpOptions options;
  options.lock.statement_lock_timeout_ms = 0;
  auto run = std::async(std::launch::async, [&] { return f.error_of([&] { f.up(options); }); });
  pg::Connection admin(f.db.admin_dsn());
  const int pid = test::wait_for_backend(admin, "confiture migrate up", "ADD COLUMN x");
  admin.exec("SELECT pg_terminate_backend(" + std::to_string(pid) + ")");
  Error e = run.get();
  holder.exec("ROLLBACK");

  CHECK(e.code == std::string(codes::kConnLost));
  CHECK(e.migration == "002_split");
  const std::string message = e.what();
  INFO(message << "\nhint: " << e.hint);
  CHECK(message.find("002_split") != std::string::npos);
  CHECK(message.find("part 2 of 2") != std::string::npos);
  CHECK(e.hint.find("part 1 of 2") != std::string::npos);
  CHECK(e.hint.find("`confiture migrate up`") != std::string::npos);
  CHECK(e.hint.find("goes on with part 2") != std::string::npos);
  CHECK(e.details["part"] == 2);
  CHECK(e.details["parts_committed"] == 1);
  CHECK(f.exists("a"));
  CHECK(f.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 't'::regclass AND "
                 "attname = 'x'") == 0);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 0);
  CHECK(f.scalar("SELECT parts_committed FROM confiture_migration_parts WHERE migration = "
                 "'002_split' AND direction = 'up'") == 1);
  // The migration lock went with the session: no advisory lock is held on this database.
  CHECK(f.scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                 "(SELECT oid FROM pg_database WHERE datname = current_database())") == 0);

  // What the docs say to look at meanwhile: `migrate status` lists it as pending.
  CHECK(migrate::migration_status(f.open(), f.lookup()).pending == std::vector<std::string>{"002"});

  // The rerun (without waiting for any lock) skips part 1 and finishes the file.
  options.lock.lock_timeout_ms = 0;
  CHECK(f.up(options).applied.size() == 1);
  CHECK(f.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 't'::regclass AND "
                 "attname = 'x'") == 1);
  CHECK(f.scalar("SELECT count(*) FROM tb_confiture WHERE version = '002'") == 1);
  CHECK(f.scalar("SELECT count(*) FROM confiture_migration_parts") == 0);
}
