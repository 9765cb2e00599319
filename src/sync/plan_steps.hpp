// The steps of plan_sync(), one file each, sharing these small types. Each step appends the
// problems it finds instead of throwing, so that a refusal lists every problem at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/sync/plan.hpp"

namespace confiture::sync {

// One selected table: where its rows come from and where they go.
struct SelectedTable {
  const catalog::Table* source = nullptr;
  const catalog::Table* target = nullptr;  // null when the target lacks it (a shape problem)
};

// shape_check.cpp: fills plan.columns (copied columns, matched by name, generated ones left
// out) and reports every incompatibility between source and target.
void check_shape(const SelectedTable& table, TablePlan& plan, std::vector<std::string>& problems,
                 std::vector<std::string>& warnings);

// column_rules.cpp: what an anonymizer needs to know about a column.
ColumnInfo column_info(const catalog::Table& table, const catalog::Column& column);

// column_rules.cpp: resolves the rules against the selected tables (plans[i] belongs to
// tables[i]), fills plan.rewrites and plan.pii_verbatim. `unknown` collects rules naming
// nothing or not fitting (ANON_1400), `unlabelled` PII-looking columns without a rule.
void apply_column_rules(const std::vector<SelectedTable>& tables,
                        const std::vector<const catalog::Table*>& all_source_tables,
                        const std::vector<ColumnRule>& rules, std::vector<TablePlan>& plans,
                        std::vector<std::string>& unknown, std::vector<std::string>& unlabelled);

// table_order.cpp: orders plans parents-first by the target's foreign keys, breaks cycles at a
// nullable foreign key (plan.deferred) and sets plan.after. Problems are SYNC_305 material.
void order_tables(const std::vector<SelectedTable>& tables, const catalog::Catalog& target,
                  std::vector<TablePlan>& plans, std::vector<std::string>& problems);

// subset_filter.cpp: turns --where into each plan's filter, closed over foreign keys (parents
// of copied rows come along; children follow their restricted parents).
void apply_subset(const std::vector<SelectedTable>& tables,
                  const std::vector<std::pair<const catalog::Table*, std::string>>& where,
                  std::vector<TablePlan>& plans, std::vector<std::string>& problems);

// where_condition.cpp: why a --where condition cannot be spliced as one expression (a scanner
// or parser error, a ')' closing what it did not open, a ';'), or nullopt when it can.
std::optional<std::string> where_condition_problem(const std::string& condition);

// The condition as sync splices it: "(\n" condition "\n)", so a trailing `-- comment` ends at
// the newline and the closing parenthesis stays code.
std::string parenthesised_condition(const std::string& condition);

}  // namespace confiture::sync
