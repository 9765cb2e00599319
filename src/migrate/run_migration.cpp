// Applying one migration file: transaction envelope, autocommit files, lock-timeout retries,
// and errors that point at the failing line.
#include "run_migration.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <thread>

#include "blocker_watch.hpp"
#include "confiture/migrate/migration_files.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/stopwatch.hpp"
#include "confiture/sql/source_position.hpp"

namespace confiture::migrate {
namespace sql {
extern const std::string_view parts_table;
}  // namespace sql
namespace {

constexpr const char* kLockNotAvailable = "55P03";
constexpr const char* kDuplicateTable = "42P07";

// Server NOTICEs (RAISE NOTICE, "... already exists, skipping") while a migration runs, passed
// on as "notice: ..." lines; without this libpqxx drops them.
class NoticeForwarder : public pqxx::errorhandler {
 public:
  NoticeForwarder(pg::Connection& db, const Notice& notice)
      : pqxx::errorhandler(db.raw()), notice_(notice) {}
  bool operator()(const char message[]) noexcept override {
    try {
      std::string text(message);
      while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
      for (const char* level : {"NOTICE:", "WARNING:", "INFO:", "DEBUG:", "LOG:"}) {
        if (text.rfind(level, 0) == 0) {
          std::string rest = text.substr(std::string_view(level).size());
          rest.erase(0, rest.find_first_not_of(' '));
          std::string name(level, std::string_view(level).size() - 1);
          for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          text = name + ": " + rest;
          break;
        }
      }
      notice_(text);
    } catch (...) {
      // A notice that cannot be shown must not break the migration.
    }
    return false;
  }

