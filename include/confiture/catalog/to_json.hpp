// The catalog as JSON, for `--format json` and golden tests: every field under its C++ name, in
// the catalog's own order, so that equal catalogs give equal documents. Table::oid is left out:
// it differs between two copies of the same schema.
#pragma once

#include <nlohmann/json.hpp>

#include "confiture/catalog/catalog.hpp"

namespace confiture::catalog {

// A QualifiedName is {"schema", "name"}; an unset optional is null; a "char" code is a
// one-character string, or null for '\0' (none).
nlohmann::json to_json(const Catalog& catalog);

}  // namespace confiture::catalog
