// The bits of SQL text sync builds around table and column names, quoted in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/catalog.hpp"

namespace confiture::sync {

// `"a", "b"`, or with an alias `t."a", t."b"`.
std::string quoted_columns(const std::vector<std::string>& columns, std::string_view alias = {});

// A table as a FROM or TRUNCATE target: ONLY a plain table (its inheritance children are tables
// of their own), a partitioned table with its partitions.
std::string relation(const catalog::QualifiedName& name, char kind);

}  // namespace confiture::sync