 private:
  const Notice& notice_;
};

struct IndexState {
  std::string name;  // schema-qualified, quoted: ready for DROP INDEX CONCURRENTLY
  bool valid = true;
};

// The index a CREATE INDEX statement names (its `object`: "schema.name" or "name", resolved
// through search_path), when it exists.
std::optional<IndexState> named_index(pg::Connection& db, const MigrationStatement& s) {
  if (s.kind != "CREATE INDEX" || s.object.empty()) return std::nullopt;
  const auto dot = s.object.rfind('.');
  const std::string regclass = dot == std::string::npos
                                   ? pg::quote_ident(s.object)
                                   : pg::quote_ident(s.object.substr(0, dot)) + "." +
                                         pg::quote_ident(s.object.substr(dot + 1));
  auto rows = db.exec(fmt::format(
      "SELECT format('%I.%I', n.nspname, c.relname), i.indisvalid FROM pg_index i "
      "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE i.indexrelid = to_regclass({})",
      pg::quote_literal(regclass)));
  if (rows.empty()) return std::nullopt;
  return IndexState{rows[0][0].as<std::string>(), rows[0][1].as<bool>()};
}

// "already exists" on a CREATE INDEX whose index is INVALID: a killed CREATE INDEX
// CONCURRENTLY left it. Says so, and how to get rid of it.
void explain_invalid_index(pg::Connection& db, const MigrationStatement& s,
                           const pg::StatementFailure& failure, Error& error) {
  if (failure.sqlstate != kDuplicateTable) return;
  try {
    auto index = named_index(db, s);
    if (!index || index->valid) return;
    error.hint = fmt::format(
        "{} is an INVALID index, left by an interrupted CREATE INDEX CONCURRENTLY: drop it with "
        "`DROP INDEX CONCURRENTLY {};` and run the migration again; {}",
        index->name, index->name, error.hint);
    error.details["invalid_index"] = index->name;
  } catch (const Error&) {
    // Only detail for a message that is being built anyway.
  }
}

// After a file that ran without a transaction: every index it names must be valid, or it is
// not recorded (CREATE INDEX CONCURRENTLY IF NOT EXISTS skips an INVALID index that is there).
void require_valid_indexes(pg::Connection& db, const MigrationRef& ref,
                           const MigrationScript& script) {
  std::vector<std::string> invalid;
  std::optional<int> line;
  for (const auto& s : script.statements) {
    auto index = named_index(db, s);
    if (index && !index->valid) {
      invalid.push_back(index->name);
      if (!line) line = s.line;
    }
  }
  if (invalid.empty()) return;
  Error error(codes::kMigrInvalidIndex, ExitClass::kConnection,
              fmt::format("migration {} ({}) ran, but index {} is INVALID (pg_index.indisvalid "
                          "is false): it is not recorded as applied",
                          ref.label, ref.direction, fmt::join(invalid, ", ")),
              fmt::format("an interrupted CREATE INDEX CONCURRENTLY left it (IF NOT EXISTS then "
                          "skips it): `DROP INDEX CONCURRENTLY {};`, then run `confiture "
                          "migrate {}` again",
                          fmt::join(invalid, "; DROP INDEX CONCURRENTLY "), ref.direction));
  error.location = SourceLocation{script.display, *line, 0};
  error.migration = ref.label;
  error.details["invalid_indexes"] = invalid;
  throw error;
}

// 1 s, 2 s, 4 s, ... at most 10 s between attempts.
std::chrono::milliseconds backoff(int attempt) {
  return std::chrono::milliseconds(std::min(1000 << std::min(attempt - 1, 4), 10000));
}

Error ledger_error(const MigrationRef& ref, const pg::StatementFailure& failure) {
  Error error(codes::kMigrFailed, ExitClass::kConnection,
              fmt::format("recording migration {} ({}) in the tracking table failed: {}", ref.label,
                          ref.direction, failure.message),
              "the migration was rolled back with it; if another runner applied it meanwhile "
              "(--no-lock), check `confiture migrate status`");
  error.migration = ref.label;
  error.details = {{"sqlstate", failure.sqlstate}, {"detail", failure.detail}};
  return error;
}

// Sessions holding a lock on `object` (when the watch saw nothing: no retry was made).
std::vector<Blocker> lock_holders_of(pg::Connection& db, const std::string& object) {
  std::vector<Blocker> out;
  if (object.empty()) return out;
  try {
    auto rows = db.exec(fmt::format(
        "SELECT a.pid, coalesce(a.usename, ''), coalesce(a.application_name, ''), "
        "coalesce(a.state, ''), left(coalesce(a.query, ''), 200), "
        "coalesce(to_char(a.xact_start AT TIME ZONE 'UTC', "
        "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '') "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.granted AND l.relation = to_regclass({}) AND l.pid <> pg_backend_pid()",
        pg::quote_literal(object)));
    for (const auto& row : rows) {
      Blocker b;
      b.pid = row[0].as<int>();
      b.usename = row[1].as<std::string>();
      b.application_name = row[2].as<std::string>();
      b.state = row[3].as<std::string>();
      b.query = row[4].as<std::string>();
      b.transaction_started = row[5].as<std::string>();
      out.push_back(std::move(b));
    }
  } catch (const Error&) {
    // Only detail for a message that is being built anyway.
  }
  return out;
}

Error lock_timeout_error(pg::Connection& db, const MigrationRef& ref, const MigrationScript& script,
                         std::size_t index, const pg::StatementFailure& failure,
                         const RunSettings& settings, int attempts, const BlockerWatch* watch) {
  const MigrationStatement& s = script.statements[index];
  std::vector<Blocker> blockers = watch ? watch->last_seen() : std::vector<Blocker>{};
  if (blockers.empty()) blockers = lock_holders_of(db, s.object);
  std::string who = "no blocking session could be identified (it may have finished)";
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < blockers.size(); ++i) {
    const Blocker& b = blockers[i];
    who = (i ? who + "; " : std::string("blocked by ")) + describe(b);
    list.push_back({{"pid", b.pid},
                    {"user", b.usename},
                    {"application_name", b.application_name},
                    {"client", b.client},
                    {"state", b.state},
                    {"query", b.query},
                    {"transaction_started", b.transaction_started}});
  }
  Error error(codes::kLockStatementTimeout, ExitClass::kLock,
              fmt::format("migration {} ({}) gave up after {} attempt(s): {} at {}:{} waited "
                          "more than {} ms for a lock; {}",
                          ref.label, ref.direction, attempts, s.summary, script.display, s.line,
                          settings.statement_lock_timeout_ms, who),
              "the statement waiting for the lock was rolled back; end or wait for the "
              "blocking transaction, then run again (or raise "
              "migration.statement_lock_timeout_ms / --statement-lock-timeout)");
  error.location = SourceLocation{script.display, s.line, 0};
  error.migration = ref.label;
  error.details = {{"sqlstate", failure.sqlstate},
                   {"statement", s.summary},
                   {"attempts", attempts},
                   {"blockers", list}};
  return error;
}

// Invalid indexes (a failed CREATE INDEX CONCURRENTLY leaves one behind).
std::vector<std::string> invalid_indexes(pg::Connection& db) {
  std::vector<std::string> out;
  auto rows = db.exec(
      "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_index i "
      "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE NOT i.indisvalid ORDER BY 1");
  for (const auto& row : rows) out.push_back(row[0].as<std::string>());
  return out;
}

struct Cleanup {
  std::vector<std::string> dropped;  // invalid indexes this migration left and we dropped
  std::vector<std::string> left;     // ... that could not be dropped: the user must
};

Cleanup drop_new_invalid_indexes(pg::Connection& db, const std::vector<std::string>& before) {
  Cleanup cleanup;
  for (const auto& index : invalid_indexes(db)) {
    if (std::binary_search(before.begin(), before.end(), index)) continue;
    try {
      // Already quoted by format('%I.%I') on the server.
      db.exec("DROP INDEX CONCURRENTLY IF EXISTS " + index);
      cleanup.dropped.push_back(index);
    } catch (const Error&) {
      cleanup.left.push_back(index);
    }
  }
  return cleanup;
}

// One transaction: statements [first, last) of the script, then `tail` (the ledger row, or the
// split-progress row), retried on a lock timeout. `committed` says, for messages, what earlier
// parts of a split file committed before this one.
RunOutcome run_one_transaction(pg::Connection& db, const MigrationRef& ref,
                               const MigrationScript& script, std::size_t first, std::size_t last,
                               const std::vector<std::string>& tail, const RunSettings& settings,
                               const Notice& notice, const std::string& committed) {
  std::vector<pg::ScriptStatement> statements;
  for (std::size_t i = first; i < last; ++i) {
    const auto& s = script.statements[i];
    statements.push_back({std::string_view(script.text).substr(s.offset, s.length), false});
  }
  for (const std::string& sql : tail) statements.push_back({sql, false});
  const std::string rolled_back = committed.empty()
                                      ? "nothing of it was applied and nothing recorded"
                                      : "this part was rolled back; " + committed;
  std::unique_ptr<BlockerWatch> watch;
  for (int attempt = 1;; ++attempt) {
    const report::Stopwatch attempt_time;
    auto failure = pg::run_script(db, statements);
    if (!failure) return {attempt_time.ms(), attempt};
    const std::size_t index = first + failure->index;
    if (index >= last) {
      Error error = ledger_error(ref, *failure);
      if (!committed.empty()) error.hint = "this part was rolled back with it; " + committed;
      throw error;
    }
    if (failure->sqlstate != kLockNotAvailable) {
      Error error =
          statement_error(committed.empty() ? codes::kMigrFailed : codes::kMigrPartiallyApplied,
                          ref, script, index, *failure);
      error.hint = (failure->hint.empty() ? "" : failure->hint + "; ") +
                   std::string(committed.empty() ? "the migration was rolled back: " : "") +
                   rolled_back;
      explain_invalid_index(db, script.statements[index], *failure, error);
      throw error;
    }
    if (attempt > settings.lock_retries) {
      Error error =
          lock_timeout_error(db, ref, script, index, *failure, settings, attempt, watch.get());
      error.hint =
          (committed.empty() ? "nothing of this migration was applied or recorded" : rolled_back) +
          "; " + error.hint;
      throw error;
    }
    if (!watch) watch = std::make_unique<BlockerWatch>(db.dsn(), db.raw().backendpid());
    auto wait = backoff(attempt);
    notice(fmt::format("{}: lock timeout on {} (line {}); attempt {} of {} in {} ms", ref.label,
                       script.statements[index].summary, script.statements[index].line, attempt + 1,
                       settings.lock_retries + 1, wait.count()));
    std::this_thread::sleep_for(wait);
  }
}

RunOutcome run_transactional(pg::Connection& db, const MigrationRef& ref,
                             const MigrationScript& script, const LedgerStatement& ledger,
                             const RunSettings& settings, const Notice& notice) {
  return run_one_transaction(db, ref, script, 0, script.statements.size(), {ledger(std::nullopt)},
                             settings, notice, "");
}

// "part 1 of 3", "parts 1-2 of 3": the first `count` parts of `total`.
std::string first_parts(std::size_t count, std::size_t total) {
  return count == 1 ? fmt::format("part 1 of {}", total)
                    : fmt::format("parts 1-{} of {}", count, total);
}

// The connection died while part k (0-based) of a split file ran: the server rolled that part
// back, the parts before it committed and are recorded in confiture_migration_parts, and the
// ledger has no row. A rerun goes on with part k (or, if the connection died just as the last
// part committed, finds the migration applied).
Error lost_in_part(const Error& lost, const MigrationRef& ref, const MigrationScript& script,
                   const std::vector<std::pair<std::size_t, std::size_t>>& parts, std::size_t k) {
  const int line = script.statements[parts[k].first].line;
  const std::string rerun = fmt::format(
      "once the server is back, run `confiture migrate {}` again: it goes on with part {} "
      "(line {})",
      ref.direction, k + 1, line);
  Error error(
      codes::kConnLost, ExitClass::kConnection,
      fmt::format("migration {} ({}): the connection was lost during part {} of {} ({}, "
                  "from line {}): {}",
                  ref.label, ref.direction, k + 1, parts.size(), script.display, line, lost.what()),
      k == 0 ? fmt::format("the server rolled part 1 back: nothing of {} was applied or "
                           "recorded; {}",
                           ref.label, rerun)
             : fmt::format("the server rolled part {} back; {} stayed committed "
                           "(recorded in confiture_migration_parts), and nothing is "
                           "recorded in the ledger yet; {}",
                           k + 1, first_parts(k, parts.size()), rerun));
  error.migration = ref.label;
  error.details = lost.details;
  error.details["part"] = k + 1;
  error.details["parts"] = parts.size();
  error.details["parts_committed"] = k;
  return error;
}

// A transactional file split by `-- confiture:commit` lines: each part in its own transaction,
// the ledger row with the last. Each earlier part records, in the same transaction, that it
// committed (confiture_migration_parts), so a rerun after a failure goes on with the part that
// failed instead of running the committed ones again; the last part deletes that record.
RunOutcome run_split(pg::Connection& db, const MigrationRef& ref, const MigrationScript& script,
                     const LedgerStatement& ledger, const RunSettings& settings,
                     const Notice& notice) {
  const auto parts = script.parts();
  const std::string checksum = checksum_of(script.text);
  const std::string key =
      fmt::format("migration = {} AND direction = {}", pg::quote_literal(ref.label),
                  pg::quote_literal(ref.direction));
  db.exec(sql::parts_table);
  std::size_t done = 0;
  auto rows = db.exec(
      "SELECT parts_committed, checksum, to_char(committed_at AT TIME ZONE 'UTC', "
      "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM confiture_migration_parts WHERE " +
      key);
  if (!rows.empty()) {
    done = rows[0][0].as<std::size_t>();
    if (rows[0][1].as<std::string>() != checksum || done >= parts.size()) {
      Error error(
          codes::kMigrSplitChanged, ExitClass::kConnection,
          fmt::format("migration {} ({}): {} changed after its first {} part(s) "
                      "committed (at {}); confiture cannot tell which of its statements "
                      "already ran",
                      ref.label, ref.direction, script.display, done, rows[0][2].as<std::string>()),
          fmt::format("put the file back as it was and run again, which goes on with part "
                      "{}; or undo what those parts did, then DELETE FROM "
                      "confiture_migration_parts WHERE {} and run again",
                      done + 1, key));
      error.migration = ref.label;
      throw error;
    }
    notice(
        fmt::format("{}: parts 1-{} of {} committed in an earlier run (at {}); going on with "
                    "part {} (line {})",
                    ref.label, done, parts.size(), rows[0][2].as<std::string>(), done + 1,
                    script.statements[parts[done].first].line));
  }
  const report::Stopwatch elapsed_time;
  int attempts = 1;
  for (std::size_t k = done; k < parts.size(); ++k) {
    const bool last = k + 1 == parts.size();
    std::vector<std::string> tail;
    if (last) {
      tail.push_back("DELETE FROM confiture_migration_parts WHERE " + key);
      tail.push_back(ledger(std::nullopt));
    } else {
      tail.push_back(fmt::format(
          "INSERT INTO confiture_migration_parts (migration, direction, checksum, "
          "parts_committed) VALUES ({}, {}, {}, {}) ON CONFLICT (migration, direction) DO UPDATE "
          "SET parts_committed = EXCLUDED.parts_committed, committed_at = now()",
          pg::quote_literal(ref.label), pg::quote_literal(ref.direction),
          pg::quote_literal(checksum), k + 1));
    }
    std::string committed;
    if (k > 0) {
      committed = fmt::format(
          "{} ({}, lines {}-{}) stayed committed, and nothing is recorded in the "
          "ledger yet; fix the cause and run `confiture migrate {}` again: it goes on with part "
          "{} (line {})",
          first_parts(k, parts.size()), script.display, script.statements.front().line,
          script.statements[parts[k].first - 1].line, ref.direction, k + 1,
          script.statements[parts[k].first].line);
    }
    RunOutcome outcome;
    try {
      outcome = run_one_transaction(db, ref, script, parts[k].first, parts[k].second, tail,
                                    settings, notice, committed);
    } catch (const Error& error) {
      if (error.code != codes::kConnLost) throw;
      throw lost_in_part(error, ref, script, parts, k);
    }
    attempts = std::max(attempts, outcome.attempts);
  }
  return {elapsed_time.ms(), attempts};
}

RunOutcome run_autocommit(pg::Connection& db, const MigrationRef& ref,
                          const MigrationScript& script, const LedgerStatement& ledger,
                          const RunSettings& settings, const Notice& notice) {
  std::size_t done = 0;
  std::unique_ptr<BlockerWatch> watch;
  const report::Stopwatch elapsed_time;
  int attempt = 1;
  while (done < script.statements.size()) {
    const std::vector<std::string> before = invalid_indexes(db);
    std::vector<pg::ScriptStatement> statements = script_statements(script, done, true);
    std::optional<pg::StatementFailure> failure;
    try {
      failure = pg::run_script(db, statements);
    } catch (Error& lost) {
      if (lost.code != codes::kConnLost) throw;
      lost.migration = ref.label;
      lost.hint = fmt::format(
          "{} runs without a transaction: at least its first {} statement(s) committed, some "
          "after them may have too; nothing was recorded in the ledger — check the database "
          "before running it again",
          script.display, done);
      throw;
    }
    if (!failure) break;
    const std::size_t index = done + failure->index;
    Cleanup cleanup = drop_new_invalid_indexes(db, before);
    if (failure->sqlstate == kLockNotAvailable && attempt <= settings.lock_retries) {
      if (!watch) watch = std::make_unique<BlockerWatch>(db.dsn(), db.raw().backendpid());
      auto wait = backoff(attempt);
      notice(fmt::format("{}: lock timeout on {} (line {}); attempt {} of {} in {} ms", ref.label,
                         script.statements[index].summary, script.statements[index].line,
                         attempt + 1, settings.lock_retries + 1, wait.count()));
      std::this_thread::sleep_for(wait);
      ++attempt;
      done = index;  // statements before it committed: go on from the one that timed out
      continue;
    }
    Error error =
        failure->sqlstate == kLockNotAvailable
            ? lock_timeout_error(db, ref, script, index, *failure, settings, attempt, watch.get())
            : statement_error(index == 0 ? codes::kMigrFailed : codes::kMigrPartiallyApplied, ref,
                              script, index, *failure);
    nlohmann::json ran = nlohmann::json::array();
    for (std::size_t i = 0; i < index; ++i) {
      ran.push_back(
          {{"line", script.statements[i].line}, {"statement", script.statements[i].summary}});
    }
    error.details["statements_committed"] = ran;
    error.details["invalid_indexes_dropped"] = cleanup.dropped;
    error.details["invalid_indexes_left"] = cleanup.left;
    std::string hint = fmt::format(
        "{} runs without a transaction: {} statement(s) before this one committed and stay; "
        "nothing was recorded in the ledger",
        script.display, index);
    if (!cleanup.dropped.empty()) {
      hint += fmt::format("; dropped the invalid index {} the failed statement left",
                          fmt::join(cleanup.dropped, ", "));
    }
    if (!cleanup.left.empty()) {
      hint += fmt::format("; drop the invalid index it left with DROP INDEX CONCURRENTLY {}",
                          fmt::join(cleanup.left, ", "));
    }
    if (index > 0) {
      hint += fmt::format(
          "; make the file safe to run again (IF NOT EXISTS / IF EXISTS) or undo those "
          "statements, then run `confiture migrate {}` again",
          ref.direction);
    }
    error.hint = hint;
    explain_invalid_index(db, script.statements[index], *failure, error);
    throw error;
  }
  require_valid_indexes(db, ref, script);
  const double elapsed = elapsed_time.ms();
  auto failure = pg::run_script(
      db, std::vector<pg::ScriptStatement>{{ledger(static_cast<int>(elapsed)), false}});
  if (failure) {
    Error error = ledger_error(ref, *failure);
    error.hint = fmt::format(
        "every statement of {} ran and committed, but it is not recorded: record it with "
        "`confiture migrate baseline --through {}` once you have checked the database",
        script.display, ref.label.substr(0, ref.label.find('_')));
    throw error;
  }
  return {elapsed, attempt};
}

}  // namespace

