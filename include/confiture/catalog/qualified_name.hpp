// The name of a schema-qualified object (table, type, sequence, ...), shared by every part of the
// catalog model.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

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

// `text` read as a name written by a person (report::split_schema_and_name in
// report::kWrittenName): `name` or `schema.name`, each part either in double
// quotes (taken exactly, `""` inside standing for one quote, dots and spaces allowed) or bare.
// A bare part is trimmed of surrounding blanks and must not hold a double quote; it is folded to
// lower case as SQL does when `fold_bare` is set, else kept as written. nullopt when `text` is
// not such a name (an empty part, an unclosed quote, three parts, text after a closing quote).
// An unqualified name has an empty schema.
std::optional<QualifiedName> parse_qualified_name(std::string_view text, bool fold_bare);

}  // namespace confiture::catalog
