// How sync names a table in FROM and TRUNCATE (quoted column lists are pg::quote_list).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/catalog.hpp"

namespace confiture::sync {

// A table as a FROM or TRUNCATE target: ONLY a plain table (its inheritance children are tables
// of their own), a partitioned table with its partitions.
std::string relation(const catalog::QualifiedName& name, char kind);

}  // namespace confiture::sync
