// `confiture sync`: production data into dev/staging through COPY, anonymised in the stream,
// from one consistent snapshot, parents before children, resumable table by table.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "confiture/config/env_lookup.hpp"
#include "confiture/sync/plan.hpp"

namespace confiture::sync {

struct SyncOptions {
  PlanOptions plan;
  std::string key_env = "CONFITURE_ANON_KEY";  // default key variable of keyed strategies
  int jobs = 0;                                // tables copied at once; 0: min(4, cores)
  bool resume = false;
  bool dry_run = false;              // plan and check, move nothing
  std::filesystem::path checkpoint;  // the checkpoint file of this source/target pair
  // Called with each warning (e.g. PII-looking columns copied verbatim) once the plan is made,
  // before anything is written. The report lists them too.
  std::function<void(const std::string&)> on_warning;
};

struct Endpoint {
  std::string dsn;          // holds credentials: never printed
  std::string description;  // safe to print
};

struct TableReport {
  catalog::QualifiedName table;
  std::string status;  // "copied", "resumed" (finished by an earlier run), "planned" (dry run)
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;  // COPY text bytes written to the target
  double seconds = 0;
  std::vector<std::string> strategies;  // "email: email", in column order
  std::string filter;                   // the effective source condition, when subsetting
  bool incremental = false;
};

struct SyncReport {
  std::vector<TableReport> tables;  // in copy order
  std::vector<std::string> warnings;
  std::size_t sequences_set = 0;
  std::size_t deferred_keys_restored = 0;
  int jobs = 1;
  bool dry_run = false;
  double seconds = 0;
};

// Progress of one table, for the CLI's bar. Called from worker threads, serialised.
struct Progress {
  const TablePlan* table = nullptr;
  std::uint64_t rows = 0, bytes = 0;
  bool finished = false;
};
using ProgressCallback = std::function<void(const Progress&)>;

// Runs the sync. `confirm` is asked once, after every check and before the first write, with a
// description of what will be emptied; returning false aborts (SAFETY_1901). `interrupted`
// (set by a signal handler) stops at the next row batch: the current table is rolled back and
// the checkpoint lets --resume continue. Errors: everything plan_sync throws, CONN_17xx,
// SAFETY_1902 (source and target are the same database), ANON_1401 (no key), SYNC_303 (a
// table's copy failed; names the table, row and column), SYNC_306 (checkpoint unusable),
// SYNC_307 (interrupted).
SyncReport run_sync(const Endpoint& source, const Endpoint& target, const SyncOptions& options,
                    const config::EnvLookup& env,
                    const std::function<bool(const std::string&)>& confirm,
                    const ProgressCallback& progress, const std::atomic<bool>* interrupted);

}  // namespace confiture::sync
