// What the readers of read_catalog share: binding the schema filter into a query, turning fields
// into model values, and the readers of each object kind that live in their own files.
#pragma once

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/catalog.hpp"

namespace confiture::catalog::detail {

// The schema filter as a SQL value: a text[] of the chosen schemas, or NULL for all of them.
std::string schemas_value(const std::vector<std::string>& schemas);

// The queries name the filter as the psql variable :schemas, so each query, once its
// @user_object(...)@ fragments are expanded (the build does it: fragments/*.sql), also runs under
// `psql -v schemas='NULL::text[]' -f`. A "::" cast is never mistaken for it.
std::string bind_schemas(std::string_view query, const std::string& value);

// "char" columns: an empty value (attidentity, attgenerated) means none.
inline char char_of(const pqxx::field& field) { return field.is_null() ? '\0' : field.c_str()[0]; }

std::vector<std::string> text_array(const pqxx::field& field);

inline std::optional<std::string> optional_text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

inline std::optional<QualifiedName> optional_name(const pqxx::field& schema,
                                                  const pqxx::field& name) {
  if (name.is_null()) return std::nullopt;
  return QualifiedName{schema.as<std::string>(), name.as<std::string>()};
}

// `schemas` is schemas_value()'s text. Each appends to its lists, in no particular order.
void read_schemas(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_extensions(pg::Connection& conn, Catalog& catalog);
void read_types(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_indexes(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_views(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_routines(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_triggers(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_policies(pg::Connection& conn, const std::string& schemas, Catalog& catalog);
void read_dependencies(pg::Connection& conn, Catalog& catalog);
void read_unsupported(pg::Connection& conn, const std::string& schemas, Catalog& catalog);

}  // namespace confiture::catalog::detail
