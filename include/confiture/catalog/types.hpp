// User-defined types in the catalog model: enums, domains, free-standing composite types and range
// types. Type names and expressions are as format_type / pg_get_constraintdef print them for the
// reading session's search_path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

struct EnumType {
  QualifiedName name{};
  std::vector<std::string> labels{};  // in sort order (enumsortorder), not creation order
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
};

struct DomainConstraint {
  std::string name{};
  std::string definition{};  // pg_get_constraintdef: "CHECK ((VALUE > 0))"
  bool validated = true;     // false: NOT VALID
};

struct Domain {
  QualifiedName name{};
  std::string base_type{};  // the direct base (possibly another domain), with its typmod
  bool not_null = false;
  std::optional<std::string> default_expr{};
  std::optional<QualifiedName> collation{};     // only when not the base type's default
  std::vector<DomainConstraint> constraints{};  // CHECK constraints, sorted by name
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
};

struct CompositeAttribute {
  std::string name{};
  std::string type{};                        // format_type with typmod
  std::optional<QualifiedName> collation{};  // only when not the attribute type's default
};

// CREATE TYPE ... AS (...); a table's row type is not one of these.
struct CompositeType {
  QualifiedName name{};
  std::vector<CompositeAttribute> attributes{};  // in declaration order
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
};

struct RangeType {
  QualifiedName name{};
  std::string subtype{};
  // The CREATE TYPE ... AS RANGE options that differ from the defaults; unset means default.
  std::optional<std::string> subtype_opclass{};  // quoted schema.name
  std::optional<QualifiedName> collation{};
  std::optional<std::string> canonical{};     // function, as regproc prints it
  std::optional<std::string> subtype_diff{};  // function, as regproc prints it
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
};

}  // namespace confiture::catalog
