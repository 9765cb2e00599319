// Sequences: created with their options and attached to their column (OWNED BY) once the table
// is there, altered option by option, dropped unless their column or table takes them along.
// An identity column's sequence belongs to the column: tables.cpp plans it.
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"
#include "table_parts.hpp"

namespace confiture::diff {
namespace {

bool backs_identity(const catalog::Catalog& catalog, const catalog::Sequence& sequence) {
  if (!sequence.owned_by_table) return false;
  const catalog::Table* table = catalog.table(*sequence.owned_by_table);
  const catalog::Column* column = table ? table->column(sequence.owned_by_column) : nullptr;
  return column && column->identity;
}

const catalog::Sequence* find_sequence(const catalog::Catalog& catalog, const QualifiedName& name) {
  for (const catalog::Sequence& sequence : catalog.sequences) {
    if (sequence.name == name && !backs_identity(catalog, sequence)) return &sequence;
  }
  return nullptr;
}

ObjectRef sequence_ref(const QualifiedName& name) { return ref("sequence", name); }

// A new sequence taking over a column that already holds values (identity to serial) starts
// past them.
void continue_after(Planner& planner, const catalog::Sequence& sequence) {
  const QualifiedName& table = *sequence.owned_by_table;
  const catalog::Table* before = planner.from.table(planner.old_table_name(table));
  if (!before || !before->column(planner.old_column_name(table, sequence.owned_by_column))) return;
  const std::string column = ident(sequence.owned_by_column);
  Step step{.statement = data_change(
                fmt::format("SELECT pg_catalog.setval({}, coalesce(max({}), 0) + 1, false) FROM {}",
                            literal(qualified(sequence.name)), column, qualified(table)),
                "sequence " + sequence.name.display()),
            .rank = kOwnSequence,
            .follows_previous = true};
  step.needs.push_back(ref("column", table, sequence.owned_by_column));
  planner.add(std::move(step));
}

void own(Planner& planner, const catalog::Sequence& sequence) {
  std::string owner = "NONE";
  Step step{.rank = kOwnSequence};
  if (sequence.owned_by_table) {
    owner =
        fmt::format("{}.{}", qualified(*sequence.owned_by_table), ident(sequence.owned_by_column));
    step.needs.push_back(ref("column", *sequence.owned_by_table, sequence.owned_by_column));
  }
  step.statement =
      catalog_change(fmt::format("ALTER SEQUENCE {} OWNED BY {}", qualified(sequence.name), owner),
                     "sequence " + sequence.name.display());
  planner.add(std::move(step));
}

// The sequence goes when its owning column or table is dropped.
bool goes_with_owner(const Planner& planner, const catalog::Sequence& sequence) {
  if (!sequence.owned_by_table) return false;
  return planner.is_gone(ref("table", *sequence.owned_by_table)) ||
         planner.is_gone(ref("column", *sequence.owned_by_table, sequence.owned_by_column));
}

}  // namespace

void plan_sequences(Planner& planner) {
  for (const catalog::Sequence& sequence : planner.from.sequences) {
    if (backs_identity(planner.from, sequence) || find_sequence(planner.to, sequence.name))
      continue;
    if (goes_with_owner(planner, sequence)) continue;
    Statement statement = catalog_change("DROP SEQUENCE " + qualified(sequence.name),
                                         "sequence " + sequence.name.display());
    with_hazard(statement, Hazard::kDeletesData,
                "drops " + sequence.name.display() + " and its current value");
    planner.add({.statement = std::move(statement),
                 .drops = {sequence_ref(sequence.name)},
                 .rank = kDropSequence});
  }
  for (const catalog::Sequence& sequence : planner.to.sequences) {
    if (backs_identity(planner.to, sequence)) continue;
    const catalog::Sequence* before = find_sequence(planner.from, sequence.name);
    const std::string what = "sequence " + sequence.name.display();
    const ObjectRef object = sequence_ref(sequence.name);
    if (!before) {
      planner.add({.statement = catalog_change(
                       fmt::format("CREATE SEQUENCE {} AS {} {}", qualified(sequence.name),
                                   sequence.data_type, sequence_options(sequence, nullptr)),
                       what),
                   .creates = {object},
                   .rank = kCreateSequence});
      if (sequence.owned_by_table) {
        own(planner, sequence);
        continue_after(planner, sequence);
      }
    } else {
      std::string changes;
      if (before->data_type != sequence.data_type) changes += " AS " + sequence.data_type;
      const std::string options = sequence_options(sequence, before);
      if (!options.empty()) changes += " " + options;
      if (restarts(sequence, *before)) changes += " RESTART";
      if (!changes.empty()) {
        planner.add(
            {.statement = catalog_change(
                 fmt::format("ALTER SEQUENCE {}{}", qualified(sequence.name), changes), what),
             .creates = {object},
             .rank = kCreateSequence});
      }
      if (before->owned_by_table != sequence.owned_by_table ||
          before->owned_by_column != sequence.owned_by_column) {
        own(planner, sequence);
      }
    }
    plan_comment(planner, "SEQUENCE " + qualified(sequence.name), object,
                 before ? before->comment : std::nullopt, sequence.comment);
    plan_privileges(
        planner, "SEQUENCE", qualified(sequence.name), object,
        before ? std::optional<Privileges>({before->privileges, before->owner}) : std::nullopt,
        {sequence.privileges, sequence.owner});
  }
}

}  // namespace confiture::diff
