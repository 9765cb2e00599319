// Indexes that back no constraint. On a table that already exists they are built and dropped
// CONCURRENTLY (no lock on writes; outside a transaction); a changed index is dropped and built
// again. Indexes a partition has because its parent has them are left to the parent.
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"

namespace confiture::diff {
namespace {

// The definition from USING on: method, keys, INCLUDE, storage parameters and predicate.
std::string shape(const catalog::Index& index) {
  const auto at = index.definition.find(" USING ");
  return at == std::string::npos ? index.definition : index.definition.substr(at);
}

const catalog::Index* find_index(const catalog::Catalog& catalog, const QualifiedName& name) {
  for (const catalog::Index& index : catalog.indexes) {
    if (index.name == name) return &index;
  }
  return nullptr;
}

bool is_partitioned(const catalog::Catalog& catalog, const QualifiedName& table) {
  const catalog::Table* found = catalog.table(table);
  return found && found->kind == 'p';
}

// The table or materialized view under the index exists in `from` and is kept as it is.
bool on_kept_relation(const Planner& planner, const QualifiedName& to_relation) {
  const QualifiedName old = planner.old_table_name(to_relation);
  if (const catalog::Table* table = planner.from.table(old)) {
    const catalog::Table* now = planner.to.table(to_relation);
    return now && now->kind == table->kind;
  }
  const ObjectRef view = ref("view", old);
  for (const catalog::View& v : planner.from.views) {
    if (v.name == old) return !planner.replaced(view) && !planner.is_gone(view);
  }
  return false;
}

bool same_index(const Planner& planner, const catalog::Index& from, const catalog::Index& to) {
  return from.unique == to.unique && shape(from) == shape(to) &&
         planner.old_table_name(to.table) == from.table;
}

void create_index(Planner& planner, const catalog::Index& index) {
  std::string sql = index.definition;
  if (auto only = sql.find(" ON ONLY "); only != std::string::npos) sql.replace(only, 9, " ON ");
  const bool concurrently =
      on_kept_relation(planner, index.table) && !is_partitioned(planner.to, index.table);
  if (concurrently) sql.insert(sql.find("INDEX ") + 6, "CONCURRENTLY ");
  Statement statement = data_change(sql, "index " + index.name.display());
  if (on_kept_relation(planner, index.table)) {
    with_hazard(statement, Hazard::kIndexBuild, "builds an index on " + index.table.display());
    if (!concurrently) {
      with_hazard(statement, Hazard::kAcquiresShareLock,
                  "blocks writes to " + index.table.display() + " during the build");
    }
  }
  statement.transactional = !concurrently;
  planner.add({.statement = std::move(statement),
               .creates = {ref("index", index.name)},
               .rank = kCreateIndex});
}

void drop_index(Planner& planner, const catalog::Index& index) {
  const bool concurrently = !is_partitioned(planner.from, index.table);
  Statement statement = catalog_change(
      fmt::format("DROP INDEX {}{}", concurrently ? "CONCURRENTLY " : "", qualified(index.name)),
      "index " + index.name.display());
  statement.transactional = !concurrently;
  with_hazard(statement, Hazard::kIndexDropped,
              "queries on " + index.table.display() + " may lose " + index.name.display());
  planner.add(
      {.statement = std::move(statement), .drops = {ref("index", index.name)}, .rank = kDropIndex});
}

// The index goes with its table or materialized view.
bool goes_with_relation(const Planner& planner, const catalog::Index& index) {
  return planner.is_gone(ref("table", index.table)) || planner.is_gone(ref("view", index.table)) ||
         planner.replaced(ref("view", index.table));
}

}  // namespace

void seed_indexes(Planner& planner) {
  for (const catalog::Index& index : planner.from.indexes) {
    if (index.inherited) continue;
    const catalog::Index* now = find_index(planner.to, index.name);
    if (!now || !same_index(planner, index, *now)) planner.gone(ref("index", index.name));
  }
}

void plan_indexes(Planner& planner) {
  for (const catalog::Index& index : planner.from.indexes) {
    if (index.inherited) continue;
    const catalog::Index* now = find_index(planner.to, index.name);
    const bool kept =
        now && same_index(planner, index, *now) && !planner.replaced(ref("index", index.name));
    if (!kept && !goes_with_relation(planner, index)) drop_index(planner, index);
  }
  for (const catalog::Index& index : planner.to.indexes) {
    if (index.inherited) continue;
    const catalog::Index* before = find_index(planner.from, index.name);
    const bool kept = before && !before->inherited && same_index(planner, *before, index) &&
                      !planner.replaced(ref("index", index.name)) &&
                      on_kept_relation(planner, index.table);
    if (!kept) create_index(planner, index);
    plan_comment(planner, "INDEX " + qualified(index.name), ref("index", index.name),
                 kept ? before->comment : std::nullopt, index.comment);
  }
}

}  // namespace confiture::diff
