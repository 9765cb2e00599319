// What a sync will do, decided from the two catalogs before any row moves: which tables, in which
// order, with which columns, filters and strategies, and every reason to refuse. A plain value:
// plan_sync() needs no server, so each rule is unit-tested on hand-made catalogs.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/sync/anonymizer.hpp"
#include "confiture/sync/profile.hpp"

namespace confiture::sync {

struct PlanOptions {
  std::vector<std::string> tables;           // --tables patterns (globs on table or schema.table)
  std::vector<std::string> exclude;          // --exclude patterns
  std::vector<ColumnRule> rules;             // profile rules, then --anonymize (later ones win)
  bool strict = false;                       // unlabelled PII-looking columns stop the sync
  std::map<std::string, std::string> where;  // --where table=SQL (table as written)
  bool incremental = false;
  std::map<std::string, std::string> change_columns;  // profile `incremental:` table -> column
  std::vector<catalog::QualifiedName> never_copy;     // e.g. the migration ledger
};

struct ColumnRewrite {
  std::size_t field = 0;  // index into TablePlan::columns
  StrategySpec spec;      // resolved: spec.strategy is never empty
  ColumnInfo column;      // the target column the output must fit
  std::string origin;     // where the rule came from
};

// The incremental form of a table: rows changed since the target's high-water mark, upserted.
struct IncrementalPlan {
  std::string change_column;  // updated_at-style column, or the integer primary key
  bool by_primary_key = false;
};

// A foreign key broken out of a cycle: copied as NULL, restored once every table is in.
struct DeferredForeignKey {
  std::string constraint;
  std::vector<std::size_t> fields;  // indexes into TablePlan::columns of the FK columns
};

struct TablePlan {
  catalog::QualifiedName name;
  char kind = 'r';                   // 'p': partitioned (COPY through the root)
  std::vector<std::string> columns;  // copied, in this order on both sides (matched by name)
  std::vector<std::string> primary_key;
  std::vector<ColumnRewrite> rewrites;  // sorted by field
  std::vector<DeferredForeignKey> deferred;
  std::string filter;  // SQL condition on the source (alias t); empty: every row
  std::optional<IncrementalPlan> incremental;
  std::vector<std::size_t> after;  // indexes of tables that must be finished first
  double estimated_rows = -1;
  std::int64_t estimated_bytes = 0;
  std::vector<std::string> pii_verbatim;  // PII-looking columns copied as they are
};

struct SequencePlan {
  catalog::QualifiedName sequence;              // in the target
  std::optional<catalog::QualifiedName> table;  // owning table (when copied)
  std::string column;
  std::optional<std::int64_t> source_last_value;
};

// A --where condition as the operator wrote it, resolved to its source table: checked against
// the source (inside the snapshot) before anything is written.
struct WhereCondition {
  catalog::QualifiedName table;
  char kind = 'r';
  std::string condition;
};

struct SyncPlan {
  std::vector<TablePlan> tables;  // a valid serial order (parents first)
  std::vector<WhereCondition> conditions;
  std::vector<SequencePlan> sequences;
  std::vector<std::string> warnings;
};

// Confiture's own tables (pg::kOwnTables, in `public`) and the ledgers `tracking_tables` name
// ("name" or "schema.name", as an environment's tracking_table; unparsable ones are skipped):
// they describe each database rather than hold its data, so a sync never copies them and never
// empties the target's. The value for PlanOptions::never_copy.
std::vector<catalog::QualifiedName> never_copied_tables(
    const std::vector<std::string>& tracking_tables);

// Decides the plan. Every refusal of one kind is collected and thrown at once:
//  SYNC_301 (exit 5): a --tables/--where/rule pattern that matches nothing; nothing selected.
//  SYNC_304 (exit 4): shapes differ (missing table/column in the target, incompatible types,
//           a NOT NULL target column the source lacks); details.problems lists each.
//  SYNC_305 (exit 5): a selected table references an unselected one, an unselected target
//           table references a selected one (TRUNCATE would fail), or a foreign-key cycle has no
//           nullable link to break it.
//  SYNC_308 (exit 5): --incremental and a table without a change column or integer key.
//  SYNC_309 (exit 5): a --where naming no selected table, or a condition that is not one SQL
//           expression (unbalanced parentheses, a ';', a syntax error).
//  ANON_1400 (exit 5): a rule names an unknown column or a strategy that does not fit.
//  ANON_1402 (exit 7): --strict and PII-looking columns without a rule.
SyncPlan plan_sync(const catalog::Catalog& source, const catalog::Catalog& target,
                   const PlanOptions& options);

}  // namespace confiture::sync
