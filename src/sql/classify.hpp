// Reads what one parsed statement is from libpg_query's tree: its command tag, the object it names,
// and whether PostgreSQL refuses it inside a transaction block.
#pragma once

#include <string>
#include <string_view>

#include "confiture/sql/json_view.hpp"

namespace confiture::sql {

struct Classification {
  std::string kind;
  std::string object;
  bool needs_autocommit = false;
  bool transaction_control = false;
};

// `node_type` is libpg_query's node name ("IndexStmt"); `node` the object holding its fields.
// An unknown node type is returned as the kind itself, with no flags.
Classification classify(std::string_view node_type, JsonView node);

}  // namespace confiture::sql
