// A trigger in the catalog model: a user trigger, not the internal ones behind foreign keys.
#pragma once

#include <optional>
#include <string>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

struct Trigger {
  QualifiedName table{};     // a table, partitioned table or view
  std::string name{};        // unique per table
  std::string definition{};  // pg_get_triggerdef: the whole CREATE TRIGGER statement
  char enabled = 'O';  // pg_trigger.tgenabled: 'O' origin, 'D' disabled, 'R' replica, 'A' always
  bool inherited = false;  // made on a partition by its partitioned table's trigger
  std::optional<std::string> comment{};
};

}  // namespace confiture::catalog
