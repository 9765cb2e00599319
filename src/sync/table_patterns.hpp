// How sync's command line names tables: globs on `table` or `schema.table` (--tables,
// --exclude), and exact references (`users`, `public.users`) in rules and --where.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/catalog.hpp"

namespace confiture::sync {

// A pattern without a dot matches the table name in any schema; with a dot, schema and name
// are matched separately. `*`, `?` and `[...]` as in shell globs; case-sensitive.
bool table_matches(std::string_view pattern, const catalog::QualifiedName& table);

// The table a reference names among `tables`: `schema.table` exactly, or an unqualified name
// that is unique across schemas (or found in `public`). Returns nullptr when nothing matches;
// `ambiguous` is set to the candidates when several do.
const catalog::Table* find_table(const std::vector<const catalog::Table*>& tables,
                                 std::string_view reference, std::vector<std::string>* ambiguous);

// Whether one of the partition ancestors of `table` (its parent, the parent's parent, ...) is
// `selected`: such a partition is copied and emptied through that ancestor.
bool has_selected_ancestor(const catalog::Catalog& catalog, const catalog::Table& table,
                           const std::function<bool(const catalog::QualifiedName&)>& selected);

}  // namespace confiture::sync
