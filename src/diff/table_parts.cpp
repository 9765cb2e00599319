// Table mapping through renames, and column and sequence option spelling.
#include "table_parts.hpp"

#include <fmt/format.h>

#include "sql_text.hpp"

namespace confiture::diff {

const catalog::Table* new_table(const Planner& planner, const QualifiedName& from_table) {
  for (const auto& [to_name, old_name] : planner.options.renames.tables) {
    if (to_name.schema == from_table.schema && old_name == from_table.name) {
      return planner.to.table(to_name);
    }
  }
  if (planner.options.renames.tables.count(from_table) > 0) return nullptr;
  return planner.to.table(from_table);
}

const catalog::Column* new_column(const Planner& planner, const catalog::Table& to_table,
                                  const std::string& from_column) {
  for (const catalog::Column& column : to_table.columns) {
    if (planner.old_column_name(to_table.name, column.name) == from_column) return &column;
  }
  return nullptr;
}

bool column_is_gone(const Planner& planner, const catalog::Table& from_table,
                    const std::string& column) {
  const catalog::Table* after = new_table(planner, from_table.name);
  return after != nullptr && new_column(planner, *after, column) == nullptr;
}

bool types_differ(const catalog::Column& a, const catalog::Column& b) {
  return a.type != b.type || a.collation != b.collation;
}

bool column_is_regenerated(const catalog::Column& from, const catalog::Column& to) {
  return from.generated != to.generated || (to.generated && from.default_expr != to.default_expr);
}

std::vector<ObjectRef> table_and_parts(const catalog::Table& table) {
  std::vector<ObjectRef> parts{ref("table", table.name)};
  for (const catalog::Column& column : table.columns) {
    parts.push_back(ref("column", table.name, column.name));
    if (column.default_expr) parts.push_back(ref("default", table.name, column.name));
  }
  for (const catalog::Constraint& constraint : table.constraints) {
    parts.push_back(ref("constraint", table.name, constraint.name));
  }
  for (const catalog::ForeignKey& key : table.foreign_keys) {
    parts.push_back(ref("constraint", table.name, key.name));
  }
  return parts;
}

bool created_inline(const catalog::Constraint& constraint) {
  return !constraint.inherited && (constraint.kind != 'c' || constraint.validated);
}

const catalog::Sequence* identity_sequence(const catalog::Catalog& catalog,
                                           const QualifiedName& table, const std::string& column) {
  for (const catalog::Sequence& sequence : catalog.sequences) {
    if (sequence.owned_by_table == table && sequence.owned_by_column == column) return &sequence;
  }
  return nullptr;
}

std::vector<std::string> sequence_option_list(const catalog::Sequence& sequence,
                                              const catalog::Sequence* base) {
  std::vector<std::string> options;
  if (!base || base->increment != sequence.increment) {
    options.push_back(fmt::format("INCREMENT BY {}", sequence.increment));
  }
  if (!base || base->min_value != sequence.min_value) {
    options.push_back(fmt::format("MINVALUE {}", sequence.min_value));
  }
  if (!base || base->max_value != sequence.max_value) {
    options.push_back(fmt::format("MAXVALUE {}", sequence.max_value));
  }
  if (!base || base->start != sequence.start) {
    options.push_back(fmt::format("START WITH {}", sequence.start));
  }
  if (!base || base->cache != sequence.cache) {
    options.push_back(fmt::format("CACHE {}", sequence.cache));
  }
  if (!base || base->cycle != sequence.cycle) {
    options.push_back(sequence.cycle ? "CYCLE" : "NO CYCLE");
  }
  return options;
}

bool restarts(const catalog::Sequence& sequence, const catalog::Sequence& before) {
  return !before.last_value && before.start != sequence.start &&
         (before.start < sequence.min_value || before.start > sequence.max_value);
}

std::string sequence_options(const catalog::Sequence& sequence, const catalog::Sequence* base) {
  return join(sequence_option_list(sequence, base), " ");
}

std::string identity_clause(const catalog::Catalog& catalog, const catalog::Table& table,
                            const catalog::Column& column) {
  std::string clause =
      fmt::format("GENERATED {} AS IDENTITY", column.identity == 'a' ? "ALWAYS" : "BY DEFAULT");
  const catalog::Sequence* sequence = identity_sequence(catalog, table.name, column.name);
  if (sequence) {
    // What a new identity of this column's type starts with; only the rest is spelled out.
    catalog::Sequence defaults{.data_type = sequence->data_type};
    defaults.increment = 1;
    const std::int64_t type_max = sequence->data_type == "smallint"  ? 32767
                                  : sequence->data_type == "integer" ? 2147483647
                                                                     : 9223372036854775807;
    defaults.min_value = sequence->increment > 0 ? 1 : -type_max - 1;
    defaults.max_value = sequence->increment > 0 ? type_max : -1;
    defaults.start = sequence->increment > 0 ? defaults.min_value : defaults.max_value;
    const std::string options = sequence_options(*sequence, &defaults);
    if (!options.empty()) clause += " (" + options + ")";
  }
  return clause;
}

std::string column_definition(const catalog::Catalog& catalog, const catalog::Table& table,
                              const catalog::Column& column) {
  std::string sql = fmt::format("{} {}", ident(column.name), column.type);
  if (column.collation) sql += " COLLATE " + qualified(*column.collation);
  if (column.generated) {
    sql += fmt::format(" GENERATED ALWAYS AS ({}) {}", column.default_expr.value_or(""),
                       column.generated == 'v' ? "VIRTUAL" : "STORED");
  } else if (column.identity) {
    sql += ' ';
    sql += identity_clause(catalog, table, column);
  } else if (column.default_expr) {
    sql += " DEFAULT " + *column.default_expr;
  }
  if (column.not_null && !column.identity) sql += " NOT NULL";
  return sql;
}

}  // namespace confiture::diff
