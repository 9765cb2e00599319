// Per-column settings that change no data: the statistics target (SET STATISTICS) and the storage
// strategy (SET STORAGE). Each table gets its own statement (ALTER TABLE ONLY): a parent's
// setting reaches its children only when they are created, so each compares on its own.
#include <fmt/format.h>

#include "planner.hpp"
#include "sql_text.hpp"
#include "table_parts.hpp"

namespace confiture::diff {
namespace {

std::string storage_name(char storage) {
  switch (storage) {
    case 'p':
      return "PLAIN";
    case 'e':
      return "EXTERNAL";
    case 'm':
      return "MAIN";
    default:
      return "EXTENDED";
  }
}

// A column that a new child table or partition inherits starts with its parent's storage as it
// is when the child is created, which may be before or after the parent's own change: when the
// parent's storage is not the type's on either side, the child's is set whatever it is.
bool parent_storage_unsettled(const Planner& planner, const catalog::Table& child,
                              const catalog::Column& column) {
  std::vector<QualifiedName> parents = child.inherits;
  if (child.partition_of) parents.push_back(*child.partition_of);
  for (const QualifiedName& parent : parents) {
    for (const catalog::Table* table :
         {planner.to.table(parent), planner.from.table(planner.old_table_name(parent))}) {
      const catalog::Column* inherited = table ? table->column(column.name) : nullptr;
      if (inherited && inherited->storage != inherited->type_storage) return true;
    }
  }
  return false;
}

}  // namespace

void plan_column_settings(Planner& planner, const catalog::Table& to, const catalog::Table* from) {
  for (const catalog::Column& column : to.columns) {
    const catalog::Column* before =
        from ? from->column(planner.old_column_name(to.name, column.name)) : nullptr;
    if (before && column_is_regenerated(*before, column)) before = nullptr;  // added anew
    const std::string prefix =
        fmt::format("ALTER TABLE ONLY {} ALTER COLUMN {}", qualified(to.name), ident(column.name));
    const std::string object = fmt::format("column {}.{}", to.name.display(), column.name);
    // After whatever creates, renames or retypes the column.
    auto add = [&](const std::string& clause) {
      planner.add({.statement = catalog_change(prefix + " " + clause, object),
                   .needs = {ref("column", to.name, column.name)},
                   .rank = kAlterColumn});
    };
    const std::optional<int> statistics = before ? before->statistics_target : std::nullopt;
    if (statistics != column.statistics_target) {
      add(fmt::format("SET STATISTICS {}", column.statistics_target.value_or(-1)));
    }
    // A type change resets the storage to the new type's.
    const bool kept_storage = before && !types_differ(*before, column);
    const bool unsettled =
        !from && column.inherited && parent_storage_unsettled(planner, to, column);
    const char storage = kept_storage ? before->storage : column.type_storage;
    if (storage != column.storage || unsettled) add("SET STORAGE " + storage_name(column.storage));
  }
}

}  // namespace confiture::diff
