// Table constraints: primary keys, unique, check and exclusion constraints, and foreign keys.
// On an existing table they are added in lock-safe forms: a check or foreign key NOT VALID and
// then validated (which blocks no writes), a primary key or unique constraint over an index
// built concurrently.
#include <fmt/format.h>

#include <optional>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"
#include "table_parts.hpp"

namespace confiture::diff {
namespace {

std::string action(char code) {
  switch (code) {
    case 'r':
      return "RESTRICT";
    case 'c':
      return "CASCADE";
    case 'n':
      return "SET NULL";
    case 'd':
      return "SET DEFAULT";
    default:
      return "NO ACTION";
  }
}

std::string foreign_key_definition(const catalog::ForeignKey& key) {
  std::string sql = fmt::format("FOREIGN KEY ({}) REFERENCES {} ({})", pg::quote_list(key.columns),
                                qualified(key.referenced), pg::quote_list(key.referenced_columns));
  if (key.match_full) sql += " MATCH FULL";
  if (key.on_update != 'a') sql += " ON UPDATE " + action(key.on_update);
  if (key.on_delete != 'a') sql += " ON DELETE " + action(key.on_delete);
  if (key.deferrable) {
    sql += key.initially_deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
  }
  return sql;
}

std::string constraint_sql(const catalog::Constraint& constraint) {
  std::string sql = constraint.definition;
  // pg_get_constraintdef spells out DEFERRABLE and NOT VALID itself.
  const std::string not_valid = " NOT VALID";
  if (sql.size() > not_valid.size() &&
      sql.compare(sql.size() - not_valid.size(), not_valid.size(), not_valid) == 0) {
    sql.resize(sql.size() - not_valid.size());
  }
  return sql;
}

// A foreign key that a partition has because its partitioned parent does.
bool inherited_key(const catalog::Catalog& catalog, const catalog::Table& table,
                   const catalog::ForeignKey& key) {
  if (!table.partition_of) return false;
  const catalog::Table* parent = catalog.table(*table.partition_of);
  if (!parent) return false;
  for (const catalog::ForeignKey& k : parent->foreign_keys) {
    if (k.name == key.name) return true;
  }
  return false;
}

bool same_key(const Planner& planner, const catalog::ForeignKey& from,
              const catalog::ForeignKey& to) {
  const catalog::Table* referenced = new_table(planner, from.referenced);
  return from.columns == to.columns && referenced && referenced->name == to.referenced &&
         from.referenced_columns == to.referenced_columns && from.on_update == to.on_update &&
         from.on_delete == to.on_delete && from.deferrable == to.deferrable &&
         from.initially_deferred == to.initially_deferred && from.match_full == to.match_full;
}

bool same_constraint(const catalog::Constraint& from, const catalog::Constraint& to) {
  return from.kind == to.kind && constraint_sql(from) == constraint_sql(to) &&
         from.deferrable == to.deferrable && from.initially_deferred == to.initially_deferred &&
         from.no_inherit == to.no_inherit;
}

template <typename T>
const T* named(const std::vector<T>& list, const std::string& name) {
  for (const T& item : list) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

void drop_constraint(Planner& planner, const QualifiedName& current, const QualifiedName& old,
                     const std::string& name, char kind, bool foreign) {
  const std::string object = fmt::format("constraint {} on {}", name, current.display());
  Statement statement = catalog_change(
      fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", qualified(current), ident(name)), object);
  if (kind == 'p' || kind == 'u' || kind == 'x') {
    with_hazard(statement, Hazard::kIndexDropped,
                "drops the index behind " + name + ": queries may lose it");
  }
  planner.add({.statement = std::move(statement),
               .drops = {ref("constraint", old, name)},
               .rank = foreign ? kDropForeignKey : kDropConstraint});
}

// VALIDATE CONSTRAINT: scans the table under SHARE UPDATE EXCLUSIVE, which lets reads and writes
// through (and a foreign key's referenced table under ROW SHARE). It runs in a transaction of its
// own (kValidatePhase): in the ADD's transaction it would keep the ADD's stronger lock.
void validate(Planner& planner, const QualifiedName& table, const std::string& name,
              const std::optional<QualifiedName>& referenced = std::nullopt) {
  Statement statement = data_change(
      fmt::format("ALTER TABLE {} VALIDATE CONSTRAINT {}", qualified(table), ident(name)),
      fmt::format("constraint {} on {}", name, table.display()));
  std::string locks = fmt::format("holds SHARE UPDATE EXCLUSIVE on {}", table.display());
  if (referenced && *referenced != table) {
    locks += fmt::format(" and ROW SHARE on {}", referenced->display());
  }
  with_hazard(statement, Hazard::kValidationMayFail,
              fmt::format("fails if existing rows of {} break {}; {} while it scans (reads and "
                          "writes go on), in a transaction of its own",
                          table.display(), name, locks));
  planner.add({.statement = std::move(statement),
               .needs = {ref("constraint", table, name)},
               .rank = kValidate,
               .phase = kValidatePhase});
}

// ADD CONSTRAINT ... NOT VALID, then VALIDATE when `to` has it validated.
void add_checked(Planner& planner, const QualifiedName& table, const std::string& name,
                 const std::string& definition, bool validated, bool new_table,
                 const std::optional<QualifiedName>& referenced) {
  const bool foreign = referenced.has_value();
  const std::string target = qualified(table);
  const std::string object = fmt::format("constraint {} on {}", name, table.display());
  const ObjectRef constraint_ref = ref("constraint", table, name);
  const Rank rank = foreign ? kCreateForeignKey : kCreateConstraint;
  if (new_table && validated) {
    planner.add({.statement = catalog_change(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}",
                                                         target, ident(name), definition),
                                             object),
                 .creates = {constraint_ref},
                 .rank = rank});
    return;
  }
  planner.add({.statement = catalog_change(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {} NOT "
                                                       "VALID",
                                                       target, ident(name), definition),
                                           object),
               .creates = {constraint_ref},
               .rank = rank});
  if (validated) validate(planner, table, name, referenced);
}

// PRIMARY KEY (cols) or UNIQUE (cols) on an existing table: build the index concurrently, then
// let the constraint adopt it (a short exclusive lock instead of one held through the build).
bool add_over_index(Planner& planner, const catalog::Table& table,
                    const catalog::Constraint& constraint) {
  const std::string columns = pg::quote_list(constraint.columns);
  const std::string keyword = constraint.kind == 'p' ? "PRIMARY KEY" : "UNIQUE";
  // pg_get_constraintdef quotes only where needed; compare against the columns as it prints them.
  std::vector<std::string> printed;
  for (const std::string& column : constraint.columns) {
    printed.push_back(QualifiedName{"", column}.display());  // quoted only where needed
  }
  const std::string plain = fmt::format("{} ({})", keyword, join(printed, ", "));
  if (table.kind == 'p' || constraint.deferrable || constraint_sql(constraint) != plain) {
    return false;
  }
  const std::string object =
      fmt::format("constraint {} on {}", constraint.name, table.name.display());
  const ObjectRef constraint_ref = ref("constraint", table.name, constraint.name);
  const QualifiedName index_name{table.name.schema, constraint.name};
  Statement build = data_change(fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} ({})",
                                            ident(constraint.name), qualified(table.name), columns),
                                object);
  build.transactional = false;
  with_hazard(build, Hazard::kIndexBuild, "builds a unique index on " + table.name.display());
  with_hazard(build, Hazard::kValidationMayFail,
              fmt::format("fails if {} holds duplicates; a failed build leaves an invalid index "
                          "{} to drop",
                          table.name.display(), index_name.display()));
  planner.add(
      {.statement = std::move(build), .creates = {constraint_ref}, .rank = kCreateConstraint});
  Statement adopt = catalog_change(
      fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {} USING INDEX {}", qualified(table.name),
                  ident(constraint.name), keyword, ident(constraint.name)),
      object);
  if (constraint.kind == 'p') {
    with_hazard(adopt, Hazard::kAcquiresAccessExclusiveLock,
                "sets the key columns NOT NULL, which scans " + table.name.display() +
                    " unless they already are");
  }
  // A column made NOT NULL in this plan is so before the key adopts the index: otherwise the
  // key would scan the table for NULLs under ACCESS EXCLUSIVE.
  std::vector<ObjectRef> not_null;
  for (const std::string& column : constraint.columns) {
    not_null.push_back(ref("not_null", table.name, column));
  }
  planner.add({.statement = std::move(adopt),
               .creates = {constraint_ref},
               .needs = std::move(not_null),
               .rank = kCreateConstraint,
               .follows_previous = true});
  return true;
}

