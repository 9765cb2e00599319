// Which lock each statement the differ writes takes, on which relations. The modes follow
// PostgreSQL 15 (AlterTableGetLockLevel for ALTER TABLE actions; each command's own lock request
// otherwise); tests/integration/diff/statement_locks_test.cpp checks every golden case's
// statements against pg_locks seen from a second session while they run.
#include "locks.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "confiture/report/dotted_name.hpp"
#include "confiture/sql/json_view.hpp"
#include "confiture/sql/pg_query_results.hpp"

namespace confiture::diff {
namespace {

using catalog::QualifiedName;
using sql::JsonView;

// The locks found so far: relation -> strongest mode on it, and whether anything is only read.
class Locks {
 public:
  Locks(const catalog::Catalog& from, const Renames& renames) : from_(from), renames_(renames) {}

  void take(const QualifiedName& relation, LockMode mode) {
    if (mode <= LockMode::kRowShare) return reads(mode);
    LockMode& held = held_[relation];
    held = std::max(held, mode);
  }
  void reads(LockMode mode = LockMode::kAccessShare) { read_ = std::max(read_, mode); }

  // A table as `from` names it: the plan's statements name tables as `to` does (renames first).
  QualifiedName in_from(const QualifiedName& table) const {
    auto found = renames_.tables.find(table);
    return found == renames_.tables.end() ? table : QualifiedName{table.schema, found->second};
  }
  // A table of `from` as the plan names it.
  QualifiedName in_plan(const QualifiedName& table) const {
    for (const auto& [renamed, old] : renames_.tables) {
      if (renamed.schema == table.schema && old == table.name) return renamed;
    }
    return table;
  }

  // A table and the tables that inherit from it (ALTER TABLE recurses to them); partitions are
  // locked with their parent and left out, as an index is left out for its table.
  void take_with_children(const QualifiedName& table, LockMode mode) {
    take(table, mode);
    const QualifiedName parent = in_from(table);
    for (const catalog::Table& child : from_.tables) {
      if (std::find(child.inherits.begin(), child.inherits.end(), parent) != child.inherits.end()) {
        take_with_children(in_plan(child.name), mode);
      }
    }
  }

  bool view_exists(const QualifiedName& view) const {
    return std::any_of(from_.views.begin(), from_.views.end(),
                       [&](const catalog::View& v) { return v.name == view; });
  }

  // What an index name stands for: its table (or materialized view).
  QualifiedName table_of_index(const QualifiedName& index) const {
    for (const catalog::Index& candidate : from_.indexes) {
      if (candidate.name == index) return in_plan(candidate.table);
    }
    return index;  // a constraint's index: named after the constraint, on a table we cannot name
  }

  // Dropping a foreign key drops its triggers on the referenced table too.
  void drop_constraint(const QualifiedName& table, const std::string& name) {
    take(table, LockMode::kAccessExclusive);
    if (const catalog::Table* found = from_.table(in_from(table))) {
      for (const catalog::ForeignKey& key : found->foreign_keys) {
        if (key.name == name) take(in_plan(key.referenced), LockMode::kAccessExclusive);
      }
    }
  }

  // The sequences owned by a column of `table` (`column` empty: by any), which go with it.
  void owned_sequences(const QualifiedName& table, const std::string& column) {
    for (const catalog::Sequence& sequence : from_.sequences) {
      if (sequence.owned_by_table == in_from(table) &&
          (column.empty() || sequence.owned_by_column == column)) {
        take(sequence.name, LockMode::kAccessExclusive);
      }
    }
  }

  // Dropping a table drops its sequences, its foreign keys (the referenced tables' triggers) and,
  // for a partition, detaches it from its parent.
  void drop_table(const QualifiedName& name) {
    take(name, LockMode::kAccessExclusive);
    owned_sequences(name, {});
    const catalog::Table* table = from_.table(in_from(name));
    if (table == nullptr) return;
    for (const catalog::ForeignKey& key : table->foreign_keys) {
      take(in_plan(key.referenced), LockMode::kAccessExclusive);
    }
    if (table->partition_of) take(in_plan(*table->partition_of), LockMode::kAccessExclusive);
  }

  // A new partition of `parent`: the parent's default partition is scanned, and locked with it.
  void default_partition_of(const QualifiedName& parent, LockMode mode) {
    for (const catalog::Table& table : from_.tables) {
      if (table.partition_of == in_from(parent) && table.partition_bound == "DEFAULT") {
        take(in_plan(table.name), mode);
      }
    }
  }

