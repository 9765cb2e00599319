// Medium 1: `confiture build` — discover, order, hash, concatenate, then apply to the
// environment's database in one transaction. The one entry point the CLI calls.
#pragma once

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "confiture/build/schema_apply.hpp"
#include "confiture/config/connection_source.hpp"
#include "confiture/config/environment.hpp"

namespace confiture::build {

struct BuildRequest {
  config::Selection selection;
  std::optional<std::filesystem::path> output;  // -o; default db/generated/schema_{env}.sql
  bool schema_only = false;
  bool no_apply = false;
  bool recreate = false;
  // Rebuild even when the database already holds this schema hash; a non-empty database is
  // dropped and recreated as with --recreate (same consent).
  bool force = false;
  bool yes = false;  // consent to destroy data given up front
  // Asked before dropping a database when `yes` is false; the CLI prompts on a TTY and says no
  // otherwise. Never called for a protected environment (those need `yes`).
  std::function<bool(const std::string& question)> confirm;
  // Auto-baseline: the ledger rows recorded with the schema (the CLI passes the migrate
  // module's); empty with --no-baseline.
  RecordLedger baseline;
};

enum class ApplyOutcome { kNotRequested, kApplied, kUnchanged };

struct BuildReport {
  std::string environment;
  std::size_t files = 0;
  std::size_t seed_files_left_out = 0;
  std::size_t statements = 0;
  std::size_t bytes = 0;  // of the generated file
  std::string hash;
  std::string output_path;
  ApplyOutcome apply = ApplyOutcome::kNotRequested;
  std::string database;  // the database applied to (no credentials)
  bool created_database = false;
  bool recreated_database = false;
  std::optional<LedgerRows> baseline;  // what the apply recorded in the migration ledger
  double discover_ms = 0, read_ms = 0, parse_ms = 0, write_ms = 0, apply_ms = 0, total_ms = 0;
  std::vector<std::string> warnings;

  nlohmann::json to_json() const;
};

BuildReport run_build(const BuildRequest& request, const config::EnvLookup& env);

}  // namespace confiture::build
