// Triggers: created from their definition, dropped and created again when it changes, and
// enabled or disabled as `to` has them. A partition's clone of its parent's trigger is left to
// the parent.
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"
#include "table_parts.hpp"

namespace confiture::diff {
namespace {

ObjectRef trigger_ref(const catalog::Trigger& trigger) {
  return ref("trigger", trigger.table, trigger.name);
}

// The definition without the table's name, which a rename changes.
std::string shape(const catalog::Trigger& trigger) {
  std::string text = trigger.definition;
  const auto on = text.find(" ON ");
  const auto rest = on == std::string::npos ? std::string::npos : text.find(' ', on + 4);
  if (rest != std::string::npos) text.erase(on + 4, rest - on - 4);
  return text;
}

const catalog::Trigger* find_trigger(const catalog::Catalog& catalog, const QualifiedName& table,
                                     const std::string& name) {
  for (const catalog::Trigger& trigger : catalog.triggers) {
    if (trigger.table == table && trigger.name == name) return &trigger;
  }
  return nullptr;
}

const catalog::Trigger* counterpart(const Planner& planner, const catalog::Trigger& from) {
  const catalog::Table* table = new_table(planner, from.table);
  const QualifiedName name = table ? table->name : from.table;
  return find_trigger(planner.to, name, from.name);
}

std::string enable_clause(char enabled) {
  switch (enabled) {
    case 'D':
      return "DISABLE TRIGGER";
    case 'R':
      return "ENABLE REPLICA TRIGGER";
    case 'A':
      return "ENABLE ALWAYS TRIGGER";
    default:
      return "ENABLE TRIGGER";
  }
}

}  // namespace

void seed_triggers(Planner& planner) {
  for (const catalog::Trigger& trigger : planner.from.triggers) {
    if (trigger.inherited) continue;
    const catalog::Trigger* now = counterpart(planner, trigger);
    if (!now || shape(*now) != shape(trigger)) planner.gone(trigger_ref(trigger));
  }
}

void plan_triggers(Planner& planner) {
  for (const catalog::Trigger& trigger : planner.from.triggers) {
    const ObjectRef object = trigger_ref(trigger);
    if (trigger.inherited || !(planner.is_gone(object) || planner.replaced(object))) continue;
    if (planner.is_gone(ref("table", trigger.table)) ||
        planner.is_gone(ref("view", trigger.table)) ||
        planner.replaced(ref("view", trigger.table))) {
      continue;  // goes with its table or view
    }
    const catalog::Table* table = new_table(planner, trigger.table);
    const QualifiedName current = table ? table->name : trigger.table;
    planner.add({.statement = catalog_change(
                     fmt::format("DROP TRIGGER {} ON {}", ident(trigger.name), qualified(current)),
                     "trigger " + trigger.name + " on " + current.display()),
                 .drops = {object},
                 .rank = kDropTrigger});
  }
  for (const catalog::Trigger& trigger : planner.to.triggers) {
    if (trigger.inherited) continue;
    const catalog::Trigger* before =
        find_trigger(planner.from, planner.old_table_name(trigger.table), trigger.name);
    const bool fresh = !before || planner.is_gone(trigger_ref(*before)) ||
                       planner.replaced(trigger_ref(*before)) ||
                       planner.replaced(ref("view", trigger.table));
    const ObjectRef object = trigger_ref(trigger);
    const std::string what = "trigger " + trigger.name + " on " + trigger.table.display();
    if (fresh) {
      planner.add({.statement = catalog_change(trigger.definition, what),
                   .creates = {object},
                   .rank = kCreateTrigger});
    }
    if (trigger.enabled != (fresh ? 'O' : before->enabled)) {
      planner.add({.statement = catalog_change(
                       fmt::format("ALTER TABLE {} {} {}", qualified(trigger.table),
                                   enable_clause(trigger.enabled), ident(trigger.name)),
                       what),
                   .creates = {object},
                   .rank = kCreateTrigger,
                   .follows_previous = fresh});
    }
    plan_comment(planner,
                 fmt::format("TRIGGER {} ON {}", ident(trigger.name), qualified(trigger.table)),
                 object, fresh ? std::nullopt : before->comment, trigger.comment);
  }
}

}  // namespace confiture::diff
