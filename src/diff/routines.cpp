// Functions, procedures and aggregates. A body or attribute change is CREATE OR REPLACE; a change
// of kind, result type or argument list (names, defaults) cannot be, so the routine is dropped
// and created again with what depends on it. PostgreSQL records no dependency on what a body
// uses, which every change of an existing routine says as a hazard.
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"

namespace confiture::diff {
namespace {

const catalog::Routine* find_routine(const catalog::Catalog& catalog,
                                     const catalog::Routine& like) {
  for (const catalog::Routine& routine : catalog.routines) {
    if (routine.name == like.name && routine.identity_arguments == like.identity_arguments) {
      return &routine;
    }
  }
  return nullptr;
}

ObjectRef routine_ref(const catalog::Routine& routine) {
  return ref("routine", routine.name, routine.identity_arguments);
}

std::string kind_of(const catalog::Routine& routine) {
  switch (routine.kind) {
    case 'p':
      return "PROCEDURE";
    case 'a':
      return "AGGREGATE";
    default:
      return "FUNCTION";
  }
}

std::string target_of(const catalog::Routine& routine) {
  return fmt::format("{}({})", qualified(routine.name), routine.identity_arguments);
}

std::string definition_of(const catalog::Routine& routine) {
  std::string sql = routine.definition.value_or("");
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back()))) sql.pop_back();
  return sql;
}

std::string aggregate_sql(const catalog::Routine& routine) {
  const catalog::AggregateParts& parts = *routine.aggregate;
  std::vector<std::string> options{"SFUNC = " + parts.transition_function,
                                   "STYPE = " + parts.state_type};
  if (parts.final_function) options.push_back("FINALFUNC = " + *parts.final_function);
  if (parts.combine_function) options.push_back("COMBINEFUNC = " + *parts.combine_function);
  if (parts.initial_value) options.push_back("INITCOND = " + literal(*parts.initial_value));
  return fmt::format("CREATE AGGREGATE {}({}) (\n    {}\n)", qualified(routine.name),
                     routine.identity_arguments.empty() ? "*" : routine.identity_arguments,
                     join(options, ",\n    "));
}

bool same_aggregate(const catalog::Routine& a, const catalog::Routine& b) {
  if (!a.aggregate || !b.aggregate) return !a.aggregate && !b.aggregate;
  const auto& x = *a.aggregate;
  const auto& y = *b.aggregate;
  return x.transition_function == y.transition_function && x.state_type == y.state_type &&
         x.final_function == y.final_function && x.combine_function == y.combine_function &&
         x.initial_value == y.initial_value;
}

// CREATE OR REPLACE cannot change these.
bool needs_replacement(const catalog::Routine& from, const catalog::Routine& to) {
  return from.kind != to.kind || from.return_type != to.return_type ||
         from.arguments != to.arguments || !same_aggregate(from, to);
}

void create_routine(Planner& planner, const catalog::Routine& routine, bool existed) {
  planner.uses_routine_bodies();
  Statement statement =
      catalog_change(routine.kind == 'a' ? aggregate_sql(routine) : definition_of(routine),
                     kind_of(routine) + " " + routine.signature());
  if (existed) {
    with_hazard(statement, Hazard::kHasUntrackableDependencies,
                "callers of " + routine.signature() +
                    " are not tracked by PostgreSQL: check them against the new definition");
  }
  planner.add({.statement = std::move(statement),
               .creates = {routine_ref(routine)},
               .rank = kCreateRoutine});
}

void drop_routine(Planner& planner, const catalog::Routine& routine) {
  Statement statement =
      catalog_change(fmt::format("DROP {} {}", kind_of(routine), target_of(routine)),
                     kind_of(routine) + " " + routine.signature());
  with_hazard(statement, Hazard::kHasUntrackableDependencies,
              "callers of " + routine.signature() + " in function bodies are not tracked");
  planner.add(
      {.statement = std::move(statement), .drops = {routine_ref(routine)}, .rank = kDropRoutine});
}

}  // namespace

void seed_routines(Planner& planner) {
  for (const catalog::Routine& routine : planner.from.routines) {
    const catalog::Routine* now = find_routine(planner.to, routine);
    if (!now) {
      planner.gone(routine_ref(routine));
    } else if (needs_replacement(routine, *now)) {
      planner.replace(routine_ref(routine));
    }
  }
}

void plan_routines(Planner& planner) {
  for (const catalog::Routine& routine : planner.from.routines) {
    const ObjectRef object = routine_ref(routine);
    if (planner.is_gone(object) || planner.replaced(object)) drop_routine(planner, routine);
  }
  for (const catalog::Routine& routine : planner.to.routines) {
    const catalog::Routine* before = find_routine(planner.from, routine);
    const ObjectRef object = routine_ref(routine);
    const bool fresh = !before || planner.replaced(object);
    if (fresh) {
      create_routine(planner, routine, false);
    } else if (definition_of(*before) != definition_of(routine)) {
      create_routine(planner, routine, true);
    }
    const std::string what = kind_of(routine) + " " + target_of(routine);
    plan_comment(planner, what, object, fresh ? std::nullopt : before->comment, routine.comment);
    if (routine.kind != 'a') {
      plan_privileges(
          planner, kind_of(routine), target_of(routine), object,
          fresh ? std::nullopt : std::optional<Privileges>({before->privileges, before->owner}),
          {routine.privileges, routine.owner});
    }
  }
}

}  // namespace confiture::diff
