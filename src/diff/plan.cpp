// Hazard identifiers and the plan's two printed forms: a SQL script and JSON.
#include "confiture/diff/plan.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace confiture::diff {
namespace {

constexpr std::array<std::pair<Hazard, std::string_view>, 9> kHazardIds{{
    {Hazard::kDeletesData, "DELETES_DATA"},
    {Hazard::kTableRewrite, "TABLE_REWRITE"},
    {Hazard::kAcquiresAccessExclusiveLock, "ACQUIRES_ACCESS_EXCLUSIVE_LOCK"},
    {Hazard::kAcquiresShareLock, "ACQUIRES_SHARE_LOCK"},
    {Hazard::kIndexBuild, "INDEX_BUILD"},
    {Hazard::kIndexDropped, "INDEX_DROPPED"},
    {Hazard::kHasUntrackableDependencies, "HAS_UNTRACKABLE_DEPENDENCIES"},
    {Hazard::kAuthzUpdate, "AUTHZ_UPDATE"},
    {Hazard::kValidationMayFail, "VALIDATION_MAY_FAIL"},
}};

constexpr std::array<std::string_view, 9> kLockModeNames{
    "NONE",  "ACCESS SHARE",        "ROW SHARE", "ROW EXCLUSIVE",   "SHARE UPDATE EXCLUSIVE",
    "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"};

std::string duration(int ms) {
  if (ms % 60000 == 0) return fmt::format("{}min", ms / 60000);
  if (ms % 1000 == 0) return fmt::format("{}s", ms / 1000);
  return fmt::format("{}ms", ms);
}

}  // namespace

std::string_view lock_mode_name(LockMode mode) {
  return kLockModeNames[static_cast<std::size_t>(mode)];
}

std::string describe_lock(const StatementLock& lock) {
  if (lock.mode == LockMode::kNone) return {};
  if (lock.assumed) {
    return fmt::format("{} assumed (PostgreSQL 15's grammar cannot read this statement)",
                       lock_mode_name(lock.mode));
  }
  if (lock.relations.empty()) return fmt::format("{} on what it reads", lock_mode_name(lock.mode));
  return fmt::format("{} on {}", lock_mode_name(lock.mode), fmt::join(lock.relations, ", "));
}

std::string_view hazard_id(Hazard hazard) {
  for (const auto& [h, id] : kHazardIds) {
    if (h == hazard) return id;
  }
  return "UNKNOWN";
}

std::optional<Hazard> hazard_from_id(std::string_view id) {
  for (const auto& [h, known] : kHazardIds) {
    if (known == id) return h;
  }
  return std::nullopt;
}

const std::vector<Hazard>& all_hazards() {
  static const std::vector<Hazard> hazards = [] {
    std::vector<Hazard> list;
    for (const auto& entry : kHazardIds) list.push_back(entry.first);
    return list;
  }();
  return hazards;
}

bool Plan::transactional() const {
  return std::all_of(statements.begin(), statements.end(),
                     [](const Statement& s) { return s.transactional; });
}

bool Plan::split() const {
  return std::any_of(statements.begin(), statements.end(),
                     [](const Statement& s) { return s.new_transaction; });
}

std::vector<Hazard> Plan::hazards() const {
  std::set<Hazard> present;
  for (const Statement& statement : statements) {
    for (const HazardNote& note : statement.hazards) present.insert(note.hazard);
  }
  return {present.begin(), present.end()};
}

std::string to_sql(const Plan& plan) {
  if (plan.empty()) return {};
  std::string out;
  if (!plan.transactional()) {
    out += "-- confiture:no-transaction\n";
    out +=
        "-- Some statements cannot run inside a transaction block: this script runs in "
        "autocommit.\n";
  }
  const std::vector<Hazard> hazards = plan.hazards();
  if (hazards.empty()) {
    out += "-- Hazards: none\n";
  } else {
    out += "-- Hazards:";
    for (Hazard hazard : hazards) out += fmt::format(" {}", hazard_id(hazard));
    out += "\n";
  }
  if (plan.split()) {
    out +=
        "-- Each `-- confiture:commit` line commits the statements before it: a VALIDATE runs in "
        "a transaction of its own and holds only SHARE UPDATE EXCLUSIVE (apply it with `confiture "
        "migrate up`, or psql without -1/--single-transaction).\n";
  }
  for (const std::string& note : plan.notes) out += fmt::format("-- Note: {}\n", note);
  if (plan.sets_check_function_bodies) out += "\nSET check_function_bodies = off;\n";
  int lock_timeout = -1;
  int statement_timeout = -1;
  for (const Statement& statement : plan.statements) {
    out += "\n";
    if (statement.new_transaction) out += "-- confiture:commit\n\n";
    if (statement.lock.mode != LockMode::kNone) {
      out += fmt::format("-- Lock: {}\n", describe_lock(statement.lock));
    }
    for (const HazardNote& note : statement.hazards) {
      out += fmt::format("-- {}: {}\n", hazard_id(note.hazard), note.message);
    }
    if (statement.lock_timeout_ms != lock_timeout) {
      lock_timeout = statement.lock_timeout_ms;
      out += fmt::format("SET lock_timeout = '{}';\n", duration(lock_timeout));
    }
    if (statement.statement_timeout_ms != statement_timeout) {
      statement_timeout = statement.statement_timeout_ms;
      out += fmt::format("SET statement_timeout = '{}';\n", duration(statement_timeout));
    }
    out += statement.sql;
    out += ";\n";
  }
  out += "\nRESET lock_timeout;\nRESET statement_timeout;\n";
  if (plan.sets_check_function_bodies) out += "RESET check_function_bodies;\n";
  return out;
}

nlohmann::json to_json(const Plan& plan) {
  nlohmann::json statements = nlohmann::json::array();
  for (const Statement& statement : plan.statements) {
    nlohmann::json hazards = nlohmann::json::array();
    for (const HazardNote& note : statement.hazards) {
      hazards.push_back({{"id", hazard_id(note.hazard)}, {"message", note.message}});
    }
    statements.push_back({{"sql", statement.sql},
                          {"hazards", std::move(hazards)},
                          {"lock_timeout_ms", statement.lock_timeout_ms},
                          {"statement_timeout_ms", statement.statement_timeout_ms},
                          {"transactional", statement.transactional},
                          {"new_transaction", statement.new_transaction},
                          {"object", statement.object},
                          {"lock",
                           {{"mode", lock_mode_name(statement.lock.mode)},
                            {"relations", statement.lock.relations},
                            {"assumed", statement.lock.assumed}}}});
  }
  nlohmann::json hazard_ids = nlohmann::json::array();
  for (Hazard hazard : plan.hazards()) hazard_ids.push_back(hazard_id(hazard));
  return {{"statements", std::move(statements)},
          {"hazards", std::move(hazard_ids)},
          {"transactional", plan.transactional()},
          {"check_function_bodies_off", plan.sets_check_function_bodies},
          {"notes", plan.notes}};
}

}  // namespace confiture::diff
