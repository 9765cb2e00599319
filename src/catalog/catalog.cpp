// Lookups in the catalog's value types. Linear scans: a catalog built by hand in a test need not
// be sorted, and callers that look up every table build their own index once.
#include "confiture/catalog/catalog.hpp"

#include <algorithm>

namespace confiture::catalog {

const Column* Table::column(std::string_view column_name) const {
  auto found = std::find_if(columns.begin(), columns.end(),
                            [&](const Column& column) { return column.name == column_name; });
  return found == columns.end() ? nullptr : &*found;
}

const Table* Catalog::table(const QualifiedName& name) const {
  auto found = std::find_if(tables.begin(), tables.end(),
                            [&](const Table& table) { return table.name == name; });
  return found == tables.end() ? nullptr : &*found;
}

}  // namespace confiture::catalog
