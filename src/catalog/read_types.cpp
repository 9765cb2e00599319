// The user-defined types part of read_catalog: one query each for enums, domains, composite
// types and range types.
#include <cstddef>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view enum_types;
extern const std::string_view domains;
extern const std::string_view composite_types;
extern const std::string_view range_types;
}  // namespace sql

namespace detail {
namespace {

QualifiedName name_of(const pqxx::row& row) {
  return {row["schema"].as<std::string>(), row["name"].as<std::string>()};
}

std::vector<bool> bool_array(const pqxx::field& field) {
  std::vector<bool> values;
  for (const std::string& value : text_array(field)) values.push_back(value == "t");
  return values;
}

void read_enum_types(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::enum_types, schemas))) {
    catalog.enum_types.push_back({.name = name_of(row),
                                  .labels = text_array(row["labels"]),
                                  .comment = optional_text(row["comment"]),
                                  .privileges = text_array(row["privileges"]),
                                  .owner = row["owner"].as<std::string>()});
  }
}

void read_domains(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::domains, schemas))) {
    Domain& domain = catalog.domains.emplace_back();
    domain.name = name_of(row);
    domain.base_type = row["base_type"].as<std::string>();
    domain.not_null = row["not_null"].as<bool>();
    domain.default_expr = optional_text(row["default_expr"]);
    domain.collation = optional_name(row["collation_schema"], row["collation_name"]);
    const std::vector<std::string> names = text_array(row["constraint_names"]);
    const std::vector<std::string> definitions = text_array(row["constraint_definitions"]);
    const std::vector<bool> validated = bool_array(row["constraint_validated"]);
    for (std::size_t i = 0; i < names.size(); ++i) {
      domain.constraints.push_back(
          {.name = names[i], .definition = definitions.at(i), .validated = validated.at(i)});
    }
    domain.comment = optional_text(row["comment"]);
    domain.privileges = text_array(row["privileges"]);
    domain.owner = row["owner"].as<std::string>();
  }
}

// One row per attribute, grouped by type: a new type starts where the name changes.
void read_composite_types(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  CompositeType* current = nullptr;
  for (const auto& row : conn.exec(bind_schemas(sql::composite_types, schemas))) {
    QualifiedName name = name_of(row);
    if (current == nullptr || current->name != name) {
      current = &catalog.composite_types.emplace_back();
      current->name = std::move(name);
      current->comment = optional_text(row["comment"]);
      current->privileges = text_array(row["privileges"]);
      current->owner = row["owner"].as<std::string>();
    }
    if (row["attribute"].is_null()) continue;
    current->attributes.push_back(
        {.name = row["attribute"].as<std::string>(),
         .type = row["type"].as<std::string>(),
         .collation = optional_name(row["collation_schema"], row["collation_name"])});
  }
}

void read_range_types(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::range_types, schemas))) {
    catalog.range_types.push_back(
        {.name = name_of(row),
         .subtype = row["subtype"].as<std::string>(),
         .subtype_opclass = optional_text(row["subtype_opclass"]),
         .collation = optional_name(row["collation_schema"], row["collation_name"]),
         .canonical = optional_text(row["canonical"]),
         .subtype_diff = optional_text(row["subtype_diff"]),
         .comment = optional_text(row["comment"]),
         .privileges = text_array(row["privileges"]),
         .owner = row["owner"].as<std::string>()});
  }
}

}  // namespace

void read_types(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  read_enum_types(conn, schemas, catalog);
  read_domains(conn, schemas, catalog);
  read_composite_types(conn, schemas, catalog);
  read_range_types(conn, schemas, catalog);
}

}  // namespace detail
}  // namespace confiture::catalog