void add_constraint(Planner& planner, const catalog::Table& table,
                    const catalog::Constraint& constraint, bool new_table) {
  if (constraint.kind == 'c') {
    add_checked(planner, table.name, constraint.name, constraint_sql(constraint),
                constraint.validated, new_table, std::nullopt);
    return;
  }
  if (!new_table && add_over_index(planner, table, constraint)) return;
  const std::string object =
      fmt::format("constraint {} on {}", constraint.name, table.name.display());
  Statement statement =
      data_change(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} {}", qualified(table.name),
                              ident(constraint.name), constraint.definition),
                  object);
  if (!new_table) {
    planner.advise_if_large(table.name);
    with_hazard(statement, Hazard::kIndexBuild, "builds an index on " + table.name.display());
    with_hazard(statement, Hazard::kAcquiresAccessExclusiveLock,
                "blocks reads and writes of " + table.name.display() + " during the build");
  }
  planner.add({.statement = std::move(statement),
               .creates = {ref("constraint", table.name, constraint.name)},
               .rank = kCreateConstraint});
}

// COMMENT ON CONSTRAINT, inherited ones included; a constraint dropped and added again starts
// without one.
void plan_constraint_comments(Planner& planner, const catalog::Table& to,
                              const catalog::Table* from) {
  const QualifiedName old_name = from ? from->name : to.name;
  auto comment_on = [&](const std::string& name, const std::optional<std::string>& before,
                        bool kept, const std::optional<std::string>& after) {
    plan_comment(
        planner, fmt::format("CONSTRAINT {} ON {}", ident(name), qualified(to.name)),
        ref("constraint", to.name, name),
        kept && !planner.replaced(ref("constraint", old_name, name)) ? before : std::nullopt,
        after);
  };
  for (const catalog::Constraint& constraint : to.constraints) {
    const catalog::Constraint* before = from ? named(from->constraints, constraint.name) : nullptr;
    comment_on(constraint.name, before ? before->comment : std::nullopt,
               before && same_constraint(*before, constraint), constraint.comment);
  }
  for (const catalog::ForeignKey& key : to.foreign_keys) {
    const catalog::ForeignKey* before = from ? named(from->foreign_keys, key.name) : nullptr;
    comment_on(key.name, before ? before->comment : std::nullopt,
               before && same_key(planner, *before, key), key.comment);
  }
}

