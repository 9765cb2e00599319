// plan_changes: check the declared renames, mark what is gone, replaced or reshaped, spread
// replacements to dependents, let each kind add its steps, order them.
#include "confiture/diff/differ.hpp"

#include <fmt/format.h>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "planner.hpp"

namespace confiture::diff {
namespace {

void check_renames(const catalog::Catalog& from, const catalog::Catalog& to,
                   const Renames& renames) {
  for (const auto& [new_name, old_name] : renames.tables) {
    const QualifiedName old{new_name.schema, old_name};
    if (!to.table(new_name)) continue;  // the annotation names a table `to` does not have
    if (!from.table(old) && !from.table(new_name)) {
      throw Error(codes::kDifferBadRename, ExitClass::kSchema,
                  fmt::format("table {} is marked renamed-from {}, but the current schema has no "
                              "table {}",
                              new_name.display(), old_name, old.display()),
                  "Remove the annotation once the rename has been applied everywhere.");
    }
    if (from.table(old) && from.table(new_name) && old != new_name) {
      throw Error(codes::kDifferBadRename, ExitClass::kSchema,
                  fmt::format("table {} is marked renamed-from {}, but the current schema has "
                              "both tables",
                              new_name.display(), old_name),
                  "Drop or rename the other table first, or remove the annotation.");
    }
  }
}

}  // namespace

Plan plan_changes(const catalog::Catalog& from, const catalog::Catalog& to,
                  const Options& options) {
  check_renames(from, to, options.renames);
  // A rename already applied (only the new name exists) is no rename any more.
  Options effective = options;
  for (auto it = effective.renames.tables.begin(); it != effective.renames.tables.end();) {
    if (!from.table({it->first.schema, it->second})) {
      it = effective.renames.tables.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = effective.renames.columns.begin(); it != effective.renames.columns.end();) {
    const auto& [table, column] = it->first;
    auto renamed = effective.renames.tables.find(table);
    const QualifiedName old_table = renamed == effective.renames.tables.end()
                                        ? table
                                        : QualifiedName{table.schema, renamed->second};
    const catalog::Table* before = from.table(old_table);
    if (!before || !before->column(it->second) || before->column(column)) {
      it = effective.renames.columns.erase(it);
    } else {
      ++it;
    }
  }

  Planner planner(from, to, effective);
  seed_types(planner);
  seed_tables(planner);
  seed_constraints(planner);
  seed_indexes(planner);
  seed_views(planner);
  seed_routines(planner);
  seed_triggers(planner);
  seed_policies(planner);
  planner.close_replacements();

  plan_schemas(planner);
  plan_extensions(planner);
  plan_types(planner);
  plan_sequences(planner);
  plan_routines(planner);
  plan_tables(planner);
  plan_constraints(planner);
  plan_indexes(planner);
  plan_views(planner);
  plan_triggers(planner);
  plan_policies(planner);
  return planner.finish();
}

}  // namespace confiture::diff