  // Adding a constraint to a domain, or making it NOT NULL, checks every column over it.
  void tables_over_domain(const QualifiedName& domain) {
    const std::string names[] = {domain.display(), domain.quoted(), domain.name};
    for (const catalog::Table& table : from_.tables) {
      for (const catalog::Column& column : table.columns) {
        if (std::find(std::begin(names), std::end(names), column.type) != std::end(names)) {
          take(in_plan(table.name), LockMode::kShare);
        }
      }
    }
  }

  StatementLock result() const {
    StatementLock lock;
    for (const auto& [relation, mode] : held_) lock.mode = std::max(lock.mode, mode);
    for (const auto& [relation, mode] : held_) {
      if (mode == lock.mode) lock.relations.push_back(relation.display());
    }
    if (read_ > lock.mode) lock = {read_, {}};
    std::sort(lock.relations.begin(), lock.relations.end());
    return lock;
  }

 private:
  const catalog::Catalog& from_;
  const Renames& renames_;
  std::map<QualifiedName, LockMode> held_;
  LockMode read_ = LockMode::kNone;
};

QualifiedName range_var(JsonView node) {
  const JsonView schema = node["schemaname"];
  return {schema.present() ? schema.as_string() : "public", node["relname"].as_string()};
}

std::vector<std::string> strings(JsonView list) {
  std::vector<std::string> out;
  list.for_each_element([&](JsonView item) { out.push_back(item["String"]["sval"].as_string()); });
  return out;
}

// The relation a name list names, `rest` parts before its end ([schema.]table.trigger: rest 1);
// an unqualified one is in public.
QualifiedName take_name(const std::vector<std::string>& parts, std::size_t rest) {
  QualifiedName name;
  if (parts.size() >= rest + 2) {
    name.schema = parts[parts.size() - rest - 2];
  } else {
    name.schema = "public";
  }
  name.name = parts.size() >= rest + 1 ? parts[parts.size() - rest - 1] : std::string{};
  return name;
}

bool reads_relations(JsonView node) {
  return node.present() && node.raw().find("\"RangeVar\"") != std::string_view::npos;
}

bool is_relation(std::string_view objtype) {
  return objtype == "OBJECT_TABLE" || objtype == "OBJECT_VIEW" || objtype == "OBJECT_MATVIEW" ||
         objtype == "OBJECT_SEQUENCE" || objtype == "OBJECT_FOREIGN_TABLE";
}

// AlterTableGetLockLevel, for the actions the differ writes.
LockMode action_mode(std::string_view subtype, JsonView def, std::string_view objtype) {
  if (subtype == "AT_AddConstraint") {
    const std::string contype = def["Constraint"]["contype"].as_string();
    return contype == "CONSTR_FOREIGN" ? LockMode::kShareRowExclusive : LockMode::kAccessExclusive;
  }
  if (subtype == "AT_ValidateConstraint" || subtype == "AT_SetStatistics" ||
      subtype == "AT_SetOptions" || subtype == "AT_ResetOptions" || subtype == "AT_ClusterOn" ||
      subtype == "AT_DropCluster" || subtype == "AT_AttachPartition") {
    return LockMode::kShareUpdateExclusive;
  }
  if (subtype == "AT_SetRelOptions" || subtype == "AT_ResetRelOptions") {
    // A view's options change how it is read; a table's storage parameters (fillfactor,
    // autovacuum_*, ...) only how it is kept.
    return objtype == "OBJECT_VIEW" ? LockMode::kAccessExclusive : LockMode::kShareUpdateExclusive;
  }
  if (subtype.substr(0, 9) == "AT_Enable" || subtype.substr(0, 10) == "AT_Disable") {
    if (subtype.find("Trig") != std::string_view::npos) return LockMode::kShareRowExclusive;
  }
  return LockMode::kAccessExclusive;
}

// A foreign key locks the table it references against writes while it is added.
void referenced_table(Locks& locks, JsonView constraint) {
  if (constraint["pktable"].present()) {
    locks.take(range_var(constraint["pktable"]), LockMode::kShareRowExclusive);
  }
}

void alter_table(Locks& locks, JsonView node) {
  const std::string objtype = node["objtype"].as_string();
  if (objtype == "OBJECT_TYPE") return;  // a composite type: no rows, nobody reads it
  QualifiedName target = range_var(node["relation"]);
  if (objtype == "OBJECT_INDEX") target = locks.table_of_index(target);
  const bool recurse = node["relation"]["inh"].as_bool() && objtype == "OBJECT_TABLE";
  node["cmds"].for_each_element([&](JsonView wrapper) {
    const JsonView cmd = wrapper["AlterTableCmd"];
    const std::string subtype = cmd["subtype"].as_string();
    const JsonView def = cmd["def"];
    const LockMode mode = action_mode(subtype, def, objtype);
    if (subtype == "AT_DropConstraint") {
      locks.drop_constraint(target, cmd["name"].as_string());
    } else if (recurse) {
      locks.take_with_children(target, mode);
    } else {
      locks.take(target, mode);
    }
    if (subtype == "AT_DropColumn" || subtype == "AT_DropIdentity") {
      locks.owned_sequences(target, cmd["name"].as_string());
    } else if (subtype == "AT_AddConstraint") {
      referenced_table(locks, def["Constraint"]);
    } else if (subtype == "AT_AttachPartition" || subtype == "AT_DetachPartition") {
      locks.take(range_var(def["PartitionCmd"]["name"]), LockMode::kAccessExclusive);
      if (subtype == "AT_AttachPartition") {
        locks.default_partition_of(target, LockMode::kAccessExclusive);
      }
    } else if (subtype == "AT_AddInherit") {
      locks.take(range_var(def["RangeVar"]), LockMode::kShareUpdateExclusive);
    } else if (subtype == "AT_DropInherit") {
      locks.take(range_var(def["RangeVar"]), LockMode::kAccessShare);
    }
  });
}

void create_table(Locks& locks, JsonView node) {
  node["tableElts"].for_each_element([&](JsonView element) {
    if (element["Constraint"].present()) {
      referenced_table(locks, element["Constraint"]);
    } else if (element["ColumnDef"].present()) {
      element["ColumnDef"]["constraints"].for_each_element(
          [&](JsonView wrapper) { referenced_table(locks, wrapper["Constraint"]); });
    } else if (element["TableLikeClause"].present()) {
      locks.reads();
    }
  });
  const bool partition = node["partbound"].present();
  node["inhRelations"].for_each_element([&](JsonView parent) {
    const QualifiedName name = range_var(parent["RangeVar"]);
    locks.take(name, partition ? LockMode::kAccessExclusive : LockMode::kShareUpdateExclusive);
    if (partition) locks.default_partition_of(name, LockMode::kAccessExclusive);
  });
}

void drop(Locks& locks, JsonView node) {
  const std::string type = node["removeType"].as_string();
  const bool concurrent = node["concurrent"].as_bool();
  node["objects"].for_each_element([&](JsonView object) {
    const std::vector<std::string> parts = strings(object["List"]["items"]);
    if (type == "OBJECT_TABLE") {
      locks.drop_table(take_name(parts, 0));
    } else if (type == "OBJECT_INDEX") {
      locks.take(locks.table_of_index(take_name(parts, 0)),
                 concurrent ? LockMode::kShareUpdateExclusive : LockMode::kAccessExclusive);
    } else if (type == "OBJECT_VIEW" || type == "OBJECT_MATVIEW" || type == "OBJECT_SEQUENCE" ||
               type == "OBJECT_FOREIGN_TABLE") {
      locks.take(take_name(parts, 0), LockMode::kAccessExclusive);
    } else if (type == "OBJECT_TRIGGER" || type == "OBJECT_POLICY" || type == "OBJECT_RULE") {
      locks.take(take_name(parts, 1), LockMode::kAccessExclusive);
    }
  });
}

void rename(Locks& locks, JsonView node) {
  const std::string type = node["renameType"].as_string();
  if (type == "OBJECT_INDEX") {
    locks.take(locks.table_of_index(range_var(node["relation"])), LockMode::kShareUpdateExclusive);
  } else if (type == "OBJECT_TABLE" || type == "OBJECT_COLUMN" || type == "OBJECT_TABCONSTRAINT" ||
             type == "OBJECT_VIEW" || type == "OBJECT_MATVIEW" || type == "OBJECT_SEQUENCE" ||
             type == "OBJECT_TRIGGER" || type == "OBJECT_POLICY" ||
             type == "OBJECT_FOREIGN_TABLE") {
    locks.take(range_var(node["relation"]), LockMode::kAccessExclusive);
  }
}

// COMMENT ON a relation or a column locks the relation against other changes of its definition
// only; on a constraint, trigger or policy, it only reads the relation.
void comment(Locks& locks, JsonView node) {
  const std::string type = node["objtype"].as_string();
  const std::vector<std::string> parts = strings(node["object"]["List"]["items"]);
  if (type == "OBJECT_INDEX") {
    locks.take(locks.table_of_index(take_name(parts, 0)), LockMode::kShareUpdateExclusive);
  } else if (is_relation(type)) {
    locks.take(take_name(parts, 0), LockMode::kShareUpdateExclusive);
  } else if (type == "OBJECT_COLUMN") {
    locks.take(take_name(parts, 1), LockMode::kShareUpdateExclusive);
  } else if (type == "OBJECT_TABCONSTRAINT" || type == "OBJECT_TRIGGER" ||
             type == "OBJECT_POLICY" || type == "OBJECT_RULE") {
    locks.reads();  // the relation is only looked up
  }
}

void alter_domain(Locks& locks, JsonView node) {
  const std::string subtype = node["subtype"].as_string();
  const std::vector<std::string> parts = strings(node["typeName"]);
  const bool checks = subtype == "O" || subtype == "V" ||
                      (subtype == "C" && !node["def"]["Constraint"]["skip_validation"].as_bool());
  if (checks) locks.tables_over_domain(take_name(parts, 0));
}

// SELECT setval('seq', ...) FROM table: the sequence is written, the table read.
void select(Locks& locks, JsonView node) {
  if (reads_relations(node["fromClause"])) locks.reads();
  node["targetList"].for_each_element([&](JsonView target) {
    const JsonView call = target["ResTarget"]["val"]["FuncCall"];
    const std::vector<std::string> function = strings(call["funcname"]);
    if (function.empty() || function.back() != "setval") return;
    call["args"].for_each_element([&](JsonView arg) {
      const JsonView text = arg["A_Const"]["sval"]["sval"];
      if (!text.present()) return;
      // The sequence's name is a regclass text, read as nextval('...') reads it.
      if (auto name = report::split_schema_and_name(text.as_string(), report::kRegclassText)) {
        if (name->schema.empty()) name->schema = "public";
        locks.take(QualifiedName{name->schema, name->name}, LockMode::kRowExclusive);
      }
    });
  });
}

void statement(Locks& locks, std::string_view type, JsonView node) {
  if (type == "AlterTableStmt") return alter_table(locks, node);
  if (type == "CreateStmt") return create_table(locks, node);
  if (type == "DropStmt") return drop(locks, node);
  if (type == "RenameStmt") return rename(locks, node);
  if (type == "CommentStmt") return comment(locks, node);
  if (type == "AlterDomainStmt") return alter_domain(locks, node);
  if (type == "IndexStmt") {
    return locks.take(range_var(node["relation"]), node["concurrent"].as_bool()
                                                       ? LockMode::kShareUpdateExclusive
                                                       : LockMode::kShare);
  }
  if (type == "CreateTrigStmt") {
    return locks.take(range_var(node["relation"]), LockMode::kShareRowExclusive);
  }
  if (type == "CreatePolicyStmt" || type == "AlterPolicyStmt") {
    return locks.take(range_var(node["table"]), LockMode::kAccessExclusive);
  }
  if (type == "RuleStmt")
    return locks.take(range_var(node["relation"]), LockMode::kAccessExclusive);
  if (type == "AlterSeqStmt") {
    return locks.take(range_var(node["sequence"]), LockMode::kShareRowExclusive);
  }
  if (type == "ViewStmt") {
    const QualifiedName view = range_var(node["view"]);
    if (node["replace"].as_bool() && locks.view_exists(view)) {
      locks.take(view, LockMode::kAccessExclusive);
    }
    if (reads_relations(node["query"])) locks.reads();
    return;
  }
  if (type == "CreateTableAsStmt") {
    // It runs its query: the functions it calls read too.
    const JsonView query = node["query"];
    if (reads_relations(query) || query.raw().find("\"FuncCall\"") != std::string_view::npos) {
      locks.reads();
    }
    return;
  }
  if (type == "SelectStmt") return select(locks, node);
  if (type == "CreateFunctionStmt") {
    if (reads_relations(node["sql_body"])) locks.reads();
    return;
  }
  // Everything else the differ writes locks no relation: types, domains, routines, schemas,
  // extensions, grants, comments on non-relations, sequences created.
}

}  // namespace

StatementLock statement_lock(const std::string& sql, const catalog::Catalog& from,
                             const Renames& renames) {
  const sql::ParseTree tree(sql);
  bool unknown = tree.error() != nullptr;
  Locks locks(from, renames);
  tree.root()["stmts"].for_each_element([&](JsonView raw) {
    const JsonView stmt = raw["stmt"];
    if (stmt.first_key() == "DoStmt") unknown = true;  // its body is not read
    statement(locks, stmt.first_key(), stmt.first_value());
  });
  if (unknown) return {LockMode::kAccessExclusive, {}, true};
  return locks.result();
}

}  // namespace confiture::diff
