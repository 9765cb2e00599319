// Tables: create, drop, rename, and the changes of an existing table that are not its
// constraints or indexes: columns (added, dropped, renamed, retyped, defaults, NOT NULL,
// identity, generated), partitioning, inheritance, persistence, storage parameters, row-level
// security, comments and privileges.
#include <fmt/format.h>

#include <algorithm>

#include "annotations.hpp"
#include "conversions.hpp"
#include "planner.hpp"
#include "sql_text.hpp"
#include "table_parts.hpp"

namespace confiture::diff {
namespace {

std::string table_object(const catalog::Table& table) { return "table " + table.name.display(); }

// Changing between these keeps the stored bytes: PostgreSQL does not rewrite the table.
bool binary_compatible(const catalog::Column& from, const catalog::Column& to) {
  auto is_text_like = [](const std::string& type) {
    return type == "text" || type.rfind("character varying", 0) == 0;
  };
  if (from.collation != to.collation) return false;
  if (to.type == "text" && is_text_like(from.type)) return true;
  if (from.type.rfind("character varying(", 0) == 0 && to.type.rfind("character varying", 0) == 0) {
    return to.type == "character varying" || to.max_length >= from.max_length;
  }
  if (from.type.rfind("numeric(", 0) == 0 && to.type == "numeric") return true;
  return false;
}

Step& add_step(Planner& planner, Statement statement, Rank rank, std::vector<ObjectRef> creates,
               std::vector<ObjectRef> drops = {}, bool follows_previous = false) {
  return planner.add({.statement = std::move(statement),
                      .creates = std::move(creates),
                      .drops = std::move(drops),
                      .rank = rank,
                      .follows_previous = follows_previous});
}

// An `ALTER TABLE target ALTER COLUMN ...` step that may share one ALTER TABLE with the other
// column changes of its table next to it (PostgreSQL orders the actions itself: drops, type
// changes, then defaults and NOT NULL).
void combinable(Step& step, const std::string& target, const std::string& prefix) {
  const std::string head = "ALTER TABLE " + target + " ";
  if (step.statement.sql.rfind(head, 0) != 0 || prefix.rfind(head, 0) != 0) return;
  step.combine_target = target;
  step.combine_action = step.statement.sql.substr(head.size());
}

void create_table(Planner& planner, const catalog::Table& table) {
  std::string sql =
      fmt::format("CREATE {}TABLE {}", table.unlogged ? "UNLOGGED " : "", qualified(table.name));
  std::vector<ObjectRef> creates{ref("table", table.name)};
  for (const catalog::Column& column : table.columns) {
    creates.push_back(ref("column", table.name, column.name));
    if (column.default_expr && !column.generated) {
      creates.push_back(ref("default", table.name, column.name));
    }
  }
  if (table.partition_of) {
    sql += fmt::format(" PARTITION OF {} {}", qualified(*table.partition_of),
                       table.partition_bound.value_or("DEFAULT"));
  } else {
    std::vector<std::string> elements;
    for (const catalog::Column& column : table.columns) {
      if (column.local) elements.push_back(column_definition(planner.to, table, column));
    }
    for (const catalog::Constraint& constraint : table.constraints) {
      if (!created_inline(constraint)) continue;
      elements.push_back(
          fmt::format("CONSTRAINT {} {}", ident(constraint.name), constraint.definition));
      creates.push_back(ref("constraint", table.name, constraint.name));
    }
    sql += " (\n    " + join(elements, ",\n    ") + "\n)";
    if (!table.inherits.empty()) {
      std::vector<std::string> parents;
      for (const auto& parent : table.inherits) parents.push_back(qualified(parent));
      sql += " INHERITS (" + join(parents, ", ") + ")";
    }
  }
  if (table.partition_key) sql += " PARTITION BY " + *table.partition_key;
  if (!table.storage_parameters.empty()) {
    sql += " WITH (" + join(table.storage_parameters, ", ") + ")";
  }
  add_step(planner, catalog_change(sql, table_object(table)), kCreateTable, std::move(creates));
}

void set_row_security(Planner& planner, const catalog::Table& table, bool from_enabled,
                      bool from_forced) {
  const ObjectRef object = ref("table", table.name);
  const std::string target = qualified(table.name);
  auto alter = [&](const std::string& what) {
    Statement statement =
        catalog_change(fmt::format("ALTER TABLE {} {}", target, what), table_object(table));
    with_hazard(statement, Hazard::kAuthzUpdate,
                "changes who sees which rows of " + table.name.display());
    Step step{.statement = std::move(statement), .rank = kAlterTable};
    step.needs.push_back(object);  // after the table is created or renamed
    planner.add(std::move(step));
  };
  if (table.row_security != from_enabled) {
    alter(table.row_security ? "ENABLE ROW LEVEL SECURITY" : "DISABLE ROW LEVEL SECURITY");
  }
  if (table.force_row_security != from_forced) {
    alter(table.force_row_security ? "FORCE ROW LEVEL SECURITY" : "NO FORCE ROW LEVEL SECURITY");
  }
}

void plan_annotations(Planner& planner, const catalog::Table& to, const catalog::Table* from) {
  const ObjectRef object = ref("table", to.name);
  const std::string target = qualified(to.name);
  plan_comment(planner, "TABLE " + target, object, from ? from->comment : std::nullopt, to.comment);
  plan_privileges(planner, "TABLE", target, object,
                  from ? std::optional<Privileges>({from->privileges, from->owner}) : std::nullopt,
                  {to.privileges, to.owner});
  for (const catalog::Column& column : to.columns) {
    const catalog::Column* before =
        from ? from->column(planner.old_column_name(to.name, column.name)) : nullptr;
    const ObjectRef column_ref = ref("column", to.name, column.name);
    plan_comment(planner, fmt::format("COLUMN {}.{}", target, ident(column.name)), column_ref,
                 before ? before->comment : std::nullopt, column.comment);
    plan_privileges(planner, "TABLE", target, column_ref,
                    Privileges{before ? before->privileges : std::vector<std::string>{},
                               from ? from->owner : to.owner},
                    {column.privileges, to.owner}, column.name);
  }
}

// SET NOT NULL without holding an exclusive lock through a full scan: a NOT VALID check is
// validated in a transaction of its own under SHARE UPDATE EXCLUSIVE, and PostgreSQL 12+ then
// trusts it instead of scanning; SET NOT NULL and dropping the check come in a third transaction
// and hold ACCESS EXCLUSIVE only for a catalog update. What needs the column NOT NULL first (an
// identity, a primary key adopting an index, an ATTACH or INHERIT) waits for "not_null".
void set_not_null(Planner& planner, const catalog::Table& table, const catalog::Column& column) {
  const std::string target = qualified(table.name);
  const ObjectRef column_ref = ref("column", table.name, column.name);
  const std::string check = ident(fmt::format("{}_not_null", column.name).substr(0, 63));
  const std::string object = fmt::format("column {}.{}", table.name.display(), column.name);
  Statement add = catalog_change(fmt::format("ALTER TABLE {} ADD CONSTRAINT {} CHECK ({} IS NOT "
                                             "NULL) NOT VALID",
                                             target, check, ident(column.name)),
                                 object);
  add_step(planner, std::move(add), kAlterColumn, {column_ref});
  Statement validate =
      data_change(fmt::format("ALTER TABLE {} VALIDATE CONSTRAINT {}", target, check), object);
  with_hazard(validate, Hazard::kValidationMayFail,
              fmt::format("fails if {} holds NULLs; holds SHARE UPDATE EXCLUSIVE on {} while it "
                          "scans (reads and writes go on), in a transaction of its own",
                          object, table.name.display()));
  add_step(planner, std::move(validate), kValidate, {}, {}, true).phase = kValidatePhase;
  const ObjectRef not_null = ref("not_null", table.name, column.name);
  add_step(planner,
           catalog_change(fmt::format("ALTER TABLE {} ALTER COLUMN {} SET NOT NULL", target,
                                      ident(column.name)),
                          object),
           kAfterValidate, {not_null}, {}, true)
      .phase = kAfterValidatePhase;
  add_step(planner,
           catalog_change(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", target, check), object),
           kAfterValidate, {}, {}, true)
      .phase = kAfterValidatePhase;
}

void add_column(Planner& planner, const catalog::Table& table, const catalog::Column& column) {
  const std::string object = fmt::format("column {}.{}", table.name.display(), column.name);
  std::vector<ObjectRef> creates{ref("column", table.name, column.name)};
  if (column.default_expr && !column.generated) {
    creates.push_back(ref("default", table.name, column.name));
  }
  Statement statement =
      catalog_change(fmt::format("ALTER TABLE {} ADD COLUMN {}", qualified(table.name),
                                 column_definition(planner.to, table, column)),
                     object);
  if (column.generated || column.identity) {
    statement.statement_timeout_ms = kDataTimeoutMs;
    with_hazard(statement, Hazard::kTableRewrite,
                fmt::format("fills {} for every existing row", object));
  }
  if (column.not_null && !column.default_expr && !column.identity && !column.generated) {
    with_hazard(
        statement, Hazard::kValidationMayFail,
        fmt::format("NOT NULL without a default fails unless {} is empty", table.name.display()));
  }
  add_step(planner, std::move(statement), kAlterColumn, std::move(creates));
}

// The table is named as it is now (after a rename) in SQL, and as `from` had it in the refs.
void drop_column(Planner& planner, const catalog::Table& from, const QualifiedName& current,
                 const catalog::Column& column) {
  const std::string object = fmt::format("column {}.{}", current.display(), column.name);
  Statement statement = catalog_change(
      fmt::format("ALTER TABLE {} DROP COLUMN {}", qualified(current), ident(column.name)), object);
  with_hazard(statement, Hazard::kDeletesData, fmt::format("drops {} and its values", object));
  std::vector<ObjectRef> drops{ref("column", from.name, column.name)};
  if (column.default_expr) drops.push_back(ref("default", from.name, column.name));
  add_step(planner, std::move(statement), kDropColumn, {}, std::move(drops));
}

void change_identity(Planner& planner, const catalog::Table& table, const catalog::Column& from,
                     const catalog::Column& to) {
  const std::string prefix =
      fmt::format("ALTER TABLE {} ALTER COLUMN {}", qualified(table.name), ident(to.name));
  const std::string object = fmt::format("column {}.{}", table.name.display(), to.name);
  const ObjectRef column_ref = ref("column", table.name, to.name);
  if (from.identity && to.identity) {
    // The identity's own sequence options: ALTER COLUMN ... SET INCREMENT BY ... SET CYCLE ...
    const catalog::Sequence* before =
        identity_sequence(planner.from, planner.old_table_name(table.name),
                          planner.old_column_name(table.name, to.name));
    const catalog::Sequence* after = identity_sequence(planner.to, table.name, to.name);
    if (before && after) {
      std::vector<std::string> options;
      if (before->data_type == after->data_type) {
        for (const std::string& option : sequence_option_list(*after, before)) {
          options.push_back("SET " + option);
        }
        if (restarts(*after, *before)) options.push_back("RESTART");
      }
      if (!options.empty()) {
        add_step(planner, catalog_change(prefix + " " + join(options, " "), object), kAlterColumn,
                 {column_ref});
      }
    }
  }
  if (from.identity == to.identity) return;
  if (!to.identity) {
    // Drops the identity's sequence too: a serial sequence of the same name comes after.
    std::vector<ObjectRef> drops;
    if (const catalog::Sequence* sequence =
            identity_sequence(planner.from, planner.old_table_name(table.name), from.name)) {
      drops.push_back(ref("sequence", sequence->name));
    }
    add_step(planner, catalog_change(prefix + " DROP IDENTITY", object), kAlterColumn, {column_ref},
             std::move(drops));
  } else if (!from.identity) {
    add_step(planner,
             catalog_change(
                 fmt::format("{} ADD {}", prefix, identity_clause(planner.to, table, to)), object),
             kAlterColumn, {column_ref})
        .needs.push_back(ref("not_null", table.name, to.name));
  } else {
    add_step(planner,
             catalog_change(fmt::format("{} SET GENERATED {}", prefix,
                                        to.identity == 'a' ? "ALWAYS" : "BY DEFAULT"),
                            object),
             kAlterColumn, {column_ref});
  }
}

// Before a column becomes varchar(n): fail if a value is longer than n, trailing spaces
// included (the ALTER's assignment coercion would cut those without an error). The table is
// locked as the ALTER will lock it, so no longer value comes in between. Ranked before the
// ALTER COLUMN steps, so that the type changes of the table stay one statement.
void guard_length(Planner& planner, const catalog::Table& table, const catalog::Column& column,
                  int length) {
  const std::string target = qualified(table.name);
  const std::string object = fmt::format("column {}.{}", table.name.display(), column.name);
  const std::string message =
      fmt::format("{} holds a value longer than {} characters", object, length);
  Statement guard = data_change(
      fmt::format("DO $confiture$ BEGIN LOCK TABLE {} IN ACCESS EXCLUSIVE MODE; IF EXISTS "
                  "(SELECT FROM {} WHERE char_length({}::text) > {}) THEN RAISE EXCEPTION USING "
                  "MESSAGE = {}; "
                  "END IF; "
                  "END $confiture$",
                  target, target, ident(column.name), length, literal(message)),
      object);
  guard.lock = {LockMode::kAccessExclusive, {table.name.display()}};
  with_hazard(guard, Hazard::kAcquiresAccessExclusiveLock,
              fmt::format("blocks reads and writes of {} while it is scanned and rewritten",
                          table.name.display()));
  with_hazard(guard, Hazard::kValidationMayFail,
              fmt::format("fails if a value of {} is longer than {} characters, trailing spaces "
                          "included",
                          object, length));
  add_step(planner, std::move(guard), kAlterTable, {});
}

void change_column(Planner& planner, const catalog::Table& table, const catalog::Column& from,
                   const catalog::Column& to) {
  const std::string target = qualified(table.name);
  const std::string prefix = fmt::format("ALTER TABLE {} ALTER COLUMN {}", target, ident(to.name));
  const std::string object = fmt::format("column {}.{}", table.name.display(), to.name);
  const ObjectRef column_ref = ref("column", table.name, to.name);
  const ObjectRef default_ref = ref("default", table.name, to.name);
  const ObjectRef old_default = ref("default", planner.old_table_name(table.name), from.name);
  const bool default_changed =
      from.default_expr != to.default_expr || planner.replaced(old_default);
  if (from.default_expr && (default_changed || types_differ(from, to) || to.identity)) {
    combinable(add_step(planner, catalog_change(prefix + " DROP DEFAULT", object), kDropDefault, {},
                        {old_default}),
               target, prefix);
  }
  // An identity goes before NOT NULL can be dropped; one is added once the column is NOT NULL.
  const bool adds_identity = to.identity && !from.identity;
  if (!adds_identity) change_identity(planner, table, from, to);
  if (types_differ(from, to)) {
    std::string sql = fmt::format("{} TYPE {}", prefix, to.type);
    if (to.collation) sql += " COLLATE " + qualified(*to.collation);
    const bool rewrite = !binary_compatible(from, to);
    // An enum converts to another type (and anything to an enum) only through text.
    const bool via_text = from.type_category == 'E' || to.type_category == 'E';
    if (rewrite) {
      // The cast names the type without its length, precision or scale: an explicit cast to
      // varchar(5) would cut the value, where the assignment coercion that ALTER ... TYPE applies
      // to the USING result raises an error.
      sql += fmt::format(" USING {}{}::{}", ident(to.name), via_text ? "::text" : "",
                         cast_target(to.type));
    }
    Statement statement = rewrite ? data_change(sql, object) : catalog_change(sql, object);
    if (rewrite) {
      planner.advise_if_large(table.name);
      with_hazard(statement, Hazard::kTableRewrite,
                  fmt::format("rewrites {} and rebuilds its indexes", table.name.display()));
      with_hazard(
          statement, Hazard::kAcquiresAccessExclusiveLock,
          fmt::format("blocks reads and writes of {} while it is rewritten", table.name.display()));
      const ConversionVerdict verdict = classify_conversion(from, to, object);
      if (verdict.guard_length) guard_length(planner, table, to, *verdict.guard_length);
      if (verdict.kind == Conversion::kFailsOnMisfit) {
        with_hazard(statement, Hazard::kValidationMayFail, verdict.why);
      } else if (verdict.kind == Conversion::kLossy) {
        with_hazard(statement, Hazard::kDeletesData, verdict.why);
      }
    }
    combinable(add_step(planner, std::move(statement), kAlterColumn, {column_ref}), target, prefix);
  }
  if (to.default_expr && !to.identity && (default_changed || types_differ(from, to))) {
    combinable(
        add_step(planner,
                 catalog_change(fmt::format("{} SET DEFAULT {}", prefix, *to.default_expr), object),
                 kSetDefault, {default_ref}),
        target, prefix);
  }
  if (to.not_null && !from.not_null) {
    set_not_null(planner, table, to);
  } else if (!to.not_null && from.not_null && !from.identity) {
    combinable(add_step(planner, catalog_change(prefix + " DROP NOT NULL", object), kAlterColumn,
                        {column_ref}),
               target, prefix);
  }
  if (adds_identity) change_identity(planner, table, from, to);
}

// A parent's NOT NULL columns must be NOT NULL in a table before it is attached or inherits.
std::vector<ObjectRef> not_null_refs(const catalog::Table& table) {
  std::vector<ObjectRef> refs;
  for (const catalog::Column& column : table.columns) {
    if (column.not_null) refs.push_back(ref("not_null", table.name, column.name));
  }
  return refs;
}

void change_partitioning(Planner& planner, const catalog::Table& from, const catalog::Table& to) {
  const bool same =
      from.partition_of == to.partition_of && from.partition_bound == to.partition_bound;
  if (same) return;
  const std::string object = table_object(to);
  const ObjectRef table_ref = ref("table", to.name);
  if (from.partition_of) {
    Statement detach =
        catalog_change(fmt::format("ALTER TABLE {} DETACH PARTITION {}",
                                   qualified(*from.partition_of), qualified(to.name)),
                       object);
    with_hazard(detach, Hazard::kAcquiresAccessExclusiveLock,
                fmt::format("locks {} and {}", from.partition_of->display(), to.name.display()));
    add_step(planner, std::move(detach), kAlterTable, {table_ref});
  }
  if (to.partition_of) {
    Statement attach = data_change(
        fmt::format("ALTER TABLE {} ATTACH PARTITION {} {}", qualified(*to.partition_of),
                    qualified(to.name), to.partition_bound.value_or("DEFAULT")),
        object);
    with_hazard(attach, Hazard::kAcquiresAccessExclusiveLock,
                fmt::format("holds ACCESS EXCLUSIVE on {} (and SHARE UPDATE EXCLUSIVE on {}) while "
                            "it scans {} to check its rows fit the bound",
                            to.name.display(), to.partition_of->display(), to.name.display()));
    with_hazard(attach, Hazard::kValidationMayFail,
                fmt::format("fails if a row of {} is outside the bound", to.name.display()));
    add_step(planner, std::move(attach), kAlterTable, {table_ref}, {},
             from.partition_of.has_value())
        .needs = not_null_refs(to);
  }
}

// INHERIT leaves the child's own declaration of the columns it now inherits; no statement
// removes it. It shows only when the parent later drops such a column: the child keeps it.
void note_still_local(Planner& planner, const catalog::Table& from, const catalog::Table& to,
                      const QualifiedName& parent) {
  const catalog::Table* parent_table = planner.to.table(parent);
  std::vector<std::string> columns;
  for (const catalog::Column& column : to.columns) {
    const catalog::Column* before = from.column(planner.old_column_name(to.name, column.name));
    if (!column.local && before && before->local && parent_table &&
        parent_table->column(column.name)) {
      columns.push_back(column.name);
    }
  }
  if (columns.empty()) return;
  planner.note(fmt::format(
      "{} keeps its own declaration of {} after INHERIT {} (PostgreSQL has no statement that "
      "removes it): if {} later drops them, {} keeps them",
      to.name.display(), join(columns, ", "), parent.display(), parent.display(),
      to.name.display()));
}

void change_table(Planner& planner, const catalog::Table& from, const catalog::Table& to) {
  const std::string target = qualified(to.name);
  const std::string object = table_object(to);
  const ObjectRef table_ref = ref("table", to.name);
  if (from.name != to.name) {
    add_step(planner,
             catalog_change(fmt::format("ALTER TABLE {} RENAME TO {}", qualified(from.name),
                                        ident(to.name.name)),
                            object),
             kRename, {table_ref});
  }
  for (const catalog::Column& column : to.columns) {
    const std::string old_name = planner.old_column_name(to.name, column.name);
    if (old_name != column.name && from.column(old_name)) {
      add_step(planner,
               catalog_change(fmt::format("ALTER TABLE {} RENAME COLUMN {} TO {}", target,
                                          ident(old_name), ident(column.name)),
                              fmt::format("column {}.{}", to.name.display(), column.name)),
               kRename, {ref("column", to.name, column.name)});
    }
  }
  change_partitioning(planner, from, to);
  // A parent's column changes reach its children and partitions by themselves.
  for (const catalog::Column& column : from.columns) {
    if (!column.inherited && column_is_gone(planner, from, column.name)) {
      drop_column(planner, from, to.name, column);
    }
  }
  for (const catalog::Column& column : to.columns) {
    if (column.inherited) continue;
    const catalog::Column* before = from.column(planner.old_column_name(to.name, column.name));
    if (!before || column_is_regenerated(*before, column)) {
      if (before) drop_column(planner, from, to.name, *before);
      add_column(planner, to, column);
    } else {
      change_column(planner, to, *before, column);
    }
  }
  if (from.unlogged != to.unlogged) {
    Statement statement = data_change(
        fmt::format("ALTER TABLE {} SET {}", target, to.unlogged ? "UNLOGGED" : "LOGGED"), object);
    planner.advise_if_large(to.name);
    with_hazard(statement, Hazard::kTableRewrite, "rewrites " + to.name.display());
    with_hazard(statement, Hazard::kAcquiresAccessExclusiveLock,
                "blocks reads and writes of " + to.name.display() + " while it is rewritten");
    add_step(planner, std::move(statement), kAlterTable, {table_ref});
  }
  std::vector<std::string> reset;
  std::vector<std::string> set;
  for (const std::string& parameter : from.storage_parameters) {
    const std::string key = parameter.substr(0, parameter.find('='));
    const bool kept = std::any_of(to.storage_parameters.begin(), to.storage_parameters.end(),
                                  [&](const std::string& p) { return p.rfind(key + "=", 0) == 0; });
    if (!kept) reset.push_back(key);
  }
  for (const std::string& parameter : to.storage_parameters) {
    if (std::find(from.storage_parameters.begin(), from.storage_parameters.end(), parameter) ==
        from.storage_parameters.end()) {
      set.push_back(parameter);
    }
  }
  if (!reset.empty()) {
    add_step(
        planner,
        catalog_change(fmt::format("ALTER TABLE {} RESET ({})", target, join(reset, ", ")), object),
        kAlterTable, {table_ref});
  }
  if (!set.empty()) {
    add_step(
        planner,
        catalog_change(fmt::format("ALTER TABLE {} SET ({})", target, join(set, ", ")), object),
        kAlterTable, {table_ref});
  }
  for (const QualifiedName& parent : from.inherits) {
    if (std::find(to.inherits.begin(), to.inherits.end(), parent) == to.inherits.end()) {
      add_step(planner,
               catalog_change(
                   fmt::format("ALTER TABLE {} NO INHERIT {}", target, qualified(parent)), object),
               kAlterTable, {table_ref});
    }
  }
  for (const QualifiedName& parent : to.inherits) {
    if (std::find(from.inherits.begin(), from.inherits.end(), parent) == from.inherits.end()) {
      Statement statement =
          data_change(fmt::format("ALTER TABLE {} INHERIT {}", target, qualified(parent)), object);
      add_step(planner, std::move(statement), kAlterTable, {table_ref}).needs = not_null_refs(to);
      note_still_local(planner, from, to, parent);
    }
  }
  set_row_security(planner, to, from.row_security, from.force_row_security);
}

void drop_table(Planner& planner, const catalog::Table& table) {
  Statement statement =
      catalog_change(fmt::format("DROP TABLE {}", qualified(table.name)), table_object(table));
  with_hazard(statement, Hazard::kDeletesData,
              fmt::format("drops {} and all its rows", table.name.display()));
  add_step(planner, std::move(statement), kDropTable, {}, table_and_parts(table));
}

}  // namespace

void seed_tables(Planner& planner) {
  for (const catalog::Table& table : planner.from.tables) {
    const catalog::Table* after = new_table(planner, table.name);
    if (!after || after->kind != table.kind) {
      for (const ObjectRef& part : table_and_parts(table)) planner.gone(part);
      continue;
    }
    for (const catalog::Column& column : table.columns) {
      const ObjectRef column_ref = ref("column", table.name, column.name);
      if (column_is_gone(planner, table, column.name)) {
        planner.gone(column_ref);
        if (column.default_expr) planner.gone(ref("default", table.name, column.name));
        continue;
      }
      const catalog::Column* now = new_column(planner, *after, column.name);
      if (column_is_regenerated(column, *now)) {
        planner.gone(column_ref);
      } else if (types_differ(column, *now)) {
        planner.reshape(column_ref);
      }
      if (column.default_expr && !now->default_expr) {
        planner.gone(ref("default", table.name, column.name));
      }
    }
  }
}

void plan_tables(Planner& planner) {
  for (const catalog::Table& table : planner.from.tables) {
    const catalog::Table* after = new_table(planner, table.name);
    if (!after || after->kind != table.kind) {
      // A partition or child goes with its parent when that is dropped too.
      const bool goes_with_parent =
          table.partition_of && planner.is_gone(ref("table", *table.partition_of));
      if (!goes_with_parent) drop_table(planner, table);
    }
  }
  for (const catalog::Table& table : planner.to.tables) {
    const catalog::Table* before = planner.from.table(planner.old_table_name(table.name));
    if (before && before->kind != table.kind) before = nullptr;
    if (before) {
      change_table(planner, *before, table);
    } else {
      create_table(planner, table);
      set_row_security(planner, table, false, false);
    }
    plan_column_settings(planner, table, before);
    plan_annotations(planner, table, before);
  }
}

}  // namespace confiture::diff
