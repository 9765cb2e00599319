// The destructive-command rule and the protection mark in the database.
#include "confiture/pg/protection.hpp"

#include <fmt/format.h>

#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::pg {
namespace {

std::string hazard_lines(const std::vector<std::string>& hazards) {
  std::string text;
  for (const auto& hazard : hazards) text += "  " + hazard + "\n";
  return text;
}

Error refusal(const char* code, std::string message, std::string hint,
              const DestructiveStep& step) {
  Error error(code, ExitClass::kSafety, std::move(message), std::move(hint));
  error.details["database"] = step.database;
  error.details["environment"] = step.environment;
  error.details["hazards"] = step.hazards;
  return error;
}

}  // namespace

std::optional<ProtectionMark> read_protection_mark(Connection& db) {
  const std::string table = fmt::format("public.{}", quote_ident(kProtectionTable));
  auto exists = db.exec(fmt::format("SELECT to_regclass({}) IS NOT NULL", quote_literal(table)));
  if (!exists[0][0].as<bool>()) return std::nullopt;
  try {
    auto rows = db.exec(
        fmt::format("SELECT environment FROM {} ORDER BY marked_at, environment LIMIT 1", table));
    if (rows.empty()) return std::nullopt;
    return ProtectionMark{rows[0][0].as<std::string>()};
  } catch (const Error&) {
    return ProtectionMark{"?"};
  }
}

std::vector<std::string> protection_mark_statements(const std::string& environment) {
  const std::string table = fmt::format("public.{}", quote_ident(kProtectionTable));
  return {fmt::format("CREATE TABLE IF NOT EXISTS {} (environment TEXT PRIMARY KEY, "
                      "marked_at TIMESTAMPTZ NOT NULL DEFAULT now(), marked_by TEXT NOT NULL "
                      "DEFAULT current_user, tool_version TEXT NOT NULL)",
                      table),
          fmt::format("INSERT INTO {} (environment, tool_version) VALUES ({}, {}) "
                      "ON CONFLICT (environment) DO NOTHING",
                      table, quote_literal(environment), quote_literal(CONFITURE_VERSION))};
}

std::optional<std::string> record_protection_mark(Connection& db, const std::string& environment) {
  try {
    for (const auto& statement : protection_mark_statements(environment)) db.exec(statement);
    return std::nullopt;
  } catch (const Error& error) {
    return std::string(error.what());
  }
}

void require_consent(const DestructiveStep& step, const std::optional<ProtectionMark>& mark) {
  const bool by_environment = step.named_explicitly && step.target_from_environment;
  if (step.is_protected && step.never_when_protected) {
    throw refusal(codes::kSafetyProtected,
                  fmt::format("refusing to {} on {}: the environment '{}' is protected",
                              step.action, step.database, step.environment),
                  "this command writes into development and staging databases only; remove "
                  "`protected: true` from that environment if it is not production",
                  step);
  }
  if (step.is_protected && (!by_environment || !step.yes)) {
    std::string message = fmt::format(
        "refusing to {} on {}: the environment '{}' is protected; {}", step.action, step.database,
        step.environment,
        !by_environment ? "it was not named explicitly (or its target was given as a DSN)"
                        : "a protected environment needs --yes (a terminal answer is not enough)");
    if (!step.hazards.empty()) {
      message += fmt::format("; it would run:\n{}", hazard_lines(step.hazards));
      message.pop_back();
    }
    throw refusal(codes::kSafetyProtected, std::move(message),
                  fmt::format("name the environment explicitly with --env {} and pass --yes if "
                              "you really mean it",
                              step.environment),
                  step);
  }
  if (mark && !(step.is_protected && by_environment)) {
    throw refusal(
        codes::kSafetyMarkedDatabase,
        fmt::format("refusing to {} on {}: the database carries the protection mark of "
                    "environment '{}' and was not reached through that protected environment",
                    step.action, step.database, mark->environment),
        step.never_when_protected
            ? fmt::format("this command never writes into a protected database; to use {} "
                          "as a target, delete the row of public.{} first",
                          step.database, kProtectionTable)
            : fmt::format("name it by its environment: --env {} (not --database-url, "
                          "CONFITURE_DATABASE_URL or another environment's file), and confirm "
                          "with --yes",
                          mark->environment),
        step);
  }
  if (step.yes) return;
  std::string question = step.hazards.empty()
                             ? std::string()
                             : fmt::format("This will run:\n{}", hazard_lines(step.hazards));
  std::string action = step.action;
  if (!action.empty() && action[0] >= 'a' && action[0] <= 'z') action[0] -= 'a' - 'A';
  question += fmt::format("{} on {}?", action, step.database);
  if (step.confirm && step.confirm(question)) return;
  std::string message =
      fmt::format("not confirmed: refusing to {} on {}", step.action, step.database);
  if (!step.hazards.empty()) {
    message += fmt::format("; it would run:\n{}", hazard_lines(step.hazards));
    message.pop_back();
  }
  throw refusal(codes::kSafetyNeedsYes, std::move(message),
                "pass --yes to run it without a question (commands with no terminal cannot ask)",
                step);
}

void guard_destructive(Connection& db, const DestructiveStep& step) {
  require_consent(step, read_protection_mark(db));
}

}  // namespace confiture::pg
