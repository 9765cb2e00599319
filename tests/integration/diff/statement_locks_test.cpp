// Property 4 of issue 12: every statement of a plan names the strongest lock it takes, and that is
// the lock PostgreSQL really takes. For each golden case of tests/cases/, each statement of the
// plan runs on `from` while a second session reads pg_locks: a transactional statement is held
// open before its COMMIT (locks last until the end of the transaction); a statement that runs
// outside a transaction (CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY) is made to wait on a
// third session that holds ROW EXCLUSIVE on the relation it declares, and its locks are read
// while it waits. One ctest per case (`golden: <case>`, with golden_cases_test.cpp); that more
// than 500 statements are checked in all is a test there.
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <thread>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/pg/connection.hpp"
#include "golden_case.hpp"

using namespace confiture;
namespace {

// The locks a backend holds on relations that existed before its transaction (the second session
// cannot see what it created), each with the relation a plan names for it: an index its table, a
// partition its root (unless the plan names the partition itself). System catalogs and composite
// types (no rows) are left out.
constexpr const char* kObservedLocks = R"sql(
WITH RECURSIVE held AS (
  SELECT DISTINCT l.relation AS oid, l.mode FROM pg_locks l
  WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
), owner AS (
  SELECT h.mode, coalesce(i.indrelid, h.oid) AS oid FROM held h
  LEFT JOIN pg_index i ON i.indexrelid = h.oid
), up AS (
  SELECT mode, oid, oid AS root FROM owner
  UNION
  SELECT u.mode, u.oid, h.inhparent FROM up u
  JOIN pg_inherits h ON h.inhrelid = u.root
  JOIN pg_class c ON c.oid = u.root AND c.relispartition
)
SELECT u.mode, n.nspname, c.relname, rn.nspname, r.relname
FROM up u
JOIN pg_class c ON c.oid = u.oid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_class r ON r.oid = u.root AND NOT r.relispartition
JOIN pg_namespace rn ON rn.oid = r.relnamespace
WHERE c.relkind <> 'c' AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
)sql";

diff::LockMode mode_of(const std::string& name) {
  static const std::map<std::string, diff::LockMode> modes{
      {"AccessShareLock", diff::LockMode::kAccessShare},
      {"RowShareLock", diff::LockMode::kRowShare},
      {"RowExclusiveLock", diff::LockMode::kRowExclusive},
      {"ShareUpdateExclusiveLock", diff::LockMode::kShareUpdateExclusive},
      {"ShareLock", diff::LockMode::kShare},
      {"ShareRowExclusiveLock", diff::LockMode::kShareRowExclusive},
      {"ExclusiveLock", diff::LockMode::kExclusive},
      {"AccessExclusiveLock", diff::LockMode::kAccessExclusive}};
  return modes.at(name);
}

// What pg_locks shows, in the form `declared` has it.
diff::StatementLock observed(pqxx::connection_base& observer, int pid,
                             const diff::StatementLock& declared) {
  pqxx::nontransaction tx(observer);
  std::map<std::string, diff::LockMode> held;
  for (const auto& row : tx.exec_params(kObservedLocks, pid)) {
    const catalog::QualifiedName name{row[1].as<std::string>(), row[2].as<std::string>()};
    const catalog::QualifiedName root{row[3].as<std::string>(), row[4].as<std::string>()};
    const auto& named = declared.relations;
    const bool own = std::find(named.begin(), named.end(), name.display()) != named.end();
    diff::LockMode& mode = held[own ? name.display() : root.display()];
    mode = std::max(mode, mode_of(row[0].as<std::string>()));
  }
  diff::StatementLock lock;
  for (const auto& [relation, mode] : held) lock.mode = std::max(lock.mode, mode);
  if (lock.mode <= diff::LockMode::kRowShare) return {lock.mode, {}};
  for (const auto& [relation, mode] : held) {
    if (mode == lock.mode) lock.relations.push_back(relation);
  }
  return lock;
}

std::string describe(const diff::StatementLock& lock) {
  std::string out(diff::lock_mode_name(lock.mode));
  for (const std::string& relation : lock.relations) out += " " + relation;
  return out;
}

// A relation as a plan names it ("Sales"."Order Items", public.users), for SQL.
std::string quoted(const std::string& relation) {
  const auto name = catalog::parse_qualified_name(relation, false);
  REQUIRE(name);
  return name->quoted();
}

// Runs `statement` on `conn` and returns the locks it holds while it runs.
diff::StatementLock run_observed(pg::Connection& conn, pg::Connection& observer,
                                 const std::string& blocker_dsn, const diff::Statement& statement) {
  pqxx::nontransaction session(conn.raw());
  const int pid = session.exec("SELECT pg_backend_pid()")[0][0].as<int>();
  if (statement.transactional) {
    session.exec("BEGIN");
    session.exec(statement.sql);
    diff::StatementLock lock = observed(observer.raw(), pid, statement.lock);
    session.exec("COMMIT");
    return lock;
  }
  // Outside a transaction: hold ROW EXCLUSIVE on what it declares, so that it waits for us.
  pg::Connection blocker(blocker_dsn);
  pqxx::nontransaction hold(blocker.raw());
  hold.exec("BEGIN");
  for (const std::string& relation : statement.lock.relations) {
    hold.exec("LOCK TABLE " + quoted(relation) + " IN ROW EXCLUSIVE MODE");
  }
  auto running = std::async(std::launch::async, [&] { session.exec(statement.sql); });
  // Until it waits for us (or finished without waiting, which the comparison then reports).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  bool settled = false;
  while (!settled && std::chrono::steady_clock::now() < deadline) {
    pqxx::nontransaction look(observer.raw());
    settled = !look.exec_params(
                       "SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = "
                       "'Lock'",
                       pid)
                   .empty() ||
              running.wait_for(std::chrono::milliseconds(0)) == std::future_status::ready;
    if (!settled) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (!settled) {
    FAIL_CHECK("gave up after 10 s waiting for the statement to wait on ROW EXCLUSIVE or end: "
               << statement.sql);
  }
  const diff::StatementLock lock = observed(observer.raw(), pid, statement.lock);
  hold.exec("COMMIT");
  running.get();
  return lock;
}

}  // namespace

TEST_CASE(
    "statement locks: each golden plan statement declares the strongest lock pg_locks shows "
    "while it runs",
    "[.golden]") {
  for (const std::string& name : test::selected_golden_cases()) {
    const test::GoldenCase c(name);
    pg::Connection conn(c.from_db.dsn());
    pg::Connection observer(c.from_db.dsn());
    const diff::Plan plan = diff::plan_changes(c.from, c.to->catalog, c.to->options);
    if (plan.sets_check_function_bodies) {
      pqxx::nontransaction(conn.raw()).exec("SET check_function_bodies = off");
    }
    std::vector<std::string> wrong;
    for (const diff::Statement& statement : plan.statements) {
      const diff::StatementLock seen = run_observed(conn, observer, c.from_db.dsn(), statement);
      if (describe(seen) != describe(statement.lock)) {
        wrong.push_back(name + ": " + statement.sql.substr(0, 160) + "\n    declared " +
                        describe(statement.lock) + "\n    observed " + describe(seen));
      }
    }
    std::string report;
    for (const std::string& line : wrong) report += line + "\n";
    INFO(wrong.size() << " of " << plan.statements.size() << " statements of " << name
                      << " declare another lock:\n"
                      << report);
    CHECK(wrong.empty());
  }
}
