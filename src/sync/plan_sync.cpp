// plan_sync(): selection, shapes, rules, subsets, incremental keys and order, each refusal
// thrown with every problem of its kind listed.
#include <fmt/format.h>

#include <algorithm>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "plan_steps.hpp"
#include "table_patterns.hpp"

namespace confiture::sync {
namespace {

[[noreturn]] void refuse(const char* code, ExitClass exit_class, const std::string& what,
                         const std::vector<std::string>& problems, std::string hint) {
  std::string message = what;
  for (const std::string& problem : problems) message += "\n  - " + problem;
  Error error(code, exit_class, message, std::move(hint));
  error.details["problems"] = problems;
  throw error;
}

std::vector<const catalog::Table*> select_tables(const catalog::Catalog& source,
                                                 const PlanOptions& options) {
  std::vector<const catalog::Table*> candidates, selected;
  for (const catalog::Table& table : source.tables) {
    bool never = std::find(options.never_copy.begin(), options.never_copy.end(), table.name) !=
                 options.never_copy.end();
    if (!never) candidates.push_back(&table);
  }
  std::vector<std::string> unmatched;
  for (const std::string& pattern : options.tables) {
    if (std::none_of(candidates.begin(), candidates.end(),
                     [&](const catalog::Table* t) { return table_matches(pattern, t->name); })) {
      unmatched.push_back(fmt::format("--tables {} matches no table in the source", pattern));
    }
  }
  for (const std::string& pattern : options.exclude) {
    if (std::none_of(candidates.begin(), candidates.end(),
                     [&](const catalog::Table* t) { return table_matches(pattern, t->name); })) {
      unmatched.push_back(fmt::format("--exclude {} matches no table in the source", pattern));
    }
  }
  if (!unmatched.empty()) {
    refuse(codes::kSyncNoTables, ExitClass::kConfig, "cannot sync: unknown tables", unmatched,
           "patterns match `table` or `schema.table` with shell globs (*, ?); list tables with "
           "\\dt *.* in psql");
  }
  for (const catalog::Table* table : candidates) {
    auto matches = [&](const std::string& pattern) { return table_matches(pattern, table->name); };
    bool wanted = options.tables.empty() ||
                  std::any_of(options.tables.begin(), options.tables.end(), matches);
    if (wanted && std::none_of(options.exclude.begin(), options.exclude.end(), matches)) {
      selected.push_back(table);
    }
  }
  // A partition travels with its partitioned table unless only the partition was selected.
  std::vector<const catalog::Table*> units;
  for (const catalog::Table* table : selected) {
    auto is_selected = [&](const catalog::QualifiedName& name) {
      return std::any_of(selected.begin(), selected.end(),
                         [&](const catalog::Table* t) { return t->name == name; });
    };
    if (!has_selected_ancestor(source, *table, is_selected)) units.push_back(table);
  }
  if (units.empty()) {
    refuse(codes::kSyncNoTables, ExitClass::kConfig, "cannot sync: no table selected", {},
           "the source has no user tables, or --exclude removed them all");
  }
  return units;
}

bool integer_type(const catalog::Column& column) {
  return column.base_type == "integer" || column.base_type == "bigint" ||
         column.base_type == "smallint";
}

void plan_incremental(const catalog::Table& target, const std::vector<const catalog::Table*>& all,
                      const PlanOptions& options, TablePlan& plan,
                      std::vector<std::string>& problems) {
  std::string column;
  for (const auto& [table, change] : options.change_columns) {
    const catalog::Table* named = find_table(all, table, nullptr);
    if (named && named->name == target.name) column = change;
  }
  if (plan.primary_key.empty()) {
    problems.push_back(fmt::format("{} has no primary key to upsert on", plan.name.display()));
    return;
  }
  if (!column.empty()) {
    if (std::find(plan.columns.begin(), plan.columns.end(), column) == plan.columns.end()) {
      problems.push_back(
          fmt::format("{}: change column {} is not copied", plan.name.display(), column));
      return;
    }
    plan.incremental = IncrementalPlan{column, false};
    return;
  }
  if (const catalog::Column* updated = target.column("updated_at");
      updated && updated->type_category == 'D') {
    plan.incremental = IncrementalPlan{"updated_at", false};
  } else if (plan.primary_key.size() == 1 && integer_type(*target.column(plan.primary_key[0]))) {
    plan.incremental = IncrementalPlan{plan.primary_key[0], true};
  } else {
    problems.push_back(
        fmt::format("{} has no updated_at column and no integer primary key; set "
                    "its change column under `incremental:` in the profile",
                    plan.name.display()));
  }
}

}  // namespace

SyncPlan plan_sync(const catalog::Catalog& source, const catalog::Catalog& target,
                   const PlanOptions& options) {
  SyncPlan result;
  std::vector<const catalog::Table*> all_source, all_target;
  for (const catalog::Table& table : source.tables) all_source.push_back(&table);
  for (const catalog::Table& table : target.tables) all_target.push_back(&table);

  std::vector<SelectedTable> tables;
  std::vector<TablePlan> plans;
  std::vector<std::string> problems;
  for (const catalog::Table* table : select_tables(source, options)) {
    SelectedTable selected{table, target.table(table->name)};
    TablePlan plan;
    plan.name = table->name;
    plan.kind = table->kind;
    plan.estimated_rows = table->estimated_rows;
    plan.estimated_bytes = table->estimated_bytes;
    if (selected.target) plan.primary_key = selected.target->primary_key;
    check_shape(selected, plan, problems, result.warnings);
    tables.push_back(selected);
    plans.push_back(std::move(plan));
  }
  if (!problems.empty()) {
    refuse(codes::kSyncShapeMismatch, ExitClass::kSchema,
           "cannot sync: source and target tables differ (nothing was changed)", problems,
           "bring the target's schema up to date (confiture migrate up, or confiture build), "
           "or leave these tables out with --exclude");
  }

  std::vector<std::string> unknown, unlabelled;
  apply_column_rules(tables, all_source, options.rules, plans, unknown, unlabelled);
  if (!unknown.empty()) {
    refuse(codes::kAnonBadRule, ExitClass::kConfig, "cannot sync: bad anonymization rules", unknown,
           "fix the rules; a rule that names nothing would let personal data through");
  }
  if (options.strict && !unlabelled.empty()) {
    refuse(codes::kAnonUnlabelledPii, ExitClass::kSafety,
           "refusing to sync (--strict): these columns look like personal data and have no "
           "anonymization rule (nothing was changed)",
           unlabelled,
           "give each a strategy in the profile or with --anonymize, or mark a deliberate "
           "verbatim copy with the strategy `preserve`");
  }
  for (const std::string& column : unlabelled) {
    result.warnings.push_back("copied verbatim, looks like personal data: " + column);
  }

  std::vector<std::pair<const catalog::Table*, std::string>> where;
  for (const auto& [reference, condition] : options.where) {
    std::vector<std::string> ambiguous;
    const catalog::Table* table = find_table(all_source, reference, &ambiguous);
    if (!table) {
      problems.push_back(
          ambiguous.empty()
              ? fmt::format("--where {}: no such table in the source", reference_display(reference))
              : fmt::format("--where {}: ambiguous ({})", reference_display(reference),
                            fmt::join(ambiguous, ", ")));
      continue;
    }
    if (auto problem = where_condition_problem(condition)) {
      problems.push_back(fmt::format("--where {}: {}", table->name.display(), *problem));
      continue;
    }
    where.emplace_back(table, condition);
    result.conditions.push_back({table->name, table->kind, condition});
  }
  if (problems.empty()) apply_subset(tables, where, plans, problems);
  if (!problems.empty()) {
    refuse(codes::kSyncBadWhere, ExitClass::kConfig, "cannot sync: bad --where", problems,
           "write --where TABLE=CONDITION, one SQL expression on the table (alias t), e.g. "
           "--where \"orders=created_at > now() - interval '30 days'\"");
  }

  if (options.incremental) {
    for (std::size_t i = 0; i < tables.size(); ++i) {
      plan_incremental(*tables[i].target, all_target, options, plans[i], problems);
    }
    if (!problems.empty()) {
      refuse(codes::kSyncIncremental, ExitClass::kConfig,
             "cannot sync incrementally: some tables have no change key", problems,
             "exclude them, or set `incremental: {TABLE: COLUMN}` in the profile");
    }
  }

  order_tables(tables, target, plans, problems);
  if (!problems.empty()) {
    refuse(codes::kSyncMissingParent, ExitClass::kConfig,
           "cannot sync: the selected tables are not closed under their foreign keys", problems,
           "select whole groups of related tables");
  }
  result.tables = std::move(plans);

  for (const catalog::Sequence& sequence : target.sequences) {
    if (!sequence.owned_by_table) continue;
    auto copied = std::find_if(result.tables.begin(), result.tables.end(), [&](const auto& t) {
      return t.name == *sequence.owned_by_table &&
             std::find(t.columns.begin(), t.columns.end(), sequence.owned_by_column) !=
                 t.columns.end();
    });
    if (copied == result.tables.end()) continue;
    SequencePlan plan{sequence.name, sequence.owned_by_table, sequence.owned_by_column, {}};
    for (const catalog::Sequence& in_source : source.sequences) {
      if (in_source.name == sequence.name) plan.source_last_value = in_source.last_value;
    }
    result.sequences.push_back(std::move(plan));
  }
  return result;
}

}  // namespace confiture::sync
