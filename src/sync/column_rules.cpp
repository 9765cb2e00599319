// Anonymisation rules against the real tables: a rule naming a table or column that does not
// exist is an error (a typo must never let PII through), a rule without a strategy gets the one
// its column suggests, and PII-looking columns without a rule are listed (--strict) or warned.
#include <fmt/format.h>

#include <map>

#include "confiture/report/error.hpp"
#include "confiture/sync/pii.hpp"
#include "plan_steps.hpp"
#include "table_patterns.hpp"

namespace confiture::sync {

ColumnInfo column_info(const catalog::Table& table, const catalog::Column& column) {
  ColumnInfo info;
  info.table = table.name.display();
  info.column = column.name;
  info.type = column.type;
  info.type_category = column.type_category;
  info.base_type = column.base_type;
  info.max_length = column.max_length;
  info.not_null = column.not_null;
  return info;
}

namespace {

std::string default_strategy(const catalog::Column& column) {
  if (auto pii = detect_pii(column.name, column.type)) return pii->suggested_strategy;
  if (column.type_category == 'S') return "redact";
  return column.not_null ? std::string() : "null";
}

// Builds the anonymizer once with a stand-in key: the real key is only needed to run.
std::string check_fits(const StrategySpec& spec, const ColumnInfo& info) {
  static const AnonKey kCheckKey("plan-check");
  try {
    make_anonymizer(spec, info, &kCheckKey);
  } catch (const Error& error) {
    return error.what();
  }
  return {};
}

}  // namespace

void apply_column_rules(const std::vector<SelectedTable>& tables,
                        const std::vector<const catalog::Table*>& all_source_tables,
                        const std::vector<ColumnRule>& rules, std::vector<TablePlan>& plans,
                        std::vector<std::string>& unknown, std::vector<std::string>& unlabelled) {
  // (table index, column) -> rule; a later rule for the same column replaces an earlier one.
  std::map<std::pair<std::size_t, std::string>, const ColumnRule*> chosen;
  for (const ColumnRule& rule : rules) {
    std::vector<std::string> ambiguous;
    const catalog::Table* table = find_table(all_source_tables, rule.table, &ambiguous);
    if (!table) {
      unknown.push_back(
          ambiguous.empty()
              ? fmt::format("{}: table {} does not exist in the source", rule.origin,
                            reference_display(rule.table))
              : fmt::format("{}: table {} is ambiguous ({}); qualify it with its schema",
                            rule.origin, reference_display(rule.table),
                            fmt::join(ambiguous, ", ")));
      continue;
    }
    if (!table->column(rule.column)) {
      unknown.push_back(fmt::format("{}: column {}.{} does not exist in the source", rule.origin,
                                    table->name.display(),
                                    catalog::QualifiedName{"", rule.column}.display()));
      continue;
    }
    for (std::size_t i = 0; i < tables.size(); ++i) {
      if (tables[i].source == table) chosen[{i, rule.column}] = &rule;
    }
  }

  for (std::size_t i = 0; i < tables.size(); ++i) {
    const SelectedTable& table = tables[i];
    TablePlan& plan = plans[i];
    if (!table.target) continue;
    for (std::size_t field = 0; field < plan.columns.size(); ++field) {
      const std::string& name = plan.columns[field];
      const catalog::Column& column = *table.target->column(name);
      auto rule = chosen.find({i, name});
      if (rule == chosen.end()) {
        if (auto pii = detect_pii(name, column.type)) {
          unlabelled.push_back(fmt::format("{}.{} ({}, looks like {}; suggested strategy: {})",
                                           plan.name.display(), name, column.type, pii->category,
                                           pii->suggested_strategy));
          plan.pii_verbatim.push_back(name);
        }
        continue;
      }
      ColumnRewrite rewrite;
      rewrite.field = field;
      rewrite.spec = rule->second->spec;
      rewrite.origin = rule->second->origin;
      rewrite.column = column_info(*table.target, column);
      if (rewrite.spec.strategy.empty()) rewrite.spec.strategy = default_strategy(column);
      if (rewrite.spec.strategy.empty()) {
        unknown.push_back(fmt::format(
            "{}: no strategy fits {}.{} ({}, NOT NULL); name one "
            "with {}.{}:STRATEGY",
            rewrite.origin, plan.name.display(), name, column.type, rule->second->table, name));
        continue;
      }
      if (rewrite.spec.strategy == "preserve") continue;
      std::string problem = check_fits(rewrite.spec, rewrite.column);
      if (!problem.empty()) {
        unknown.push_back(fmt::format("{}: {}", rewrite.origin, problem));
        continue;
      }
      plan.rewrites.push_back(std::move(rewrite));
    }
  }
}

}  // namespace confiture::sync
