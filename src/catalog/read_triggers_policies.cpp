// The per-table rules part of read_catalog: triggers and row-level security policies, one query
// each.
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view triggers;
extern const std::string_view policies;
}  // namespace sql

namespace detail {
namespace {

QualifiedName table_of(const pqxx::row& row) {
  return {row["table_schema"].as<std::string>(), row["table_name"].as<std::string>()};
}

}  // namespace

void read_triggers(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::triggers, schemas))) {
    catalog.triggers.push_back({.table = table_of(row),
                                .name = row["name"].as<std::string>(),
                                .definition = row["definition"].as<std::string>(),
                                .enabled = char_of(row["enabled"]),
                                .inherited = row["inherited"].as<bool>(),
                                .comment = optional_text(row["comment"])});
  }
}

void read_policies(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::policies, schemas))) {
    catalog.policies.push_back({.table = table_of(row),
                                .name = row["name"].as<std::string>(),
                                .command = char_of(row["command"]),
                                .permissive = row["permissive"].as<bool>(),
                                .roles = text_array(row["roles"]),
                                .using_expr = optional_text(row["using_expr"]),
                                .with_check_expr = optional_text(row["with_check_expr"]),
                                .comment = optional_text(row["comment"])});
  }
}

}  // namespace detail
}  // namespace confiture::catalog
