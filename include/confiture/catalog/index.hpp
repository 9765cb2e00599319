// An index in the catalog model: one that backs no constraint (a primary key's, unique
// constraint's or exclusion constraint's index is the constraint's own).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

struct Index {
  QualifiedName name{};   // an index lives in its table's schema
  QualifiedName table{};  // a table, partitioned table or materialized view
  bool unique = false;
  std::string method{};                        // pg_am.amname: "btree", "gin", ...
  std::string definition{};                    // pg_get_indexdef: the whole CREATE INDEX statement
  std::optional<std::string> predicate{};      // WHERE of a partial index
  std::vector<std::string> key_columns{};      // column names or expressions, in key order
  std::vector<std::string> include_columns{};  // INCLUDE (...)
  bool inherited = false;  // made on a partition by its partitioned table's index
  std::optional<std::string> comment{};
};

}  // namespace confiture::catalog
