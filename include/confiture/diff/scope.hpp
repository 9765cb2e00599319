// What a diff compares: catalogs narrowed by schema, and without confiture's own tables.
#pragma once

#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"

namespace confiture::diff {

// Leaves out every object in one of `schemas` (and what depends on it): --exclude-schema.
void exclude_schemas(catalog::Catalog& catalog, const std::vector<std::string>& schemas);
// Leaves out tables by name in any schema, with their sequences and indexes: confiture's own
// ledger, lock and build tables, which describe a database rather than belong to its schema.
void exclude_tables(catalog::Catalog& catalog, const std::vector<std::string>& names);

}  // namespace confiture::diff
