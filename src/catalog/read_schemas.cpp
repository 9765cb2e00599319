// The database-level part of read_catalog: schemas and extensions.
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view schemas;
extern const std::string_view extensions;
}  // namespace sql

namespace detail {

void read_schemas(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::schemas, schemas))) {
    catalog.schemas.push_back({.name = row["name"].as<std::string>(),
                               .owner = row["owner"].as<std::string>(),
                               .comment = optional_text(row["comment"]),
                               .privileges = text_array(row["privileges"])});
  }
}

void read_extensions(pg::Connection& conn, Catalog& catalog) {
  for (const auto& row : conn.exec(sql::extensions)) {
    catalog.extensions.push_back({.name = row["name"].as<std::string>(),
                                  .schema = row["schema"].as<std::string>(),
                                  .version = row["version"].as<std::string>()});
  }
}

}  // namespace detail
}  // namespace confiture::catalog
