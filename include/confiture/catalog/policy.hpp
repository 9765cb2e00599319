// A row-level security policy in the catalog model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

struct Policy {
  QualifiedName table{};
  std::string name{};  // unique per table
  char command = '*';  // pg_policy.polcmd: 'r' SELECT, 'a' INSERT, 'w' UPDATE, 'd' DELETE, '*' ALL
  bool permissive = true;            // false: AS RESTRICTIVE
  std::vector<std::string> roles{};  // role names in byte order; "public" for PUBLIC
  std::optional<std::string> using_expr{};
  std::optional<std::string> with_check_expr{};
  std::optional<std::string> comment{};
};

}  // namespace confiture::catalog