void plan_table_constraints(Planner& planner, const catalog::Table& to,
                            const catalog::Table* from) {
  const QualifiedName old_name = from ? from->name : to.name;
  const bool is_new = from == nullptr;
  if (from) {
    for (const catalog::Constraint& constraint : from->constraints) {
      if (constraint.inherited) continue;
      const catalog::Constraint* now = named(to.constraints, constraint.name);
      if (!now || now->inherited || !same_constraint(constraint, *now) ||
          planner.replaced(ref("constraint", old_name, constraint.name))) {
        drop_constraint(planner, to.name, old_name, constraint.name, constraint.kind, false);
      }
    }
    for (const catalog::ForeignKey& key : from->foreign_keys) {
      if (inherited_key(planner.from, *from, key)) continue;
      const catalog::ForeignKey* now = named(to.foreign_keys, key.name);
      if (!now || inherited_key(planner.to, to, *now) || !same_key(planner, key, *now) ||
          planner.replaced(ref("constraint", old_name, key.name))) {
        drop_constraint(planner, to.name, old_name, key.name, 'f', true);
      }
    }
  }
  for (const catalog::Constraint& constraint : to.constraints) {
    if (constraint.inherited) continue;
    const catalog::Constraint* before = from ? named(from->constraints, constraint.name) : nullptr;
    const bool kept = before && !before->inherited && same_constraint(*before, constraint) &&
                      !planner.replaced(ref("constraint", old_name, constraint.name));
    if (kept) {
      if (!before->validated && constraint.validated) {
        validate(planner, to.name, constraint.name);
      }
    } else if (!is_new || !created_inline(constraint)) {
      add_constraint(planner, to, constraint, is_new);
    }
  }
  for (const catalog::ForeignKey& key : to.foreign_keys) {
    if (inherited_key(planner.to, to, key)) continue;
    const catalog::ForeignKey* before = from ? named(from->foreign_keys, key.name) : nullptr;
    const bool kept = before && same_key(planner, *before, key) &&
                      !planner.replaced(ref("constraint", old_name, key.name));
    if (kept) {
      if (!before->validated && key.validated) {
        validate(planner, to.name, key.name, key.referenced);
      }
      continue;
    }
    add_checked(planner, to.name, key.name, foreign_key_definition(key), key.validated, is_new,
                key.referenced);
  }
  plan_constraint_comments(planner, to, from);
}

}  // namespace

void seed_constraints(Planner& planner) {
  for (const catalog::Table& table : planner.from.tables) {
    const catalog::Table* after = new_table(planner, table.name);
    if (!after) continue;
    for (const catalog::Constraint& constraint : table.constraints) {
      const catalog::Constraint* now = named(after->constraints, constraint.name);
      if (!now || !same_constraint(constraint, *now)) {
        planner.gone(ref("constraint", table.name, constraint.name));
      }
    }
    for (const catalog::ForeignKey& key : table.foreign_keys) {
      const catalog::ForeignKey* now = named(after->foreign_keys, key.name);
      if (!now || !same_key(planner, key, *now)) {
        planner.gone(ref("constraint", table.name, key.name));
      }
    }
  }
}

void plan_constraints(Planner& planner) {
  for (const catalog::Table& table : planner.to.tables) {
    const catalog::Table* before = planner.from.table(planner.old_table_name(table.name));
    if (before && before->kind != table.kind) before = nullptr;
    plan_table_constraints(planner, table, before);
  }
}

}  // namespace confiture::diff
