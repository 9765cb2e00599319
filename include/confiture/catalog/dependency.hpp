// A dependency between two objects of the catalog model, as PostgreSQL records it (pg_depend):
// what the schema diff orders its statements by.
#pragma once

#include <compare>
#include <string>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

// One object as the differ plans for it. `kind` is one of: schema (name.schema), extension
// (name.name), type, sequence, table, view (also materialized), index, routine (member: its
// identity arguments), or a part of a table named by `name` = the table and `member`: column,
// default (of that column), constraint, trigger, policy.
struct ObjectRef {
  std::string kind{};
  QualifiedName name{};
  std::string member{};
  auto operator<=>(const ObjectRef&) const = default;
};

struct Dependency {
  ObjectRef dependent{};
  ObjectRef referenced{};
  auto operator<=>(const Dependency&) const = default;
};

}  // namespace confiture::catalog
