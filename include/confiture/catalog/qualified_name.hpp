// The name of a schema-qualified object (table, type, sequence, ...), shared by every part of the
// catalog model.
#pragma once

#include <compare>
#include <string>

namespace confiture::catalog {

struct QualifiedName {
  std::string schema{};
  std::string name{};

  // For people: schema.name, a part quoted unless it is a plain lowercase identifier
  // (public.users, "Sales"."Order Items"). Keywords are not quoted: not for SQL.
  std::string display() const;
  // For SQL: "schema"."name", both parts always quoted. An empty schema leaves out the
  // schema part in both forms.
  std::string quoted() const;
  auto operator<=>(const QualifiedName&) const = default;
};

}  // namespace confiture::catalog
