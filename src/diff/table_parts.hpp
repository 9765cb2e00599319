// What the table and constraint generators share: how a table of `from` maps to its table in
// `to` (through declared renames), and how columns are spelled in DDL.
#pragma once

#include <string>
#include <vector>

#include "planner.hpp"

namespace confiture::diff {

// The table of `to` that `from_table` (a name in `from`) becomes; nullptr when it is dropped.
const catalog::Table* new_table(const Planner& planner, const QualifiedName& from_table);
// The column of `to_table` that the column `from_column` becomes; nullptr when it is dropped.
const catalog::Column* new_column(const Planner& planner, const catalog::Table& to_table,
                                  const std::string& from_column);
// The table still exists but the column does not.
bool column_is_gone(const Planner& planner, const catalog::Table& from_table,
                    const std::string& column);
// ALTER COLUMN ... TYPE (or COLLATE) is needed.
bool types_differ(const catalog::Column& a, const catalog::Column& b);
// A generated column whose expression changes is dropped and added again.
bool column_is_regenerated(const catalog::Column& from, const catalog::Column& to);

// SET STATISTICS and SET STORAGE of every column of `to` (`from`: the table it was, if any).
void plan_column_settings(Planner& planner, const catalog::Table& to, const catalog::Table* from);

// The table and every part of it that goes when it is dropped.
std::vector<ObjectRef> table_and_parts(const catalog::Table& table);

// Constraints that CREATE TABLE declares itself; the rest are added after.
bool created_inline(const catalog::Constraint& constraint);

// `"name" type [COLLATE c] [GENERATED ...] [DEFAULT e] [NOT NULL]` as `catalog` has it.
std::string column_definition(const catalog::Catalog& catalog, const catalog::Table& table,
                              const catalog::Column& column);
// GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(sequence options that are not the defaults)]
std::string identity_clause(const catalog::Catalog& catalog, const catalog::Table& table,
                            const catalog::Column& column);
// The sequence that backs an identity column, or nullptr.
const catalog::Sequence* identity_sequence(const catalog::Catalog& catalog,
                                           const QualifiedName& table, const std::string& column);
// Sequence options (INCREMENT BY, MINVALUE, ...) that differ from `base`'s, or all for no base.
std::string sequence_options(const catalog::Sequence& sequence, const catalog::Sequence* base);
// A sequence never used whose old START falls outside its new bounds: ALTER SEQUENCE refuses the
// bounds unless it also restarts at the new START, which is where it would stand had it been
// created with it. (A sequence this role may not read also looks unused; see Sequence::last_value.)
bool restarts(const catalog::Sequence& sequence, const catalog::Sequence& before);
std::vector<std::string> sequence_option_list(const catalog::Sequence& sequence,
                                              const catalog::Sequence* base);

}  // namespace confiture::diff