std::vector<pg::ScriptStatement> script_statements(const MigrationScript& script, std::size_t from,
                                                   bool autocommit) {
  std::vector<pg::ScriptStatement> out;
  for (std::size_t i = from; i < script.statements.size(); ++i) {
    const auto& s = script.statements[i];
    out.push_back({std::string_view(script.text).substr(s.offset, s.length), autocommit});
  }
  return out;
}

// The failing statement, located in the file (PostgreSQL's position when it gives one).
Error statement_error(const char* code, const MigrationRef& ref, const MigrationScript& script,
                      std::size_t index, const pg::StatementFailure& failure) {
  const MigrationStatement& s = script.statements[index];
  std::size_t offset = s.offset;
  if (failure.position > 0) {
    std::string_view text = std::string_view(script.text).substr(s.offset, s.length);
    offset += confiture::sql::byte_offset_of_character(
        text, static_cast<std::size_t>(failure.position - 1));
  }
  auto pos = confiture::sql::line_column(script.text, offset);
  Error error(code, ExitClass::kConnection,
              fmt::format("migration {} ({}) failed at {}:{}: {}: {}", ref.label, ref.direction,
                          script.display, pos.line, s.summary, failure.message));
  error.location = SourceLocation{script.display, pos.line, pos.column};
  error.migration = ref.label;
  error.details = {{"sqlstate", failure.sqlstate}, {"statement", s.summary},
                   {"detail", failure.detail},     {"context", failure.context},
                   {"pg_hint", failure.hint},      {"direction", ref.direction},
                   {"statement_index", index + 1}};
  return error;
}

RunOutcome run_migration(pg::Connection& db, const MigrationRef& ref, const MigrationScript& script,
                         const LedgerStatement& ledger, const RunSettings& settings,
                         const Notice& notice) {
  const NoticeForwarder forward_notices(db, notice);
  try {
    if (!script.transactional) return run_autocommit(db, ref, script, ledger, settings, notice);
    if (script.parts().size() > 1) return run_split(db, ref, script, ledger, settings, notice);
    return run_transactional(db, ref, script, ledger, settings, notice);
  } catch (Error& error) {
    if (error.code == codes::kConnLost && !error.migration) {
      error.migration = ref.label;
      error.hint = fmt::format(
          "the connection was lost while {} ({}) ran: the server rolled it back and nothing "
          "was recorded; run the command again once the server is back",
          ref.label, ref.direction);
    }
    throw;
  }
}

}  // namespace confiture::migrate
