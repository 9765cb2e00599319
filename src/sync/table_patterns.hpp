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
// that is unique across schemas (or found in `public`). The reference is read by
// catalog::parse_qualified_name with bare parts kept as written (case included): a part in
// double quotes may hold dots and quotes (`public."a""b"` is the table a"b). Returns nullptr when
// nothing matches; `ambiguous` is set to the candidates when several do.
const catalog::Table* find_table(const std::vector<const catalog::Table*>& tables,
                                 std::string_view reference, std::vector<std::string>* ambiguous);

// A reference as messages show it: the name it reads as, quoted where needed
// (`public."a""b"`), or the text with why it is not a name.
std::string reference_display(std::string_view reference);

// Whether one of the partition ancestors of `table` (its parent, the parent's parent, ...) is
// `selected`: such a partition is copied and emptied through that ancestor.
bool has_selected_ancestor(const catalog::Catalog& catalog, const catalog::Table& table,
                           const std::function<bool(const catalog::QualifiedName&)>& selected);

}  // namespace confiture::sync
