// Row-level security policies: created, dropped, altered in place (roles, USING, WITH CHECK) or,
// when the command or permissiveness changes, dropped and created again. Every change is an
// AUTHZ_UPDATE: it changes who sees or writes which rows.
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"
#include "table_parts.hpp"

namespace confiture::diff {
namespace {

ObjectRef policy_ref(const catalog::Policy& policy) {
  return ref("policy", policy.table, policy.name);
}

const catalog::Policy* find_policy(const catalog::Catalog& catalog, const QualifiedName& table,
                                   const std::string& name) {
  for (const catalog::Policy& policy : catalog.policies) {
    if (policy.table == table && policy.name == name) return &policy;
  }
  return nullptr;
}

std::string command_of(char command) {
  switch (command) {
    case 'r':
      return "SELECT";
    case 'a':
      return "INSERT";
    case 'w':
      return "UPDATE";
    case 'd':
      return "DELETE";
    default:
      return "ALL";
  }
}

std::string roles_of(const catalog::Policy& policy) {
  std::vector<std::string> roles;
  for (const std::string& role : policy.roles) {
    roles.push_back(role == "public" ? "PUBLIC" : ident(role));
  }
  return roles.empty() ? "PUBLIC" : join(roles, ", ");
}

std::string clauses(const catalog::Policy& policy) {
  std::string sql;
  if (policy.using_expr) sql += fmt::format(" USING ({})", *policy.using_expr);
  if (policy.with_check_expr) sql += fmt::format(" WITH CHECK ({})", *policy.with_check_expr);
  return sql;
}

// ALTER POLICY can set a clause but not remove one, nor change the command or kind.
bool alterable(const catalog::Policy& from, const catalog::Policy& to) {
  return from.command == to.command && from.permissive == to.permissive &&
         (to.using_expr || !from.using_expr) && (to.with_check_expr || !from.with_check_expr);
}

bool same_policy(const catalog::Policy& a, const catalog::Policy& b) {
  return a.command == b.command && a.permissive == b.permissive && a.roles == b.roles &&
         a.using_expr == b.using_expr && a.with_check_expr == b.with_check_expr;
}

const catalog::Policy* counterpart(const Planner& planner, const catalog::Policy& from) {
  const catalog::Table* table = new_table(planner, from.table);
  return table ? find_policy(planner.to, table->name, from.name) : nullptr;
}

void add_policy_step(Planner& planner, std::string sql, const catalog::Policy& policy, Step step) {
  step.statement =
      catalog_change(std::move(sql), "policy " + policy.name + " on " + policy.table.display());
  with_hazard(step.statement, Hazard::kAuthzUpdate,
              "changes which rows of " + policy.table.display() + " policy " + policy.name +
                  " lets through");
  planner.add(std::move(step));
}

}  // namespace

void seed_policies(Planner& planner) {
  for (const catalog::Policy& policy : planner.from.policies) {
    const catalog::Policy* now = counterpart(planner, policy);
    if (!now) {
      planner.gone(policy_ref(policy));
    } else if (!alterable(policy, *now)) {
      planner.replace(policy_ref(policy));
    }
  }
}

void plan_policies(Planner& planner) {
  for (const catalog::Policy& policy : planner.from.policies) {
    const ObjectRef object = policy_ref(policy);
    if (!planner.is_gone(object) && !planner.replaced(object)) continue;
    if (planner.is_gone(ref("table", policy.table))) continue;  // goes with its table
    const catalog::Table* table = new_table(planner, policy.table);
    const QualifiedName current = table ? table->name : policy.table;
    add_policy_step(planner,
                    fmt::format("DROP POLICY {} ON {}", ident(policy.name), qualified(current)),
                    policy, {.drops = {object}, .rank = kDropPolicy});
  }
  for (const catalog::Policy& policy : planner.to.policies) {
    const catalog::Policy* before =
        find_policy(planner.from, planner.old_table_name(policy.table), policy.name);
    const bool fresh = !before || planner.replaced(policy_ref(*before));
    const std::string target = fmt::format("{} ON {}", ident(policy.name), qualified(policy.table));
    if (fresh) {
      add_policy_step(planner,
                      fmt::format("CREATE POLICY {}{} FOR {} TO {}{}", target,
                                  policy.permissive ? "" : " AS RESTRICTIVE",
                                  command_of(policy.command), roles_of(policy), clauses(policy)),
                      policy, {.creates = {policy_ref(policy)}, .rank = kCreatePolicy});
    } else if (!same_policy(*before, policy)) {
      add_policy_step(
          planner,
          fmt::format("ALTER POLICY {} TO {}{}", target, roles_of(policy), clauses(policy)), policy,
          {.creates = {policy_ref(policy)}, .rank = kCreatePolicy});
    }
    plan_comment(planner, "POLICY " + target, policy_ref(policy),
                 fresh ? std::nullopt : before->comment, policy.comment);
  }
}

}  // namespace confiture::diff
