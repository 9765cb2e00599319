// The schema differ: two catalogs in, the plan that turns the first into the second out. A pure
// function of its inputs (no server), so that every rule is testable on hand-made catalogs.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/plan.hpp"

namespace confiture::diff {

// Renames the user declared (`-- confiture:renamed-from old` in the desired DDL): never guessed.
struct Renames {
  std::map<catalog::QualifiedName, std::string> tables;  // new table -> its old name (same schema)
  // (new table, new column) -> the column's old name
  std::map<std::pair<catalog::QualifiedName, std::string>, std::string> columns;
};

// Adds the renames one DDL file declares; an unqualified table is taken to be in `public`.
// Throws SCHEMA_200, located in `file`, for a misplaced or malformed annotation.
void add_declared_renames(Renames& renames, std::string_view ddl, const std::string& file);

struct Options {
  Renames renames{};
};

// Throws Error(DIFFER_401) when the catalogs cannot be compared (a rename names an object that
// does not exist). Objects listed as unsupported are not compared: callers decide about them.
Plan plan_changes(const catalog::Catalog& from, const catalog::Catalog& to,
                  const Options& options = {});

}  // namespace confiture::diff
