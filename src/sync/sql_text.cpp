// Relation names for sync's SQL (column lists: pg::quote_list).
#include "sql_text.hpp"

namespace confiture::sync {

std::string relation(const catalog::QualifiedName& name, char kind) {
  return (kind == 'p' ? "" : "ONLY ") + name.quoted();
}

}  // namespace confiture::sync
