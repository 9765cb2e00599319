// run_sync(): connect, refuse the same database, open the snapshot, plan, check every --where on
// the source and the keys against the checkpoint, confirm, open the workers' sessions, and only
// then empty the selected tables once, copy them on `jobs` workers (a table starts when its
// parents are in), restore cycle-breaking keys, move sequences past the copied values.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include "anonymize/keyed_hash.hpp"
#include "checkpoint.hpp"
#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/stopwatch.hpp"
#include "confiture/sync/sync.hpp"
#include "plan_steps.hpp"
#include "sql_text.hpp"
#include "table_copy.hpp"

namespace confiture::sync {
namespace sql {
extern const std::string_view same_database;
extern const std::string_view session_settings;
}  // namespace sql

namespace {

std::string replace(std::string text, std::string_view from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// Source and target are the same database when the target sees, in its own database, a lock the
// source session has just taken: a session-level advisory lock on a random key, released at
// once. Unlike a session's details in pg_stat_activity, pg_locks lists every session's locks to
// every role, so the answer does not depend on what the target role may see (D1). Another
// cluster cannot hold the same random key on the source's backend pid in the target's database.
void refuse_same_database(pg::Connection& source, pg::Connection& target) {
  std::random_device device;
  std::mt19937_64 random(
      ((static_cast<std::uint64_t>(device()) << 32) | device()) ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count()));
  for (int attempt = 0; attempt < 8; ++attempt) {
    const std::uint64_t key = random() & 0x7fffffffffffffffull;  // a positive bigint
    const std::string lock = fmt::format("SELECT pg_try_advisory_lock({}), pg_backend_pid()", key);
    auto taken = source.exec(lock);
    if (!taken[0][0].as<bool>()) continue;  // someone holds this key: draw another
    const std::string pid = taken[0][1].c_str();
    bool same = false;
    try {
      std::string query =
          replace(std::string(sql::same_database), "$CLASSID", std::to_string(key >> 32));
      query = replace(query, "$OBJID", std::to_string(key & 0xffffffffull));
      query = replace(query, "$PID", pid);
      same = target.exec(query)[0][0].as<bool>();
    } catch (...) {
      source.exec(fmt::format("SELECT pg_advisory_unlock({})", key));
      throw;
    }
    source.exec(fmt::format("SELECT pg_advisory_unlock({})", key));
    if (same) {
      throw Error(codes::kSafetySameDatabase, ExitClass::kSafety,
                  fmt::format("refusing to sync database \"{}\" into itself", target.database()),
                  "--from and --to name the same database; check both environments");
    }
    return;
  }
  throw Error(codes::kSafetySameDatabase, ExitClass::kSafety,
              "refusing to sync: cannot tell whether source and target are the same database "
              "(no free advisory lock key on the source)",
              "run again; if this repeats, something on the source takes advisory locks on "
              "random keys");
}

// Session settings of every connection; from PostgreSQL 14 a session whose client died (Ctrl-C
// in a terminal that closed, kill -9) ends within a second instead of when its COPY ends, so a
// resumed run does not wait behind it.
void prepare_session(pg::Connection& conn) {
  conn.exec(sql::session_settings);
  if (conn.server_version() >= 140000) conn.exec("SET client_connection_check_interval = 1000");
}

void begin_snapshot(pg::Connection& conn, const std::optional<std::string>& snapshot) {
  conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (snapshot) conn.exec("SET TRANSACTION SNAPSHOT " + pg::quote_literal(*snapshot));
}

KeyRing read_keys(const SyncPlan& plan, const SyncOptions& options, const config::EnvLookup& env) {
  KeyRing ring;
  ring.default_env = options.key_env;
  std::vector<std::string> missing;
  for (const TablePlan& table : plan.tables) {
    for (const ColumnRewrite& rewrite : table.rewrites) {
      const StrategyInfo* info = find_strategy(rewrite.spec.strategy);
      if (!info || !info->keyed) continue;
      std::string var = rewrite.spec.key_env.empty() ? options.key_env : rewrite.spec.key_env;
      if (ring.keys.count(var)) continue;
      auto value = env(var);
      if (value && !value->empty()) {
        ring.keys.emplace(var, AnonKey(*value));
      } else {
        missing.push_back(fmt::format("{}.{} ({}) needs ${}", table.name.display(),
                                      rewrite.column.column, rewrite.spec.strategy, var));
      }
    }
  }
  if (!missing.empty()) {
    std::string message = "keyed anonymization strategies have no key:";
    for (const std::string& item : missing) message += "\n  - " + item;
    throw Error(codes::kAnonNoKey, ExitClass::kConfig, message,
                "set each variable named above to a long random secret (e.g. `export "
                "CONFITURE_ANON_KEY=$(openssl rand -hex 32)`) and keep it: the same key gives the "
                "same output in every run");
  }
  return ring;
}

nlohmann::json plan_summary(const SyncPlan& plan, bool incremental) {
  nlohmann::json tables = nlohmann::json::array();
  for (const TablePlan& table : plan.tables) {
    nlohmann::json strategies = nlohmann::json::object();
    for (const ColumnRewrite& rewrite : table.rewrites) {
      strategies[table.columns[rewrite.field]] = rewrite.spec.strategy;
    }
    tables.push_back({{"table", table.name.display()},
                      {"columns", table.columns},
                      {"filter", table.filter},
                      {"strategies", strategies}});
  }
  return {{"tables", tables}, {"incremental", incremental}};
}

TableReport report_of(const TablePlan& table, const std::string& status) {
  TableReport report;
  report.table = table.name;
  report.status = status;
  report.filter = table.filter;
  report.incremental = table.incremental.has_value();
  for (const ColumnRewrite& rewrite : table.rewrites) {
    report.strategies.push_back(
        fmt::format("{}: {}", table.columns[rewrite.field], rewrite.spec.strategy));
  }
  return report;
}

std::string truncate_sql(const std::vector<const TablePlan*>& tables) {
  std::vector<std::string> names;
  for (const TablePlan* table : tables) {
    names.push_back(relation(table->name, table->kind));
  }
  return fmt::format("TRUNCATE {}", fmt::join(names, ", "));
}

std::string sequences_sql(const SyncPlan& plan) {
  std::vector<std::string> calls;
  for (const SequencePlan& sequence : plan.sequences) {
    std::string copied = fmt::format("(SELECT max({})::bigint FROM {})",
                                     pg::quote_ident(sequence.column), sequence.table->quoted());
    std::string floor = sequence.source_last_value ? std::to_string(*sequence.source_last_value)
                                                   : std::string("NULL");
    // Only a value the data or the source gives; an untouched sequence is left as it is.
    calls.push_back(fmt::format(
        "(SELECT setval({0}::regclass, v) FROM (SELECT GREATEST({1}, {2}) AS v) s WHERE v IS NOT "
        "NULL)",
        pg::quote_literal(sequence.sequence.quoted()), copied, floor));
  }
  return fmt::format("SELECT {}", fmt::join(calls, ", "));
}

// What the server said, without our "query failed on database ...: " prefix.
std::string server_message(const Error& error) {
  std::string text = error.what();
  const std::string_view prefix = "query failed on database \"";
  if (text.rfind(prefix, 0) == 0) {
    auto colon = text.find("\": ");
    if (colon != std::string::npos) text = text.substr(colon + 3);
  }
  if (text.rfind("ERROR:  ", 0) == 0) text = text.substr(8);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  // The server's LINE/HINT lines, indented under the problem they belong to.
  for (auto at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    text.insert(at + 1, "    ");
  }
  return text;
}

// Every --where, alone on its table and then as part of each table's closed filter, planned
// (EXPLAIN, not run) by the source inside the read-only snapshot: a condition the server
// refuses stops the sync before anything is written (D4), as SYNC_309 naming the table.
void validate_filters(pg::Connection& source, const SyncPlan& plan) {
  std::vector<std::string> problems;
  auto check = [&](const std::string& select, const std::string& what) {
    source.exec("SAVEPOINT confiture_where");
    try {
      source.exec("EXPLAIN (COSTS OFF) " + select);
      source.exec("RELEASE SAVEPOINT confiture_where");
    } catch (const Error& error) {
      if (error.code != codes::kConnQueryFailed) throw;
      source.exec("ROLLBACK TO SAVEPOINT confiture_where");
      problems.push_back(fmt::format("{}: {}", what, server_message(error)));
    }
  };
  for (const WhereCondition& where : plan.conditions) {
    check(fmt::format("SELECT 1 FROM {} t WHERE {}", relation(where.table, where.kind),
                      parenthesised_condition(where.condition)),
          fmt::format("--where {}", where.table.display()));
  }
  if (problems.empty()) {
    for (const TablePlan& table : plan.tables) {
      if (!table.filter.empty()) {
        check(source_select(table), fmt::format("the subset of {}", table.name.display()));
      }
    }
  }
  if (!problems.empty()) {
    std::string message =
        "cannot sync: the source refuses a --where condition (nothing was changed)";
    for (const std::string& problem : problems) message += "\n  - " + problem;
    Error error(codes::kSyncBadWhere, ExitClass::kConfig, message,
                "fix the condition: it is SQL evaluated on the source table (alias t), e.g. "
                "--where \"orders=created_at > now() - interval '30 days'\"");
    error.details["problems"] = problems;
    throw error;
  }
}

// A fingerprint of each key: HMAC-SHA-256 of a fixed label under the key (never the key itself),
// 128 bits in hex, by the variable the key was read from.
std::map<std::string, std::string> key_fingerprints(const KeyRing& keys) {
  std::map<std::string, std::string> fingerprints;
  for (const auto& [variable, key] : keys.keys) {
    anonymize::KeyedHash hash(key, "confiture sync key fingerprint", "");
    const auto digest = hash.digest("v1");
    std::string hex;
    for (std::size_t i = 0; i < 16; ++i) hex += fmt::format("{:02x}", digest[i]);
    fingerprints.emplace(variable, hex);
  }
  return fingerprints;
}

// The first variable whose key differs from the one recorded for it, if any.
std::optional<std::string> changed_key(const std::map<std::string, std::string>& recorded,
                                       const std::map<std::string, std::string>& now) {
  for (const auto& [variable, fingerprint] : now) {
    auto before = recorded.find(variable);
    if (before != recorded.end() && before->second != fingerprint) return variable;
  }
  return std::nullopt;
}

std::filesystem::path key_record_file(const std::filesystem::path& checkpoint) {
  return checkpoint.parent_path() / (checkpoint.stem().string() + ".keys.json");
}

// The two sessions of one worker, opened (and the snapshot imported) before anything is
// emptied, so a server without enough free connections fails with nothing changed (W6).
struct WorkerSessions {
  pg::Connection from, into;
};

std::vector<std::unique_ptr<WorkerSessions>> open_workers(const Endpoint& source_end,
                                                          const Endpoint& target_end, int jobs,
                                                          const std::string& snapshot) {
  std::vector<std::unique_ptr<WorkerSessions>> sessions;
  try {
    for (int w = 0; w < jobs; ++w) {
      auto session = std::make_unique<WorkerSessions>(
          WorkerSessions{pg::Connection(source_end.dsn), pg::Connection(target_end.dsn)});
      prepare_session(session->from);
      prepare_session(session->into);
      begin_snapshot(session->from, snapshot);
      sessions.push_back(std::move(session));
    }
  } catch (Error& error) {
    if (error.code == codes::kConnFailed) {
      error.hint = fmt::format(
          "nothing was changed: {} job{} need{} {} connections to each server (one per job and "
          "one more); lower --jobs or free connections",
          jobs, jobs == 1 ? "" : "s", jobs == 1 ? "s" : "", jobs + 1);
    }
    throw;
  }
  return sessions;
}

// Runs the copy of every unfinished table on `jobs` workers, parents before children.
class Scheduler {
 public:
  Scheduler(const SyncPlan& plan, std::vector<bool> finished)
      : plan_(plan), finished_(std::move(finished)), started_(finished_) {}

