// Source and target shapes of one table: columns are matched by name (never by position),
// generated columns are left to the target, and every difference that would make COPY fail
// or lose data is reported before anything is truncated.
#include <fmt/format.h>

#include "plan_steps.hpp"

namespace confiture::sync {
namespace {

std::string without_modifier(const std::string& type) {
  auto paren = type.find('(');
  if (paren == std::string::npos) return type;
  std::string bare = type.substr(0, paren);
  auto close = type.find(')', paren);
  if (close != std::string::npos) bare += type.substr(close + 1);  // keeps "[]" of arrays
  while (!bare.empty() && bare.back() == ' ') bare.pop_back();
  return bare;
}

// Text travels through COPY, so a type fits when the target parses every source value: same
// type (any modifier), or both strings, or both numbers.
bool compatible(const catalog::Column& from, const catalog::Column& to) {
  if (without_modifier(from.base_type) == without_modifier(to.base_type)) return true;
  if (from.type_category == to.type_category) {
    return from.type_category == 'S' || from.type_category == 'N';
  }
  return false;
}

}  // namespace

void check_shape(const SelectedTable& table, TablePlan& plan, std::vector<std::string>& problems,
                 std::vector<std::string>& warnings) {
  const std::string name = table.source->name.display();
  if (!table.target) {
    problems.push_back(fmt::format("table {} is missing in the target", name));
    return;
  }
  for (const catalog::Column& column : table.source->columns) {
    if (column.generated) continue;
    const catalog::Column* into = table.target->column(column.name);
    if (!into) {
      problems.push_back(
          fmt::format("{}.{} ({}) is missing in the target", name, column.name, column.type));
      continue;
    }
    if (into->generated) continue;
    if (!compatible(column, *into)) {
      problems.push_back(fmt::format("{}.{} is {} in the source but {} in the target", name,
                                     column.name, column.type, into->type));
      continue;
    }
    if (into->max_length > 0 && column.max_length != -1 && column.max_length > into->max_length) {
      warnings.push_back(
          fmt::format("{}.{} is {} in the source but {} in the target: longer "
                      "values will fail the copy",
                      name, column.name, column.type, into->type));
    }
    plan.columns.push_back(column.name);
  }
  for (const catalog::Column& column : table.target->columns) {
    if (column.generated) continue;
    const catalog::Column* in_source = table.source->column(column.name);
    if (in_source && !in_source->generated) continue;
    if (in_source && in_source->generated && !column.default_expr && column.not_null) {
      problems.push_back(
          fmt::format("{}.{} is generated in the source but a NOT NULL column "
                      "without default in the target",
                      name, column.name));
    } else if (!in_source && column.not_null && !column.default_expr && !column.identity) {
      problems.push_back(
          fmt::format("{}.{} is NOT NULL without a default in the target and "
                      "missing in the source",
                      name, column.name));
    } else if (!in_source) {
      warnings.push_back(
          fmt::format("{}.{} exists only in the target: it gets its default", name, column.name));
    }
  }
}

}  // namespace confiture::sync