  // The next table whose parents are finished; nullopt when nothing is left or a worker failed.
  std::optional<std::size_t> next() {
    std::unique_lock lock(mutex_);
    while (true) {
      if (failure_) return std::nullopt;
      bool left = false;
      for (std::size_t i = 0; i < plan_.tables.size(); ++i) {
        if (started_[i]) continue;
        left = true;
        const auto& after = plan_.tables[i].after;
        if (std::all_of(after.begin(), after.end(), [&](std::size_t p) { return finished_[p]; })) {
          started_[i] = true;
          return i;
        }
      }
      if (!left) return std::nullopt;
      ready_.wait(lock);
    }
  }

  void done(std::size_t i) {
    std::lock_guard lock(mutex_);
    finished_[i] = true;
    ready_.notify_all();
  }

  void fail(std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = failure;
    ready_.notify_all();
  }

  std::exception_ptr failure() const { return failure_; }

 private:
  const SyncPlan& plan_;
  std::vector<bool> finished_, started_;
  std::exception_ptr failure_;
  std::mutex mutex_;
  std::condition_variable ready_;
};

}  // namespace

SyncReport run_sync(const Endpoint& source_end, const Endpoint& target_end,
                    const SyncOptions& options, const config::EnvLookup& env,
                    const std::function<bool(const std::string&)>& confirm,
                    const ProgressCallback& progress, const std::atomic<bool>* interrupted) {
  report::Stopwatch clock;
  pg::Connection source(source_end.dsn);
  pg::Connection target(target_end.dsn);
  prepare_session(source);
  prepare_session(target);
  refuse_same_database(source, target);

  begin_snapshot(source, std::nullopt);
  std::string snapshot = source.exec("SELECT pg_export_snapshot()")[0][0].c_str();
  catalog::Catalog source_catalog = catalog::read_catalog(source, {.tables_only = true});
  catalog::Catalog target_catalog = catalog::read_catalog(target, {.tables_only = true});
  SyncPlan plan = plan_sync(source_catalog, target_catalog, options.plan);

  SyncReport report;
  report.warnings = plan.warnings;
  if (options.on_warning) {
    for (const std::string& warning : plan.warnings) options.on_warning(warning);
  }
  report.dry_run = options.dry_run;
  int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  report.jobs = options.jobs > 0 ? options.jobs : std::min(4, cores);
  report.jobs = std::max(1, std::min<int>(report.jobs, static_cast<int>(plan.tables.size())));
  KeyRing keys = read_keys(plan, options, env);
  validate_filters(source, plan);

  if (options.dry_run) {
    for (const TablePlan& table : plan.tables) {
      TableReport row = report_of(table, "planned");
      row.rows = table.estimated_rows > 0 ? static_cast<std::uint64_t>(table.estimated_rows) : 0;
      report.tables.push_back(std::move(row));
    }
    report.seconds = clock.ms() / 1000.0;
    return report;
  }

  const bool incremental = options.plan.incremental;
  const std::map<std::string, std::string> fingerprints = key_fingerprints(keys);
  const std::filesystem::path key_record = key_record_file(options.checkpoint);
  Checkpoint checkpoint;
  checkpoint.plan = plan_summary(plan, incremental);
  if (options.resume) {
    auto previous = read_checkpoint(options.checkpoint);
    if (!previous) {
      throw Error(
          codes::kSyncBadResume, ExitClass::kConfig,
          fmt::format("nothing to resume: no checkpoint at {}", options.checkpoint.string()),
          "the last sync between these databases finished, or never ran; run without "
          "--resume");
    }
    if (previous->plan != checkpoint.plan) {
      throw Error(codes::kSyncBadResume, ExitClass::kConfig,
                  "cannot resume: the tables, columns, filters or strategies differ from the "
                  "interrupted sync",
                  "resume with the same options as the interrupted run, or run without --resume");
    }
    if (previous->keys) {
      if (auto variable = changed_key(*previous->keys, fingerprints)) {
        throw Error(codes::kAnonKeyChanged, ExitClass::kConfig,
                    fmt::format("cannot resume: ${} holds a different anonymization key from the "
                                "interrupted sync (nothing was changed); the tables it finished "
                                "were anonymized under the other key",
                                *variable),
                    "resume with the key of the interrupted run, or run without --resume to "
                    "copy every table again under this key");
      }
    }
    checkpoint = *previous;
  }
  std::map<std::string, std::string> record = read_key_record(key_record);
  if (incremental) {
    if (auto variable = changed_key(record, fingerprints)) {
      throw Error(codes::kAnonKeyChanged, ExitClass::kConfig,
                  fmt::format("cannot sync incrementally: ${} holds a different anonymization key "
                              "from the last sync between these databases (nothing was "
                              "changed); the rows already in the target were anonymized under "
                              "the other key",
                              *variable),
                  "use the key of the earlier syncs, or run a full sync (without --incremental) "
                  "to copy every table again under this key");
    }
  }
  checkpoint.keys = fingerprints;

  std::vector<bool> finished(plan.tables.size(), false);
  std::vector<const TablePlan*> to_empty;
  for (std::size_t i = 0; i < plan.tables.size(); ++i) {
    finished[i] = checkpoint.finished.count(plan.tables[i].name.display()) > 0;
    if (!finished[i]) to_empty.push_back(&plan.tables[i]);
  }
  if (!incremental && !to_empty.empty()) {
    std::vector<std::string> names;
    for (const TablePlan* table : to_empty) names.push_back(table->name.display());
    std::string question =
        fmt::format("empty {} table{} in {} and copy {} into them ({})", names.size(),
                    names.size() == 1 ? "" : "s", target_end.description, source_end.description,
                    fmt::join(names, ", "));
    if (!confirm(question)) {
      throw Error(codes::kSafetyNeedsYes, ExitClass::kSafety, "not confirmed: nothing was changed",
                  "pass --yes to sync without asking");
    }
  }

  // Every check that can fail without writing is done; the last one is that the workers can
  // connect. Only then the checkpoint, the key record and the TRUNCATE.
  std::vector<std::unique_ptr<WorkerSessions>> sessions =
      open_workers(source_end, target_end, report.jobs, snapshot);
  write_checkpoint(options.checkpoint, checkpoint);
  for (const auto& [variable, fingerprint] : fingerprints) record[variable] = fingerprint;
  if (!fingerprints.empty()) write_key_record(key_record, record);
  if (!incremental && !to_empty.empty()) target.exec(truncate_sql(to_empty));

  std::mutex report_mutex;
  std::vector<std::optional<TableReport>> reports(plan.tables.size());
  for (std::size_t i = 0; i < plan.tables.size(); ++i) {
    if (finished[i]) reports[i] = report_of(plan.tables[i], "resumed");
  }
  Scheduler scheduler(plan, finished);
  auto worker = [&](WorkerSessions& session) {
    try {
      pg::Connection& from = session.from;
      pg::Connection& into = session.into;
      while (auto next = scheduler.next()) {
        const TablePlan& table = plan.tables[*next];
        report::Stopwatch table_clock;
        auto on_rows = [&](const CopyCounts& counts) {
          if (!progress) return;
          std::lock_guard lock(report_mutex);
          progress(Progress{&table, counts.rows, counts.bytes, false});
        };
        CopyCounts counts = copy_table(from, into, table, keys, on_rows, interrupted);
        TableReport done = report_of(table, "copied");
        done.rows = counts.rows;
        done.bytes = counts.bytes;
        done.seconds = table_clock.ms() / 1000.0;
        {
          std::lock_guard lock(report_mutex);
          checkpoint.finished.insert(table.name.display());
          write_checkpoint(options.checkpoint, checkpoint);
          reports[*next] = std::move(done);
          if (progress) progress(Progress{&table, counts.rows, counts.bytes, true});
        }
        scheduler.done(*next);
      }
    } catch (Error& error) {
      if (error.code == codes::kConnLost || error.code == codes::kConnFailed) {
        error.hint =
            "tables finished before the failure are kept: run the same command with "
            "--resume once the server is reachable";
      } else if (options.resume && error.code == codes::kSyncCopyFailed &&
                 error.details.value("sqlstate", "") == "23503") {
        // The source changed since the interrupted run: the rows read now reference parents the
        // first run did not copy, and another --resume reads them again (M7).
        error.hint =
            "the source changed since the interrupted sync, so its finished tables no longer "
            "match: run the same command without --resume to copy every table again";
      }
      scheduler.fail(std::make_exception_ptr(error));
    } catch (...) {
      scheduler.fail(std::current_exception());
    }
  };
  std::vector<std::thread> workers;
  for (auto& session : sessions) workers.emplace_back(worker, std::ref(*session));
  for (std::thread& thread : workers) thread.join();
  if (scheduler.failure()) std::rethrow_exception(scheduler.failure());

  if (!checkpoint.deferred_restored) {
    for (const TablePlan& table : plan.tables) {
      if (!table.deferred.empty()) {
        report.deferred_keys_restored += restore_deferred_keys(source, target, table, keys);
      }
    }
    checkpoint.deferred_restored = true;
    write_checkpoint(options.checkpoint, checkpoint);
  }
  if (!plan.sequences.empty()) {
    target.exec(sequences_sql(plan));
    report.sequences_set = plan.sequences.size();
  }
  source.exec("COMMIT");
  remove_checkpoint(options.checkpoint);

  for (auto& table : reports) report.tables.push_back(std::move(*table));
  report.seconds = clock.ms() / 1000.0;
  return report;
}

}  // namespace confiture::sync
